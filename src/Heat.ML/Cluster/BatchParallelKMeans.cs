// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// Batch-parallel k-means (HeAT's <c>BatchParallelKMeans</c>, after Alguliyev et al., 2021): k-means on every rank's
/// chunk, then k-means of the local centroids on a merge tree (see <see cref="BatchParallelKCluster"/>).
/// </summary>
public sealed class BatchParallelKMeans : BatchParallelKCluster
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters k.</param>
    /// <param name="init"><c>"k-means++"</c>; HeAT's <c>"random"</c> is not implemented there either.</param>
    /// <param name="max_iter">The most iterations of every local and merge k-means.</param>
    /// <param name="tol">The absolute tolerance on the centroid change.</param>
    /// <param name="random_state">The seed (rank r uses random_state + r).</param>
    /// <param name="n_procs_to_merge">Ranks merged per group and level; null merges all at once.</param>
    /// <exception cref="ArgumentException">A parameter is out of range or init is another string.</exception>
    /// <exception cref="NotSupportedException">init is "random".</exception>
    public BatchParallelKMeans(int n_clusters = 8, string init = "k-means++", int max_iter = 300, double tol = 1e-4,
        long? random_state = null, int? n_procs_to_merge = null)
        : base(2, "k-means++", n_clusters, init, max_iter, tol, random_state, n_procs_to_merge) { }
}
