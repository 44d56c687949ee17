// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>cdist/rbf/manhattan against the double-loop definition on 1..5 ranks, both forms, X≠Y and Y=null, empty
/// chunks.</summary>
public abstract class SpatialSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sx in new int?[] { null, 0 })
                    foreach (var sy in new int?[] { null, 0 }) data.Add(r, sx, sy);
            return data;
        }
    }

    private static double[] Data(int rows, int features, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * features).Select(_ => Math.Round(rng.NextDouble() * 8 - 4, 2)).ToArray();
    }

    private static double[] Pairwise(double[] x, double[] y, int n, int m, int f, Func<double[], double[], double> metric)
    {
        var d = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) d[i * m + j] = metric(x[(i * f)..((i + 1) * f)], y[(j * f)..((j + 1) * f)]);
        return d;
    }

    private static double Euclid(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    [Theory, MemberData(nameof(Cases))]
    public void Cdist_BothForms_EqualDefinition(int ranks, int? sx, int? sy)
    {
        // 4 samples on 5 ranks: empty chunks; 7 against 4.
        var x = Data(7, 3, 1); var y = Data(4, 3, 2);
        var expected = Pairwise(x, y, 7, 4, 3, Euclid);
        var self = Pairwise(x, x, 7, 7, 3, Euclid);
        World.Run(ranks, () =>
        {
            using var X = ht.array(x, [7, 3], split: sx);
            using var Y = ht.array(y, [4, 3], split: sy);
            using var exact = ht.spatial.cdist(X, Y);
            using var quad = ht.spatial.cdist(X, Y, quadratic_expansion: true);
            Assert.Equal([7L, 4L], exact.shape);
            Reference.AssertClose(expected, exact.ToArray<double>(), 1e-12);
            Reference.AssertClose(expected, quad.ToArray<double>(), 1e-9);
            Assert.Equal(sx ?? (sy is null ? null : 1), exact.split);
            using var sym = ht.spatial.cdist(X);
            Reference.AssertClose(self, sym.ToArray<double>(), 1e-12);
            Assert.All(Enumerable.Range(0, 7), i => Assert.Equal(0.0, sym.ToArray<double>()[i * 7 + i]));
            using var man = ht.spatial.manhattan(X, Y);
            Reference.AssertClose(Pairwise(x, y, 7, 4, 3, (a, b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Sum()), man.ToArray<double>(), 1e-12);
            using var rbf = ht.spatial.rbf(X, Y, sigma: 2.0);
            Reference.AssertClose(expected.Select(d => Math.Exp(-d * d / 8)).ToArray(), rbf.ToArray<double>(), 1e-12);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Cdist_Float32Fused_EqualDefinition(int ranks, int? sx, int? sy)
    {
        // float32 quadratic expansion through the fused kernel: full 64 × 64 blocks, rows of 128 (streaming stores) and
        // of 100 floats (plain stores), edge blocks.
        var x = Data(200, 7, 3);
        foreach (int m in new[] { 128, 100 })
        {
            var y = Data(m, 7, m);
            var expected = Pairwise(x, y, 200, m, 7, Euclid);
            World.Run(ranks, () =>
            {
                using var X64 = ht.array(x, [200, 7], split: sx);
                using var Y64 = ht.array(y, [m, 7], split: sy);
                using var X = X64.astype(ht.float32);
                using var Y = Y64.astype(ht.float32);
                using var quad = ht.spatial.cdist(X, Y, quadratic_expansion: true);
                using var rbf = ht.spatial.rbf(X, Y, sigma: 3.0, quadratic_expansion: true);
                var q = quad.ToArray<float>();
                for (int i = 0; i < q.Length; i++)
                    Assert.True(Math.Abs(q[i] - expected[i]) <= 1e-3 * Math.Max(1, expected[i]), $"d[{i / m},{i % m}] = {q[i]}, expected {expected[i]}");
                Reference.AssertClose(expected.Select(d => Math.Exp(-d * d / 18)).ToArray(), rbf.ToArray<float>().Select(v => (double)v).ToArray(), 1e-4);
            });
        }
    }

    public static TheoryData<int, int?> SymmetricCases
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var split in new int?[] { null, 0 }) data.Add(r, split);
            return data;
        }
    }

    [Theory, MemberData(nameof(SymmetricCases))]
    public void Cdist_Symmetric_HalfBlocksMirrored(int ranks, int? split)
    {
        // float32 through the fused kernel (64 × 64 blocks, with aligned rows the non-temporal stores; edge blocks; the
        // half-shared blocks of an even ring) and float64 through the general forms; 3 samples on 5 ranks: empty
        // chunks.
        foreach (var (n, f) in new[] { (256, 5), (150, 18), (37, 3), (3, 2) })
        {
            var x = Data(n, f, n);
            var self = Pairwise(x, x, n, n, f, Euclid);
            World.Run(ranks, () =>
            {
                using var X64 = ht.array(x, [n, f], split: split);
                using var X = X64.astype(ht.float32);
                using var quad = ht.spatial.cdist(X, quadratic_expansion: true);
                using var same = ht.spatial.cdist(X, X, quadratic_expansion: true);
                using var rbf = ht.spatial.rbf(X, sigma: 3.0, quadratic_expansion: true);
                using var exact = ht.spatial.cdist(X64, X64);
                using var man = ht.spatial.manhattan(X64);
                Assert.Equal(split, quad.split);
                var q = quad.ToArray<float>();
                var r = rbf.ToArray<float>();
                var e = exact.ToArray<double>();
                for (int i = 0; i < n; i++)
                {
                    Assert.Equal(0f, q[i * n + i]);
                    Assert.Equal(1f, r[i * n + i]);
                    Assert.Equal(0.0, e[i * n + i]);
                    for (int j = 0; j < i; j++)
                    {
                        Assert.True(q[i * n + j] == q[j * n + i], $"d[{i},{j}] = {q[i * n + j]:R}, d[{j},{i}] = {q[j * n + i]:R}");
                        Assert.True(r[i * n + j] == r[j * n + i], $"rbf[{i},{j}] = {r[i * n + j]:R}, rbf[{j},{i}] = {r[j * n + i]:R}");
                        Assert.True(e[i * n + j] == e[j * n + i], $"exact d[{i},{j}] = {e[i * n + j]:R}, d[{j},{i}] = {e[j * n + i]:R}");
                        Assert.True(Math.Abs(q[i * n + j] - self[i * n + j]) <= 1e-3 * Math.Max(1, self[i * n + j]), $"d[{i},{j}] = {q[i * n + j]}, expected {self[i * n + j]}");
                    }
                }
                // Two calls agree to rounding (a backend's GEMM may round differently for other alignments).
                Reference.AssertClose(q.Select(v => (double)v).ToArray(), same.ToArray<float>().Select(v => (double)v).ToArray(), 1e-6);
                Reference.AssertClose(self.Select(d => Math.Exp(-d * d / 18)).ToArray(), r.Select(v => (double)v).ToArray(), 1e-4);
                Reference.AssertClose(self, e, 1e-12);
                Reference.AssertClose(Pairwise(x, x, n, n, f, (a, b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Sum()), man.ToArray<double>(), 1e-12);
            });
        }
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Cdist_Float32AndBadInput(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var X = ht.ones([6, 4], ht.float32, 0);
            using var Y = ht.zeros([3, 4], ht.float32, 0);
            using var d = ht.spatial.cdist(X, Y, quadratic_expansion: true);
            Assert.Equal(ht.float32, d.dtype);
            Assert.All(d.ToArray<float>(), v => Assert.Equal(2f, v));
            using var wrong = ht.zeros([3, 5], split: 0);
            Assert.Throws<ArgumentException>(() => ht.spatial.cdist(X, wrong));
            using var vector = ht.zeros([3]);
            Assert.Throws<ArgumentException>(() => ht.spatial.cdist(vector));
        });
    }
}
