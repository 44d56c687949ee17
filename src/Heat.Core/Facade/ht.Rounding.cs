// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/rounding.py
public static partial class ht
{
    /// <summary>Rounds half to even to <paramref name="decimals"/> decimals (negative: to tens, hundreds, ...), as
    /// NumPy: <c>rint(x * 10^d) / 10^d</c>; with <paramref name="dtype"/> the result is cast to it (HeAT).</summary>
    public static DNDarray round(DNDarray x, int decimals = 0, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (dtype is not null)
        {
            using var rounded = round(x, decimals);
            return rounded.astype(dtype);
        }
        if (x.dtype.IsComplex) throw new ArgumentException($"round of complex arrays ({x.dtype}) is not supported; "
            + $"round real and imag parts.", nameof(x));
        if (!x.dtype.IsInexact)
        {
            if (decimals >= 0) return x.astype(x.dtype);
            using var asFloat = x.astype(float64);
            using var rounded = round(asFloat, decimals);
            return rounded.astype(x.dtype);
        }
        if (decimals == 0) return Elementwise.Unary(UnaryOp.Round, x);
        double scale = Math.Pow(10, Math.Abs(decimals));
        using var scaled = decimals > 0 ? x * scale : x / scale;
        using var r = Elementwise.Unary(UnaryOp.Round, scaled);
        return decimals > 0 ? r / scale : r * scale;
    }

    /// <summary>Limits values to [<paramref name="min"/>, <paramref name="max"/>] (either may be null); NaN stays NaN.
    /// With min > max every value becomes max, as NumPy.</summary>
    /// <exception cref="ArgumentException">Both bounds are null.</exception>
    public static DNDarray clip(DNDarray x, Scalar? min, Scalar? max)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (min is null && max is null) throw new ArgumentException("clip needs at least one of min and "
            + "max.", nameof(min));
        if (min is not Scalar lo) return minimum(x, max!.Value);
        using var low = maximum(x, lo);
        return max is Scalar hi ? minimum(low, hi) : low.astype(low.dtype);
    }

    /// <summary>Limits values element-wise to the arrays <paramref name="min"/> and <paramref name="max"/>
    /// (broadcast).</summary>
    public static DNDarray clip(DNDarray x, DNDarray min, DNDarray max)
    {
        using var low = maximum(x, min);
        return minimum(low, max);
    }

    /// <summary>Fractional and integral parts, both with the sign of x (NumPy's modf): <c>modf(-2.5) = (-0.5,
    /// -2.0)</c>, <c>modf(inf) = (0, inf)</c>.</summary>
    public static (DNDarray fractional, DNDarray integral) modf(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var xf = x.AliasOrCast(x.dtype.IsInexact ? x.dtype : float32);
        if (xf.dtype.IsComplex) throw new ArgumentException($"modf is not defined for complex arrays "
            + $"({x.dtype}).", nameof(x));
        using var scope = DisposeScope.Begin();
        var integral = trunc(xf);
        var difference = xf - integral;
        var infinite = isinf(xf);
        var zero = zeros([], xf.dtype);
        var finiteDifference = where(infinite, zero, difference);
        var fractional = copysign(finiteDifference, xf);
        return scope.MoveToOuter((fractional, integral));
    }

    /// <summary>Absolute value as float (NumPy's fabs; integers give float32).</summary>
    public static DNDarray fabs(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dtype.IsComplex) throw new ArgumentException($"fabs is not defined for complex arrays ({x.dtype}); "
            + $"use abs.", nameof(x));
        using var xf = x.AliasOrCast(x.dtype.IsInexact ? x.dtype : float32);
        return abs(xf);
    }
    /// <summary>Absolute value (complex gives its modulus); with <paramref name="dtype"/> the result is cast to it
    /// (HeAT).</summary>
    public static DNDarray abs(DNDarray x, DType? dtype = null)
    {
        if (dtype is null) return Elementwise.Unary(UnaryOp.Abs, x);
        using var magnitude = Elementwise.Unary(UnaryOp.Abs, x);
        return magnitude.astype(dtype);
    }
    /// <summary>-1, 0 or 1 by sign.</summary>
    public static DNDarray sign(DNDarray x) => Elementwise.Unary(UnaryOp.Sign, x);
    /// <summary>Round down.</summary>
    public static DNDarray floor(DNDarray x) => Elementwise.Unary(UnaryOp.Floor, x);
    /// <summary>Round up.</summary>
    public static DNDarray ceil(DNDarray x) => Elementwise.Unary(UnaryOp.Ceil, x);
    /// <summary>Round toward zero.</summary>
    public static DNDarray trunc(DNDarray x) => Elementwise.Unary(UnaryOp.Trunc, x);
    /// <summary>Alias of <see cref="abs(DNDarray, DType?)"/>.</summary>
    public static DNDarray absolute(DNDarray x, DType? dtype = null) => abs(x, dtype);
}

public sealed partial class DNDarray
{
    /// <summary>Rounds to <paramref name="decimals"/> decimals (see <see cref="ht.round"/>).</summary>
    public DNDarray round(int decimals = 0) => ht.round(this, decimals);
    /// <summary>Limits values (see <see cref="ht.clip(DNDarray, Scalar?, Scalar?)"/>).</summary>
    public DNDarray clip(Scalar? min, Scalar? max) => ht.clip(this, min, max);
}
