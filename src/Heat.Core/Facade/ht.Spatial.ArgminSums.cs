// SPDX-License-Identifier: MIT
namespace Heat;

// Not in HeAT: the fused assignment step of scikit-learn's chunked Lloyd (sklearn/cluster/_k_means_lloyd.pyx).
public sealed partial class SpatialModule
{
    /// <summary>
    /// For every row of <paramref name="X"/> the index of the nearest row of <paramref name="Y"/> (as
    /// <see cref="pairwise_distances_argmin"/>), and the sums and counts of X's rows per index, in one pass over X: the
    /// assignment and centroid-update totals of one k-means (Lloyd) iteration. Not in HeAT or scikit-learn
    /// (scikit-learn fuses the same step inside KMeans).
    /// </summary>
    /// <param name="X">Samples × features, split 0 or replicated (split 1 is resplit on a copy).</param>
    /// <param name="Y">Few rows (k) × features, replicated (a split Y is gathered first).</param>
    /// <returns>The labels (int64, split like X); the sums (k × features, X's float dtype, float32 for integers,
    /// accumulated in float64, replicated); the counts (k, int64, replicated).</returns>
    /// <remarks>
    /// The labels equal <see cref="pairwise_distances_argmin"/>'s on the same backend (the quadratic expansion
    /// |y|² − 2 x·y). One Allreduce of the sums and one of the counts when X is split.
    /// </remarks>
    /// <exception cref="ArgumentException">X or Y is not 2-d, their features differ, Y has no rows, or the data is
    /// complex.</exception>
    public (DNDarray labels, DNDarray sums, DNDarray counts) pairwise_distances_argmin_sums(DNDarray X, DNDarray Y) =>
        Linalg.NearestRowsSums.Compute(X, Y);
}
