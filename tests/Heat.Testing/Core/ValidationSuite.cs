// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Core;

/// <summary>Bad input raises the same clear exception on every rank (metadata checks need no communication; none
/// hangs).</summary>
public abstract class ValidationSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    /// <summary>Runs <paramref name="body"/> on every rank and asserts all threw <typeparamref name="TException"/> with
    /// the same message naming <paramref name="mentions"/>.</summary>
    private void AssertSameErrorEverywhere<TException>(int ranks, string mentions, Action body) where TException : Exception
    {
        var messages = World.Run(ranks, () =>
        {
            try { body(); return "(no exception)"; }
            catch (TException e) { return e.Message; }
        });
        Assert.All(messages, m => Assert.Equal(messages[0], m));
        Assert.Contains(mentions, messages[0]);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void ShapeMismatch_InBinaryOps(int ranks)
    {
        AssertSameErrorEverywhere<ArgumentException>(ranks, "cannot be broadcast", () =>
        {
            using var a = ht.zeros([5, 3], split: 0);
            using var b = ht.zeros([4, 3], split: 0);
            (a + b).Dispose();
        });
        AssertSameErrorEverywhere<ArgumentException>(ranks, "cannot be broadcast", () =>
        {
            using var a = ht.zeros([5, 3], split: 1);
            using var b = ht.zeros([2]);
            ht.where(a > 0, a, b).Dispose();
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void AxisOutOfRange_InReductionsScansAndDiff(int ranks)
    {
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "axis", () => { using var a = ht.zeros([5, 3], split: 0); ht.var(a, 2).Dispose(); });
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "axis", () => { using var a = ht.zeros([5, 3], split: 0); ht.argmax(a, -3).Dispose(); });
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "axis", () => { using var a = ht.zeros([5, 3], split: 1); ht.cumsum(a, 2).Dispose(); });
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "axis", () => { using var a = ht.zeros([5, 3], split: 0); ht.diff(a, 1, 5).Dispose(); });
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "ddof", () => { using var a = ht.zeros([5, 3], split: 0); ht.std(a, ddof: -1).Dispose(); });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void SplitOutOfRange_InFactoriesAndResplit(int ranks)
    {
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "split", () => ht.zeros([5, 3], split: 2).Dispose());
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "split", () => ht.eye([4], split: -3).Dispose());
        AssertSameErrorEverywhere<ArgumentOutOfRangeException>(ranks, "split", () => ht.array(new double[6], [2, 3], split: 3).Dispose());
        AssertSameErrorEverywhere<ArgumentException>(ranks, "negative", () => ht.ones([3, -1]).Dispose());
    }

    [Theory, MemberData(nameof(Ranks))]
    public void IncompatibleDtypes(int ranks)
    {
        AssertSameErrorEverywhere<ArgumentException>(ranks, "float32", () => { using var a = ht.ones([5], split: 0); (a & a).Dispose(); });
        AssertSameErrorEverywhere<ArgumentException>(ranks, "complex", () => { using var a = ht.ones([5], ht.complex64, split: 0); ht.max(a).Dispose(); });
        AssertSameErrorEverywhere<ArgumentException>(ranks, "complex", () => { using var a = ht.ones([5], ht.complex128, split: 0); ht.argmin(a).Dispose(); });
        AssertSameErrorEverywhere<ArgumentException>(ranks, "float32", () => { using var a = ht.ones([5], split: 0); (a << 1).Dispose(); });
    }

    [Theory, MemberData(nameof(SeveralRanks))]
    public void IsSplitChunksThatDisagree_FailCollectively(int ranks)
    {
        AssertSameErrorEverywhere<ArgumentException>(ranks, "is_split", () =>
        {
            int cols = ht.get_comm().Rank == 1 ? 4 : 3;
            ht.array(new double[2 * cols], [2, cols], is_split: 0).Dispose();
        });
    }
}
