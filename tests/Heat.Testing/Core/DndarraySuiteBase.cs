// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// Shared data of the DNDarray suites: the world's rank counts (<see cref="ITestWorldKind.RankSample"/>) and every
/// split
/// of a 2-d array, incl. None.
/// </summary>
/// <param name="world">The world to run on; null: <typeparamref name="TWorld"/>'s own (in process).</param>
public abstract class DndarraySuiteBase<TWorld>(ITestWorld? world = null) where TWorld : ITestWorldKind
{
    protected ITestWorld World { get; } = world ?? TWorld.Create();

    /// <summary>The rank counts this world's cases run on.</summary>
    protected static int[] RankSample => TWorld.RankSample;

    public static TheoryData<int> Ranks => [.. RankSample];

    /// <summary>The rank counts above one (for cases about disagreeing ranks).</summary>
    public static TheoryData<int> SeveralRanks => [.. RankSample.Where(r => r > 1)];

    public static TheoryData<int, int?> RanksAndSplits2D
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s);
            return data;
        }
    }

    /// <summary>0, 1, 2, ... as float64 in a 5 x 7 layout (5 rows: uneven on 2-4 ranks, 7 columns).</summary>
    protected static double[] Iota(int n, double scale = 1) => Enumerable.Range(0, n).Select(i => i * scale).ToArray();

    /// <summary>Runs the body on every rank and asserts that every rank threw
    /// <typeparamref name="TException"/>.</summary>
    protected void AssertThrowsOnEveryRank<TException>(int ranks, Action body) where TException : Exception
    {
        var threw = World.Run(ranks, () =>
        {
            try { body(); return false; }
            catch (TException) { return true; }
        });
        Assert.All(threw, Assert.True);
    }
}
