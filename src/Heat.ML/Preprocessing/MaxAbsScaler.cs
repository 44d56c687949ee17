// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>
/// Scales every feature by its largest absolute value into [-1, 1], as scikit-learn's <c>MaxAbsScaler</c> (and
/// HeAT's); all-zero features stay as they are. The per-feature maximum reduces over the samples of every rank.
/// </summary>
public sealed class MaxAbsScaler : BaseEstimator
{
    /// <summary>Creates the scaler.</summary>
    /// <param name="copy">false writes <c>transform</c>'s result into a floating input instead of a new array.</param>
    public MaxAbsScaler(bool copy = true) => this.copy = copy;

    /// <summary>Whether transforms return a new array.</summary>
    public bool copy { get; }

    /// <summary>The per-feature maximum absolute value seen by fit.</summary>
    public DNDarray? max_abs_ { get; private set; }
    /// <summary>The per-feature divisor: <c>max_abs_</c>, 1 for all-zero features.</summary>
    public DNDarray? scale_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }
    /// <summary>The number of samples seen by fit.</summary>
    public long n_samples_seen_ { get; private set; }

    /// <summary>Computes the per-feature maximum absolute value of <paramref name="x"/> (samples × features).
    /// </summary>
    /// <exception cref="ArgumentException">x is not a 2-d real array.</exception>
    public MaxAbsScaler fit(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var data = FeatureData.Floating(x, nameof(x));
        max_abs_?.Dispose(); scale_?.Dispose();
        max_abs_ = scope.MoveToOuter(ht.max(ht.abs(data), axis: 0));
        scale_ = scope.MoveToOuter(FeatureData.HandleZeros(max_abs_));
        (n_samples_seen_, n_features_in_) = (data.shape[0], data.shape[1]);
        return this;
    }

    /// <summary>Divides <paramref name="x"/> by <c>scale_</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray transform(DNDarray x)
        => FeatureData.Apply(x, n_features_in_, nameof(MaxAbsScaler), copy, data => data / scale_!);

    /// <summary>Undoes <see cref="transform"/>: <c>x · scale_</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray inverse_transform(DNDarray x)
        => FeatureData.Apply(x, n_features_in_, nameof(MaxAbsScaler), copy, data => data * scale_!);

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);
}
