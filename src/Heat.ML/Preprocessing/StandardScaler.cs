// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>
/// Standardises features to zero mean and unit variance, as scikit-learn's <c>StandardScaler</c> (and HeAT's):
/// <c>z = (x − mean_) / scale_</c>. Per-feature statistics reduce over the samples of every rank (any split); the
/// attributes are scikit-learn's, so <c>scale_</c> is the standard deviation (HeAT stores its inverse), 1 for
/// constant features.
/// </summary>
public sealed class StandardScaler : BaseEstimator
{
    /// <summary>Creates the scaler.</summary>
    /// <param name="copy">false writes <c>transform</c>'s result into a floating input instead of a new array.</param>
    /// <param name="with_mean">Centre the data.</param>
    /// <param name="with_std">Scale to unit variance.</param>
    public StandardScaler(bool copy = true, bool with_mean = true, bool with_std = true)
    {
        this.copy = copy; this.with_mean = with_mean; this.with_std = with_std;
    }

    /// <summary>Whether transforms return a new array.</summary>
    public bool copy { get; }
    /// <summary>Whether the data is centred.</summary>
    public bool with_mean { get; }
    /// <summary>Whether the data is scaled.</summary>
    public bool with_std { get; }

    /// <summary>The per-feature mean (null when <c>with_mean</c> and <c>with_std</c> are both false).</summary>
    public DNDarray? mean_ { get; private set; }
    /// <summary>The per-feature (population) variance (null without <c>with_std</c>).</summary>
    public DNDarray? var_ { get; private set; }
    /// <summary>The per-feature scale: the standard deviation, 1 for constant features (null without
    /// <c>with_std</c>).</summary>
    public DNDarray? scale_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }
    /// <summary>The number of samples seen by fit.</summary>
    public long n_samples_seen_ { get; private set; }

    /// <summary>Computes the per-feature mean and standard deviation of <paramref name="x"/> (samples × features).
    /// </summary>
    /// <exception cref="ArgumentException">x is not a 2-d real array.</exception>
    public StandardScaler fit(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var data = FeatureData.Floating(x, nameof(x));
        mean_?.Dispose(); var_?.Dispose(); scale_?.Dispose();
        mean_ = with_mean || with_std ? scope.MoveToOuter(ht.mean(data, axis: 0)) : null;
        var_ = with_std ? scope.MoveToOuter(ht.var(data, axis: 0)) : null;
        scale_ = var_ is null ? null : scope.MoveToOuter(FeatureData.HandleZeros(ht.sqrt(var_)));
        (n_samples_seen_, n_features_in_) = (data.shape[0], data.shape[1]);
        return this;
    }

    /// <summary>Standardises <paramref name="x"/> with the fitted statistics.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(StandardScaler), copy, data =>
    {
        var centred = with_mean ? data - mean_! : data;
        return with_std ? centred / scale_! : ht.copy(centred);
    });

    /// <summary>Undoes <see cref="transform"/>: <c>x · scale_ + mean_</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray inverse_transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(StandardScaler), copy,
        data =>
        {
            var scaled = with_std ? data * scale_! : data;
            return with_mean ? scaled + mean_! : ht.copy(scaled);
        });

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);
}
