// SPDX-License-Identifier: MIT
using Heat.Linalg.SvdTools;

namespace Heat;

// HeAT: heat/core/linalg/svdtools.py (hsvd_rank, hsvd_rtol, hsvd, isvd) and randomized.py (rsvd, reigh); star-imported
// into heat.
public static partial class ht
{
    /// <summary>
    /// Hierarchical SVD (hSVD) truncated to <paramref name="maxrank"/>: approximations of the leading
    /// <paramref name="maxrank"/> singular triplets and an upper bound of the relative reconstruction error.
    /// </summary>
    /// <param name="a">A 2-d float32/float64 array, split 0, 1 or replicated.</param>
    /// <param name="maxrank">The truncation rank (scikit-learn's n_components), at least 1.</param>
    /// <param name="compute_sv">Also compute S and Vt (else they are null).</param>
    /// <param name="maxmergedim">The most columns a merge may concatenate; null chooses from the local slice size.
    /// </param>
    /// <param name="safetyshift">Extra columns kept below the root of the merge tree.</param>
    /// <param name="silent">False prints the merge tree and precision warnings to standard error.</param>
    /// <returns>U (m × k), S (k) and Vt (k × n) with k ≤ maxrank, and the a-posteriori estimate of
    /// ‖A − U diag(S) Vt‖_F / ‖A‖_F along the merge tree actually used: never smaller than the true error
    /// (up to rounding), as U diag(S) Vt = U Uᵀ A and every node's cut is orthogonal to what it keeps.</returns>
    /// <remarks>
    /// split 1: every rank truncates the SVD of its columns (LAPACK), the scaled factors are merged along HeAT's tree
    /// (point-to-point messages of m × k blocks), U is broadcast from rank 0 (replicated), Vt comes out split 1.
    /// split 0: the same on Aᵀ: U split 0, Vt replicated. Replicated A: computed on every rank alone. Singular
    /// values under 1e-14 ‖A‖_F (float32: 1e-7 ‖A‖_F) count as noise (HeAT: absolute 1e-14, which depends
    /// on the scale of A). With compute_sv false and split 0 U is returned (HeAT returns Vᵀ there). The
    /// factor the tree builds (U; Vt for split 0) is orthonormal; the other is Aᵀu/‖Aᵀu‖ column by column
    /// (HeAT), orthogonal only as far as the tree's vectors are singular vectors.
    /// </remarks>
    /// <exception cref="ArgumentException">A is not a 2-d float32/float64 array, maxrank &lt; 1, safetyshift &lt; 0,
    /// or maxmergedim &lt; 2 · (maxrank + safetyshift) + 1.</exception>
    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd_rank(
        DNDarray a, long maxrank, bool compute_sv = true, long? maxmergedim = null, int safetyshift = 5,
        bool silent = true) =>
        HsvdArguments.Rank(a, maxrank, compute_sv, maxmergedim, safetyshift, silent);

    /// <summary>
    /// Hierarchical SVD (hSVD) truncated so that the relative reconstruction error stays under
    /// <paramref name="rtol"/> (local tolerances assume the worst case of a binary merge tree).
    /// </summary>
    /// <param name="a">A 2-d float32/float64 array, split 0, 1 or replicated.</param>
    /// <param name="rtol">The bound of ‖A − U diag(S) Vt‖_F / ‖A‖_F.</param>
    /// <param name="compute_sv">Also compute S and Vt (else they are null).</param>
    /// <param name="maxrank">An upper bound of the rank (may cost precision, with a warning unless silent).</param>
    /// <param name="maxmergedim">The most columns a merge may concatenate.</param>
    /// <param name="safetyshift">Extra columns kept below the root of the merge tree.</param>
    /// <param name="no_of_merges">The most nodes merged at once (null: binary when neither maxrank nor
    /// maxmergedim is given).</param>
    /// <param name="silent">False prints the merge tree and precision warnings to standard error.</param>
    /// <returns>As <see cref="hsvd_rank"/>.</returns>
    /// <remarks>Distributed as <see cref="hsvd_rank"/>.</remarks>
    /// <exception cref="ArgumentException">A is not a 2-d float32/float64 array, rtol is negative or not finite,
    /// safetyshift is negative or too large, no_of_merges &lt; 2, or maxmergedim &lt; 2 · (maxrank + safetyshift) + 1.
    /// </exception>
    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd_rtol(
        DNDarray a, double rtol, bool compute_sv = true, long? maxrank = null, long? maxmergedim = null,
        int safetyshift = 5, int? no_of_merges = null, bool silent = true) =>
        HsvdArguments.Rtol(a, rtol, compute_sv, maxrank, maxmergedim, safetyshift, no_of_merges, silent);

    /// <summary>The low-level hierarchical SVD behind <see cref="hsvd_rank"/> and <see cref="hsvd_rtol"/>, every
    /// parameter explicit.</summary>
    /// <param name="a">A 2-d float32/float64 array.</param>
    /// <param name="maxrank">The truncation rank (null: min(m, n), then rtol is needed).</param>
    /// <param name="maxmergedim">The most columns a merge may concatenate (null: no bound); at least
    /// 2 · (maxrank + safetyshift) + 1, so that every level merges.</param>
    /// <param name="rtol">The bound of the relative reconstruction error, or null.</param>
    /// <param name="safetyshift">Extra columns kept below the root.</param>
    /// <param name="no_of_merges">The most nodes merged at once (null: no bound).</param>
    /// <param name="compute_sv">Also compute S and Vt.</param>
    /// <param name="silent">False prints the merge tree and warnings to standard error.</param>
    /// <param name="warnings_off">Kept for HeAT's signature.</param>
    /// <returns>As <see cref="hsvd_rank"/>.</returns>
    /// <exception cref="ArgumentException">A is not a 2-d float32/float64 array, neither maxrank nor rtol is given,
    /// or a parameter is out of range.</exception>
    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd(
        DNDarray a, long? maxrank = null, long? maxmergedim = null, double? rtol = null, int safetyshift = 0,
        int? no_of_merges = 2, bool compute_sv = false, bool silent = true, bool warnings_off = false) =>
        HsvdArguments.Low(a, maxrank, maxmergedim, rtol, safetyshift, no_of_merges, compute_sv, silent);

    /// <summary>
    /// Incremental SVD: from the SVD U_old diag(S_old) Vt_old of X_old and new columns N, the SVD of [X_old | N]
    /// (Brand 2006), truncated to <paramref name="maxrank"/> when given.
    /// </summary>
    /// <param name="new_data">The new columns (m × d).</param>
    /// <param name="U_old">The old left factor (m × r).</param>
    /// <param name="S_old">The old singular values (r).</param>
    /// <param name="Vt_old">The old right factor (r × n).</param>
    /// <param name="maxrank">The truncation rank of the result, or null for none.</param>
    /// <returns>U_new (m × k, split like U_old), S_new (k, replicated), Vt_new (k × (n + d), split like Vt_old).
    /// </returns>
    /// <remarks>The residual of the new columns is factored by the distributed TS-QR; the (r + d)-sized inner
    /// problem by LAPACK on every rank.</remarks>
    /// <exception cref="ArgumentException">An operand is not float32/float64 of the right dimensions, or the shapes
    /// do not match.</exception>
    public static (DNDarray U, DNDarray S, DNDarray Vt) isvd(
        DNDarray new_data, DNDarray U_old, DNDarray S_old, DNDarray Vt_old, long? maxrank = null) =>
        Incremental.Isvd(new_data, U_old, S_old, Vt_old, maxrank);

    /// <summary>Randomized SVD (Halko et al. 2011) truncated to <paramref name="rank"/>.</summary>
    /// <param name="a">A 2-d float32/float64 array.</param>
    /// <param name="rank">The truncation rank, 1 to min(m, n).</param>
    /// <param name="n_oversamples">Extra random samples of the range.</param>
    /// <param name="power_iter">Power iterations (better for slowly decaying spectra).</param>
    /// <param name="qr_procs_to_merge">The TS-QR merge count of the range finder.</param>
    /// <returns>U (m × rank), S (rank, replicated), Vt (rank × n); U split 0 for split-0 A, Vt split 1
    /// for split-1 A, the other factor replicated.</returns>
    /// <remarks>Draws from <c>ht.random</c> (seed it for reproducible results); the (rank + n_oversamples) × n
    /// projection is factored by LAPACK on every rank.</remarks>
    /// <exception cref="ArgumentException">A is not a 2-d float32/float64 array, or a parameter is out of range.
    /// </exception>
    public static (DNDarray U, DNDarray S, DNDarray Vt) rsvd(
        DNDarray a, long rank, int n_oversamples = 10, int power_iter = 0, int qr_procs_to_merge = 2) =>
        Randomized.Svd(a, rank, n_oversamples, power_iter, qr_procs_to_merge);

    /// <summary>Randomized eigendecomposition of a symmetric matrix: its <paramref name="n_eigenvalues"/> largest
    /// eigenvalues (descending, replicated) and their eigenvectors (the columns).</summary>
    /// <param name="a">A symmetric 2-d float32/float64 array.</param>
    /// <param name="n_eigenvalues">How many eigenpairs, 1 to n.</param>
    /// <param name="n_oversamples">Extra random samples of the range.</param>
    /// <param name="power_iter">Power iterations.</param>
    /// <param name="qr_procs_to_merge">The TS-QR merge count of the range finder.</param>
    /// <exception cref="ArgumentException">A is not a square 2-d float32/float64 array, or a parameter is out of
    /// range.</exception>
    public static (DNDarray eigenvalues, DNDarray eigenvectors) reigh(
        DNDarray a, long n_eigenvalues, int n_oversamples = 10, int power_iter = 0, int qr_procs_to_merge = 2) =>
        Randomized.Eigh(a, n_eigenvalues, n_oversamples, power_iter, qr_procs_to_merge);
}
