// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

/// <summary>
/// Incremental principal component analysis, as HeAT's (and scikit-learn's) <c>IncrementalPCA</c>: the components
/// are updated batch by batch (<see cref="partial_fit"/>), so the data never has to be held at once.
/// </summary>
/// <remarks>
/// Each update is HeAT's incremental SVD with mean update (Ross et al. 2008, as scikit-learn): the SVD of the stacked
/// rows [diag(S)·components_; batch − batch mean; √(n·b/(n+b))·(old mean − batch mean)] through
/// <c>ht.linalg.svd</c> (TS-QR for batches split along 0), truncated to n_components. Each component's largest entry
/// is made positive (scikit-learn's svd_flip), so results do not depend on the number of ranks. Besides HeAT's
/// attributes, scikit-learn's <c>explained_variance_</c>, <c>explained_variance_ratio_</c>, <c>var_</c> and
/// <c>noise_variance_</c> are kept.
/// </remarks>
public sealed partial class IncrementalPCA : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="n_components">The components kept (null: min(samples, features) of the first batch).</param>
    /// <param name="copy">Kept for HeAT's signature: the input is never overwritten.</param>
    /// <param name="whiten">transform scales every component to unit variance (scikit-learn).</param>
    /// <param name="batch_size">The batch size of <see cref="fit(DNDarray)"/> (null: 5 · features,
    /// scikit-learn).</param>
    /// <exception cref="ArgumentException">n_components or batch_size is below 1.</exception>
    public IncrementalPCA(long? n_components = null, bool copy = true, bool whiten = false, long? batch_size = null)
    {
        if (n_components is < 1)
            throw new ArgumentException($"n_components must be null or >= 1, got {n_components}.",
                nameof(n_components));
        if (batch_size is < 1)
            throw new ArgumentException($"batch_size must be null or >= 1, got {batch_size}.", nameof(batch_size));
        (this.n_components, this.copy, this.whiten, this.batch_size) = (n_components, copy, whiten, batch_size);
    }

    /// <summary>The requested components.</summary>
    public long? n_components { get; }
    /// <summary>HeAT's copy flag.</summary>
    public bool copy { get; }
    /// <summary>Whether transform whitens.</summary>
    public bool whiten { get; }
    /// <summary>The requested batch size of fit.</summary>
    public long? batch_size { get; }

    /// <summary>The principal axes (n_components_ × features, replicated).</summary>
    public DNDarray? components_ { get; private set; }
    /// <summary>The singular values belonging to the components.</summary>
    public DNDarray? singular_values_ { get; private set; }
    /// <summary>The per-feature mean of all samples seen (replicated).</summary>
    public DNDarray? mean_ { get; private set; }
    /// <summary>The per-feature variance (ddof 0) of all samples seen.</summary>
    public DNDarray? var_ { get; private set; }
    /// <summary>The variance along each component (S² / (samples seen − 1)).</summary>
    public DNDarray? explained_variance_ { get; private set; }
    /// <summary>Each component's share of the total variance.</summary>
    public DNDarray? explained_variance_ratio_ { get; private set; }
    /// <summary>scikit-learn's estimate of the noise variance (the mean discarded variance of the last update).
    /// </summary>
    public double noise_variance_ { get; private set; }
    /// <summary>The number of components kept.</summary>
    public long n_components_ { get; private set; }
    /// <summary>The number of samples processed.</summary>
    public long n_samples_seen_ { get; private set; }
    /// <summary>The batch size fit used.</summary>
    public long? batch_size_ { get; private set; }
    /// <summary>The number of features.</summary>
    public long n_features_in_ { get; private set; }

    /// <summary>Fits from scratch on <paramref name="x"/> in batches of <see cref="batch_size_"/> rows
    /// (scikit-learn's batching: a short last batch joins the one before when it has fewer rows than
    /// n_components).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real.</exception>
    public IncrementalPCA fit(DNDarray x)
    {
        Samples.CheckMatrix(x, nameof(x));
        Reset();
        n_samples_seen_ = 0;
        long n = x.shape[0];
        long size = batch_size ?? 5 * x.shape[1];
        batch_size_ = size;
        long least = n_components ?? 0, start = 0;
        for (long b = 0; b < n / size; b++)
        {
            long end = start + size;
            if (end + least > n) continue;
            using (var batch = x[ht.slice(start, end)]) partial_fit(batch);
            start = end;
        }
        if (start < n)
            using (var batch = x[ht.slice(start, n)]) partial_fit(batch);
        return this;
    }

    /// <summary>Updates the components with one batch of samples (rows of <paramref name="x"/>).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, has another number of features than the batches
    /// before, or no rows.</exception>
    public IncrementalPCA partial_fit(DNDarray x)
    {
        Samples.CheckMatrix(x, nameof(x));
        if (components_ is not null) Samples.CheckFeatures(x, n_features_in_, nameof(x));
        long b = x.shape[0], f = x.shape[1];
        if (b == 0) throw new ArgumentException("x has no samples.", nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.dtype == ht.float64 ? x : x.astype(ht.float32);
        var batchMean = ht.resplit(ht.mean(data, axis: 0), null);
        var batchVar = ht.resplit(ht.var(data, axis: 0), null);
        var centred = data - batchMean;
        long seen = n_samples_seen_, total = seen + b;
        DNDarray stacked, mean, variance;
        if (components_ is null)
        {
            n_features_in_ = f;
            stacked = centred;
            (mean, variance) = (batchMean, batchVar);
        }
        else
        {
            var old = components_ * singular_values_!.reshape(n_components_, 1);
            var correction = (mean_! - batchMean) * Math.Sqrt((double)seen * b / total);
            stacked = ht.vstack([old, centred, correction.reshape(1, f)]);
            mean = (mean_! * (double)seen + batchMean * (double)b) / (double)total;
            var delta = batchMean - mean_!;
            variance = (var_! * (double)seen + batchVar * (double)b + delta * delta * ((double)seen * b / total))
                / (double)total;
        }
        var (_, s, vt) = ht.linalg.svd(stacked);
        long limit = components_ is null ? Math.Min(b, f) : Math.Min(total, f);
        long k = Math.Min(n_components ?? (components_ is null ? limit : n_components_), s.shape[0]);
        if (components_ is null) k = Math.Min(k, limit);
        double[] all = s.astype(ht.float64).ToArray<double>();
        double[] explained = all.Select(v => v * v / (total - 1)).ToArray();
        double totalVariance = variance.astype(ht.float64).ToArray<double>().Sum() * total;
        Reset();
        components_ = scope.MoveToOuter(PCA.SignFixed(ht.resplit(vt!, null)[ht.slice(0, k)]));
        singular_values_ = scope.MoveToOuter(ht.array(all[..(int)k], [k], dtype: data.dtype));
        explained_variance_ = scope.MoveToOuter(ht.array(explained[..(int)k], [k], dtype: data.dtype));
        explained_variance_ratio_ = scope.MoveToOuter(ht.array(
            all[..(int)k].Select(v => totalVariance > 0 ? v * v / totalVariance : 0).ToArray(), [k],
            dtype: data.dtype));
        mean_ = scope.MoveToOuter(mean.astype(data.dtype));
        var_ = scope.MoveToOuter(variance.astype(data.dtype));
        noise_variance_ = k != b && k != f && k < explained.Length ? explained[(int)k..].Average() : 0.0;
        (n_components_, n_samples_seen_) = (k, total);
        return this;
    }

    /// <summary>Projects <paramref name="x"/> onto the components (samples × n_components_, split like x along 0).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray transform(DNDarray x)
    {
        if (components_ is null) throw new InvalidOperationException("This IncrementalPCA is not fitted yet.");
        Samples.CheckMatrix(x, nameof(x));
        Samples.CheckFeatures(x, n_features_in_, nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.astype(components_.dtype);
        var projected = ht.matmul(data - mean_!, components_.T);
        if (whiten) projected = projected / ht.sqrt(explained_variance_!);
        return scope.MoveToOuter(projected);
    }

    /// <summary>Maps projected samples back to the feature space.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or does not have n_components_ columns.</exception>
    public DNDarray inverse_transform(DNDarray x)
    {
        if (components_ is null) throw new InvalidOperationException("This IncrementalPCA is not fitted yet.");
        Samples.CheckMatrix(x, nameof(x));
        if (x.shape[1] != n_components_)
            throw new ArgumentException($"x has {x.shape[1]} columns, but the model keeps {n_components_} "
                + "components.", nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.astype(components_.dtype);
        var axes = whiten ? components_ * ht.sqrt(explained_variance_!).reshape(n_components_, 1) : components_;
        return scope.MoveToOuter(ht.matmul(data, axes) + mean_!);
    }

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);

    private void Reset()
    {
        foreach (var a in new[] { components_, singular_values_, mean_, var_, explained_variance_,
                     explained_variance_ratio_ })
            a?.Dispose();
        (components_, singular_values_, explained_variance_, explained_variance_ratio_) = (null, null, null, null);
        (mean_, var_) = (null, null);
    }
}
