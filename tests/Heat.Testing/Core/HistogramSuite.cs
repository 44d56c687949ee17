// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// histc and histogram on the world's rank counts: every split incl. None, unbalanced and empty chunks, against a host
/// loop of torch.histc's binning and NumPy fixtures (counts are exact; density within 1e-15).
/// </summary>
public abstract class HistogramSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static double[] Data(int n) => Enumerable.Range(0,
        n).Select(i => (i * 37 % 23) * 0.75 - 4 + (i % 3) * 0.1).ToArray();

    /// <summary>torch.histc's bins on the host.</summary>
    private static double[] Expected(double[] data, long bins, double lo, double hi)
    {
        if (lo == hi) { lo = data.Min(); hi = data.Max(); }
        if (lo == hi) { lo -= 1; hi += 1; }
        var counts = new double[bins];
        foreach (var v in data)
        {
            if (!(v >= lo && v <= hi)) continue;
            long b = v == hi ? bins - 1 : (long)Math.Floor((v - lo) * bins / (hi - lo));
            counts[b]++;
        }
        return counts;
    }

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

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Histc_EverySplit_EqualsTheHostBins(int ranks, int? split)
    {
        var a = Data(105);
        long[] shape = [7, 3, 5];
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, shape, s) : ht.array(a, shape);
            foreach (var (bins, lo, hi) in new (long, double, double)[] { (10, 0, 0), (7, -2, 5), (1, 0, 0), (100, -10,
                20) })
            {
                using var h = ht.histc(x, bins, lo, hi);
                Assert.Null(h.split);
                Assert.Equal(ht.float64, h.dtype);
                Assert.Equal(Expected(a, bins, lo, hi), h.ToArray<double>());
            }
            using var f = x.astype(ht.float32);
            using var hf = ht.histc(f, 4, -1, 1);
            Assert.Equal(ht.float32, hf.dtype);
            Assert.Equal(Expected(a.Select(v => (double)(float)v).ToArray(), 4, -1, 1), hf.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Histogram_MatchesNumPy_WithWeightsAndDensity(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var one = ht.array(new[] { 1.0, 2, 1 }, split: 0);
            using var heat = ht.histc(one, bins: 4, min: 0, max: 3);
            Assert.Equal(new[] { 0.0, 2, 1, 0 }, heat.ToArray<double>());   // HeAT's docstring

            double[] v = [0.5, 1.0, 1.0, 2.5, 3.0, -1.0, 7.5, 2.0];
            using var x = Reference.Unbalanced(v, [8], 0);
            using var counts = ht.histogram(x, bins: 4, range: (0, 3));
            Assert.Equal(new[] { 1.0, 2, 1, 2 }, counts.ToArray<double>());
            using var auto = ht.histogram(x, bins: 5);
            Assert.Equal(new[] { 2.0, 3, 2, 0, 1 }, auto.ToArray<double>());
            using var density = ht.histogram(x, bins: 4, range: (0, 3), density: true);
            Reference.AssertClose([0.2222222222222222, 0.4444444444444444, 0.2222222222222222, 0.4444444444444444],
                density.ToArray<double>(), 1e-15);
            using var w = ht.arange(8, dtype: ht.float64, split: 0);
            using var weighted = ht.histogram(x, bins: 4, range: (0, 3), weights: w);
            Assert.Equal(ht.float64, weighted.dtype);
            Assert.Equal(new[] { 0.0, 3, 7, 7 }, weighted.ToArray<double>());
            using var ints = ht.arange(10, split: 0);
            using var hi = ht.histogram(ints, bins: 2);
            Assert.Equal(ht.float32, hi.dtype);
            Assert.Equal(new[] { 5.0, 5 }, hi.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Histograms_BadArguments_RaiseOnEveryRank(int ranks)
    {
        void Check(Action<DNDarray> call) => AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.arange(10, dtype: ht.float64, split: 0);
            call(x);
        });
        Check(x => ht.histc(x, bins: 0));
        Check(x => ht.histc(x, 4, min: 3, max: 1));
        Check(x => ht.histogram(x, 3, range: (0, double.PositiveInfinity)));
        Check(x => ht.histogram(x, 3, weights: ht.ones([4], split: 0)));
    }
}
