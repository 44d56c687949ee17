// SPDX-License-Identifier: MIT
namespace Heat.Classification;

/// <summary>
/// k-nearest-neighbour classification, as scikit-learn's (and HeAT's) <c>KNeighborsClassifier</c>: a test sample
/// takes the majority label of its <c>n_neighbors</c> nearest training samples (Euclidean), every neighbour counting 1
/// (<c>"uniform"</c>) or 1 / distance (<c>"distance"</c>; neighbours at distance 0, if any, alone decide).
/// </summary>
/// <remarks>
/// The training set stays where it is (split along 0, or replicated): test samples go through in blocks, each block
/// replicated, its distances to the training samples (<c>ht.spatial.cdist</c>) split along the training axis, and the
/// nearest neighbours of every block row come from a distributed <c>ht.topk</c> over that axis; only the block's
/// k neighbour indices and distances reach every rank. Computed in float64, as scikit-learn.
/// </remarks>
public sealed class KNeighborsClassifier : BaseEstimator
{
    // Test rows per block: a block's distance matrix holds about this many elements over all ranks.
    private const long BlockElements = 1L << 24;

    private DNDarray? _x;       // the training samples (float64, split 0 or replicated)
    private DNDarray? _targets; // the training labels' indices into classes_ (int64, split like _x)

    /// <summary>Creates the estimator.</summary>
    /// <param name="n_neighbors">The neighbours k that vote.</param>
    /// <param name="weights"><c>"uniform"</c> or <c>"distance"</c>.</param>
    /// <exception cref="ArgumentException">n_neighbors is below 1, or weights is another string.</exception>
    public KNeighborsClassifier(int n_neighbors = 5, string weights = "uniform")
    {
        if (n_neighbors < 1)
            throw new ArgumentOutOfRangeException(nameof(n_neighbors), n_neighbors, "n_neighbors must be >= 1.");
        if (weights is not ("uniform" or "distance"))
            throw new ArgumentException($"weights must be 'uniform' or 'distance', got '{weights}'.", nameof(weights));
        this.n_neighbors = n_neighbors; this.weights = weights;
    }

    /// <summary>The neighbours that vote.</summary>
    public int n_neighbors { get; }
    /// <summary>How neighbours are weighted: <c>"uniform"</c> or <c>"distance"</c>.</summary>
    public string weights { get; }

    /// <summary>The class labels, ascending (replicated).</summary>
    public DNDarray? classes_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }
    /// <summary>The number of training samples.</summary>
    public long n_samples_fit_ { get; private set; }

    /// <summary>Stores the training samples <paramref name="x"/> and their labels <paramref name="y"/> (split along 0
    /// or replicated; a split-1 x is kept as a split-0 copy).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, y is not 1-d with one label per sample, or there are
    /// fewer samples than n_neighbors.</exception>
    public KNeighborsClassifier fit(DNDarray x, DNDarray y)
    {
        Samples.CheckMatrix(x, nameof(x));
        Samples.CheckTargets(x, y, nameof(y));
        if (x.shape[0] < n_neighbors)
            throw new ArgumentException($"x has {x.shape[0]} samples, fewer than n_neighbors = {n_neighbors}.",
                nameof(x));
        using var scope = DisposeScope.Begin();
        foreach (var a in new[] { _x, _targets, classes_ }) a?.Dispose();
        var data = x.astype(ht.float64);
        _x = scope.MoveToOuter(data.split == 1 ? ht.resplit(data, 0) : data);
        var classes = scope.MoveToOuter(ht.resplit(ht.unique(y, sorted: true), null));
        classes_ = classes;
        var labels = y.split == _x.split ? y : ht.resplit(y, _x.split);
        _targets = scope.MoveToOuter(ht.searchsorted(classes, labels));
        (n_samples_fit_, n_features_in_) = (x.shape[0], x.shape[1]);
        return this;
    }

    /// <summary>The class probabilities of every sample of <paramref name="x"/> (samples × classes, float64, split
    /// like x along 0, else replicated): the neighbours' weight per class over their total.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray predict_proba(DNDarray x)
    {
        if (_x is null)
            throw new InvalidOperationException("This KNeighborsClassifier is not fitted yet; call fit first.");
        Samples.CheckMatrix(x, nameof(x));
        Samples.CheckFeatures(x, n_features_in_, nameof(x));
        using var scope = DisposeScope.Begin();
        var test = x.astype(ht.float64);
        if (test.split is not null) test = ht.resplit(test, 0);
        long n = test.shape[0], block = Math.Max(1, BlockElements / Math.Max(1, n_samples_fit_));
        var parts = new List<DNDarray>();
        for (long start = 0; start < n || parts.Count == 0; start += block)
            parts.Add(Votes(ht.resplit(test[ht.slice(start, Math.Min(n, start + block))], null)));
        var votes = parts.Count == 1 ? parts[0] : ht.concatenate([.. parts], axis: 0);
        var proba = votes / ht.sum(votes, axis: 1, keepdims: true);
        if (x.split is null) return scope.MoveToOuter(proba);
        var rows = ht.resplit(proba, 0);
        if (x.split == 0) rows.redistribute_(target_map: ChunkRows(x)); // the chunks of x, so results align with y
        return scope.MoveToOuter(rows);
    }

    /// <summary>The predicted label of every sample of <paramref name="x"/> (the class of largest probability, the
    /// smallest label among ties; split like x along 0, else replicated).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray predict(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var best = ht.argmax(predict_proba(x), axis: 1);
        return scope.MoveToOuter(ht.take(classes_!, best));
    }

    /// <summary>The mean accuracy of <see cref="predict"/> on <paramref name="x"/> against the labels
    /// <paramref name="y"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">Bad shapes.</exception>
    public double score(DNDarray x, DNDarray y)
    {
        Samples.CheckMatrix(x, nameof(x));
        Samples.CheckTargets(x, y, nameof(y));
        using var scope = DisposeScope.Begin();
        var predicted = predict(x);
        var truth = y.split == predicted.split ? y : ht.resplit(y, predicted.split);
        return ht.mean((predicted == truth).astype(ht.float64)).item<double>();
    }

    /// <summary>fit, then predict on the training samples.</summary>
    public DNDarray fit_predict(DNDarray x, DNDarray y) => fit(x, y).predict(x);

    /// <summary>The rows of every rank's chunk of <paramref name="x"/> as an lshape map of a samples × classes array.
    /// </summary>
    private long[,] ChunkRows(DNDarray x)
    {
        var source = x.lshape_map;
        var map = new long[source.GetLength(0), 2];
        for (int r = 0; r < map.GetLength(0); r++) (map[r, 0], map[r, 1]) = (source[r, 0], classes_!.shape[0]);
        return map;
    }

    /// <summary>The per-class neighbour weights of a replicated block of test rows (rows × classes, replicated).
    /// </summary>
    private DNDarray Votes(DNDarray block)
    {
        long classes = classes_!.shape[0];
        var distances = ht.spatial.cdist(block, _x!);
        var (nearest, indices) = ht.topk(distances, n_neighbors, dim: 1, largest: false);
        nearest = ht.resplit(nearest, null);
        indices = ht.resplit(indices, null);
        var labels = ht.take(_targets!, indices.reshape(-1)).reshape(block.shape[0], n_neighbors);
        if (labels.split is not null) labels = ht.resplit(labels, null);
        var oneHot = (labels.reshape(block.shape[0], n_neighbors, 1) == ht.arange(classes, dtype: ht.int64))
            .astype(ht.float64);
        DNDarray weight;
        if (weights == "uniform") weight = ht.ones([block.shape[0], n_neighbors], dtype: ht.float64);
        else
        {
            // scikit-learn: 1 / distance, except that in a row with zero distances only those count (weight 1).
            var zero = nearest == 0.0;
            var anyZero = ht.any(zero, axis: 1, keepdims: true);
            weight = ht.where(anyZero, zero.astype(ht.float64), 1.0 / ht.where(zero, 1.0, nearest));
        }
        return ht.sum(oneHot * weight.reshape(block.shape[0], n_neighbors, 1), axis: 1);
    }
}
