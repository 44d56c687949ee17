// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>
/// Scales every sample (row) to unit norm, as scikit-learn's <c>Normalizer</c> (and HeAT's): <c>"l2"</c>,
/// <c>"l1"</c> or <c>"max"</c>; all-zero rows stay zero. Stateless: <c>fit</c> only records the number of features.
/// </summary>
public sealed class Normalizer : BaseEstimator
{
    /// <summary>Creates the normalizer.</summary>
    /// <param name="norm"><c>"l2"</c>, <c>"l1"</c> or <c>"max"</c>.</param>
    /// <param name="copy">false writes <c>transform</c>'s result into a floating input instead of a new array.</param>
    /// <exception cref="ArgumentException">norm is none of the three.</exception>
    public Normalizer(string norm = "l2", bool copy = true)
    {
        if (norm is not ("l2" or "l1" or "max"))
            throw new ArgumentException($"norm must be 'l2', 'l1' or 'max', got '{norm}'.", nameof(norm));
        this.norm = norm; this.copy = copy;
    }

    /// <summary>The row norm.</summary>
    public string norm { get; }
    /// <summary>Whether transforms return a new array.</summary>
    public bool copy { get; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }

    /// <summary>Records the number of features of <paramref name="x"/> (nothing else is learned).</summary>
    /// <exception cref="ArgumentException">x is not a 2-d real array.</exception>
    public Normalizer fit(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        n_features_in_ = FeatureData.Floating(x, nameof(x)).shape[1];
        return this;
    }

    /// <summary>Divides every row of <paramref name="x"/> by its norm (rows of norm 0 unchanged).</summary>
    /// <exception cref="InvalidOperationException">The normalizer is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(Normalizer), copy, data =>
    {
        var norms = norm switch
        {
            "l2" => ht.sqrt(ht.sum(data * data, axis: 1, keepdims: true)),
            "l1" => ht.sum(ht.abs(data), axis: 1, keepdims: true),
            _ => ht.max(ht.abs(data), axis: 1, keepdims: true),
        };
        return data / FeatureData.HandleZeros(norms);
    });

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);
}
