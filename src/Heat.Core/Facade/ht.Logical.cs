// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/logical.py (isclose, allclose), indexing.py (where)
public static partial class ht
{
    /// <summary>
    /// Element-wise <c>|a - b| &lt;= atol + rtol * |b|</c> for finite values, equality for infinities, and NaN equal to
    /// NaN only when <paramref name="equal_nan"/> (NumPy's isclose), with broadcasting.
    /// </summary>
    public static DNDarray isclose(DNDarray a, DNDarray b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (rtol < 0 || atol < 0) throw new ArgumentOutOfRangeException(rtol < 0 ? nameof(rtol) : nameof(atol), "rtol and atol must be >= 0.");
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
    public static bool allclose(DNDarray a, DNDarray b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
    {
        using var close = isclose(a, b, rtol, atol, equal_nan);
        using var every = all(close);
        return every.item<bool>();
    }

    /// <summary>
    /// Element-wise <c>condition ? x : y</c> with broadcasting; the unselected branch never leaks into the result
    /// (a NaN in y does not reach positions where the condition holds).
    /// </summary>
    public static DNDarray where(DNDarray condition, DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var type = DTypePromotion.Promote(x.dtype, y.dtype);
        var backend = x.Backend;
        return Elementwise.Map([condition, x, y], [DType.Bool, type, type], type, (l, result) => backend.Where(l[0], l[1], l[2], result));
    }

    /// <summary><c>condition ? x : y</c> with a scalar y (weak: x's dtype is kept where it can hold y).</summary>
    public static DNDarray where(DNDarray condition, DNDarray x, Scalar y)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var ya = full([], y, DTypePromotion.PromoteWithScalar(x.dtype, y.Kind));
        return where(condition, x, ya);
    }

    /// <summary><c>condition ? x : y</c> with a scalar x.</summary>
    public static DNDarray where(DNDarray condition, Scalar x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(y);
        using var xa = full([], x, DTypePromotion.PromoteWithScalar(y.dtype, x.Kind));
        return where(condition, xa, y);
    }

    /// <summary><c>condition ? x : y</c> with two scalars (their promoted dtype; integers and floats as NumPy's weak scalars: int64/float32).</summary>
    public static DNDarray where(DNDarray condition, Scalar x, Scalar y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var type = DTypePromotion.PromoteWithScalar(DTypePromotion.PromoteWithScalar(DType.Bool, x.Kind), y.Kind);
        using var xa = full([], x, type);
        using var ya = full([], y, type);
        return where(condition, xa, ya);
    }
}
