// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/statistics.py (ptp, skew, kurtosis, cov)
public static partial class ht
{
    /// <summary>The range (maximum − minimum) over <paramref name="axis"/>, in x's dtype; NaN propagates.</summary>
    public static DNDarray ptp(DNDarray x, Axis? axis = null, bool keepdims = false)
    {
        using var largest = max(x, axis, keepdims);
        using var smallest = min(x, axis, keepdims);
        using var range = largest - smallest;
        return range.astype(x.dtype);
    }

    /// <summary>
    /// The sample skewness <c>m3 / m2^1.5</c> over <paramref name="axis"/> (all elements when null), with the
    /// adjusted Fisher–Pearson factor <c>√(n(n−1)) / (n−2)</c> when <paramref name="unbiased"/> (HeAT, scipy's
    /// bias=False).
    /// </summary>
    /// <remarks>float64 for float64 input, float32 otherwise; reductions along the split axis take one Allreduce
    /// each.</remarks>
    public static DNDarray skew(DNDarray x, int? axis = null, bool unbiased = true)
    {
        using var scope = DisposeScope.Begin();
        var (n, m2, m3) = CentralMoments(x, axis, 3);
        var result = m3 / pow(m2, 1.5);
        if (unbiased) result = result * (Math.Sqrt(n * (n - 1)) / (n - 2));
        return scope.MoveToOuter(result.astype(MomentType(x)));
    }

    /// <summary>
    /// The kurtosis <c>m4 / m2²</c> over <paramref name="axis"/> (all elements when null), minus 3 when
    /// <paramref name="Fischer"/> (HeAT's spelling), bias-corrected with k-statistics when <paramref name="unbiased"/>.
    /// </summary>
    /// <remarks>float64 for float64 input, float32 otherwise.</remarks>
    public static DNDarray kurtosis(DNDarray x, int? axis = null, bool unbiased = true, bool Fischer = true)
    {
        using var scope = DisposeScope.Begin();
        var (n, m2, m4) = CentralMoments(x, axis, 4);
        var result = m4 / pow(m2, 2.0);
        if (unbiased) result = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * result - 3 * (n - 1)) + 3.0;
        if (Fischer) result = result - 3.0;
        return scope.MoveToOuter(result.astype(MomentType(x)));
    }

    /// <summary>
    /// The covariance matrix of the variables of <paramref name="m"/> (rows when <paramref name="rowvar"/>, else
    /// columns) and of <paramref name="y"/> when given, normalised by N − ddof (ddof 1 by default, 0 when
    /// <paramref name="bias"/>).
    /// </summary>
    /// <remarks>The centred data times its transpose (the distributed matmul); float64 for float64 input, float32
    /// otherwise.</remarks>
    /// <exception cref="ArgumentException">m or y has more than 2 dimensions, their observation counts differ, or
    /// ddof is not below the number of observations.</exception>
    public static DNDarray cov(DNDarray m, DNDarray? y = null, bool rowvar = true, bool bias = false, int? ddof = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.ndim > 2) throw new ArgumentException($"m has {m.ndim} dimensions; cov takes at most 2.", nameof(m));
        if (y is not null && y.ndim > 2) throw new ArgumentException($"y has {y.ndim} dimensions; cov takes at most "
            + $"2.", nameof(y));
        using var scope = DisposeScope.Begin();
        var type = MomentType(m);
        DNDarray Variables(DNDarray a)
        {
            var v = a.ndim == 1 ? expand_dims(a, 0) : a;
            if (!rowvar && v.GShapeRef[0] != 1) v = transpose(v);
            return v.astype(y is null || type == float64 ? type : float64);
        }
        var x = Variables(m);
        if (y is not null)
        {
            var other = Variables(y);
            if (other.GShapeRef[1] != x.GShapeRef[1])
                throw new ArgumentException($"m has {x.GShapeRef[1]} observations, y {other.GShapeRef[1]}.", nameof(y));
            x = concatenate([x, other.astype(x.dtype)], 0);
        }
        double norm = x.GShapeRef[1] - (ddof ?? (bias ? 0 : 1));
        if (norm <= 0) throw new ArgumentException($"ddof must be below the number of observations "
            + $"({x.GShapeRef[1]}).", nameof(ddof));
        var centred = x - mean(x, 1, keepdims: true);
        var product = matmul(centred, transpose(centred));
        var result = (product / norm).astype(type);
        return scope.MoveToOuter(result);
    }

    private static DType MomentType(DNDarray x) => x.dtype == float64 ? float64 : float32;

    /// <summary>n and the second and <paramref name="order"/>-th central moments (float64) over an axis or
    /// all.</summary>
    private static (double N, DNDarray M2, DNDarray Mk) CentralMoments(DNDarray x, int? axis, int order)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dtype.IsComplex) throw new ArgumentException($"moments of complex arrays ({x.dtype}) are not "
            + $"supported.", nameof(x));
        var xf = x.astype(float64);
        Axis? over = axis is int a ? a : null;
        double n = axis is int a2 ? x.GShapeRef[Shapes.NormalizeAxis(a2, x.ndim)] : x.gnumel;
        var diff = xf - mean(xf, over, keepdims: true);
        var squared = diff * diff;
        var m2 = mean(squared, over);
        var mk = mean(order == 3 ? squared * diff : squared * squared, over);
        return (n, m2, mk);
    }
}
