// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

/// <summary>
/// The SVD settings shared by <see cref="DMD"/> and <see cref="DMDc"/> (HeAT's checks of svd_solver, svd_rank,
/// svd_tol) and their truncation rule, written once.
/// </summary>
internal static class DmdSvd
{
    /// <summary>HeAT's constructor checks.</summary>
    public static void Check(string svd_solver, int? svd_rank, double? svd_tol)
    {
        ArgumentNullException.ThrowIfNull(svd_solver);
        if (svd_solver is not ("full" or "hierarchical" or "randomized"))
            throw new ArgumentException(
                $"svd_solver must be 'full', 'hierarchical' or 'randomized', got '{svd_solver}'.", nameof(svd_solver));
        if (svd_solver == "full" && svd_rank is not null && svd_tol is not null)
            throw new ArgumentException("For 'full' SVD, at most one of svd_rank and svd_tol may be given.",
                nameof(svd_tol));
        if (svd_solver == "hierarchical" && (svd_rank is null) == (svd_tol is null))
            throw new ArgumentException("For 'hierarchical' SVD, exactly one of svd_rank and svd_tol must be given.",
                nameof(svd_rank));
        if (svd_solver == "randomized" && (svd_rank is null || svd_tol is not null))
            throw new ArgumentException("For 'randomized' SVD, svd_rank must be given and svd_tol must be null.",
                nameof(svd_rank));
        if (svd_rank is < 1)
            throw new ArgumentOutOfRangeException(nameof(svd_rank), svd_rank, "svd_rank must be positive.");
        if (svd_tol is double tol && !(tol > 0))
            throw new ArgumentOutOfRangeException(nameof(svd_tol), svd_tol, "svd_tol must be positive.");
    }

    /// <summary>
    /// HeAT computes a distributed array's SVD with the solver asked for and an undistributed one always with the full
    /// SVD; the hierarchical and randomized SVDs (<c>ht.linalg.hsvd_rank</c>/<c>hsvd_rtol</c>/<c>rsvd</c>) are not
    /// in this library yet.
    /// </summary>
    /// <exception cref="NotSupportedException">A distributed array with svd_solver "hierarchical" or
    /// "randomized".</exception>
    public static void RequireSolver(string svd_solver, DNDarray x, string estimator)
    {
        if (svd_solver != "full" && x.is_distributed())
            throw new NotSupportedException(
                $"{estimator}(svd_solver: \"{svd_solver}\") on a distributed array needs ht.linalg.hsvd_rank / "
                + "hsvd_rtol / rsvd, which this library does not have yet; use svd_solver: \"full\".");
    }

    /// <summary>
    /// The number of singular values kept: with <paramref name="tol"/> the fewest whose squares hold more than
    /// 1 − tol
    /// of the total (HeAT's rule), else <paramref name="rank"/>, else all; never more than there are.
    /// </summary>
    public static int Modes(DNDarray s, int? rank, double? tol)
    {
        int count = checked((int)s.shape[0]);
        if (tol is double t)
        {
            var values = s.astype(ht.float64).ToArray<double>();
            double total = values.Sum(v => v * v), threshold = (1 - t) * total, running = 0;
            int below = 0;
            foreach (var v in values)
            {
                running += v * v;
                if (running <= threshold) below++;
            }
            return Math.Min(below + 1, count);
        }
        return Math.Min(rank ?? count, count);
    }

    /// <summary>
    /// <paramref name="x"/> as a real float array for the SVD (float64 stays, other real dtypes become float32).
    /// </summary>
    /// <exception cref="ArgumentException">x is not 2-d real or has fewer than two time steps.</exception>
    public static DNDarray Snapshots(DNDarray x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ndim != 2)
            throw new ArgumentException(
                $"{name} must be 2-d (features x time steps), got shape ({string.Join(", ", x.shape)}).", name);
        if (x.dtype.IsComplex) throw new ArgumentException($"{name} must be real, got {x.dtype}.", name);
        if (x.shape[1] < 2)
            throw new ArgumentException($"{name} must have at least two time steps, got {x.shape[1]}.", name);
        return x.dtype == ht.float64 || x.dtype == ht.float32 ? x : x.astype(ht.float32);
    }

    /// <summary>The eigendecomposition of the (replicated) reduced transfer matrix and the DMD modes
    /// <paramref name="left"/> · W.</summary>
    public static (DNDarray Values, DNDarray Vectors, DNDarray Modes) Eigen(DNDarray transfer, DNDarray left)
    {
        var (values, vectors) = ht.linalg.eig(transfer);
        using var wide = left.astype(vectors.dtype);
        return (values, vectors, ht.matmul(wide, vectors));
    }
}
