// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// The distributed dense algorithms on 1..5 ranks, every split, balanced and unbalanced chunks: eigh (residual,
/// orthogonality, eigenvalues against LAPACK on the gathered matrix, over several panels), polar (A = UH, UᵀU = I, H
/// symmetric positive semi-definite), condest, the general svd (against gathered LAPACK, 1e-10 relative), solve
/// (residual) and matrix_exp (against SciPy); bad input raised on every rank.
/// </summary>
public abstract class DistributedLinalgSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, bool> Layouts
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
            {
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s, false);
                data.Add(r, 0, true);
                data.Add(r, 1, true);
            }
            return data;
        }
    }

    private static Complex[] Hermitian(int n, int seed, bool complex)
    {
        var x = Values(n * n, seed, complex);
        var h = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[i * n + j] = (x[i * n + j] + Complex.Conjugate(x[j * n + i])) / 2;
        return h;
    }

    private static DNDarray Input(Complex[] values, long[] shape, DType dtype, int? split, bool unbalanced) =>
        Array(values, shape, dtype, split, unbalanced && dtype.Kind != DTypeKind.Complex);

    [Theory, MemberData(nameof(Layouts))]
    public void Eigh_SeveralPanels_MatchesLapack(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var (n, dtype) in new[] { (70, ht.float64), (45, ht.complex128), (40, ht.float32) })
            {
                var h = Hermitian(n, n + 3, dtype.Kind == DTypeKind.Complex);
                using var whole = Array(h, [n, n], dtype, null);
                var (wRef, vRef) = ht.linalg.eigh(whole);
                using var a = Input(h, [n, n], dtype, split, unbalanced);
                var (w, v) = ht.linalg.eigh(a);
                using (wRef)
                using (vRef)
                using (w)
                using (v)
                {
                    Assert.Equal(0, w.split);
                    Assert.Equal(split, v.split);
                    Assert.Equal(dtype.RealType, w.dtype);
                    Assert.Equal(dtype, v.dtype);
                    var lambda = w.ToArray<double>();
                    var reference = wRef.ToArray<double>();
                    double norm = Fro(h), bound = 50 * n * Eps(dtype);
                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(Math.Abs(lambda[i] - reference[i]) <= bound * norm, $"λ{i} ({n}, {dtype})");
                        if (i > 0) Assert.True(lambda[i - 1] >= lambda[i]);
                    }
                    var va = v.ToArray<Complex>();
                    var av = Product(h, va, n, n, n);
                    var vl = va.Select((x, i) => x * lambda[i % n]).ToArray();
                    Assert.True(Distance(av, vl) / norm < bound, $"‖AV − VΛ‖ ({n}, {dtype})");
                    Assert.True(Orthogonality(va, n, n) < bound, $"‖VᴴV − I‖ ({n}, {dtype})");
                }
            }
        });
    }

    [Theory, MemberData(nameof(Layouts))]
    public void Polar_FactorsAreOrthonormalAndSymmetricPositive(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var (m, n, dtype, estimate) in new[]
                     {
                         (23, 9, ht.float64, 1e16), (12, 12, ht.float64, 0.0), (17, 6, ht.float32, 1e16),
                     })
            {
                var values = Values(m * n, m * 31 + n, false);
                using var a = Input(values, [m, n], dtype, split, unbalanced);
                var (u, h) = ht.linalg.polar(a, condition_estimate: estimate);
                using (u)
                using (h)
                {
                    Assert.Equal(split, u.split);
                    Assert.Equal(split, h!.split);
                    Assert.Equal([(long)m, n], u.shape);
                    Assert.Equal([(long)n, n], h.shape);
                    double bound = 50 * n * Eps(dtype);
                    var ua = u.ToArray<Complex>();
                    var ha = h.ToArray<Complex>();
                    Assert.True(Distance(Product(ua, ha, m, n, n), values) / Fro(values) < bound,
                        $"‖A − UH‖ {m}x{n}");
                    Assert.True(Orthogonality(ua, m, n) < bound, $"‖UᵀU − I‖ {m}x{n}");
                    Assert.True(Distance(ha, ConjT(ha, n, n)) <= bound * Fro(ha), "H symmetric");
                    using var hr = ht.array(ha.Select(x => x.Real).ToArray(), [n, n]);
                    var (hw, hv) = ht.linalg.eigh(hr);
                    Assert.True(hw.ToArray<double>().Min() >= -bound * Fro(ha), "H positive semi-definite");
                    hw.Dispose(); hv.Dispose();
                }
                var (only, none) = ht.linalg.polar(a, calcH: false);
                using (only) Assert.Null(none);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Condest_BoundsTheConditionNumber(int ranks, int? split)
    {
        // A = Q diag(σ) with orthogonal Q and σ from 1 to 100: κ₂ = 100, κ_F = ‖σ‖ ‖1/σ‖.
        const int n = 12;
        var sigma = Enumerable.Range(0, n).Select(i => Math.Pow(100, i / (n - 1.0))).ToArray();
        double kappaF = Math.Sqrt(sigma.Sum(s => s * s)) * Math.Sqrt(sigma.Sum(s => 1 / (s * s)));
        World.Run(ranks, () =>
        {
            using var g = Array(Values(n * n, 9, false), [n, n], ht.float64, null);
            var (q, r) = ht.linalg.qr(g);
            using (r)
            using (q)
            {
                var qa = q!.ToArray<double>();
                var a = qa.Select((x, i) => new Complex(x * sigma[i % n], 0)).ToArray();
                using var da = Array(a, [n, n], ht.float64, split);
                using var estimate = ht.linalg.condest(da);
                Assert.Equal(0, estimate.ndim);
                double k = estimate.item<double>();
                Assert.True(k >= 10 && k <= 10 * kappaF, $"condest {k} (κ₂ 100, κ_F {kappaF})");
                using var wide = ht.transpose(da);
                using var e2 = ht.linalg.condest(wide, @params: new Dictionary<string, object> { ["nsamples"] = 4 });
                Assert.True(e2.item<double>() >= 10);
            }
        });
    }

    [Theory, MemberData(nameof(Layouts))]
    public void Svd_General_MatchesLapackOnTheGatheredMatrix(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var (m, n) in new[] { (40, 33), (30, 30), (26, 35) })
            {
                var values = Values(m * n, 7 * m + n, false);
                using var whole = Array(values, [m, n], ht.float64, null);
                var (_, expected, _) = ht.linalg.svd(whole, compute_uv: false);
                using var a = Input(values, [m, n], ht.float64, split, unbalanced);
                var (u, s, vt) = ht.linalg.svd(a);
                using (expected)
                using (u)
                using (s)
                using (vt)
                {
                    int k = Math.Min(m, n);
                    var sv = s.ToArray<double>();
                    var reference = expected.ToArray<double>();
                    for (int i = 0; i < k; i++)
                        Assert.True(Math.Abs(sv[i] - reference[i]) <= 1e-10 * reference[0],
                            $"σ{i}: {sv[i]} vs {reference[i]} ({m} x {n})");
                    var ua = u!.ToArray<Complex>();
                    var va = vt!.ToArray<Complex>();
                    var us = new Complex[m * k];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < k; j++) us[i * k + j] = ua[i * k + j] * sv[j];
                    Assert.True(Distance(Product(us, va, m, k, n), values) / Fro(values) < 1e-12,
                        $"‖A − USVᵀ‖ {m}x{n}");
                    Assert.True(Orthogonality(ua, m, k) < 1e-12);
                    Assert.True(Orthogonality(ConjT(va, k, n), n, k) < 1e-12);
                }
                var (nu, values2, nv) = ht.linalg.svd(a, compute_uv: false);
                using (values2)
                {
                    Assert.Null(nu);
                    Assert.Null(nv);
                    Assert.Equal(Math.Min(m, n), values2.shape[0]);
                }
            }
        });
    }

    [Theory, MemberData(nameof(Layouts))]
    public void Solve_DistributedResidual(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.float64, ht.complex128, ht.float32 })
            {
                const int n = 37;
                bool complex = dtype.Kind == DTypeKind.Complex;
                var values = Values(n * n, 41, complex);
                for (int i = 0; i < n; i++) values[i * n + i] += 4;
                var rhs = Values(n * 3, 42, complex);
                using var a = Input(values, [n, n], dtype, split, unbalanced);
                using var b = Array(rhs, [n, 3], dtype, split);
                using var x = ht.linalg.solve(a, b);
                Assert.Equal(split, x.split);
                Assert.Equal([(long)n, 3], x.shape);
                double bound = 50 * n * Eps(dtype);
                Assert.True(Distance(Product(values, x.ToArray<Complex>(), n, n, 3), rhs) / Fro(rhs) < bound);
                using var bv = Array(rhs[..n], [n], dtype, split is null ? null : 0);
                using var xv = ht.linalg.solve(a, bv);
                Assert.Equal([(long)n], xv.shape);
                var residual = Distance(Product(values, xv.ToArray<Complex>(), n, n, 1), rhs[..n]);
                Assert.True(residual / Fro(rhs[..n]) < bound);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void MatrixExp_MatchesSciPy(int ranks, int? split)
    {
        int n = ExpmReference.N;
        World.Run(ranks, () =>
        {
            for (int c = 0; c < ExpmReference.Scales.Length; c++)
            {
                double scale = ExpmReference.Scales[c];
                var values = new double[n * n];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) values[i * n + j] = ((13 * i + 7 * j) % 11 - 5) / 4.0 * scale;
                var expected = ExpmReference.Expected[c];
                double norm = Math.Sqrt(expected.Sum(v => v * v));
                using var a = ht.array(values, [n, n], split: split);
                using var e = ht.linalg.matrix_exp(a);
                Assert.Equal(split, e.split);
                var got = e.ToArray<double>();
                double error = Math.Sqrt(got.Zip(expected, (g, x) => (g - x) * (g - x)).Sum());
                Assert.True(error <= 1e-13 * norm, $"expm scale {scale}: {error / norm}");
                using var f = ht.linalg.expm(ht.array(values.Select(v => (float)v).ToArray(), [n, n], split: split));
                Assert.Equal(ht.float32, f.dtype);
                var fv = f.ToArray<double>();
                Assert.True(Math.Sqrt(fv.Zip(expected, (g, x) => (g - x) * (g - x)).Sum()) <= 1e-4 * norm);
                // A batch of the matrix and its double, split along the batch.
                var batch = values.Concat(values).ToArray();
                using var stack = ht.array(batch, [2, n, n], split: split is null ? null : 0);
                using var eb = ht.linalg.matrix_exp(stack);
                var first = eb.ToArray<double>()[..(n * n)];
                Assert.True(Math.Sqrt(first.Zip(expected, (g, x) => (g - x) * (g - x)).Sum()) <= 1e-13 * norm);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.polar(ht.ones([3, 5], dtype: ht.float64, split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.polar(ht.ones([5, 3], dtype: ht.complex128, split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.polar(ht.ones([5, 3], dtype: ht.float64, split: 1), r: 9));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.condest(ht.ones([5, 3], dtype: ht.float64, split: 0), p: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.condest(ht.ones([5, 3], dtype: ht.float64, split: 0), algorithm: "exact"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.matrix_exp(ht.ones([5, 3], dtype: ht.float64, split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.eigh(ht.ones([6, 5], dtype: ht.float64, split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.solve(ht.zeros([6, 6], dtype: ht.float64, split: 1), ht.ones([6], dtype: ht.float64)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.linalg.solve(ht.eye([6, 6], dtype: ht.float64, split: 0), ht.ones([5], dtype: ht.float64)));
    }
}
