// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Cluster;

/// <summary>
/// k-means clustering with Lloyd's algorithm on a sample-split (split 0) or replicated array, as scikit-learn's KMeans:
/// each iteration assigns every local sample to its nearest centroid (distances through the backend's matmul) and
/// combines per-cluster sums and counts with one Allreduce. Results do not depend on the number of ranks for a fixed
/// <c>random_state</c>; an empty cluster keeps its previous centroid.
/// </summary>
public sealed class KMeans
{
    private readonly string _init;
    private readonly DNDarray? _initCenters;

    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters k.</param>
    /// <param name="init"><c>"random"</c> (k distinct samples) or <c>"k-means++"</c> (D² sampling).</param>
    /// <param name="max_iter">The most Lloyd iterations.</param>
    /// <param name="tol">Convergence when the squared centroid shift is at most tol × the mean feature variance (scikit-learn).</param>
    /// <param name="random_state">Seed of the initialisation; null uses the global <c>ht.random</c> stream.</param>
    public KMeans(int n_clusters = 8, string init = "random", int max_iter = 300, double tol = 1e-4, long? random_state = null)
    {
        if (n_clusters < 1) throw new ArgumentOutOfRangeException(nameof(n_clusters), n_clusters, "n_clusters must be >= 1.");
        if (init is not ("random" or "k-means++")) throw new ArgumentException($"init must be 'random', 'k-means++' or a DNDarray of centroids, got '{init}'.", nameof(init));
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        if (tol < 0) throw new ArgumentOutOfRangeException(nameof(tol), tol, "tol must be >= 0.");
        this.n_clusters = n_clusters; _init = init; this.max_iter = max_iter; this.tol = tol; this.random_state = random_state;
    }

    /// <summary>Creates the estimator with given initial centroids (k × features).</summary>
    public KMeans(DNDarray init, int max_iter = 300, double tol = 1e-4)
        : this((int)(init ?? throw new ArgumentNullException(nameof(init))).GShapeRef[0], "random", max_iter, tol)
    {
        if (init.ndim != 2) throw new ArgumentException($"init centroids must be 2-d (k x features), got {Shapes.Format(init.GShapeRef)}.", nameof(init));
        _initCenters = init;
    }

    /// <summary>k.</summary>
    public int n_clusters { get; }
    /// <summary>The most iterations.</summary>
    public int max_iter { get; }
    /// <summary>The convergence tolerance.</summary>
    public double tol { get; }
    /// <summary>The seed of the initialisation.</summary>
    public long? random_state { get; }

    /// <summary>The centroids (k × features, replicated).</summary>
    public DNDarray? cluster_centers_ { get; private set; }
    /// <summary>The cluster of every sample (int64, split like the data).</summary>
    public DNDarray? labels_ { get; private set; }
    /// <summary>The sum of squared distances of the samples to their centroids.</summary>
    public double inertia_ { get; private set; }
    /// <summary>The Lloyd iterations run.</summary>
    public int n_iter_ { get; private set; }

    /// <summary>Clusters <paramref name="x"/> (samples × features, split 0 or replicated).</summary>
    /// <exception cref="ArgumentException">x is not 2-d, is split along features, or has fewer samples than clusters.</exception>
    public KMeans fit(DNDarray x)
    {
        var data = LloydData.From(x, nameof(x));
        try
        {
            if (data.Samples < n_clusters) throw new ArgumentException($"x has {data.Samples} samples, fewer than n_clusters = {n_clusters}.", nameof(x));
            var centers = _initCenters is not null ? Initial(_initCenters, data.Features) : Seeding.Choose(data, n_clusters, _init, random_state);
            double threshold = tol * data.MeanFeatureVariance();
            int iterations = 0;
            for (; iterations < max_iter;)
            {
                var (sums, counts, _) = data.Step(centers, n_clusters, labels: null);
                iterations++;
                double shift = 0;
                for (int c = 0; c < n_clusters; c++)
                {
                    if (counts[c] == 0) continue; // an empty cluster keeps its centroid
                    for (int j = 0; j < data.Features; j++)
                    {
                        double updated = sums[c * data.Features + j] / counts[c];
                        double delta = updated - centers[c * data.Features + j];
                        shift += delta * delta;
                        centers[c * data.Features + j] = updated;
                    }
                }
                if (shift <= threshold) break;
            }
            var labels = new long[data.LocalSamples];
            var (_, _, inertia) = data.Step(centers, n_clusters, labels);
            n_iter_ = iterations;
            inertia_ = inertia;
            Replace(data, centers, labels, x);
            return this;
        }
        finally { data.Dispose(); }
    }

    /// <summary>The nearest centroid of every sample of <paramref name="x"/> (int64, split like x).</summary>
    /// <exception cref="InvalidOperationException">fit has not run.</exception>
    public DNDarray predict(DNDarray x)
    {
        if (cluster_centers_ is null) throw new InvalidOperationException("KMeans.predict needs a fitted model; call fit first.");
        var data = LloydData.From(x, nameof(x));
        try
        {
            if (data.Features != cluster_centers_.GShapeRef[1])
                throw new ArgumentException($"x has {data.Features} features, the model {cluster_centers_.GShapeRef[1]}.", nameof(x));
            var labels = new long[data.LocalSamples];
            data.Step(cluster_centers_.ToArray<double>(), n_clusters, labels);
            return data.Labels(labels);
        }
        finally { data.Dispose(); }
    }

    /// <summary>fit, then the labels.</summary>
    public DNDarray fit_predict(DNDarray x)
    {
        fit(x);
        return ht.copy(labels_!);
    }

    private double[] Initial(DNDarray init, long features)
    {
        if (init.GShapeRef[1] != features) throw new ArgumentException($"init centroids have {init.GShapeRef[1]} features, x has {features}.");
        return init.ToArray<double>();
    }

    private void Replace(LloydData data, double[] centers, long[] labels, DNDarray x)
    {
        cluster_centers_?.Dispose();
        labels_?.Dispose();
        using var c = ht.array(centers, [n_clusters, data.Features]);
        cluster_centers_ = c.astype(x.dtype.IsInexact ? x.dtype : DType.Float32);
        labels_ = data.Labels(labels);
    }
}
