// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>
/// Scales features with statistics robust to outliers, as scikit-learn's <c>RobustScaler</c> (and HeAT's):
/// <c>(x − center_) / scale_</c> with the per-feature median as <c>center_</c> and the interquantile range
/// <c>quantile_range</c> as <c>scale_</c> (1 for constant features). Medians and percentiles are exact distributed
/// order statistics (<c>ht.median</c>, <c>ht.percentile</c>, linear interpolation as NumPy) over the samples of every
/// rank (any split).
/// </summary>
public sealed class RobustScaler : BaseEstimator
{
    /// <summary>Creates the scaler.</summary>
    /// <param name="with_centering">Subtract the median.</param>
    /// <param name="with_scaling">Divide by the interquantile range.</param>
    /// <param name="quantile_range">The percentiles (q_min, q_max) of the range, 0 ≤ q_min &lt; q_max ≤ 100;
    /// (25, 75) when null.</param>
    /// <param name="copy">false writes <c>transform</c>'s result into a floating input instead of a new array.</param>
    /// <param name="unit_variance">Divide the range by that of the standard normal distribution, so that normally
    /// distributed features end with variance 1.</param>
    /// <exception cref="ArgumentException">quantile_range is not within [0, 100] and increasing.</exception>
    public RobustScaler(bool with_centering = true, bool with_scaling = true,
        (double Min, double Max)? quantile_range = null, bool copy = true, bool unit_variance = false)
    {
        var range = quantile_range ?? (25, 75);
        if (!(0 <= range.Min && range.Min < range.Max && range.Max <= 100))
            throw new ArgumentException($"quantile_range must satisfy 0 <= min < max <= 100, got ({range.Min}, "
                + $"{range.Max}).", nameof(quantile_range));
        this.with_centering = with_centering; this.with_scaling = with_scaling; this.quantile_range = range;
        this.copy = copy; this.unit_variance = unit_variance;
    }

    /// <summary>Whether the median is subtracted.</summary>
    public bool with_centering { get; }
    /// <summary>Whether the data is divided by the interquantile range.</summary>
    public bool with_scaling { get; }
    /// <summary>The percentiles of the range.</summary>
    public (double Min, double Max) quantile_range { get; }
    /// <summary>Whether transforms return a new array.</summary>
    public bool copy { get; }
    /// <summary>Whether the range is divided by the standard normal's.</summary>
    public bool unit_variance { get; }

    /// <summary>The per-feature median (null without <c>with_centering</c>).</summary>
    public DNDarray? center_ { get; private set; }
    /// <summary>The per-feature (scaled) interquantile range, 1 for constant features (null without
    /// <c>with_scaling</c>).</summary>
    public DNDarray? scale_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }

    /// <summary>Computes the per-feature median and interquantile range of <paramref name="x"/> (samples ×
    /// features).</summary>
    /// <exception cref="ArgumentException">x is not a 2-d real array.</exception>
    public RobustScaler fit(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var data = FeatureData.Floating(x, nameof(x));
        center_?.Dispose(); scale_?.Dispose();
        center_ = with_centering ? scope.MoveToOuter(ht.median(data, axis: 0).astype(data.dtype)) : null;
        scale_ = null;
        if (with_scaling)
        {
            var q = ht.percentile(data, [quantile_range.Min, quantile_range.Max], axis: 0).astype(data.dtype);
            // scikit-learn replaces zero ranges by 1 before the normal's range divides them.
            var range = FeatureData.HandleZeros(q[1] - q[0]);
            if (unit_variance)
                range = range / (NormalQuantile(quantile_range.Max / 100) - NormalQuantile(quantile_range.Min / 100));
            scale_ = scope.MoveToOuter(range);
        }
        n_features_in_ = data.shape[1];
        return this;
    }

    /// <summary>Centres and scales <paramref name="x"/> with the fitted statistics.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(RobustScaler), copy, data =>
    {
        var centred = with_centering ? data - center_! : data;
        return with_scaling ? centred / scale_! : ht.copy(centred);
    });

    /// <summary>Undoes <see cref="transform"/>: <c>x · scale_ + center_</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d, or has another number of features.</exception>
    public DNDarray inverse_transform(DNDarray x) => FeatureData.Apply(x, n_features_in_, nameof(RobustScaler), copy,
        data =>
        {
            var scaled = with_scaling ? data * scale_! : data;
            return with_centering ? scaled + center_! : ht.copy(scaled);
        });

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);

    // Wichura's AS241 (PPND16): the standard normal quantile, relative error about 1e-16.
    private static readonly double[] A = [3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4,
        2.5090809287301226727e+3];
    private static readonly double[] B = [1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2,
        5.3941960214247511077e+3, 2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
        5.2264952788528545610e+3];
    private static readonly double[] C = [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2,
        7.74545014278341407640e-4];
    private static readonly double[] D = [1.0, 2.05319162663775882187e0, 1.67638483018380384940e0,
        6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9];
    private static readonly double[] E = [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5,
        2.01033439929228813265e-7];
    private static readonly double[] F = [1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1,
        1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15];

    /// <summary>The standard normal quantile of <paramref name="p"/> (±∞ at 1 and 0).</summary>
    internal static double NormalQuantile(double p)
    {
        if (p <= 0) return double.NegativeInfinity;
        if (p >= 1) return double.PositiveInfinity;
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double s = 0.180625 - q * q;
            return q * Polynomial(A, s) / Polynomial(B, s);
        }
        double r = Math.Sqrt(-Math.Log(Math.Min(p, 1 - p)));
        double v = r <= 5 ? Polynomial(C, r - 1.6) / Polynomial(D, r - 1.6)
            : Polynomial(E, r - 5) / Polynomial(F, r - 5);
        return q < 0 ? -v : v;
    }

    private static double Polynomial(double[] c, double x)
    {
        double s = 0;
        for (int i = c.Length - 1; i >= 0; i--) s = s * x + c[i];
        return s;
    }
}
