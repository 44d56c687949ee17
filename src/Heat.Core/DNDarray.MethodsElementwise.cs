// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: the DNDarray method forms of heat/core functions (DNDarray.abs = lambda self: abs(self), ...)
public sealed partial class DNDarray
{
    /// <summary>Absolute value (see <see cref="ht.abs(DNDarray)"/>).</summary>
    public DNDarray abs() => ht.abs(this);
    /// <summary>Absolute value (see <see cref="ht.absolute(DNDarray)"/>).</summary>
    public DNDarray absolute() => ht.absolute(this);
    /// <summary>Absolute value as float (see <see cref="ht.fabs(DNDarray)"/>).</summary>
    public DNDarray fabs() => ht.fabs(this);
    /// <summary>Ceiling (see <see cref="ht.ceil(DNDarray)"/>).</summary>
    public DNDarray ceil() => ht.ceil(this);
    /// <summary>Floor (see <see cref="ht.floor(DNDarray)"/>).</summary>
    public DNDarray floor() => ht.floor(this);
    /// <summary>Truncation towards zero (see <see cref="ht.trunc(DNDarray)"/>).</summary>
    public DNDarray trunc() => ht.trunc(this);
    /// <summary>Sign (see <see cref="ht.sign(DNDarray)"/>).</summary>
    public DNDarray sign() => ht.sign(this);
    /// <summary>Complex conjugate (see <see cref="ht.conj(DNDarray)"/>).</summary>
    public DNDarray conj() => ht.conj(this);
    /// <summary>Cosine (see <see cref="ht.cos(DNDarray)"/>).</summary>
    public DNDarray cos() => ht.cos(this);
    /// <summary>Hyperbolic cosine (see <see cref="ht.cosh(DNDarray)"/>).</summary>
    public DNDarray cosh() => ht.cosh(this);
    /// <summary>Sine (see <see cref="ht.sin(DNDarray)"/>).</summary>
    public DNDarray sin() => ht.sin(this);
    /// <summary>Hyperbolic sine (see <see cref="ht.sinh(DNDarray)"/>).</summary>
    public DNDarray sinh() => ht.sinh(this);
    /// <summary>Tangent (see <see cref="ht.tan(DNDarray)"/>).</summary>
    public DNDarray tan() => ht.tan(this);
    /// <summary>Hyperbolic tangent (see <see cref="ht.tanh(DNDarray)"/>).</summary>
    public DNDarray tanh() => ht.tanh(this);
    /// <summary>e^x (see <see cref="ht.exp(DNDarray)"/>).</summary>
    public DNDarray exp() => ht.exp(this);
    /// <summary>2^x (see <see cref="ht.exp2(DNDarray)"/>).</summary>
    public DNDarray exp2() => ht.exp2(this);
    /// <summary>e^x - 1 (see <see cref="ht.expm1(DNDarray)"/>).</summary>
    public DNDarray expm1() => ht.expm1(this);
    /// <summary>Natural logarithm (see <see cref="ht.log(DNDarray)"/>).</summary>
    public DNDarray log() => ht.log(this);
    /// <summary>Base-2 logarithm (see <see cref="ht.log2(DNDarray)"/>).</summary>
    public DNDarray log2() => ht.log2(this);
    /// <summary>Base-10 logarithm (see <see cref="ht.log10(DNDarray)"/>).</summary>
    public DNDarray log10() => ht.log10(this);
    /// <summary>log(1 + x) (see <see cref="ht.log1p(DNDarray)"/>).</summary>
    public DNDarray log1p() => ht.log1p(this);
    /// <summary>Square root (see <see cref="ht.sqrt(DNDarray)"/>).</summary>
    public DNDarray sqrt() => ht.sqrt(this);
    /// <summary>x * x (see <see cref="ht.square(DNDarray)"/>).</summary>
    public DNDarray square() => ht.square(this);
    /// <summary>Cube root (see <see cref="ht.cbrt(DNDarray)"/>).</summary>
    public DNDarray cbrt() => ht.cbrt(this);
    /// <summary>1 / x (see <see cref="ht.reciprocal(DNDarray)"/>).</summary>
    public DNDarray reciprocal() => ht.reciprocal(this);
    /// <summary>NaN test (see <see cref="ht.isnan(DNDarray)"/>).</summary>
    public DNDarray isnan() => ht.isnan(this);
    /// <summary>Infinity test (see <see cref="ht.isinf(DNDarray)"/>).</summary>
    public DNDarray isinf() => ht.isinf(this);
    /// <summary>Finiteness test (see <see cref="ht.isfinite(DNDarray)"/>).</summary>
    public DNDarray isfinite() => ht.isfinite(this);
    /// <summary>A copy (see <see cref="ht.copy(DNDarray)"/>).</summary>
    public DNDarray copy() => ht.copy(this);
    /// <summary>Inverse cosine (HeAT's method name for <see cref="ht.arccos(DNDarray)"/>).</summary>
    public DNDarray acos() => ht.arccos(this);
    /// <summary>Inverse sine (HeAT's method name for <see cref="ht.arcsin(DNDarray)"/>).</summary>
    public DNDarray asin() => ht.arcsin(this);
    /// <summary>Inverse tangent (HeAT's method name for <see cref="ht.arctan(DNDarray)"/>).</summary>
    public DNDarray atan() => ht.arctan(this);
    /// <summary>The angle of (x2, this) (HeAT's method name for <see cref="ht.arctan2(DNDarray,
    /// DNDarray)"/>).</summary>
    public DNDarray atan2(DNDarray x2) => ht.arctan2(this, x2);
    /// <summary>Fractional and integral parts (see <see cref="ht.modf"/>).</summary>
    public (DNDarray fractional, DNDarray integral) modf() => ht.modf(this);
    /// <summary>Element-wise closeness (see <see cref="ht.isclose"/>).</summary>
    public DNDarray isclose(DNDarray b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        => ht.isclose(this, b, rtol, atol, equal_nan);
    /// <summary>True when all elements are close (see <see cref="ht.allclose"/>).</summary>
    public bool allclose(DNDarray b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        => ht.allclose(this, b, rtol, atol, equal_nan);
    /// <summary>Weighted average (see <see cref="ht.average(DNDarray, Axis?, DNDarray?, bool)"/>).</summary>
    public DNDarray average(int? axis = null, DNDarray? weights = null, bool keepdims = false)
        => ht.average(this, axis, weights, keepdims);
    /// <summary>Sum of a diagonal (see <see cref="ht.trace(DNDarray, long)"/>).</summary>
    public double trace(long offset = 0) => ht.trace(this, offset);
    /// <summary>Lower triangle (see <see cref="ht.tril"/>).</summary>
    public DNDarray tril(long k = 0) => ht.tril(this, k);
    /// <summary>Upper triangle (see <see cref="ht.triu"/>).</summary>
    public DNDarray triu(long k = 0) => ht.triu(this, k);
    /// <summary>Balanced (see <see cref="ht.balance"/>: this array itself unless <paramref name="copy"/>).</summary>
    public DNDarray balance(bool copy = false) => ht.balance(this, copy);
    /// <summary>A copy split along <paramref name="axis"/> (see <see cref="ht.resplit"/>).</summary>
    public DNDarray resplit(int? axis = null) => ht.resplit(this, axis);
    /// <summary>Two axes swapped (see <see cref="ht.swapaxes"/>).</summary>
    public DNDarray swapaxes(int axis1, int axis2) => ht.swapaxes(this, axis1, axis2);
    /// <summary>Moves an axis (see <see cref="ht.moveaxis"/>).</summary>
    public DNDarray moveaxis(int source, int destination) => ht.moveaxis(this, source, destination);
    /// <summary>1-d copy (see <see cref="ht.ravel(DNDarray)"/>).</summary>
    public DNDarray ravel() => ht.ravel(this);
    /// <summary>Clipped to [min, max] by arrays (see <see cref="ht.clip(DNDarray, DNDarray, DNDarray)"/>).</summary>
    public DNDarray clip(DNDarray min, DNDarray max) => ht.clip(this, min, max);
    /// <summary>Saves to <paramref name="path"/> (see <see cref="ht.save"/>).</summary>
    public void save(string path, string? dataset = null, string mode = "w") => ht.save(this, path, dataset, mode);
    /// <summary>The real part (see <see cref="ht.real"/>).</summary>
    public DNDarray real => ht.real(this);
    /// <summary>The imaginary part (see <see cref="ht.imag"/>).</summary>
    public DNDarray imag => ht.imag(this);
}
