// SPDX-License-Identifier: MIT
namespace Heat.NaiveBayes;

/// <summary>
/// Gaussian naive Bayes, as scikit-learn's <c>GaussianNB</c> (and HeAT's): per class the feature means
/// <c>theta_</c> and variances <c>var_</c> (plus <c>epsilon_</c> = var_smoothing × the largest feature variance), and
/// the class priors. Samples may be split along 0 or replicated; classes come from a distributed <c>ht.unique</c>,
/// per-class statistics from <c>ht.segment_sum</c> (one Allreduce each); <c>partial_fit</c> merges batches with Chan's
/// update as scikit-learn does. Only the public API is used, so it runs on every backend.
/// </summary>
public sealed class GaussianNB : BaseEstimator
{
    private DNDarray? _ssd; // per-class sums of squared deviations (without epsilon), for partial_fit

    /// <summary>Creates the estimator.</summary>
    /// <param name="priors">Fixed class priors (one per class, summing to 1), or null to use the class frequencies.
    /// </param>
    /// <param name="var_smoothing">The share of the largest feature variance added to every variance.</param>
    /// <exception cref="ArgumentException">var_smoothing is negative.</exception>
    public GaussianNB(double[]? priors = null, double var_smoothing = 1e-9)
    {
        if (!(var_smoothing >= 0))
            throw new ArgumentOutOfRangeException(nameof(var_smoothing), var_smoothing, "var_smoothing must be >= 0.");
        this.priors = priors; this.var_smoothing = var_smoothing;
    }

    /// <summary>The fixed priors, or null.</summary>
    public double[]? priors { get; }
    /// <summary>The share of the largest feature variance added to the variances.</summary>
    public double var_smoothing { get; }

    /// <summary>The class labels, ascending (replicated).</summary>
    public DNDarray? classes_ { get; private set; }
    /// <summary>The per-class feature means (classes × features, replicated).</summary>
    public DNDarray? theta_ { get; private set; }
    /// <summary>The per-class feature variances plus <see cref="epsilon_"/> (classes × features,
    /// replicated).</summary>
    public DNDarray? var_ { get; private set; }
    /// <summary>The class priors (replicated).</summary>
    public DNDarray? class_prior_ { get; private set; }
    /// <summary>The number of training samples of each class (float64, replicated).</summary>
    public DNDarray? class_count_ { get; private set; }
    /// <summary>The absolute variance added to every variance.</summary>
    public double epsilon_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }

    /// <summary>Fits the model to <paramref name="x"/> (samples × features) and labels <paramref name="y"/> (one per
    /// sample), forgetting any earlier fit.</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, y is not 1-d with one label per sample, or the priors
    /// do not match the classes.</exception>
    public GaussianNB fit(DNDarray x, DNDarray y)
    {
        Reset();
        return partial_fit(x, y, classes: null);
    }

    /// <summary>
    /// Adds a batch: on the first call the classes are <paramref name="classes"/> (or, as in <see cref="fit"/>, the
    /// labels of this batch); later batches update the statistics with Chan's formulas.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shapes, a label outside the classes, or classes given again with other
    /// values.</exception>
    public GaussianNB partial_fit(DNDarray x, DNDarray y, DNDarray? classes = null)
    {
        using var scope = DisposeScope.Begin();
        var data = Float64(x, nameof(x));
        Samples.CheckTargets(data, y, nameof(y));
        if (classes_ is null)
        {
            classes_ = scope.MoveToOuter(ht.resplit(ht.unique(classes ?? y, sorted: true), null));
            n_features_in_ = data.shape[1];
        }
        else Samples.CheckFeatures(data, n_features_in_, nameof(x));
        long k = classes_.shape[0];
        if (priors is not null && priors.Length != k)
            throw new ArgumentException($"priors has {priors.Length} entries for {k} classes.", nameof(priors));
        var labels = ClassIndices(y);

        var counts = ht.bincount(labels, minlength: k).astype(ht.float64);
        var sums = ht.segment_sum(data, labels, k);
        var safeCounts = ht.maximum(counts, 1.0).reshape(k, 1);
        var mean = sums / safeCounts;
        var deviations = data - ht.take(mean, labels, axis: 0);
        var ssd = ht.segment_sum(deviations * deviations, labels, k);

        double batchEpsilon = var_smoothing * ht.max(ht.var(data, axis: 0)).item<double>();
        foreach (var old in new[] { class_count_, theta_, _ssd, var_, class_prior_ })
            if (old is not null) scope.Include(old); // replaced below, disposed with the scope
        if (theta_ is null)
        {
            (class_count_, theta_, _ssd) = (counts, mean, ssd);
        }
        else
        {
            // Chan et al.: merge (n_a, mean_a, ssd_a) and (n_b, mean_b, ssd_b).
            var total = class_count_! + counts;
            var safeTotal = ht.maximum(total, 1.0).reshape(k, 1);
            var delta = mean - theta_;
            var merged = (class_count_!.reshape(k, 1) * theta_ + counts.reshape(k, 1) * mean) / safeTotal;
            var weight = class_count_!.reshape(k, 1) * counts.reshape(k, 1) / safeTotal;
            // scikit-learn takes the new batch's epsilon off the old variances (which hold the old epsilon).
            var oldSsd = _ssd! + class_count_!.reshape(k, 1) * (epsilon_ - batchEpsilon);
            var mergedSsd = oldSsd + ssd + delta * delta * weight;
            (class_count_, theta_, _ssd) = (total, merged, mergedSsd);
        }
        epsilon_ = batchEpsilon;
        var_ = _ssd / ht.maximum(class_count_, 1.0).reshape(k, 1) + epsilon_;
        class_prior_ = priors is not null
            ? ht.array(priors, [k], dtype: ht.float64)
            : class_count_ / ht.sum(class_count_).item<double>();
        foreach (var kept in new[] { class_count_, theta_, _ssd, var_, class_prior_ }) scope.MoveToOuter(kept);
        return this;
    }

    /// <summary>The joint log-likelihood of every sample and class (samples × classes, split like x).</summary>
    private DNDarray JointLogLikelihood(DNDarray x)
    {
        if (theta_ is null) throw new InvalidOperationException("This GaussianNB is not fitted yet; call fit first.");
        using var scope = DisposeScope.Begin();
        var data = Float64(x, nameof(x));
        Samples.CheckFeatures(data, n_features_in_, nameof(x));
        long k = classes_!.shape[0];
        var columns = new DNDarray[k];
        for (long c = 0; c < k; c++)
        {
            var mean = theta_[c];
            var variance = var_![c];
            double logNormaliser = -0.5 * ht.sum(ht.log(2 * Math.PI * variance)).item<double>();
            double logPrior = Math.Log(class_prior_![c].item<double>());
            var d = data - mean;
            columns[c] = ht.sum(d * d / variance, axis: 1) * -0.5 + (logPrior + logNormaliser);
        }
        return scope.MoveToOuter(ht.stack(columns, axis: 1));
    }

    /// <summary>The most likely class of every sample (labels of <see cref="classes_"/>, split like x).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public DNDarray predict(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var best = ht.argmax(JointLogLikelihood(x), axis: 1);
        return scope.MoveToOuter(ht.take(classes_!, best));
    }

    /// <summary>The log of the class probabilities of every sample (samples × classes).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public DNDarray predict_log_proba(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var jll = JointLogLikelihood(x);
        var top = ht.max(jll, axis: 1, keepdims: true);
        var logSum = ht.log(ht.sum(ht.exp(jll - top), axis: 1, keepdims: true)) + top;
        return scope.MoveToOuter(jll - logSum);
    }

    /// <summary>The class probabilities of every sample (samples × classes).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public DNDarray predict_proba(DNDarray x)
    {
        using var log = predict_log_proba(x);
        return ht.exp(log);
    }

    /// <summary>The index in <see cref="classes_"/> of every label (int64, like y).</summary>
    /// <exception cref="ArgumentException">A label is not one of the classes.</exception>
    private DNDarray ClassIndices(DNDarray y)
    {
        long k = classes_!.shape[0];
        var index = ht.clip(ht.searchsorted(classes_, y), 0, k - 1);
        if (!ht.all(ht.take(classes_, index) == y).item<bool>())
            throw new ArgumentException("y has labels that are not among the classes of the first partial_fit call.",
                nameof(y));
        return index;
    }

    /// <summary>x as float64 (the model computes in float64, as scikit-learn), checked.</summary>
    private static DNDarray Float64(DNDarray x, string name)
    {
        Samples.CheckMatrix(x, name);
        return x.dtype == ht.float64 ? x : x.astype(ht.float64);
    }

    private void Reset()
    {
        foreach (var a in new[] { classes_, theta_, var_, class_prior_, class_count_, _ssd }) a?.Dispose();
        (classes_, theta_, var_, class_prior_, class_count_, _ssd) = (null, null, null, null, null, null);
    }
}
