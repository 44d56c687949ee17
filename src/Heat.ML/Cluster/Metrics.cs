// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

// The lowercase name mirrors heat.cluster.metrics (API.md), hence CS8981.
#pragma warning disable CS8981

/// <summary>Clustering metrics, as HeAT's <c>heat.cluster.metrics</c> (scikit-learn's behaviour).</summary>
public static class metrics
{
    /// <summary>
    /// The silhouette coefficient of every sample, (b − a) / max(a, b): a is the mean distance to the other samples
    /// of its cluster, b the smallest mean distance to the samples of another cluster; 0 for a sample alone in its
    /// cluster.
    /// </summary>
    /// <param name="X">Samples × features (split 0 or replicated).</param>
    /// <param name="labels">The cluster label of every sample (1-d, any integer labels).</param>
    /// <param name="metric"><c>"euclidean"</c> or <c>"manhattan"</c>.</param>
    /// <remarks>The pairwise distances are split along the samples (n² / ranks elements per rank); per-cluster
    /// distance sums come from one matrix product with the one-hot labels. Float64, split like X along 0.</remarks>
    /// <exception cref="ArgumentException">Bad shapes, an unknown metric, or fewer than 2 or more than n − 1 distinct
    /// labels.</exception>
    public static DNDarray silhouette_samples(DNDarray X, DNDarray labels, string metric = "euclidean")
    {
        Samples.CheckMatrix(X, nameof(X));
        Samples.CheckTargets(X, labels, nameof(labels));
        if (metric is not ("euclidean" or "manhattan"))
            throw new ArgumentException($"metric must be 'euclidean' or 'manhattan', got '{metric}'.", nameof(metric));
        using var scope = DisposeScope.Begin();
        long n = X.shape[0];
        var classes = ht.resplit(ht.unique(labels, sorted: true), null);
        long k = classes.shape[0];
        if (k < 2 || k > n - 1)
            throw new ArgumentException(
                $"Number of labels is {k}. Valid values are 2 to n_samples - 1 (inclusive) = {n - 1}.", nameof(labels));
        var x = X.astype(ht.float64);
        if (x.split == 1) x = ht.resplit(x, 0);
        var all = ht.resplit(ht.searchsorted(classes, labels), null);
        var distances = metric == "euclidean" ? ht.spatial.cdist(x, x) : ht.spatial.manhattan(x, x);
        var oneHot = (all.reshape(n, 1) == ht.arange(k, dtype: ht.int64)).astype(ht.float64);
        var sums = ht.matmul(distances, oneHot);
        var counts = ht.sum(oneHot, axis: 0);
        var own = x.split == 0 ? ht.resplit(oneHot, 0) : oneHot;
        if (sums.split != own.split) sums = ht.resplit(sums, own.split);
        var ownCount = ht.sum(own * counts, axis: 1);
        var a = ht.sum(sums * own, axis: 1) / ht.maximum(ownCount - 1, 1.0);
        var b = ht.min(ht.where(own > 0, double.PositiveInfinity, sums / counts), axis: 1);
        var s = (b - a) / ht.maximum(a, b);
        // A sample alone in its cluster scores 0 (scikit-learn), as does one at distance 0 from every other.
        var result = ht.where((ownCount > 1) & (ht.maximum(a, b) > 0), s, 0.0);
        return scope.MoveToOuter(result);
    }

    /// <summary>The mean of <see cref="silhouette_samples"/> over all samples.</summary>
    /// <exception cref="ArgumentException">As <see cref="silhouette_samples"/>.</exception>
    public static double silhouette_score(DNDarray X, DNDarray labels, string metric = "euclidean")
    {
        using var samples = silhouette_samples(X, labels, metric);
        using var mean = ht.mean(samples);
        return mean.item<double>();
    }
}
