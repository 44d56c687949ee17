// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// Batch-parallel k-medians (HeAT's <c>BatchParallelKMedians</c>): k-medians (Manhattan distances, per-feature
/// medians) on every rank's chunk, then k-medians of the local centres on a merge tree (see
/// <see cref="BatchParallelKCluster"/>).
/// </summary>
public sealed class BatchParallelKMedians : BatchParallelKCluster
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters k.</param>
    /// <param name="init"><c>"k-medians++"</c>; HeAT's <c>"random"</c> is not implemented there either.</param>
    /// <param name="max_iter">The most iterations of every local and merge k-medians.</param>
    /// <param name="tol">The absolute tolerance on the centre change.</param>
    /// <param name="random_state">The seed (rank r uses random_state + r).</param>
    /// <param name="n_procs_to_merge">Ranks merged per group and level; null merges all at once.</param>
    /// <exception cref="ArgumentException">A parameter is out of range or init is another string.</exception>
    /// <exception cref="NotSupportedException">init is "random".</exception>
    public BatchParallelKMedians(int n_clusters = 8, string init = "k-medians++", int max_iter = 300,
        double tol = 1e-4, long? random_state = null, int? n_procs_to_merge = null)
        : base(1, "k-medians++", n_clusters, init, max_iter, tol, random_state, n_procs_to_merge) { }
}
