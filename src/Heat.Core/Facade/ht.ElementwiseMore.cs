// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Heat.Abstractions;
using Heat.Distributed;

[assembly: SuppressMessage("Naming", "CA1708", Scope = "type", Target = "~T:Heat.ht",
    Justification = "HeAT's constants inf/Inf and nan/NaN differ only by case.")]

namespace Heat;

// HeAT: heat/core/arithmetics.py, exponential.py, trigonometrics.py, rounding.py, complex_math.py (the names beside
// the ones the other facade files hold)
public static partial class ht
{
    /// <summary>Element-wise (quotient, remainder) = (<c>floor_divide</c>, <c>remainder</c>) (HeAT's
    /// <c>divmod</c>).</summary>
    /// <remarks>Both results are split like the element-wise result of the operands.</remarks>
    public static (DNDarray quotient, DNDarray remainder) divmod(DNDarray x1, DNDarray x2)
    {
        using var scope = DisposeScope.Begin();
        var quotient = scope.Include(floordiv(x1, x2));
        var rest = remainder(x1, x2);
        return scope.MoveToOuter((quotient, rest));
    }

    /// <summary>Element-wise (quotient, remainder) of an array and a scalar.</summary>
    public static (DNDarray quotient, DNDarray remainder) divmod(DNDarray x1, Scalar x2)
    {
        using var scope = DisposeScope.Begin();
        var quotient = scope.Include(floordiv(x1, x2));
        var rest = remainder(x1, x2);
        return scope.MoveToOuter((quotient, rest));
    }

    /// <summary>Element-wise (quotient, remainder) of a scalar and an array.</summary>
    public static (DNDarray quotient, DNDarray remainder) divmod(Scalar x1, DNDarray x2)
    {
        using var scope = DisposeScope.Begin();
        var quotient = scope.Include(floordiv(x1, x2));
        var rest = remainder(x1, x2);
        return scope.MoveToOuter((quotient, rest));
    }

    /// <summary>The greatest common divisor of |x1| and |x2| element-wise (integers only, NumPy's
    /// <c>gcd</c>).</summary>
    /// <exception cref="ArgumentException">The operands do not promote to an integer dtype.</exception>
    public static DNDarray gcd(DNDarray x1, DNDarray x2) => IntegerBinary(BinaryOp.Gcd, x1, x2);
    /// <summary>gcd of an array and an integer.</summary>
    public static DNDarray gcd(DNDarray x1, Scalar x2) => IntegerBinary(BinaryOp.Gcd, x1, x2, scalarFirst: false);
    /// <summary>gcd of an integer and an array.</summary>
    public static DNDarray gcd(Scalar x1, DNDarray x2) => IntegerBinary(BinaryOp.Gcd, x2, x1, scalarFirst: true);

    /// <summary>The least common multiple of |x1| and |x2| element-wise (integers only, NumPy's <c>lcm</c>; 0 where
    /// either is 0).</summary>
    /// <exception cref="ArgumentException">The operands do not promote to an integer dtype.</exception>
    public static DNDarray lcm(DNDarray x1, DNDarray x2) => IntegerBinary(BinaryOp.Lcm, x1, x2);
    /// <summary>lcm of an array and an integer.</summary>
    public static DNDarray lcm(DNDarray x1, Scalar x2) => IntegerBinary(BinaryOp.Lcm, x1, x2, scalarFirst: false);
    /// <summary>lcm of an integer and an array.</summary>
    public static DNDarray lcm(Scalar x1, DNDarray x2) => IntegerBinary(BinaryOp.Lcm, x2, x1, scalarFirst: true);

    /// <summary>
    /// NaN replaced by <paramref name="nan"/>, +inf by <paramref name="posinf"/> (default: the dtype's largest finite
    /// value) and −inf by <paramref name="neginf"/> (default: the most negative finite value); complex arrays treat
    /// their real and imaginary parts alike; integer and bool arrays come back as copies (NumPy's
    /// <c>nan_to_num</c>).
    /// </summary>
    public static DNDarray nan_to_num(DNDarray x, double nan = 0.0, double? posinf = null, double? neginf = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.dtype.IsInexact) return x.astype(x.dtype);
        if (x.dtype.IsComplex)
        {
            using var scope = DisposeScope.Begin();
            var re = scope.Include(nan_to_num(scope.Include(real(x)), nan, posinf, neginf));
            var im = scope.Include(nan_to_num(scope.Include(imag(x)), nan, posinf, neginf));
            var turned = scope.Include(im * Complex.ImaginaryOne);
            var sum = scope.Include(turned + re);
            return scope.MoveToOuter(sum.astype(x.dtype));
        }
        var limits = finfo(x.dtype);
        using var notNan = where(isnan(x), nan, x);
        using var notPos = where(isposinf(notNan), posinf ?? limits.max, notNan);
        return where(isneginf(notPos), neginf ?? limits.min, notPos);
    }

    /// <summary>A copy of <paramref name="x"/> (HeAT's unary plus, <c>pos</c>).</summary>
    /// <exception cref="ArgumentException">x is bool (HeAT, through PyTorch, refuses unary plus on bool).</exception>
    public static DNDarray pos(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dtype == @bool) throw new ArgumentException("pos (unary +) is not defined for bool arrays.", nameof(x));
        return x.astype(x.dtype);
    }

    /// <summary>Alias of <see cref="pos"/>.</summary>
    public static DNDarray positive(DNDarray x) => pos(x);

    /// <summary>Alias of <see cref="cumprod(DNDarray, int, DType?)"/> (HeAT's <c>cumproduct</c>).</summary>
    public static DNDarray cumproduct(DNDarray a, int axis, DType? dtype = null) => cumprod(a, axis, dtype);

    /// <summary><c>log(exp(x1) + exp(x2))</c> without overflow: <c>max + log1p(exp(-|x1 - x2|))</c>, and
    /// <c>x1 + log 2</c> where the operands are equal (so equal infinities stay infinite), as NumPy.</summary>
    /// <remarks>Integers compute in float32 (HeAT); split like the element-wise result.</remarks>
    public static DNDarray logaddexp(DNDarray x1, DNDarray x2) => LogAddExp(x1, x2, base2: false);

    /// <summary><c>log2(2^x1 + 2^x2)</c> without overflow (NumPy's <c>logaddexp2</c>).</summary>
    public static DNDarray logaddexp2(DNDarray x1, DNDarray x2) => LogAddExp(x1, x2, base2: true);

    /// <summary>Degrees to radians: <c>x · π/180</c> (integers give float32).</summary>
    public static DNDarray deg2rad(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x * (Math.PI / 180.0);
    }

    /// <summary>Radians to degrees: <c>x · 180/π</c> (integers give float32).</summary>
    public static DNDarray rad2deg(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x * (180.0 / Math.PI);
    }

    /// <summary>Alias of <see cref="rad2deg"/>.</summary>
    public static DNDarray degrees(DNDarray x) => rad2deg(x);
    /// <summary>Alias of <see cref="deg2rad"/>.</summary>
    public static DNDarray radians(DNDarray x) => deg2rad(x);

    /// <summary>Alias of <see cref="arccos(DNDarray)"/>.</summary>
    public static DNDarray acos(DNDarray x) => arccos(x);
    /// <summary>Alias of <see cref="arcsin(DNDarray)"/>.</summary>
    public static DNDarray asin(DNDarray x) => arcsin(x);
    /// <summary>Alias of <see cref="arctan(DNDarray)"/>.</summary>
    public static DNDarray atan(DNDarray x) => arctan(x);
    /// <summary>Alias of <see cref="arccosh"/>.</summary>
    public static DNDarray acosh(DNDarray x) => arccosh(x);
    /// <summary>Alias of <see cref="arcsinh"/>.</summary>
    public static DNDarray asinh(DNDarray x) => arcsinh(x);
    /// <summary>Alias of <see cref="arctanh"/>.</summary>
    public static DNDarray atanh(DNDarray x) => arctanh(x);
    /// <summary>Alias of <see cref="arctan2(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray atan2(DNDarray x1, DNDarray x2) => arctan2(x1, x2);
    /// <summary>Alias of <see cref="arctan2(DNDarray, Scalar)"/>.</summary>
    public static DNDarray atan2(DNDarray x1, Scalar x2) => arctan2(x1, x2);
    /// <summary>Alias of <see cref="arctan2(Scalar, DNDarray)"/>.</summary>
    public static DNDarray atan2(Scalar x1, DNDarray x2) => arctan2(x1, x2);

    /// <summary>The sign: <see cref="sign(DNDarray)"/> for real arrays, <c>x / |x|</c> (0 at 0) for complex ones
    /// (PyTorch's
    /// <c>sgn</c>, as HeAT).</summary>
    public static DNDarray sgn(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.dtype.IsComplex) return sign(x);
        using var scope = DisposeScope.Begin();
        var magnitude = scope.Include(abs(x));
        var isZero = scope.Include(eq(magnitude, 0));
        var unit = scope.Include(x / magnitude);
        return scope.MoveToOuter(where(isZero, 0, unit));
    }

    /// <summary>Alias of <see cref="conj"/>.</summary>
    public static DNDarray conjugate(DNDarray x) => conj(x);

    /// <summary>Archimedes' constant π.</summary>
    public const double pi = Math.PI;
    /// <summary>Euler's number e.</summary>
    public const double e = Math.E;
    /// <summary>Euler's number e (HeAT's alias).</summary>
    public const double Euler = Math.E;
    /// <summary>Positive infinity.</summary>
    public const double inf = double.PositiveInfinity;
    /// <summary>Positive infinity (HeAT's alias).</summary>
    public const double Inf = double.PositiveInfinity;
    /// <summary>Positive infinity (HeAT's alias).</summary>
    public const double Infty = double.PositiveInfinity;
    /// <summary>Positive infinity (HeAT's alias).</summary>
    public const double Infinity = double.PositiveInfinity;
    /// <summary>Not a number.</summary>
    public const double nan = double.NaN;
    /// <summary>Not a number (HeAT's alias).</summary>
    public const double NaN = double.NaN;

    private static DNDarray IntegerBinary(BinaryOp op, DNDarray x1, DNDarray x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        RequireInteger(op, DTypePromotion.Promote(x1.dtype, x2.dtype));
        return Elementwise.Binary(op, x1, x2);
    }

    private static DNDarray IntegerBinary(BinaryOp op, DNDarray x, Scalar s, bool scalarFirst)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (s.Kind is not (ScalarKind.Int or ScalarKind.Bool))
            throw new ArgumentException(
                $"{OpRegistry.Of(op).Name} needs integer operands, got a {s.Kind} scalar.", nameof(s));
        RequireInteger(op, DTypePromotion.PromoteWithScalar(x.dtype, s.Kind));
        return Elementwise.BinaryScalar(op, x, s, scalarFirst);
    }

    private static void RequireInteger(BinaryOp op, DType common)
    {
        if (!common.IsInteger)
            throw new ArgumentException($"{OpRegistry.Of(op).Name} needs integer operands, got {common}.");
    }

    private static DNDarray LogAddExp(DNDarray x1, DNDarray x2, bool base2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        var common = DTypePromotion.Promote(x1.dtype, x2.dtype);
        if (common.IsComplex)
            throw new ArgumentException(
                $"logaddexp{(base2 ? "2" : "")} is not defined for complex operands ({common}).");
        var type = common.IsInexact ? common : float32;
        using var scope = DisposeScope.Begin();
        var a = scope.Include(x1.AliasOrCast(type));
        var b = scope.Include(x2.AliasOrCast(type));
        var largest = scope.Include(maximum(a, b));
        var difference = scope.Include(a - b);
        var magnitude = scope.Include(abs(difference));
        var negated = scope.Include(-magnitude);
        DNDarray correction;
        if (base2)
        {
            var power = scope.Include(exp2(negated));
            var natural = scope.Include(log1p(power));
            correction = scope.Include(natural * (1.0 / Math.Log(2.0)));
        }
        else
        {
            var power = scope.Include(exp(negated));
            correction = scope.Include(log1p(power));
        }
        var general = scope.Include(largest + correction);
        var same = scope.Include(eq(a, b));
        var doubled = scope.Include(a + (base2 ? 1.0 : Math.Log(2.0)));
        return scope.MoveToOuter(where(same, doubled, general));
    }
}
