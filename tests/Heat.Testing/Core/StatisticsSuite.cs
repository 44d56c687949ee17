// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>argmin/argmax, var/std, average, cumsum/cumprod, nansum/nanprod on 1..5 ranks, every split, unbalanced
/// chunks.</summary>
public abstract class StatisticsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    private static readonly long[] Shape3 = [5, 3, 4];

    /// <summary>Values with ties and negatives: ((7 i) mod 11) - 5.</summary>
    private static double[] Data(int n) => Enumerable.Range(0, n).Select(i => (double)(7 * i % 11 - 5)).ToArray();

    public static TheoryData<int, int?> RanksAndSplits3D
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1, 2 }) data.Add(r, s);
            return data;
        }
    }

    private static readonly Axis?[] AxisSets = [null, 0, 1, 2, -1, new[] { 0, 2 }, new[] { 1, 2 }];

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void VarStd_EveryAxisSet_EqualTwoPassReference(int ranks, int? split)
    {
        var a = Data(60).Select((v, i) => v + 0.25 * (i % 3)).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, Shape3, split: split);
            using var u = ht.array(a, Shape3);
            foreach (var axis in AxisSets)
                foreach (var ddof in new[] { 0, 1 })
                {
                    using var v = ht.var(x, axis, ddof);
                    using var vu = ht.var(u, axis, ddof);
                    using var s = ht.std(x, axis, ddof, keepdims: true);
                    Assert.Equal(ht.float64, v.dtype);
                    Reference.AssertClose(vu, v, 1e-12);
                    Assert.Equal(3, s.ndim);
                    Reference.AssertClose(vu.ToArray<double>().Select(Math.Sqrt).ToArray(), s.ToArray<double>(), 1e-12);
                }
            // Hand-checked: variance over everything against a two-pass computation.
            double mean = a.Average();
            double expected = a.Sum(v => (v - mean) * (v - mean)) / (a.Length - 1);
            Assert.Equal(expected, ht.var(x, ddof: 1).item<double>(), 10);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Var_IsStable_OnLargeOffsetPlusNoise(int ranks)
    {
        var rng = new Random(3);
        var a = Enumerable.Range(0, 1001).Select(_ => 1e8 + rng.NextDouble()).ToArray();
        double mean = a.Average();
        double expected = a.Sum(v => (v - mean) * (v - mean)) / a.Length;
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [a.Length], split: 0);
            using var unbalanced = Reference.Unbalanced(a, [a.Length], 0);
            Assert.Equal(expected, ht.var(x).item<double>(), 1e-7 * expected);
            Assert.Equal(expected, ht.var(unbalanced).item<double>(), 1e-7 * expected);
            Assert.Equal(Math.Sqrt(expected), ht.std(x).item<double>(), 1e-9);
            using var f = x.astype(ht.float32);
            Assert.Equal(ht.float32, ht.var(f).dtype);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void ArgMinMax_GiveGlobalIndices_OnUnbalancedChunks(int ranks, int? split)
    {
        var a = Data(60);
        a[37] = -9; a[41] = -9; a[13] = 9; // ties: the first index wins
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, Shape3, s) : ht.array(a, Shape3);
            using var u = ht.array(a, Shape3);
            Assert.Equal(37L, ht.argmin(x).item<long>());
            Assert.Equal(13L, ht.argmax(x).item<long>());
            for (int axis = -1; axis < 3; axis++)
            {
                using var mn = ht.argmin(x, axis);
                using var mnU = ht.argmin(u, axis);
                using var mx = ht.argmax(x, axis, keepdims: true);
                using var mxU = ht.argmax(u, axis, keepdims: true);
                Assert.Equal(ht.int64, mn.dtype);
                Assert.Equal(mnU.ToArray<long>(), mn.ToArray<long>());
                Assert.Equal(mxU.ToArray<long>(), mx.ToArray<long>());
                Assert.Equal(mxU.shape, mx.shape);
            }
            // Hand-checked along axis 0 for (row, col) = (0, 0): values a[0], a[12], a[24], a[36], a[48].
            using var first = ht.argmin(u, 0);
            var column = new[] { a[0], a[12], a[24], a[36], a[48] };
            Assert.Equal((long)Array.IndexOf(column, column.Min()), first.ToArray<long>()[0]);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void ArgMax_NaNCountsAsExtreme_AndEmptyFails(int ranks)
    {
        var a = new double[] { 1, 5, double.NaN, 7, double.NaN, 0, 2 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [7], split: 0);
            Assert.Equal(2L, ht.argmax(x).item<long>());
            Assert.Equal(2L, ht.argmin(x).item<long>());
            using var e = ht.zeros([0], split: 0);
            Assert.Throws<ArgumentException>(() => ht.argmax(e));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void CumsumCumprod_EveryAxis_EqualUndistributed(int ranks, int? split)
    {
        var a = Data(60).Select(v => v / 4 + 1).ToArray();
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, Shape3, s) : ht.array(a, Shape3);
            using var u = ht.array(a, Shape3);
            for (int axis = -1; axis < 3; axis++)
            {
                using var cs = ht.cumsum(x, axis);
                using var csU = ht.cumsum(u, axis);
                using var cp = ht.cumprod(x, axis);
                using var cpU = ht.cumprod(u, axis);
                Assert.Equal(x.split, cs.split);
                Reference.AssertClose(csU, cs, 1e-14);
                Reference.AssertClose(cpU, cp, 1e-14);
            }
            // Hand-checked: the running sum along axis 0 of column (0, 0).
            using var c0 = ht.cumsum(x, 0);
            var col = c0.ToArray<double>().Where((_, i) => i % 12 == 0).ToArray();
            var expected = new double[5];
            for (int i = 0; i < 5; i++) expected[i] = (i > 0 ? expected[i - 1] : 0) + a[12 * i];
            Assert.Equal(expected, col);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Cumsum_Int32GivesInt64_AndBoolCounts(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.arange(7, split: 0);
            using var c = ht.cumsum(x, 0);
            Assert.Equal(ht.int64, c.dtype);
            Assert.Equal(new long[] { 0, 1, 3, 6, 10, 15, 21 }, c.ToArray<long>());
            using var even = (x % 2) == 0;
            using var count = ht.cumsum(even, 0);
            Assert.Equal(new long[] { 1, 1, 2, 2, 3, 3, 4 }, count.ToArray<long>());
            using var p = ht.cumprod(x + 1, 0, ht.float64);
            Assert.Equal(new double[] { 1, 2, 6, 24, 120, 720, 5040 }, p.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void NansumNanprod_SkipNaN(int ranks, int? split)
    {
        var a = new double[] { 1, double.NaN, 2, 3, double.NaN, double.NaN, 4, 0.5 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [4, 2], split: split);
            Assert.Equal(10.5, ht.nansum(x).item<double>());
            Assert.Equal(12.0, ht.nanprod(x).item<double>());
            using var s0 = ht.nansum(x, 0);
            Assert.Equal(new[] { 1 + 2 + 4.0, 3 + 0.5 }, s0.ToArray<double>());
            using var p1 = ht.nanprod(x, 1, keepdims: true);
            Assert.Equal(new[] { 1, 6, 1, 2.0 }, p1.ToArray<double>());
            Assert.True(double.IsNaN(ht.sum(x).item<double>()));
            using var ints = ht.arange(5, split: split is null ? null : 0);
            Assert.Equal(10L, ht.nansum(ints).item<long>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Average_WithWeights(int ranks, int? split)
    {
        var a = Iota(12);
        var w = new double[] { 1, 2, 0, 1 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [4, 3], split: split);
            using var weights = ht.array(w, [4], split: 0);
            using var avg = ht.average(x, 0, weights);
            var expected = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, 4).Sum(i => a[3 * i + j] * w[i]) / w.Sum()).ToArray();
            Reference.AssertClose(expected, avg.ToArray<double>(), 1e-12);
            using var full = ht.array(a.Select(v => v % 3 + 1).ToArray(), [4, 3], split: split);
            var expectedAll = a.Zip(a.Select(v => v % 3 + 1), (v, q) => v * q).Sum() / a.Select(v => v % 3 + 1).Sum();
            Assert.Equal(expectedAll, ht.average(x, weights: full).item<double>(), 12);
            using var plain = ht.average(x, 1);
            using var mean = ht.mean(x, 1);
            Reference.AssertClose(mean, plain);
            using var zero = ht.zeros([4], split: 0);
            Assert.Throws<ArgumentException>(() => ht.average(x, 0, zero));
            using var wrong = ht.ones([3]);
            Assert.Throws<ArgumentException>(() => ht.average(x, 0, wrong));
        });
    }
}
