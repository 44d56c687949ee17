// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/arithmetics.py (add_, sub_, ...): in place, returning the array. The backend writes into the array's
// own local chunk; the result dtype must be the array's (NumPy's same_kind error otherwise, as x += 1.5 on ints).
// gcd_ and lcm_ follow with ht.gcd/ht.lcm.
public sealed partial class DNDarray
{
    /// <summary>x += other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray add_(DNDarray other) => InPlace.Binary(BinaryOp.Add, this, other, "add_");
    /// <summary>x += other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray add_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Add, this, other, "add_");
    /// <summary>x -= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray sub_(DNDarray other) => InPlace.Binary(BinaryOp.Subtract, this, other, "sub_");
    /// <summary>x -= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray sub_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Subtract, this, other, "sub_");
    /// <summary>x *= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray mul_(DNDarray other) => InPlace.Binary(BinaryOp.Multiply, this, other, "mul_");
    /// <summary>x *= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray mul_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Multiply, this, other, "mul_");
    /// <summary>x /= other (true division: float arrays only); returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray div_(DNDarray other) => InPlace.Binary(BinaryOp.Divide, this, other, "div_");
    /// <summary>x /= other (true division: float arrays only) with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray div_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Divide, this, other, "div_");
    /// <summary>x **= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray pow_(DNDarray other) => InPlace.Binary(BinaryOp.Power, this, other, "pow_");
    /// <summary>x **= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray pow_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Power, this, other, "pow_");
    /// <summary>x %= other (NumPy's floor modulo); returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray mod_(DNDarray other) => InPlace.Binary(BinaryOp.Remainder, this, other, "mod_");
    /// <summary>x %= other (NumPy's floor modulo) with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray mod_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Remainder, this, other, "mod_");
    /// <summary>x //= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray floordiv_(DNDarray other) => InPlace.Binary(BinaryOp.FloorDivide, this, other, "floordiv_");
    /// <summary>x //= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray floordiv_(Scalar other) => InPlace.BinaryScalar(BinaryOp.FloorDivide, this, other, "floordiv_");
    /// <summary>C's fmod in place; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray fmod_(DNDarray other) => InPlace.Binary(BinaryOp.Fmod, this, other, "fmod_");
    /// <summary>C's fmod in place with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray fmod_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Fmod, this, other, "fmod_");
    /// <summary>|x| with the sign of other, in place; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray copysign_(DNDarray other) => InPlace.Binary(BinaryOp.CopySign, this, other, "copysign_");
    /// <summary>|x| with the sign of other, in place with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray copysign_(Scalar other) => InPlace.BinaryScalar(BinaryOp.CopySign, this, other, "copysign_");
    /// <summary>sqrt(x² + other²) in place; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray hypot_(DNDarray other) => InPlace.Binary(BinaryOp.Hypot, this, other, "hypot_");
    /// <summary>sqrt(x² + other²) in place with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray hypot_(Scalar other) => InPlace.BinaryScalar(BinaryOp.Hypot, this, other, "hypot_");
    /// <summary>x &lt;&lt;= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray left_shift_(DNDarray other) => InPlace.Binary(BinaryOp.LeftShift, this, other, "left_shift_");
    /// <summary>x &lt;&lt;= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray left_shift_(Scalar other) => InPlace.BinaryScalar(BinaryOp.LeftShift, this, other, "left_shift_");
    /// <summary>x &gt;&gt;= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray right_shift_(DNDarray other) => InPlace.Binary(BinaryOp.RightShift, this, other, "right_shift_");
    /// <summary>x &gt;&gt;= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray right_shift_(Scalar other) => InPlace.BinaryScalar(BinaryOp.RightShift, this, other,
        "right_shift_");
    /// <summary>x &amp;= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray bitwise_and_(DNDarray other) => InPlace.Binary(BinaryOp.BitwiseAnd, this, other, "bitwise_and_");
    /// <summary>x &amp;= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray bitwise_and_(Scalar other) => InPlace.BinaryScalar(BinaryOp.BitwiseAnd, this, other,
        "bitwise_and_");
    /// <summary>x |= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray bitwise_or_(DNDarray other) => InPlace.Binary(BinaryOp.BitwiseOr, this, other, "bitwise_or_");
    /// <summary>x |= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray bitwise_or_(Scalar other) => InPlace.BinaryScalar(BinaryOp.BitwiseOr, this, other, "bitwise_or_");
    /// <summary>x ^= other; returns this array.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to this shape or the result dtype is not this
    /// array's.</exception>
    public DNDarray bitwise_xor_(DNDarray other) => InPlace.Binary(BinaryOp.BitwiseXor, this, other, "bitwise_xor_");
    /// <summary>x ^= other with a scalar; returns this array.</summary>
    /// <exception cref="ArgumentException">The result dtype is not this array's.</exception>
    public DNDarray bitwise_xor_(Scalar other) => InPlace.BinaryScalar(BinaryOp.BitwiseXor, this, other,
        "bitwise_xor_");
    /// <summary>Negation in place; returns this array.</summary>
    /// <exception cref="ArgumentException">The array is bool.</exception>
    public DNDarray neg_() => InPlace.Unary(UnaryOp.Negative, this, "neg_");
    /// <summary>Bitwise not in place (logical not for bool); returns this array.</summary>
    /// <exception cref="ArgumentException">The array is not bool or integer.</exception>
    public DNDarray invert_() => InPlace.Unary(UnaryOp.BitwiseNot, this, "invert_");
    /// <summary>Cumulative sum along <paramref name="axis"/> in place, accumulated in this array's dtype (as torch's
    /// cumsum_); along the split axis one Exscan.</summary>
    /// <exception cref="ArgumentException">The array is bool.</exception>
    public DNDarray cumsum_(int axis) => InPlace.Scan(ReduceOp.Sum, this, axis, "cumsum_");
    /// <summary>Cumulative product along <paramref name="axis"/> in place, in this array's dtype.</summary>
    /// <exception cref="ArgumentException">The array is bool.</exception>
    public DNDarray cumprod_(int axis) => InPlace.Scan(ReduceOp.Prod, this, axis, "cumprod_");
    /// <summary>Replaces NaN by <paramref name="nan"/>, +inf and -inf by <paramref name="posinf"/> /
    /// <paramref name="neginf"/> (default: the dtype's largest and most negative finite values) in place.</summary>
    /// <exception cref="NotSupportedException">The array is complex.</exception>
    public DNDarray nan_to_num_(double nan = 0.0, double? posinf = null, double? neginf = null)
        => InPlace.NanToNum(this, nan, posinf, neginf);
}
