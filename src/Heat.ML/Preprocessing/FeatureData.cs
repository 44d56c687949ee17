// SPDX-License-Identifier: MIT
namespace Heat.Preprocessing;

/// <summary>The checks and conversions every scaler applies to its input (one place for all of them).</summary>
internal static class FeatureData
{
    /// <summary>
    /// <paramref name="x"/> as a 2-d floating array (samples × features): float arrays as they are, integer and bool
    /// arrays as float32 (HeAT's default float; the copy joins the open <see cref="DisposeScope"/>).
    /// </summary>
    /// <exception cref="ArgumentException">x is not 2-d, or is complex.</exception>
    public static DNDarray Floating(DNDarray x, string name)
    {
        Samples.CheckMatrix(x, name);
        return x.dtype.IsFloat ? x : x.astype(ht.float32);
    }

    /// <summary>
    /// scikit-learn's <c>_handle_zeros_in_scale</c>: scales below 10 machine epsilons (constant features) become 1, so
    /// that those features pass unscaled.
    /// </summary>
    public static DNDarray HandleZeros(DNDarray scale)
    {
        double tiny = 10 * ht.finfo(scale.dtype).eps;
        using var small = scale < tiny;
        return ht.where(small, 1.0, scale);
    }

    /// <summary>
    /// The checks of transforms: the estimator is fitted (<paramref name="features"/> &gt; 0) and
    /// <paramref name="x"/> is a 2-d real array with that many features; returns <paramref name="x"/> as floating (a
    /// conversion joins the open <see cref="DisposeScope"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">fit has not run.</exception>
    /// <exception cref="ArgumentException">x is not 2-d and real, or has another number of features.</exception>
    private static DNDarray FittedInput(DNDarray x, long features, string estimator, string name)
    {
        if (features == 0) throw new InvalidOperationException($"This {estimator} is not fitted yet; call fit first.");
        var data = Floating(x, name);
        Samples.CheckFeatures(data, features, name);
        return data;
    }

    /// <summary>
    /// A transform of a fitted estimator: checks <paramref name="x"/> (see <c>FittedInput</c>), applies
    /// <paramref name="map"/> (which returns a new array) with its temporaries disposed, and returns the result —
    /// written into <paramref name="x"/> when not <paramref name="copy"/> and x is floating (scikit-learn's
    /// <c>copy=False</c>).
    /// </summary>
    public static DNDarray Apply(DNDarray x, long features, string estimator, bool copy, Func<DNDarray, DNDarray> map)
    {
        DNDarray result;
        using (var scope = DisposeScope.Begin())
            result = scope.MoveToOuter(map(FittedInput(x, features, estimator, nameof(x))));
        if (copy || !x.dtype.IsFloat) return result;
        using (result) x[ht.ellipsis] = result;
        return x;
    }
}
