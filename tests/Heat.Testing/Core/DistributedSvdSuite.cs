// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// The distributed general SVD (bidiagonalisation; neither tall-skinny nor short-fat) on 1..5 ranks, every split,
/// balanced, unbalanced and empty chunks: singular values against LAPACK on the gathered matrix (1e-10 of σ_max in
/// float64), ‖A − U S Vᴴ‖/‖A‖ and the orthogonality of U and V below 20·max(m, n)·ε, for random,
/// rank-deficient, clustered and zero spectra, float32/float64/complex, full_matrices and values only, and the
/// splits of the factors.
/// </summary>
public abstract class DistributedSvdSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
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

    // Real test matrices: (m, n, values), random, of known rank-deficient / clustered / zero spectrum.
    private static IEnumerable<(int M, int N, Complex[] Values, string Name)> RealCases()
    {
        yield return (21, 17, Values(21 * 17, 5, false), "random 21x17");
        yield return (16, 23, Values(16 * 23, 6, false), "random 16x23");
        double[] deficient = [9, 7, 4, 2, 1, 0.5];
        yield return (20, 14, Real(KnownSpectrum.Matrix(20, 14, deficient, 7)), "rank 6 of 20x14");
        yield return (13, 19, Real(KnownSpectrum.Matrix(13, 19, deficient[..4], 8)), "rank 4 of 13x19");
        double[] clustered = [.. Enumerable.Range(0, 8).Select(i => 1 + 1e-13 * i).Reverse(), 1e-3, 1e-3, 1e-9];
        yield return (18, 18, Real(KnownSpectrum.Matrix(18, 18, clustered, 9)), "clustered 18x18");
        yield return (6, 9, new Complex[6 * 9], "zero 6x9");
        yield return (3, 7, Values(3 * 7, 10, false), "3x7 (empty chunks)");
        yield return (7, 3, Values(7 * 3, 11, false), "7x3 (empty chunks)");
    }

    private static Complex[] Real(double[] x) => [.. x.Select(v => new Complex(v, 0))];

    private void Check(Complex[] values, int m, int n, DType dtype, int? split, bool unbalanced, string name)
    {
        using var whole = Array(values, [m, n], dtype, null);
        var (_, expected, _) = ht.linalg.svd(whole, compute_uv: false);
        using var a = Array(values, [m, n], dtype, split, unbalanced);
        var (u, s, vt) = ht.linalg.svd(a);
        using (expected)
        using (u)
        using (s)
        using (vt)
        {
            int k = Math.Min(m, n);
            double bound = 20 * Math.Max(m, n) * Eps(dtype), valueBound = dtype == ht.float64 ? 1e-10 : bound;
            Assert.Equal(dtype.RealType, s.dtype);
            Assert.Equal(dtype, u!.dtype);
            Assert.Equal([(long)m, k], u.shape);
            Assert.Equal([(long)k, n], vt!.shape);
            var sv = s.ToArray<double>();
            var reference = expected.ToArray<double>();
            for (int i = 0; i < k; i++)
            {
                Assert.True(Math.Abs(sv[i] - reference[i]) <= valueBound * reference[0],
                    $"σ{i}: {sv[i]} vs {reference[i]} ({name}, {dtype}, split {split})");
                if (i > 0) Assert.True(sv[i - 1] >= sv[i], $"descending ({name})");
            }
            var ua = u.ToArray<Complex>();
            var va = vt.ToArray<Complex>();
            var us = new Complex[m * k];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < k; j++) us[i * k + j] = ua[i * k + j] * sv[j];
            double norm = Math.Max(Fro(values), double.Epsilon);
            Assert.True(Distance(Product(us, va, m, k, n), values) <= bound * norm,
                $"‖A − USVᴴ‖ ({name}, {dtype})");
            Assert.True(Orthogonality(ua, m, k) < bound, $"‖UᴴU − I‖ ({name}, {dtype}, split {split})");
            Assert.True(Orthogonality(ConjT(va, k, n), n, k) < bound, $"‖VᴴV − I‖ ({name}, {dtype})");
            Assert.Equal(split == 0 && a.is_distributed() ? 0 : null, u.split);
            Assert.Equal(split == 1 && a.is_distributed() ? 1 : null, vt.split);
        }
        var (nu, only, nv) = ht.linalg.svd(a, compute_uv: false);
        using (only)
        {
            Assert.Null(nu);
            Assert.Null(nv);
            var reference = ht.linalg.svd(whole, compute_uv: false).S;
            using (reference)
                Reference.AssertClose(reference.ToArray<double>(), only.ToArray<double>(),
                    dtype == ht.float64 ? 1e-10 : 1e-4);
        }
    }

    [Theory, MemberData(nameof(Layouts))]
    public void Svd_RandomDeficientClusteredAndZero_MatchLapack(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var (m, n, values, name) in RealCases())
                Check(values, m, n, ht.float64, split, unbalanced, name);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Svd_ComplexAndFloat32(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            foreach (var (m, n) in new[] { (15, 11), (10, 14) })
            {
                var z = Values(m * n, 3 * m + n, true);
                Check(z, m, n, ht.complex128, split, false, $"complex {m}x{n}");
                Check(z, m, n, ht.complex64, split, false, $"complex {m}x{n}");
                var x = Values(m * n, 5 * m + n, false);
                Check(x, m, n, ht.float32, split, false, $"float32 {m}x{n}");
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Svd_FullMatrices_BothOrientations(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            foreach (var (m, n, complex) in new[] { (13, 8, false), (8, 13, false), (9, 6, true), (6, 9, true) })
            {
                var values = Values(m * n, m + 11 * n, complex);
                var dtype = complex ? ht.complex128 : ht.float64;
                using var a = Array(values, [m, n], dtype, split);
                var (u, s, vt) = ht.linalg.svd(a, full_matrices: true);
                using (u)
                using (s)
                using (vt)
                {
                    int k = Math.Min(m, n);
                    double bound = 20 * Math.Max(m, n) * Eps(dtype);
                    Assert.Equal([(long)m, m], u!.shape);
                    Assert.Equal([(long)n, n], vt!.shape);
                    var ua = u.ToArray<Complex>();
                    var va = vt.ToArray<Complex>();
                    Assert.True(Orthogonality(ua, m, m) < bound, $"full U {m}x{n}");
                    Assert.True(Orthogonality(ConjT(va, n, n), n, n) < bound, $"full V {m}x{n}");
                    var sv = s.ToArray<double>();
                    // A = U[:, :k] diag(S) Vᴴ[:k, :].
                    var us = new Complex[m * k];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < k; j++) us[i * k + j] = ua[i * m + j] * sv[j];
                    var vk = va[..(k * n)];
                    Assert.True(Distance(Product(us, vk, m, k, n), values) <= bound * Fro(values), $"full {m}x{n}");
                    Assert.Equal(split == 0 && a.is_distributed() ? 0 : null, u.split);
                    Assert.Equal(split == 1 && a.is_distributed() ? 1 : null, vt.split);
                }
            }
        });
    }
}
