// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>
/// Scales every feature to <c>feature_range</c>, as scikit-learn's <c>MinMaxScaler</c> (and HeAT's):
/// <c>x · scale_ + min_</c> with <c>scale_ = (max − min of the range) / data_range_</c>; constant features get scale
/// 1
/// over their range. Per-feature extremes reduce over the samples of every rank (any split).
/// </summary>
public sealed class MinMaxScaler : BaseEstimator
{
    /// <summary>Creates the scaler.</summary>
    /// <param name="feature_range">The target range (min, max), min &lt; max.</param>
    /// <param name="copy">false writes <c>transform</c>'s result into a floating input instead of a new array.</param>
    /// <param name="clip">Clip transformed values to <paramref name="feature_range"/> (scikit-learn; HeAT lacks it).
    /// </param>
    /// <exception cref="ArgumentException">feature_range is not increasing or not finite.</exception>
    public MinMaxScaler((double Min, double Max)? feature_range = null, bool copy = true, bool clip = false)
    {
        var range = feature_range ?? (0, 1);
        if (!(range.Min < range.Max) || !double.IsFinite(range.Min) || !double.IsFinite(range.Max))
            throw new ArgumentException($"feature_range must be finite with min < max, got ({range.Min}, {range.Max}).",
                nameof(feature_range));
        this.feature_range = range; this.copy = copy; this.clip = clip;
    }

    /// <summary>The target range.</summary>
    public (double Min, double Max) feature_range { get; }
    /// <summary>Whether transforms return a new array.</summary>
    public bool copy { get; }
    /// <summary>Whether transformed values are clipped to the range.</summary>
    public bool clip { get; }

    /// <summary>The per-feature minimum seen by fit.</summary>
    public DNDarray? data_min_ { get; private set; }
    /// <summary>The per-feature maximum seen by fit.</summary>
    public DNDarray? data_max_ { get; private set; }
    /// <summary>The per-feature range <c>data_max_ − data_min_</c>.</summary>
    public DNDarray? data_range_ { get; private set; }
    /// <summary>The per-feature factor of the transform.</summary>
    public DNDarray? scale_ { get; private set; }
    /// <summary>The per-feature offset of the transform.</summary>
    public DNDarray? min_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }
    /// <summary>The number of samples seen by fit.</summary>
    public long n_samples_seen_ { get; private set; }

    /// <summary>Computes the per-feature minimum and maximum of <paramref name="x"/> (samples × features).</summary>
    /// <exception cref="ArgumentException">x is not a 2-d real array.</exception>
    public MinMaxScaler fit(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var data = FeatureData.Floating(x, nameof(x));
        data_min_?.Dispose(); data_max_?.Dispose(); data_range_?.Dispose(); scale_?.Dispose(); min_?.Dispose();
        data_min_ = scope.MoveToOuter(ht.min(data, axis: 0));
        data_max_ = scope.MoveToOuter(ht.max(data, axis: 0));
        data_range_ = scope.MoveToOuter(data_max_ - data_min_);
        scale_ = scope.MoveToOuter((feature_range.Max - feature_range.Min) / FeatureData.HandleZeros(data_range_));
        min_ = scope.MoveToOuter(feature_range.Min - data_min_ * scale_);
        (n_samples_seen_, n_features_in_) = (data.shape[0], data.shape[1]);
        return this;
    }

    /// <summary>Scales <paramref name="x"/> to the range: <c>x · scale_ + min_</c> (clipped with <c>clip</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(MinMaxScaler), copy, data =>
    {
        var scaled = data * scale_! + min_!;
        return clip ? ht.clip(scaled, feature_range.Min, feature_range.Max) : scaled;
    });

    /// <summary>Undoes <see cref="transform"/>: <c>(x − min_) / scale_</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray inverse_transform(DNDarray x)
        => FeatureData.Apply(x, n_features_in_, nameof(MinMaxScaler), copy, data => (data - min_!) / scale_!);

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);
}
