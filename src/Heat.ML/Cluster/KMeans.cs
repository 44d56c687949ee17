// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// k-means clustering with Lloyd's algorithm on a sample-split (split 0) or replicated array, as scikit-learn's KMeans:
/// each iteration assigns every sample to its nearest centroid and combines per-cluster sums and counts across ranks in
/// one pass over the samples (<c>ht.spatial.pairwise_distances_argmin_sums</c>); only the k centroids travel to the
/// host. Results do not depend on the number of ranks for a fixed <c>random_state</c>; an empty cluster keeps its
/// previous centroid. Float64 data is clustered in float64, any other real data in float32.
/// </summary>
public sealed class KMeans : BaseEstimator
{
    private readonly string _init;
    private readonly DNDarray? _initCenters;
    private double[]? _centers;

    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters k.</param>
    /// <param name="init"><c>"random"</c> (k distinct samples) or D² sampling under any of its names:
    /// <c>"k-means++"</c> (scikit-learn), <c>"kmeans++"</c> and <c>"probability_based"</c> (HeAT; accepted since HeAT
    /// 1.4.2 parity, before only <c>"k-means++"</c>). HeAT's <c>"batchparallel"</c> seeds with the centroids of
    /// <see cref="BatchParallelKMeans"/> (max_iter 100, the same random_state; samples split along axis 0).</param>
    /// <param name="max_iter">The most Lloyd iterations.</param>
    /// <param name="tol">Convergence when the squared centroid shift is at most tol × the mean feature variance
    /// (scikit-learn).</param>
    /// <param name="random_state">Seed of the initialisation; null uses the global <c>ht.random</c> stream.</param>
    public KMeans(int n_clusters = 8, string init = "random", int max_iter = 300, double tol = 1e-4,
        long? random_state = null)
    {
        if (n_clusters < 1) throw new ArgumentOutOfRangeException(nameof(n_clusters), n_clusters, "n_clusters must "
            + "be >= 1.");
        if (init is not ("random" or "k-means++" or "kmeans++" or "probability_based" or "batchparallel"))
            throw new ArgumentException(
                "init must be 'random', 'k-means++' ('kmeans++', 'probability_based'), 'batchparallel' or a DNDarray "
                + "of centroids, "
                + $"got '{init}'.",
                nameof(init));
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        if (tol < 0) throw new ArgumentOutOfRangeException(nameof(tol), tol, "tol must be >= 0.");
        this.n_clusters = n_clusters; _init = init; this.max_iter = max_iter; this.tol = tol; this.random_state =
            random_state;
    }

    /// <summary>Creates the estimator with given initial centroids (k × features).</summary>
    /// <exception cref="ArgumentException">init is not 2-d.</exception>
    public KMeans(DNDarray init, int max_iter = 300, double tol = 1e-4)
        : this(checked((int)(init ?? throw new ArgumentNullException(nameof(init))).shape[0]), "random", max_iter, tol)
    {
        if (init.ndim != 2) throw new ArgumentException($"init centroids must be 2-d (k x features), got shape "
            + $"({string.Join(", ", init.shape)}).", nameof(init));
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
    /// <summary>The cluster of every sample (int64, split 0 like the samples, or replicated).</summary>
    public DNDarray? labels_ { get; private set; }
    /// <summary>The sum of squared distances of the samples to their centroids.</summary>
    public double inertia_ { get; private set; }
    /// <summary>The Lloyd iterations run.</summary>
    public int n_iter_ { get; private set; }

    /// <summary>
    /// Clusters <paramref name="x"/> (samples × features, split 0 or replicated; split 1 is clustered on a split-0
    /// copy).
    /// </summary>
    /// <exception cref="ArgumentException">x is not 2-d or real, or has fewer samples than clusters.</exception>
    public KMeans fit(DNDarray x)
    {
        using var data = Lloyd.From(x, nameof(x));
        if (data.Samples < n_clusters) throw new ArgumentException($"x has {data.Samples} samples, fewer than "
            + $"n_clusters = {n_clusters}.", nameof(x));
        long f = data.Features;
        var centers = _initCenters is not null ? Initial(_initCenters, f)
            : _init == "batchparallel" ? BatchParallel(x)
            : Seeding.Choose(data, n_clusters, _init, random_state);
        double threshold = tol * data.MeanFeatureVariance();
        int iterations = 0;
        while (iterations < max_iter)
        {
            var (sums, counts) = data.AssignTotals(centers);
            iterations++;
            double shift = 0;
            for (int c = 0; c < n_clusters; c++)
            {
                if (counts[c] == 0) continue; // an empty cluster keeps its centroid
                for (long j = 0; j < f; j++)
                {
                    double updated = sums[c * f + j] / counts[c];
                    double delta = updated - centers[c * f + j];
                    shift += delta * delta;
                    centers[c * f + j] = updated;
                }
            }
            if (shift <= threshold) break;
        }
        var labels = data.Assign(centers);
        try
        {
            inertia_ = data.Inertia(labels, centers);
            n_iter_ = iterations;
            cluster_centers_?.Dispose();
            labels_?.Dispose();
            cluster_centers_ = ht.array(centers, [n_clusters, f], dtype: x.dtype.IsInexact ? x.dtype : ht.float32,
                device: x.device);
            labels_ = labels;
            _centers = centers;
            return this;
        }
        catch { labels.Dispose(); throw; }
    }

    /// <summary>
    /// The nearest centroid of every sample of <paramref name="x"/> (int64, split 0 like x, or replicated).
    /// </summary>
    /// <exception cref="InvalidOperationException">fit has not run.</exception>
    /// <exception cref="ArgumentException">x does not have the model's number of features.</exception>
    public DNDarray predict(DNDarray x)
    {
        if (_centers is null) throw new InvalidOperationException("KMeans.predict needs a fitted model; call fit "
            + "first.");
        using var data = Lloyd.From(x, nameof(x));
        long f = _centers.Length / n_clusters;
        if (data.Features != f) throw new ArgumentException($"x has {data.Features} features, the model "
            + $"{f}.", nameof(x));
        return data.Assign(_centers);
    }

    /// <summary>fit, then the labels.</summary>
    public DNDarray fit_predict(DNDarray x)
    {
        fit(x);
        return ht.copy(labels_!);
    }

    // HeAT's _KCluster: the centroids of a batch-parallel k-means with at most 100 iterations.
    private double[] BatchParallel(DNDarray x)
    {
        var seeder = new BatchParallelKMeans(n_clusters, max_iter: 100, random_state: random_state).fit(x);
        try { return seeder.cluster_centers_!.ToArray<double>(); }
        finally { seeder.cluster_centers_!.Dispose(); seeder.labels_!.Dispose(); }
    }

    private static double[] Initial(DNDarray init, long features)
    {
        if (init.shape[1] != features) throw new ArgumentException($"init centroids have {init.shape[1]} features, "
            + $"x has {features}.", nameof(init));
        return init.ToArray<double>();
    }
}
