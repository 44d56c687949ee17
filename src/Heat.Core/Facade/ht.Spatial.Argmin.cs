// SPDX-License-Identifier: MIT
namespace Heat;

// scikit-learn: sklearn/metrics/pairwise.py (pairwise_distances_argmin)
public sealed partial class SpatialModule
{
    /// <summary>
    /// For every row of <paramref name="X"/>, the index of the nearest row of <paramref name="Y"/> in Euclidean
    /// distance
    /// (the first on ties), as scikit-learn's <c>pairwise_distances_argmin(X, Y)</c>: the labels of a k-means
    /// assignment.
    /// </summary>
    /// <param name="X">Samples × features, split 0 or replicated (split 1 is resplit on a copy).</param>
    /// <param name="Y">Few rows × features, replicated (a split Y is gathered first).</param>
    /// <remarks>
    /// int64, split like X. Uses the quadratic expansion |y|² − 2 x·y through the backend's matmul in X's float dtype
    /// (float32 for integers), so near-ties may resolve differently from exact differences. No communication for a
    /// replicated Y.
    /// </remarks>
    /// <exception cref="ArgumentException">X or Y is not 2-d, their features differ, Y has no rows, or the data is
    /// complex.</exception>
    public DNDarray pairwise_distances_argmin(DNDarray X, DNDarray Y) => Linalg.NearestRows.Argmin(X, Y);
}
