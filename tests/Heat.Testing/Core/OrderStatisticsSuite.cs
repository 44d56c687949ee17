// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// percentile, median and quantile on the world's rank counts against a sort-based host reference of NumPy's
/// definitions: every split incl. None, unbalanced and empty chunks, every axis set, keepdims, q arrays, every method,
/// NaN rows, the distributed selection's rounds (long rows split along the reduced axis, heavy ties, sorted input), and
/// bad arguments raised alike on every rank. lower/higher/nearest are exact; linear/midpoint use NumPy's lerp in
/// float64 and are compared within 1e-15 relative (float64) or exactly after rounding (float32).
/// </summary>
public abstract class OrderStatisticsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly long[] Shape3 = [5, 4, 7];
    private static readonly string[] Methods = ["linear", "lower", "higher", "midpoint", "nearest"];
    private static readonly Axis?[] AxisSets = [null, 0, 1, 2, -1, new[] { 0, 2 }, new[] { 1, 2 }, new[] { 0, 1 }];

    /// <summary>Values with ties and negatives.</summary>
    private static double[] Data(int n) => Enumerable.Range(0,
        n).Select(i => (double)(7 * i % 13 - 6) + 0.125 * (i % 5)).ToArray();

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

    /// <summary>NumPy's quantile of row-major <paramref name="data"/> over <paramref name="axes"/>: (q, kept
    /// axes).</summary>
    internal static double[] Expected(double[] data, long[] shape, int[] axes, double[] fractions, string method)
    {
        int nd = shape.Length;
        var kept = Enumerable.Range(0, nd).Where(a => !axes.Contains(a)).ToArray();
        long rows = kept.Aggregate(1L, (p, a) => p * shape[a]);
        var strides = new long[nd];
        for (int d = nd - 1, s = 1; d >= 0; s *= (int)shape[d], d--) strides[d] = s;
        var groups = new List<double>[rows];
        for (long r = 0; r < rows; r++) groups[r] = [];
        for (long i = 0; i < data.Length; i++)
        {
            long row = 0;
            foreach (var a in kept) row = row * shape[a] + i / strides[a] % shape[a];
            groups[row].Add(data[i]);
        }
        var result = new double[fractions.Length * rows];
        for (int qi = 0; qi < fractions.Length; qi++)
            for (long r = 0; r < rows; r++)
            {
                var v = groups[r].ToArray();
                result[qi * rows + r] = v.Length == 0 || v.Any(double.IsNaN) ? double.NaN : Quantile(v, fractions[qi],
                    method);
            }
        return result;
    }

    private static double Quantile(double[] values, double f, string method)
    {
        Array.Sort(values);
        double pos = f * (values.Length - 1);
        long lo = (long)Math.Floor(pos), hi = (long)Math.Ceiling(pos);
        double a = values[lo], b = values[hi];
        switch (method)
        {
            case "lower": return a;
            case "higher": return b;
            case "nearest": return values[(long)Math.Round(pos, MidpointRounding.ToEven)];
            case "midpoint": return lo == hi ? a : Lerp(a, b, 0.5);
            default: return Lerp(a, b, pos - lo);
        }
    }

    /// <summary>NumPy's _lerp.</summary>
    private static double Lerp(double a, double b, double t)
    {
        if (t == 0) return a;
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static void AssertMatches(double[] expected, DNDarray actual, string method)
    {
        var got = actual.ToArray<double>();
        if (actual.dtype == ht.float32) expected = expected.Select(e => (double)(float)e).ToArray();
        Reference.AssertClose(expected, got, method is "linear" or "midpoint" ? 1e-15 : 0);
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Percentile_EveryAxisSetAndMethod_EqualsHostReference(int ranks, int? split)
    {
        var a = Data(140);
        double[] q = [0, 12.5, 50, 73, 99.9, 100];
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, Shape3, s) : ht.array(a, Shape3);
            foreach (var axis in AxisSets)
            {
                var axes = axis is { } ax ? ax.Normalize(3) : [0, 1, 2];
                var kept = Enumerable.Range(0, 3).Where(d => !axes.Contains(d)).ToArray();
                foreach (var method in Methods)
                {
                    var expected = Expected(a, Shape3, axes, q.Select(v => v / 100).ToArray(), method);
                    using var p = ht.percentile(x, q, axis, interpolation: method);
                    Assert.Equal([q.Length, .. kept.Select(d => Shape3[d])], p.shape);
                    Assert.Equal(ht.float64, p.dtype);
                    int? expectedSplit = split is int s2 && !axes.Contains(s2) ? 1 + s2 - axes.Count(d => d < s2) :
                        null;
                    Assert.Equal(expectedSplit, p.split);
                    AssertMatches(expected, p, method);

                    using var k = ht.percentile(x, 37.5, axis, interpolation: method, keepdims: true);
                    Assert.Equal(Enumerable.Range(0, 3).Select(d => axes.Contains(d) ? 1L : Shape3[d]).ToArray(),
                        k.shape);
                    Assert.Equal(split is int s3 && !axes.Contains(s3) ? s3 : null, k.split);
                    AssertMatches(Expected(a, Shape3, axes, [0.375], method), k, method);
                }
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Percentile_LongRowsAlongTheSplitAxis_RunTheSelectionRounds(int ranks)
    {
        const int n = 60001;
        var noisy = Enumerable.Range(0, n).Select(i => (double)((i * 7919L) % 100003) / 7 - 3000).ToArray();
        var ties = Enumerable.Range(0, n).Select(i => (double)(i * 31 % 3)).ToArray();
        var sorted = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var reversed = sorted.Reverse().ToArray();
        double[] q = [0, 0.001, 25, 50, 50.0001, 99.99, 100];
        World.Run(ranks, () =>
        {
            foreach (var data in new[] { noisy, ties, sorted, reversed })
                foreach (var dtype in new[] { ht.float64, ht.float32 })
                {
                    using var raw = Reference.Unbalanced(data, [n], 0);
                    using var x = raw.astype(dtype);
                    foreach (var method in new[] { "linear", "lower", "nearest" })
                    {
                        var source = dtype == ht.float32 ? data.Select(v => (double)(float)v).ToArray() : data;
                        using var p = ht.percentile(x, q, interpolation: method);
                        Assert.Null(p.split);
                        Assert.Equal(dtype, p.dtype);
                        AssertMatches(Expected(source, [n], [0], q.Select(v => v / 100).ToArray(), method), p, method);
                    }
                }

            // Two long rows cut along the split axis (fewer rows than ranks: the selection rounds, rows at once).
            var two = noisy.Concat(ties).ToArray();
            using var rowsX = Reference.Unbalanced(two, [2, n], 1);
            using var m = ht.median(rowsX, axis: 1);
            AssertMatches(Expected(two, [2, n], [1], [0.5], "linear"), m, "linear");
            using var quarter = ht.percentile(rowsX, new[] { 10.0, 90.0 }, axis: -1, interpolation: "higher",
                keepdims: true);
            Assert.Equal([2L, 2, 1], quarter.shape);
            AssertMatches(Expected(two, [2, n], [1], [0.1, 0.9], "higher"), quarter, "higher");
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Percentile_RowWithNaN_GivesNaN(int ranks, int? split)
    {
        var a = Data(27);
        a[11] = double.NaN;   // row 1 of (3, 9)
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [3, 9], split: split);
            using var rows = ht.percentile(x, 40.0, axis: 1);
            AssertMatches(Expected(a, [3, 9], [1], [0.4], "linear"), rows, "linear");
            Assert.True(double.IsNaN(rows.ToArray<double>()[1]));
            using var all = ht.median(x);
            Assert.True(double.IsNaN(all.item<double>()));
            using var columns = ht.percentile(x, new[] { 0.0, 100.0 }, axis: 0, interpolation: "lower");
            AssertMatches(Expected(a, [3, 9], [0], [0, 1], "lower"), columns, "lower");
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Median_Quantile_Dtypes_QArrays_And_EmptyChunks(int ranks)
    {
        World.Run(ranks, () =>
        {
            // Three elements: ranks beyond the third hold nothing.
            using var small = ht.array(new double[] { 3, -1, 2 }, [3], split: 0);
            using var med = ht.median(small);
            Assert.Equal(2.0, med.item<double>());
            Assert.Equal(0, med.ndim);

            using var ints = ht.arange(10, split: 0);
            using var m32 = ht.median(ints);
            Assert.Equal(ht.float32, m32.dtype);
            Assert.Equal(4.5, m32.item<double>());
            using var longs = ht.arange(11, dtype: ht.int64, split: 0);
            using var m64 = ht.percentile(longs, 30.0, interpolation: "nearest");
            Assert.Equal(ht.float64, m64.dtype);
            Assert.Equal(3.0, m64.item<double>());

            // quantile(q) == percentile(100 q); q as a DNDarray of any shape leads the result's shape.
            var a = Data(35);
            using var x = ht.array(a, [5, 7], split: 1);
            using var qs = ht.array(new double[] { 0.1, 0.5, 0.75, 1 }, [2, 2], split: 0);
            using var quant = ht.quantile(x, qs, axis: 0, method: "lower");
            Assert.Equal([2L, 2, 7], quant.shape);
            Assert.Equal(2, quant.split);
            AssertMatches(Expected(a, [5, 7], [0], [0.1, 0.5, 0.75, 1], "lower"), quant, "lower");
            using var pct = ht.percentile(x, qs * 100, axis: 0, interpolation: "lower");
            Assert.Equal(quant.ToArray<double>(), pct.ToArray<double>());
            using var scalar = ht.quantile(x, 0.3, method: "midpoint");
            AssertMatches(Expected(a, [35], [0], [0.3], "midpoint"), scalar, "midpoint");

            // Method forms; NumPy's values for a fixed vector (numpy.percentile).
            using var v = ht.array(new double[] { 7, 1, 9, 3, 3, 10, -2, 4 }, [8], split: 0);
            Assert.Equal(3.5, v.median().item<double>());
            using var p = v.percentile(30, interpolation: "linear");
            Assert.Equal(3.0, p.item<double>());
            using var numpyLinear = ht.percentile(v, new[] { 10.0, 66.0, 95.0 });
            Assert.Equal(new[] { 0.1000000000000002, 5.86, 9.649999999999999 }, numpyLinear.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Percentile_Sketched_StaysInsideTheDataAndAgrees(int ranks)
    {
        var a = Data(400);
        World.Run(ranks, () =>
        {
            ht.random.seed(5);
            using var x = ht.array(a, [400], split: 0);
            using var m = ht.median(x, sketched: true, sketch_size: ranks == 1 ? 0.5 : null);
            double v = m.item<double>();
            Assert.InRange(v, a.Min(), a.Max());
            var all = Heat.Abstractions.CommunicatorExtensions.Allgather(ht.get_comm(), v);
            Assert.All(all, w => Assert.Equal(v, w));
            using var y = ht.array(a, [20, 20], split: 1);
            using var k = ht.percentile(y, 50.0, axis: 1, keepdims: true, sketched: true, sketch_size: 0.5);
            Assert.Equal([20L, 1], k.shape);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Percentile_BadArguments_RaiseOnEveryRank(int ranks)
    {
        void Check(Action<DNDarray> call) => AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.arange(10, dtype: ht.float64, split: 0);
            call(x);
        });
        Check(x => ht.percentile(x, 100.5));
        Check(x => ht.percentile(x, new[] { 10.0, -1 }));
        Check(x => ht.percentile(x, double.NaN));
        Check(x => ht.quantile(x, 1.5));
        Check(x => ht.percentile(x, 50.0, interpolation: "cubic"));
        Check(x => ht.quantile(x, 0.5, method: "inverted_cdf"));
        Check(x => ht.median(x, sketched: true, sketch_size: 0));
        Check(x => ht.percentile(x, 50.0, axis: 1));
    }
}
