// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Core;

/// <summary>
/// Element-wise fusion (ht.fuse, ht.lazy): chains evaluated in one pass are bit-identical to op-by-op evaluation on
/// every split (null included), uneven and empty chunks, broadcasting, mixed dtypes with promotion and scalars; pending
/// results are evaluated at reductions, communication, data access, the size threshold and the end of the scope, and
/// never see later writes to their operands. Backends without the capability evaluate op by op (nothing pends).
/// </summary>
public abstract class FusionSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    /// <summary>Rank counts × split of the 5 × 7 operands (null, 0, 1) × unbalanced chunks (empty on some ranks).
    /// </summary>
    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var unbalanced in new[] { false, true })
                        if (s is not null || !unbalanced) data.Add(r, s, unbalanced);
            return data;
        }
    }

    private static bool Fuses(DNDarray x) => x.Backend is IFusedElementwiseKernels;

    private static DNDarray Operand(double[] values, long[] shape, DType dtype, int? split, bool unbalanced)
    {
        var x = ht.array(values, shape, dtype: dtype, split: split);
        if (unbalanced && split is int axis)
        {
            var counts = Reference.UnbalancedCounts(shape[axis], x.comm.Size);
            var map = x.lshape_map;
            for (int r = 0; r < counts.Length; r++) map[r, axis] = counts[r];
            x.redistribute_(target_map: map);
        }
        return x;
    }

    private static double[] Values(int n, int seed) =>
        Enumerable.Range(0, n).Select(i => ((i * 37 + seed * 11) % 23 - 11) / 3.0).ToArray();

    private static double[] Rounded(int n, int seed) => Values(n, seed).Select(v => Math.Round(v)).ToArray();

    /// <summary>Same dtype, shape, split, local shape and the same bits in every element.</summary>
    private static void AssertSameBits(DNDarray expected, DNDarray actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.split, actual.split);
        Assert.Equal(expected.lshape, actual.lshape);
        if (expected.dtype == ht.float32)
            Assert.Equal(expected.ToArray<float>().Select(BitConverter.SingleToInt32Bits),
                actual.ToArray<float>().Select(BitConverter.SingleToInt32Bits));
        else if (expected.dtype == ht.float64)
            Assert.Equal(expected.ToArray<double>().Select(BitConverter.DoubleToInt64Bits),
                actual.ToArray<double>().Select(BitConverter.DoubleToInt64Bits));
        else if (expected.dtype == ht.@bool) Assert.Equal(expected.ToArray<bool>(), actual.ToArray<bool>());
        else Assert.Equal(expected.ToArray<long>(), actual.ToArray<long>());
    }

    /// <summary>The expression op by op, through ht.fuse and inside a ht.lazy scope: all bit-identical; the lazy result
    /// pends where the backend fuses and <paramref name="deferred"/> (its last op needs no communication).</summary>
    private static void AssertFusesExactly(Func<DNDarray> expression, bool deferred = true)
    {
        using var eager = expression();
        using var fused = ht.fuse(expression);
        Assert.Null(fused.Pending);
        AssertSameBits(eager, fused);
        DNDarray lazy;
        using (ht.lazy())
        {
            lazy = expression();
            Assert.Equal(Fuses(lazy) && deferred, lazy.Pending is not null);
            Assert.Equal(eager.shape, lazy.shape);
            Assert.Equal(eager.dtype, lazy.dtype);
            Assert.Equal(eager.lshape, lazy.lshape);
            Assert.Equal(eager.lnumel, lazy.lnumel);
        }
        using (lazy)
        {
            Assert.Null(lazy.Pending);
            AssertSameBits(eager, lazy);
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void ArithmeticChains_AreBitIdentical(int ranks, int? split, bool unbalanced) =>
        World.Run(ranks, () =>
        {
            using var a = Operand(Values(35, 1), [5, 7], ht.float32, split, unbalanced);
            using var b = Operand(Values(35, 2), [5, 7], ht.float32, split, unbalanced);
            using var c = Operand(Values(35, 3), [5, 7], ht.float32, split, unbalanced);
            AssertFusesExactly(() => a * b + c);
            AssertFusesExactly(() => (a - b) / (c * c + 1.0));
            AssertFusesExactly(() => 2.0 - a * 3 % 1.5);
            AssertFusesExactly(() => ht.maximum(a, b) * ht.minimum(b, c) - ht.abs(a));
        });

    [Theory, MemberData(nameof(Cases))]
    public void Broadcasting_IsBitIdentical(int ranks, int? split, bool unbalanced) =>
        World.Run(ranks, () =>
        {
            using var x = Operand(Values(35, 4), [5, 7], ht.float64, split, unbalanced);
            using var mean = ht.array(Values(7, 5), [7], dtype: ht.float64);
            using var std = ht.array(Values(7, 6).Select(v => Math.Abs(v) + 0.5).ToArray(), [7], dtype: ht.float64);
            using var column = ht.array(Values(5, 7), [5, 1], dtype: ht.float64);
            using var row = ht.array(Values(7, 8), [1, 7], dtype: ht.float32, split: split == 1 ? 1 : null);
            AssertFusesExactly(() => (x - mean) / std);
            // A split row with other chunk boundaries than x moves: that last op runs op by op.
            AssertFusesExactly(() => x * column + row, deferred: !(split == 1 && unbalanced && ranks > 1));
            AssertFusesExactly(() => ht.exp(-(x - mean) * (x - mean) / 2.5));
        });

    [Theory, MemberData(nameof(Cases))]
    public void MixedDtypes_PromoteAsOpByOp(int ranks, int? split, bool unbalanced) =>
        World.Run(ranks, () =>
        {
            using var i = Operand(Rounded(35, 1), [5, 7], ht.int32, split, unbalanced);
            using var l = Operand(Rounded(35, 2), [5, 7], ht.int64, split, unbalanced);
            using var f = Operand(Values(35, 3), [5, 7], ht.float32, split, unbalanced);
            using var d = Operand(Values(35, 4), [5, 7], ht.float64, split, unbalanced);
            AssertFusesExactly(() => i * f + 2.5);
            AssertFusesExactly(() => l + d * i);
            AssertFusesExactly(() => i / l - f);
            AssertFusesExactly(() => ht.sqrt(ht.abs(i)) + ht.sin(l));
            AssertFusesExactly(() => (i > f) & (d <= 0.5) | (l == 1));
            AssertFusesExactly(() => (i * 3 + l) % 4 - 7);
        });

    [Theory, MemberData(nameof(Ranks))]
    public void LargeChunks_AreBlockedAndBitIdentical(int ranks) =>
        World.Run(ranks, () =>
        {
            // Several blocks per chunk, remainders, a broadcast row and transcendental kernels.
            using var x = ht.array(Values(3 * 20011, 9), [3, 20011], dtype: ht.float32, split: 0);
            using var y = ht.array(Values(3 * 20011, 10), [3, 20011], dtype: ht.float32, split: 1);
            using var row = ht.array(Values(20011, 11), [20011], dtype: ht.float32);
            using var v = ht.array(Values(100003, 12), [100003], dtype: ht.float64, split: 0);
            AssertFusesExactly(() => ht.exp(-x * x / 3.0) + row);
            AssertFusesExactly(() => ht.tanh(y * row) - y);
            AssertFusesExactly(() => ht.log1p(ht.abs(v)) * v + 1);
        });

    [Theory, MemberData(nameof(Ranks))]
    public void PendingResults_AreEvaluatedAtReductionsCommunicationAndDataAccess(int ranks) =>
        World.Run(ranks, () =>
        {
            using var a = ht.array(Values(35, 1), [5, 7], dtype: ht.float64, split: 0);
            using var expected = a * a + 1;
            double total = expected.sum().item<double>();
            using (ht.lazy())
            {
                using var r = a * a + 1;
                Assert.Equal(Fuses(a), r.Pending is not null);
                using var s = r.sum();
                Assert.Null(r.Pending);
                Assert.Equal(total, s.item<double>());

                using var q = a * a + 1;
                using var moved = ht.resplit(q, 1);
                Assert.Null(q.Pending);
                AssertSameBits(expected, q);

                using var t = a * a + 1;
                _ = t.ToLocalArray<double>();
                Assert.Null(t.Pending);

                using var u = a * a + 1;
                _ = u.larray;
                Assert.Null(u.Pending);
                AssertSameBits(expected, u);
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void PendingResults_DoNotSeeLaterWrites(int ranks) =>
        World.Run(ranks, () =>
        {
            using var a = ht.array(Values(35, 1), [5, 7], dtype: ht.float64, split: 0);
            using var expected = a * 2 + 1;
            using (ht.lazy())
            {
                using var r = a * 2 + 1;
                a.add_(100.0);
                AssertSameBits(expected, r);

                using var view = a.Alias();   // another array over the same storage
                using var before = a * 3;
                using var q = a * 3;
                view[0] = 5.0;
                Assert.Null(q.Pending);
                using var after = a * 3;
                Assert.False(ht.equal(before, after));
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void ScopeEndAndSizeThreshold_EvaluatePendingResults(int ranks) =>
        World.Run(ranks, () =>
        {
            using var a = ht.array(Values(14, 1), [14], dtype: ht.float32, split: 0);
            DNDarray eager = a;
            for (int k = 0; k < 100; k++) eager = eager * 0.5 + 1;
            DNDarray y = a;
            using (ht.lazy())
            {
                for (int k = 0; k < 100; k++)
                {
                    y = y * 0.5 + 1;
                    Assert.True(y.Pending is null || y.Pending.Size <= 2 * 32 + 3);
                }
            }
            Assert.Null(y.Pending);
            AssertSameBits(eager, y);
        });

    [Theory, MemberData(nameof(Ranks))]
    public void UnalignedOperands_FallBackToOpByOp(int ranks) =>
        World.Run(ranks, () =>
        {
            using var a = ht.array(Values(35, 1), [5, 7], dtype: ht.float32, split: 0);
            using var b = ht.array(Values(35, 2), [5, 7], dtype: ht.float32, split: 1);
            using var expected = a * b + 1;
            using (ht.lazy())
            {
                using var r = a * b;
                Assert.Null(r.Pending);
                using var s = r + 1;
                Assert.Equal(Fuses(a), s.Pending is not null);
                AssertSameBits(expected, s);
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void DisposedPendingResults_AreNeverEvaluated(int ranks) =>
        World.Run(ranks, () =>
        {
            using var a = ht.array(Values(35, 1), [5, 7], dtype: ht.float32, split: 0);
            using (ht.lazy())
            {
                var r = a * a;
                bool pending = r.Pending is not null;
                Assert.Equal(Fuses(a), pending);
                r.Dispose();
                Assert.Null(r.Pending);
                if (pending) Assert.Throws<ObjectDisposedException>(() => r.larray);
            }
            using var s = a + a;
            Assert.Null(s.Pending);
            Assert.Equal(a.ToArray<float>().Select(v => v + v), s.ToArray<float>());
        });
}
