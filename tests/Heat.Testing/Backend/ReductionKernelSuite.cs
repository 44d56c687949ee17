// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>
/// The reduction capability (<see cref="IReductionKernels"/>, the backend's own or the host's staged) against plain
/// loops: empty operands, the one-vector-per-row and the multi-threaded sizes, int32 and int64 labels with ids out of
/// range.
/// </summary>
public abstract class ReductionKernelSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    private IReductionKernels Kernels => B.Capability<IReductionKernels>();

    private static double Tol(DType dt) => dt == DType.Float32 ? 1e-4 : 1e-10;

    public static TheoryData<string, int> InnerProductCases()
    {
        var d = new TheoryData<string, int>();
        foreach (var t in FloatDTypes) foreach (var n in new[] { 0, 1, 1000 }) d.Add(t, n);
        return d;
    }

    [Theory, MemberData(nameof(InnerProductCases))]
    public void InnerProduct_IsTheSumOfProducts(string dtypeName, int n)
    {
        var dt = DType.Parse(dtypeName);
        var av = Values(dt, n, 1, -2, 2); var bv = Values(dt, n, 2, -2, 2);
        using var a = Make(B, dt, [n], av);
        using var b = Make(B, dt, [n], bv);
        using var result = B.Empty([1], dt);
        Kernels.InnerProduct(a, b, result);
        double expected = av.Zip(bv, (x, y) => x * y).Sum();
        Assert.True(Math.Abs(Read(result)[0] - expected) <= Tol(dt) * (1 + n), $"{dt} n={n}: {Read(result)[0]:R} vs "
            + $"{expected:R}");
    }

    public static TheoryData<string, int, int, int> NearestCases()
    {
        var d = new TheoryData<string, int, int, int>();
        foreach (var t in FloatDTypes)
            foreach (var (m, k, f) in new[] { (0, 3, 4), (1, 1, 3), (300, 8, 5), (257, 4, 6), (9000, 8, 3), (9000, 5,
                2) }) d.Add(t, m, k, f);
        return d;
    }

    [Theory, MemberData(nameof(NearestCases))]
    public void NearestRows_AreTheNearestCentres(string dtypeName, int m, int k, int f)
    {
        var dt = DType.Parse(dtypeName);
        var xv = Values(dt, (long)m * f, 3, -4, 4); var cv = Values(dt, (long)k * f, 4, -4, 4);
        using var x = Make(B, dt, [m, f], xv);
        using var c = Make(B, dt, [k, f], cv);
        using var labels = B.Empty([m], DType.Int64);
        Kernels.NearestRows(x, c, labels);
        var got = Read(labels);
        double Distance(int i, int j) => Enumerable.Range(0,
            f).Sum(d => (xv[i * f + d] - cv[j * f + d]) * (xv[i * f + d] - cv[j * f + d]));
        for (int i = 0; i < m; i++)
        {
            int label = (int)got[i];
            Assert.InRange(label, 0, k - 1);
            double best = Enumerable.Range(0, k).Min(j => Distance(i, j));
            Assert.True(Distance(i, label) <= best + Tol(dt) * 100, $"{dt} row {i}: label {label} at "
                + $"{Distance(i, label):R}, nearest at {best:R}");
        }
    }

    public static TheoryData<string, string, int, int, int> SegmentCases()
    {
        var d = new TheoryData<string, string, int, int, int>();
        foreach (var t in FloatDTypes)
            foreach (var ids in new[] { "int32", "int64" })
                foreach (var (n, f, s) in new[] { (0, 3, 4), (10, 3, 5), (9000, 4, 6), (7, 2, 0) }) d.Add(t, ids, n, f,
                    s);
        return d;
    }

    // Labels in [-1, segments]: the ends lie outside.
    private static double[] Labels(int n, int segments)
        => Enumerable.Range(0, n).Select(i => (double)(i * 7 % (segments + 2) - 1)).ToArray();

    [Theory, MemberData(nameof(SegmentCases))]
    public void SegmentSum_SumsTheRowsOfEachLabel(string dtypeName, string idsName, int n, int f, int segments)
    {
        var dt = DType.Parse(dtypeName); var it = DType.Parse(idsName);
        var rv = Values(dt, (long)n * f, 5, -3, 3); var lv = Labels(n, segments);
        using var rows = Make(B, dt, [n, f], rv);
        using var ids = Make(B, it, [n], lv);
        using var sums = B.Empty([segments, f], DType.Float64);
        long bad = Kernels.SegmentSum(rows, ids, sums);
        var expected = new double[segments * f];
        for (int i = 0; i < n; i++)
            if (lv[i] >= 0 && lv[i] < segments)
                for (int j = 0; j < f; j++) expected[(int)lv[i] * f + j] += rv[i * f + j];
        Assert.Equal(lv.Count(l => l < 0 || l >= segments), bad);
        AssertClose(expected, Read(sums), DType.Float64, $"{dt} ids {it} {n}x{f} into {segments}", 1e-9);
    }

    [Theory, MemberData(nameof(SegmentCases))]
    public void Bincount_CountsEachLabel(string dtypeName, string idsName, int n, int f, int segments)
    {
        _ = (dtypeName, f);
        var it = DType.Parse(idsName);
        var lv = Labels(n, segments);
        using var ids = Make(B, it, [n], lv);
        using var counts = B.Empty([segments], DType.Int64);
        long bad = Kernels.Bincount(ids, counts);
        var expected = Enumerable.Range(0, segments).Select(s => (double)lv.Count(l => l == s)).ToArray();
        Assert.Equal(lv.Count(l => l < 0 || l >= segments), bad);
        Assert.Equal(expected, Read(counts));
    }
}
