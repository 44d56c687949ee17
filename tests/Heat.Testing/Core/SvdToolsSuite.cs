// SPDX-License-Identifier: MIT
using static Heat.Testing.Core.KnownSpectrum;

namespace Heat.Testing.Core;

/// <summary>
/// ht.linalg.hsvd_rank / hsvd_rtol / hsvd and rsvd on matrices of known spectrum, on the world's rank counts, every
/// split (None, 0, 1; unbalanced chunks, some empty), float32 and float64: the reported error bound is honest (the
/// true ‖A − U S Vt‖_F / ‖A‖_F never exceeds it beyond rounding), no better than Eckart–Young, the factors
/// orthonormal and the singular values within the bound of the true ones (Weyl).
/// </summary>
public abstract class SvdToolsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private const int M = 36, N = 53;

    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var single in new[] { false, true }) data.Add(r, s, single);
            return data;
        }
    }

    /// <summary>s_i = 0.7^i: full rank, so every truncation really cuts.</summary>
    private static readonly double[] Decaying = Enumerable.Range(0, M).Select(i => Math.Pow(0.7, i)).ToArray();

    private static double Rounding(bool single) => single ? 2e-5 : 1e-12;

    [Theory, MemberData(nameof(Cases))]
    public void HsvdRank_ErrorBoundIsHonest(int ranks, int? split, bool single)
    {
        var a = Matrix(M, N, Decaying, seed: 3);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Input(a, split, single);
            foreach (var (maxrank, shift) in new[] { (5, 5), (10, 0), (3, 2), (1, 5) })
            {
                var (u, s, vt, error) = ht.linalg.hsvd_rank(x, maxrank, compute_sv: true, safetyshift: shift);
                Assert.Equal(new long[] { M, maxrank }, u.shape);
                Assert.Equal(new long[] { maxrank }, s!.shape);
                Assert.Equal(new long[] { maxrank, N }, vt!.shape);
                CheckFactors(a, x, u, s, vt, error, Decaying, single);
                Assert.True(error < 1, $"error estimate {error}");
            }
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void HsvdRtol_MeetsTheToleranceHonestly(int ranks, int? split, bool single)
    {
        var a = Matrix(M, N, Decaying, seed: 5);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Input(a, split, single);
            foreach (var rtol in new[] { 0.3, 0.05, single ? 1e-3 : 1e-4 })
            {
                var (u, s, vt, error) = ht.linalg.hsvd_rtol(x, rtol, compute_sv: true);
                double truth = CheckFactors(a, x, u, s!, vt!, error, Decaying, single);
                // Local tolerances assume a binary tree of 2p − 1 nodes; lone nodes re-truncated on the way up add
                // at most a factor √2 to the estimate.
                Assert.True(error <= Math.Sqrt(2) * rtol + Rounding(single), $"estimate {error} vs rtol {rtol}");
                Assert.True(truth <= Math.Sqrt(2) * rtol + Rounding(single), $"true error {truth} vs rtol {rtol}");
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Hsvd_MergeParameters_AndLowRank(int ranks, int? split)
    {
        var lowRank = new[] { 3.0, 2.0, 1.0 };
        var a = Matrix(M, N, lowRank, seed: 7);
        var b = Matrix(M, N, Decaying, seed: 8);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Input(a, split, false);
            var (u, s, vt, error) = ht.linalg.hsvd_rank(x, 6, compute_sv: true);
            // Exactly rank 3: the noise cut leaves three triplets, exact.
            Assert.Equal(3L, s!.shape[0]);
            Reference.AssertClose(lowRank, s.ToArray<double>(), 1e-12);
            double exact = RelativeError(a, M, N, Host(u), Host(s), Host(vt!));
            Assert.True(exact < 1e-13, $"true error {exact}");
            Assert.True(error < 1e-13, $"estimate {error}");
            var y = Input(b, split, false);
            foreach (var merges in new int?[] { 2, 3, null })
            {
                var (u2, s2, vt2, e2) = ht.linalg.hsvd(y, maxrank: 4, maxmergedim: 40, safetyshift: 2,
                    no_of_merges: merges, compute_sv: true);
                CheckFactors(b, y, u2, s2!, vt2!, e2, Decaying, false);
                var (u3, s3, vt3, e3) = ht.linalg.hsvd(y, rtol: 0.1, no_of_merges: merges, compute_sv: true);
                CheckFactors(b, y, u3, s3!, vt3!, e3, Decaying, false);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Hsvd_ZeroMatrix_AndLeftFactorOnly(int ranks, int? split)
    {
        var a = Matrix(M, N, Decaying, seed: 9);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var zeros = Input(new double[M * N], split, false);
            var (u, s, vt, error) = ht.linalg.hsvd_rank(zeros, 4, compute_sv: true);
            Assert.Equal(new long[] { M, 1 }, u.shape);
            Assert.All(Host(u), v => Assert.Equal(0.0, v));
            Assert.All(Host(s!), v => Assert.Equal(0.0, v));
            Assert.All(Host(vt!), v => Assert.Equal(0.0, v));
            Assert.Equal(0.0, error);
            var x = Input(a, split, false);
            var (only, none, noVt, estimate) = ht.linalg.hsvd_rank(x, 4, compute_sv: false);
            Assert.Null(none);
            Assert.Null(noVt);
            Assert.Equal(new long[] { M, 4 }, only.shape);
            Assert.Equal(split == 0 ? 0 : null, only.split);
            if (split != 0) Assert.True(Orthogonality(Host(only), M, 4) < 1e-12);
            var (full, _, _, same) = ht.linalg.hsvd_rank(x, 4, compute_sv: true);
            Assert.Equal(estimate, same, 12);
            // The same U up to the sign of each column.
            double[] a1 = Host(only), a2 = Host(full);
            for (int c = 0; c < 4; c++)
            {
                double sign = Math.Sign(a1[c] * a2[c]);
                for (int i = 0; i < M; i++) Assert.Equal(a2[i * 4 + c], sign * a1[i * 4 + c], 10);
            }
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Rsvd_KnownSpectrum(int ranks, int? split, bool single)
    {
        var spectrum = Enumerable.Range(0, M).Select(i => Math.Pow(0.5, i)).ToArray();
        var a = Matrix(M, N, spectrum, seed: 11);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            ht.random.seed(42);
            var x = Input(a, split, single);
            foreach (var (rank, oversamples, power) in new[] { (4, 10, 0), (6, 5, 2), (ranks, 0, 1) })
            {
                var (u, s, vt) = ht.linalg.rsvd(x, rank, n_oversamples: oversamples, power_iter: power);
                Assert.Equal(new long[] { M, rank }, u.shape);
                Assert.Equal(new long[] { rank }, s.shape);
                Assert.Equal(new long[] { rank, N }, vt.shape);
                Assert.Equal(x.dtype, u.dtype);
                double[] uh = Host(u), sh = Host(s), vh = Host(vt);
                double tol = single ? 1e-4 : 1e-10;
                Assert.True(Orthogonality(uh, M, rank) < tol);
                Assert.True(Orthogonality(Transpose(vh, rank, N), N, rank) < tol);
                double truth = RelativeError(a, M, N, uh, sh, vh), best = Optimum(spectrum, rank);
                Assert.True(truth >= best - Rounding(single), $"{truth} beats Eckart–Young {best}");
                if (oversamples >= 5)
                {
                    Assert.True(truth <= 1.5 * best + Rounding(single), $"rsvd error {truth} vs optimum {best}");
                    for (int i = 0; i < rank; i++)
                        Assert.True(Math.Abs(sh[i] - spectrum[i]) <= 2 * best + 10 * Rounding(single),
                            $"σ{i}: {sh[i]} vs {spectrum[i]}");
                }
                if (x.is_distributed() && split == 0) Assert.Equal(0, u.split);
                if (x.is_distributed() && split == 1) Assert.Equal(1, vt.split);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Reigh_TopEigenpairs(int ranks, int? split)
    {
        const int n = 31;
        var lambda = Enumerable.Range(0, n).Select(i => 4 * Math.Pow(0.5, i)).ToArray();
        // Symmetric: Q diag(λ) Qᵀ with one Q.
        var sym = Symmetric(n, lambda, 13);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            ht.random.seed(7);
            var x = Input(sym, split, false, [n, n]);
            var (values, vectors) = ht.linalg.reigh(x, 5, power_iter: 2);
            double[] w = Host(values), v = Host(vectors);
            Assert.Equal(new long[] { n, 5 }, vectors.shape);
            for (int i = 0; i < 5; i++) Assert.True(Math.Abs(w[i] - lambda[i]) < 1e-6, $"λ{i}: {w[i]}");
            Assert.True(Orthogonality(v, n, 5) < 1e-10);
            for (int c = 0; c < 5; c++)
                for (int i = 0; i < n; i++)
                {
                    double av = 0;
                    for (int j = 0; j < n; j++) av += sym[i * n + j] * v[j * 5 + c];
                    Assert.True(Math.Abs(av - w[c] * v[i * 5 + c]) < 1e-5, $"residual ({i}, {c})");
                }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Isvd_EqualsTheSvdOfTheExtendedMatrix(int ranks)
    {
        const int m = 40, n = 24, d = 7;
        var old = Matrix(m, n, [5, 3, 2, 1], seed: 17);
        var extra = Matrix(m, d, [4, 1, 0.5, 0.25, 0.1, 0.05, 0.01], seed: 19);
        World.Run(ranks, () =>
        {
            foreach (var oldSplit in new int?[] { null, 0, 1 })
                foreach (var newSplit in new int?[] { null, 0, 1 })
                    foreach (var single in new[] { false, true })
                    {
                        using var scope = DisposeScope.Begin();
                        var dtype = single ? ht.float32 : ht.float64;
                        var xOld = Input(old, oldSplit, single, [m, n]);
                        var (u0, s0, vt0) = ht.linalg.svd(xOld);
                        var u = u0![ht.slice(), ht.slice(0, 4)];
                        var s = s0[ht.slice(0, 4)];
                        var vt = vt0![ht.slice(0, 4)];
                        var fresh = Input(extra, newSplit, single, [m, d]);
                        var (un, sn, vtn) = ht.linalg.isvd(fresh, u, s, vt);
                        Assert.Equal(dtype, un.dtype);
                        int k = (int)sn.shape[0];
                        Assert.Equal(Math.Min(4 + d, Math.Min(m, n + d)), k);
                        double tol = single ? 1e-4 : 1e-10;
                        double[] uh = Host(un), sh = Host(sn), vh = Host(vtn);
                        Assert.True(Orthogonality(uh, m, k) < tol, $"U orthogonality ({oldSplit}, {newSplit})");
                        var whole = new double[m * (n + d)];
                        for (int i = 0; i < m; i++)
                        {
                            Array.Copy(old, i * n, whole, i * (n + d), n);
                            Array.Copy(extra, i * d, whole, i * (n + d) + n, d);
                        }
                        Assert.True(RelativeError(whole, m, n + d, uh, sh, vh) < tol,
                            $"reconstruction ({oldSplit}, {newSplit})");
                        var (ut, st, vtt) = ht.linalg.isvd(fresh, u, s, vt, maxrank: 3);
                        Assert.Equal(3L, st.shape[0]);
                        Assert.Equal(new long[] { 3, n + d }, vtt.shape);
                        Assert.Equal(new long[] { m, 3 }, ut.shape);
                    }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd_rank(ht.ones([6, 5], split: 1,
            dtype: ht.int32), 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd_rank(ht.ones([6, 5, 2], split: 1),
            2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd_rank(ht.ones([6], split: 0), 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd_rank(ht.ones([6, 5], split: 1), 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rank(ht.ones([6, 5], split: 1), 2, maxmergedim: 4));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rank(ht.ones([6, 5], split: 1), 2, safetyshift: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rank(ht.ones([6, 5], split: 1, dtype: ht.complex64), 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd_rtol(ht.ones([6, 5], split: 1), -0.1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rtol(ht.ones([6, 5], split: 1), 0.1, maxmergedim: 4, maxrank: 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rtol(ht.ones([6, 5], split: 1), 0.1, maxmergedim: 10, maxrank: 11));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.hsvd_rtol(ht.ones([6, 5], split: 1), 0.1, no_of_merges: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.hsvd(ht.ones([6, 5], split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.rsvd(ht.ones([6, 5], split: 0), 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.rsvd(ht.ones([6, 5], split: 0), 6));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.rsvd(ht.ones([6, 5], split: 0), 2, n_oversamples: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.rsvd(ht.ones([6, 5], split: 0), 2, power_iter: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.reigh(ht.ones([6, 5], split: 0), 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.isvd(ht.ones([7, 2]), ht.ones([6, 2]), ht.ones([2]), ht.ones([2, 4])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.isvd(ht.ones([6, 2]), ht.ones([6, 2]), ht.ones([3]), ht.ones([2, 4])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            ht.linalg.isvd(ht.ones([6, 2]), ht.ones([6, 2]), ht.ones([2]), ht.ones([3, 4])));
    }

    // Checks the factors of a truncated SVD of a (host copy) against the known spectrum; returns the true error.
    private static double CheckFactors(
        double[] a, DNDarray x, DNDarray u, DNDarray s, DNDarray vt, double error, double[] spectrum, bool single)
    {
        int k = (int)s.shape[0];
        Assert.Equal(x.dtype, u.dtype);
        Assert.Equal(x.dtype, vt.dtype);
        if (x.is_distributed())
        {
            Assert.Equal(x.split == 0 ? 0 : null, u.split);
            Assert.Equal(x.split == 1 ? 1 : null, vt.split);
        }
        double[] uh = Host(u), sh = Host(s), vh = Host(vt);
        double truth = RelativeError(a, M, N, uh, sh, vh);
        double rounding = Rounding(single);
        Assert.True(truth <= error + rounding, $"true error {truth} exceeds the reported bound {error} (k = {k})");
        Assert.True(truth >= Optimum(spectrum, k) - rounding, $"true error {truth} beats Eckart–Young");
        // The factor built by the merge tree is orthonormal (U, or V for split 0); the other is Aᵀu_i/‖Aᵀu_i‖.
        double tol = single ? 1e-4 : 1e-10;
        if (x.split == 0) Assert.True(Orthogonality(Transpose(vh, k, N), N, k) < tol, "V is not orthonormal");
        else Assert.True(Orthogonality(uh, M, k) < tol, "U is not orthonormal");
        // σ_i = ‖Aᵀu_i‖ is within the reported error (in ‖A‖_F units) of the true s_i.
        double norm = Math.Sqrt(spectrum.Sum(v => v * v));
        for (int i = 0; i < k; i++)
        {
            double gap = Math.Abs(spectrum[i] - sh[i]);
            Assert.True(gap <= error * norm + 10 * rounding,
                $"σ{i}: {sh[i]} vs {spectrum[i]} (bound {error * norm})");
        }
        return truth;
    }

    private static DNDarray Input(double[] a, int? split, bool single, long[]? shape = null)
    {
        shape ??= [M, N];
        var x = split is int s ? Reference.Unbalanced(a, shape, s) : ht.array(a, shape);
        return single ? x.astype(ht.float32) : x;
    }

    private static double[] Host(DNDarray x) => x.astype(ht.float64).ToArray<double>();

    private static double[] Symmetric(int n, double[] lambda, int seed)
    {
        var q = Matrix(n, n, Enumerable.Repeat(1.0, n).ToArray(), seed); // an orthogonal matrix Q₁Q₂ᵀ
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int c = 0; c < n; c++) sum += q[i * n + c] * lambda[c] * q[j * n + c];
                a[i * n + j] = sum;
            }
        return a;
    }
}
