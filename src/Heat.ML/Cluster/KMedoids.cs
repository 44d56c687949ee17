// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// k-medoids clustering, as HeAT's <c>KMedoids</c> (not PAM): Manhattan assignment, every centre moved to the per-
/// feature median of its samples and snapped to the sample nearest to it, until the centres no longer change.
/// </summary>
/// <remarks>
/// Samples split along 0 or replicated (split 1 is clustered on a split-0 copy); medians are exact distributed order
/// statistics (<c>ht.median</c> of <c>x[labels == c]</c>), so results do not depend on the number of ranks. Float64
/// data is clustered in float64, any other real data in float32. A cluster left without samples keeps its centre.
/// </remarks>
public sealed class KMedoids : BaseEstimator
{
    private readonly DNDarray? _initCenters;

    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters k.</param>
    /// <param name="init"><c>"random"</c> (k distinct samples) or <c>"kmedoids++"</c> / <c>"probability_based"</c>
    /// (D² sampling with Euclidean distances).</param>
    /// <param name="max_iter">The most iterations.</param>
    /// <param name="random_state">Seed of the initialisation; null uses the global <c>ht.random</c> stream.</param>
    /// <exception cref="ArgumentException">A parameter is out of range or init is another string.</exception>
    public KMedoids(int n_clusters = 8, string init = "random", int max_iter = 300, long? random_state = null)
    {
        if (n_clusters < 1)
            throw new ArgumentOutOfRangeException(nameof(n_clusters), n_clusters, "n_clusters must be >= 1.");
        if (init is not ("random" or "kmedoids++" or "probability_based"))
            throw new ArgumentException(
                $"init must be 'random', 'kmedoids++', 'probability_based' or a DNDarray of centres, got '{init}'.",
                nameof(init));
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        this.n_clusters = n_clusters; this.init = init; this.max_iter = max_iter;
        this.random_state = random_state;
    }

    /// <summary>Creates the estimator with given initial centres (k × features).</summary>
    /// <exception cref="ArgumentException">init is not 2-d.</exception>
    public KMedoids(DNDarray init, int max_iter = 300)
        : this(checked((int)(init ?? throw new ArgumentNullException(nameof(init))).shape[0]), "random", max_iter)
    {
        if (init.ndim != 2)
            throw new ArgumentException(
                $"init centres must be 2-d (k x features), got shape ({string.Join(", ", init.shape)}).", nameof(init));
        _initCenters = init;
    }

    /// <summary>k.</summary>
    public int n_clusters { get; }
    /// <summary>The initialisation (<c>"random"</c> when centres were given).</summary>
    public string init { get; }
    /// <summary>The most iterations.</summary>
    public int max_iter { get; }
    /// <summary>The seed of the initialisation.</summary>
    public long? random_state { get; }

    /// <summary>The centres (k × features, replicated).</summary>
    public DNDarray? cluster_centers_ { get; private set; }
    /// <summary>The cluster of every sample from the last assignment (int64, split 0 like the samples, or
    /// replicated).</summary>
    public DNDarray? labels_ { get; private set; }
    /// <summary>The sum of the Manhattan distances of the samples to their nearest centre.</summary>
    public double inertia_ { get; private set; }
    /// <summary>The iterations run.</summary>
    public int n_iter_ { get; private set; }

    /// <summary>Clusters <paramref name="x"/> (samples × features).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, has fewer samples than clusters, or init centres have
    /// another number of features.</exception>
    public KMedoids fit(DNDarray x)
    {
        using var data = Lloyd.From(x, nameof(x));
        using var initial = MedianClustering.Initial(data, n_clusters, init, _initCenters, random_state);
        var result = MedianClustering.Fit(data, initial, max_iter, 0, medoids: true);
        cluster_centers_?.Dispose(); labels_?.Dispose();
        (cluster_centers_, labels_, inertia_, n_iter_) =
            (result.Centers, result.Labels, result.Inertia, result.Iterations);
        return this;
    }

    /// <summary>The nearest centre of every sample of <paramref name="x"/> (int64, split like the samples).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray predict(DNDarray x)
    {
        if (cluster_centers_ is null)
            throw new InvalidOperationException("This KMedoids is not fitted yet; call fit first.");
        using var data = Lloyd.From(x, nameof(x));
        Samples.CheckFeatures(data.X, cluster_centers_.shape[1], nameof(x));
        return MedianClustering.Predict(data.X, cluster_centers_);
    }

    /// <summary>fit, then the labels of the samples.</summary>
    public DNDarray fit_predict(DNDarray x) => ht.copy(fit(x).labels_!);
}
