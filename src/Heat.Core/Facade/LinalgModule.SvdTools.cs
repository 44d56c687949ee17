// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/linalg/svdtools.py, randomized.py
public sealed partial class LinalgModule
{
    /// <inheritdoc cref="ht.hsvd_rank(DNDarray, long, bool, long?, int, bool)"/>
    public (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd_rank(
        DNDarray a, long maxrank, bool compute_sv = true, long? maxmergedim = null, int safetyshift = 5,
        bool silent = true) =>
        ht.hsvd_rank(a, maxrank, compute_sv, maxmergedim, safetyshift, silent);

    /// <inheritdoc cref="ht.hsvd_rtol(DNDarray, double, bool, long?, long?, int, int?, bool)"/>
    public (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd_rtol(
        DNDarray a, double rtol, bool compute_sv = true, long? maxrank = null, long? maxmergedim = null,
        int safetyshift = 5, int? no_of_merges = null, bool silent = true) =>
        ht.hsvd_rtol(a, rtol, compute_sv, maxrank, maxmergedim, safetyshift, no_of_merges, silent);

    /// <inheritdoc cref="ht.hsvd(DNDarray, long?, long?, double?, int, int?, bool, bool, bool)"/>
    public (DNDarray U, DNDarray? S, DNDarray? Vt, double error) hsvd(
        DNDarray a, long? maxrank = null, long? maxmergedim = null, double? rtol = null, int safetyshift = 0,
        int? no_of_merges = 2, bool compute_sv = false, bool silent = true, bool warnings_off = false) =>
        ht.hsvd(a, maxrank, maxmergedim, rtol, safetyshift, no_of_merges, compute_sv, silent, warnings_off);

    /// <inheritdoc cref="ht.isvd(DNDarray, DNDarray, DNDarray, DNDarray, long?)"/>
    public (DNDarray U, DNDarray S, DNDarray Vt) isvd(
        DNDarray new_data, DNDarray U_old, DNDarray S_old, DNDarray Vt_old, long? maxrank = null) =>
        ht.isvd(new_data, U_old, S_old, Vt_old, maxrank);

    /// <inheritdoc cref="ht.rsvd(DNDarray, long, int, int, int)"/>
    public (DNDarray U, DNDarray S, DNDarray Vt) rsvd(
        DNDarray a, long rank, int n_oversamples = 10, int power_iter = 0, int qr_procs_to_merge = 2) =>
        ht.rsvd(a, rank, n_oversamples, power_iter, qr_procs_to_merge);

    /// <inheritdoc cref="ht.reigh(DNDarray, long, int, int, int)"/>
    public (DNDarray eigenvalues, DNDarray eigenvectors) reigh(
        DNDarray a, long n_eigenvalues, int n_oversamples = 10, int power_iter = 0, int qr_procs_to_merge = 2) =>
        ht.reigh(a, n_eigenvalues, n_oversamples, power_iter, qr_procs_to_merge);
}
