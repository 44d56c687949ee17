// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// ht.linalg.svd on 1..5 ranks, every split, tall-skinny, short-fat and general shapes, float32/float64/complex:
/// singular values against LAPACK on the gathered matrix (1e-10 relative in float64), ‖A − U S Vᴴ‖ and
/// orthonormal
/// U and V, and the splits of the factors.
/// </summary>
public abstract class SvdSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var c in new[] { false, true }) data.Add(r, s, c);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Svd_MatchesLapackOnTheGatheredMatrix(int ranks, int? split, bool complex)
    {
        var dtype = complex ? ht.complex128 : ht.float64;
        World.Run(ranks, () =>
        {
            foreach (var (m, n) in new[] { (31, 4), (4, 29), (9, 9), (7, 12), (12, 7) })
            {
                var values = Values(m * n, m + 17 * n, complex);
                using var whole = Array(values, [m, n], dtype, null);
                var (_, expected, _) = ht.linalg.svd(whole, compute_uv: false);
                using var a = Array(values, [m, n], dtype, split);
                var (u, s, vt) = ht.linalg.svd(a);
                using (expected)
                using (u)
                using (s)
                using (vt)
                {
                    int k = Math.Min(m, n);
                    Assert.Equal(ht.float64, s.dtype);
                    var sv = s.ToArray<double>();
                    var reference = expected.ToArray<double>();
                    for (int i = 0; i < k; i++) Assert.True(Math.Abs(sv[i] - reference[i]) <= 1e-10 * reference[0],
                        $"σ{i}: {sv[i]} vs {reference[i]} ({m} x {n})");
                    var ua = u!.ToArray<Complex>();
                    var va = vt!.ToArray<Complex>();
                    Assert.Equal([(long)m, k], u.shape);
                    Assert.Equal([(long)k, n], vt.shape);
                    var us = new Complex[m * k];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < k; j++) us[i * k + j] = ua[i * k + j] * sv[j];
                    Assert.True(Distance(Product(us, va, m, k, n), values) / Fro(values) < 1e-13,
                        $"‖A − USVᴴ‖ ({m} "
                        + $"x {n})");
                    Assert.True(Orthogonality(ua, m, k) < 1e-13);
                    Assert.True(Orthogonality(ConjT(va, k, n), n, k) < 1e-13);
                    if (a.is_distributed() && split == 0 && m >= n * ranks) { Assert.Equal(0,
                        u.split); Assert.Null(vt.split); }
                    if (a.is_distributed() && split == 1 && n >= m * ranks) { Assert.Null(u.split); Assert.Equal(1,
                        vt.split); }
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Svd_Float32_AndValuesOnly(int ranks, int? split)
    {
        var values = Values(40 * 3, 3, false);
        World.Run(ranks, () =>
        {
            using var a = Array(values, [40, 3], ht.float32, split);
            var (u, s, vt) = ht.linalg.svd(a, compute_uv: false);
            Assert.Null(u);
            Assert.Null(vt);
            Assert.Equal(ht.float32, s.dtype);
            using var whole = Array(values, [40, 3], ht.float64, null);
            var (_, reference, _) = ht.linalg.svd(whole, compute_uv: false);
            Reference.AssertClose(reference.ToArray<double>(), s.ToArray<double>(), 1e-5);
            s.Dispose(); reference.Dispose();
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Svd_FullMatrices(int ranks, int? split)
    {
        var values = Values(8 * 5, 4, false);
        World.Run(ranks, () =>
        {
            using var a = Array(values, [8, 5], ht.float64, split);
            var (u, s, vt) = ht.linalg.svd(a, full_matrices: true);
            Assert.Equal([8L, 8L], u!.shape);
            Assert.Equal([5L, 5L], vt!.shape);
            Assert.True(Orthogonality(u.ToArray<Complex>(), 8, 8) < 1e-13);
            u.Dispose(); s.Dispose(); vt.Dispose();
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Svd_BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.svd(ht.ones([5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.svd(ht.arange(12, split: 0).reshape(4, 3)));
    }
}
