// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Linalg.Dense;

namespace Heat.Linalg.SvdTools;

/// <summary>
/// HeAT's randomized SVD and eigendecomposition (Halko, Martinsson and Tropp 2011, algorithms 4.4, 5.1 and 5.3): a
/// Gaussian range finder with power iterations stabilised by the distributed QR, then the small projected problem
/// solved by LAPACK on every rank.
/// </summary>
internal static class Randomized
{
    public static (DNDarray U, DNDarray S, DNDarray Vt) Svd(
        DNDarray A, long rank, int nOversamples, int powerIter, int procsToMerge)
    {
        Check(A, rank, nOversamples, powerIter, procsToMerge, "rsvd", square: false);
        using var scope = DisposeScope.Begin();
        var q = RangeFinder(A, rank, nOversamples, powerIter, procsToMerge);
        // B = Qᵀ A is ell × n: small enough for every rank.
        var b = ht.resplit(ht.matmul(q.T, A), null);
        var (u, s, vt) = ht.linalg.svd(b);
        var U = ht.matmul(q, u![ht.slice(), ht.slice(0, rank)]);
        var S = s[ht.slice(0, rank)];
        var Vt = vt![ht.slice(0, rank)];
        if (A.split is int split)
        {
            // HeAT balances the factors; the non-replicated one keeps A's distributed axis.
            U = split == 0 ? ht.resplit(U, 0) : ht.resplit(U, null);
            Vt = split == 1 ? ht.resplit(Vt, 1) : ht.resplit(Vt, null);
        }
        U.balance_();
        Vt.balance_();
        return (scope.MoveToOuter(U), scope.MoveToOuter(ht.resplit(S, null)), scope.MoveToOuter(Vt));
    }

    public static (DNDarray Eigenvalues, DNDarray Eigenvectors) Eigh(
        DNDarray A, long nEigenvalues, int nOversamples, int powerIter, int procsToMerge)
    {
        Check(A, nEigenvalues, nOversamples, powerIter, procsToMerge, "reigh", square: true);
        using var scope = DisposeScope.Begin();
        var q = RangeFinder(A, nEigenvalues, nOversamples, powerIter, procsToMerge);
        var b = ht.resplit(ht.matmul(q.T, ht.matmul(A, q)), null);
        // Symmetrise against rounding, then LAPACK (ascending) read backwards: the largest eigenvalues first.
        b = (b + b.T) * 0.5;
        long ell = b.GShapeRef[0];
        var backend = A.Backend;
        var w = backend.Empty([ell], A.dtype, A.larray.Device);
        var v = backend.Empty([ell, ell], A.dtype, A.larray.Device);
        var values = new DNDarray(w, [ell], null, A.Context, true);
        var vectors = new DNDarray(v, [ell, ell], null, A.Context, true);
        using (var c = backend.Contiguous(b.larray)) DenseKernels.Of(backend).Eigh(c, w, v);
        long? stop = ell - 1 - nEigenvalues >= 0 ? ell - 1 - nEigenvalues : null;
        var top = values[ht.slice(ell - 1, stop, -1)];
        var basis = vectors[ht.slice(), ht.slice(ell - 1, stop, -1)];
        var eigenvectors = ht.matmul(q, basis);
        return (scope.MoveToOuter(ht.resplit(top, null)), scope.MoveToOuter(eigenvectors));
    }

    // An orthonormal Q (m × ell, ell = rank + oversamples) whose range approximates A's.
    private static DNDarray RangeFinder(DNDarray A, long rank, int nOversamples, int powerIter, int procsToMerge)
    {
        long ell = Math.Min(rank + nOversamples, Math.Min(A.GShapeRef[0], A.GShapeRef[1]));
        int omegaSplit = A.split == 0 ? 1 : 0;
        var omega = ht.random.randn([A.GShapeRef[1], ell], dtype: A.dtype, split: omegaSplit);
        var q = Orthonormal(ht.matmul(A, omega), procsToMerge);
        for (int i = 0; i < powerIter; i++)
        {
            q = Small(q);
            q = Small(Orthonormal(ht.matmul(A.T, q), procsToMerge));
            q = Orthonormal(ht.matmul(A, q), procsToMerge);
        }
        return Small(q);
    }

    // Q of the TS-QR of the rows: a product of Householder factors, orthonormal even when Y is rank deficient (low-rank
    // data), which the column-panel QR of a split-1 Y is not.
    private static DNDarray Orthonormal(DNDarray y, int procsToMerge) =>
        ht.linalg.qr(y.split is null ? y : ht.resplit(y, 0), procs_to_merge: procsToMerge).Q!;

    // HeAT replicates Q when its split axis has fewer entries than ranks.
    private static DNDarray Small(DNDarray q) =>
        q.split is int s && q.GShapeRef[s] < q.comm.Size ? ht.resplit(q, null) : q;

    private static void Check(
        DNDarray A, long rank, int nOversamples, int powerIter, int procsToMerge, string f, bool square)
    {
        Validation.RealFloating(A, nameof(A), 2, f);
        string rankName = square ? "n_eigenvalues" : "svd_rank";
        Validation.AtLeast(rank, 1, rankName, f);
        long most = Math.Min(A.GShapeRef[0], A.GShapeRef[1]);
        if (rank > most)
            throw new ArgumentException($"{f}: {rankName} = {rank} exceeds min(m, n) = {most}.", rankName);
        Validation.AtLeast(nOversamples, 0, "n_oversamples", f);
        Validation.AtLeast(powerIter, 0, "power_iter", f);
        if (procsToMerge is < 0 or 1)
            throw new ArgumentException($"{f}: qr_procs_to_merge must be 0 (all ranks at once) or at least 2, not "
                + $"{procsToMerge}.", "qr_procs_to_merge");
        if (square && A.GShapeRef[0] != A.GShapeRef[1])
            throw new ArgumentException($"{f}: A must be square, not {A.GShapeRef[0]} × {A.GShapeRef[1]}.",
                nameof(A));
    }
}
