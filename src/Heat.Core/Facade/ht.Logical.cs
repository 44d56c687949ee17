// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/logical.py
public static partial class ht
{
    /// <summary>
    /// Element-wise <c>|a - b| &lt;= atol + rtol * |b|</c> for finite values, equality for infinities, and NaN equal to
    /// NaN only when <paramref name="equal_nan"/> (NumPy's isclose), with broadcasting.
    /// </summary>
    public static DNDarray isclose(DNDarray a, DNDarray b, double rtol = 1e-05, double atol = 1e-08,
        bool equal_nan = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (rtol < 0 || atol < 0) throw new ArgumentOutOfRangeException(rtol < 0 ? nameof(rtol) : nameof(atol),
            "rtol and atol must be >= 0.");
        var common = DTypePromotion.Promote(a.dtype, b.dtype);
        var compute = common.IsInexact ? common : float64;
        var backend = a.Backend;
        return Elementwise.Map([a, b], [compute, compute], DType.Bool, (l, result) =>
        {
            var shape = result.Shape;
            var real = compute.RealType;
            using var difference = backend.Empty(shape, compute);
            backend.Binary(BinaryOp.Subtract, l[0], l[1], difference);
            using var distance = backend.Empty(shape, real);
            backend.Unary(UnaryOp.Abs, difference, distance);
            using var magnitude = backend.Empty(shape, real);
            backend.Unary(UnaryOp.Abs, l[1], magnitude);
            backend.BinaryScalar(BinaryOp.Multiply, magnitude, Scalar.FromDouble(rtol), false, magnitude);
            backend.BinaryScalar(BinaryOp.Add, magnitude, Scalar.FromDouble(atol), false, magnitude);
            backend.Binary(BinaryOp.LessEqual, distance, magnitude, result);
            using var flag = backend.Empty(shape, DType.Bool);
            // Infinities are close only to themselves: |inf - x| <= inf would say otherwise.
            backend.Unary(UnaryOp.IsFinite, l[0], flag);
            backend.Binary(BinaryOp.LogicalAnd, result, flag, result);
            backend.Unary(UnaryOp.IsFinite, l[1], flag);
            backend.Binary(BinaryOp.LogicalAnd, result, flag, result);
            backend.Binary(BinaryOp.Equal, l[0], l[1], flag);
            backend.Binary(BinaryOp.LogicalOr, result, flag, result);
            if (equal_nan)
            {
                using var nanB = backend.Empty(shape, DType.Bool);
                backend.Unary(UnaryOp.IsNan, l[0], flag);
                backend.Unary(UnaryOp.IsNan, l[1], nanB);
                backend.Binary(BinaryOp.LogicalAnd, flag, nanB, flag);
                backend.Binary(BinaryOp.LogicalOr, result, flag, result);
            }
        });
    }

    /// <summary>True when every pair is <see cref="isclose"/> (the same answer on every rank).</summary>
    public static bool allclose(DNDarray a, DNDarray b, double rtol = 1e-05, double atol = 1e-08,
        bool equal_nan = false)
    {
        using var close = isclose(a, b, rtol, atol, equal_nan);
        using var every = all(close);
        return every.item<bool>();
    }
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalAnd, x1, x2);
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalAnd, x1, x2, scalarFirst: false);
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalAnd, x2, x1, scalarFirst: true);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalOr, x1, x2);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalOr, x1, x2, scalarFirst: false);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalOr, x2, x1, scalarFirst: true);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalXor, x1, x2);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalXor, x1, x2, scalarFirst: false);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.LogicalXor, x2, x1, scalarFirst: true);
    /// <summary>Logical not as bool.</summary>
    public static DNDarray logical_not(DNDarray x) => Elementwise.Unary(UnaryOp.LogicalNot, x);
    /// <summary>True where NaN.</summary>
    public static DNDarray isnan(DNDarray x) => Elementwise.Unary(UnaryOp.IsNan, x);
    /// <summary>True where ±inf.</summary>
    public static DNDarray isinf(DNDarray x) => Elementwise.Unary(UnaryOp.IsInf, x);
    /// <summary>True where +inf.</summary>
    public static DNDarray isposinf(DNDarray x) => Elementwise.Unary(UnaryOp.IsPosInf, x);
    /// <summary>True where -inf.</summary>
    public static DNDarray isneginf(DNDarray x) => Elementwise.Unary(UnaryOp.IsNegInf, x);
    /// <summary>True where finite.</summary>
    public static DNDarray isfinite(DNDarray x) => Elementwise.Unary(UnaryOp.IsFinite, x);
    /// <summary>True where the sign bit is set.</summary>
    public static DNDarray signbit(DNDarray x) => Elementwise.Unary(UnaryOp.SignBit, x);

    /// <summary>True where all elements along <paramref name="axis"/> are non-zero.</summary>
    public static DNDarray all(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.LAnd, a, axis, keepdims);

    /// <summary>True where any element along <paramref name="axis"/> is non-zero.</summary>
    public static DNDarray any(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.LOr, a, axis, keepdims);
}

public sealed partial class DNDarray
{
    /// <summary>True where all elements are non-zero.</summary>
    public DNDarray all(Axis? axis = null, bool keepdims = false) => ht.all(this, axis, keepdims);
    /// <summary>True where any element is non-zero.</summary>
    public DNDarray any(Axis? axis = null, bool keepdims = false) => ht.any(this, axis, keepdims);
}
