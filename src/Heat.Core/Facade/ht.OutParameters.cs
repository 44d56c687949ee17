// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: the out= parameter of the element-wise and reduction functions. The result is computed, then written into
// @out (converted to its dtype); @out must have the result's shape and split and a dtype the result casts to
// (same_kind), else ArgumentException. Returns @out. The reductions take axis before @out (ht.sum(x, axis: null, @out:
// c))
// so that ht.sum(x, 1) still binds 1 to the axis.
public static partial class ht
{
    /// <summary><see cref="add(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray add(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(add(x1, x2), @out, "add");
    /// <summary><see cref="add(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray add(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(add(x1, x2), @out, "add");
    /// <summary><see cref="sub(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sub(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(sub(x1, x2), @out, "sub");
    /// <summary><see cref="sub(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sub(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(sub(x1, x2), @out, "sub");
    /// <summary><see cref="mul(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray mul(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(mul(x1, x2), @out, "mul");
    /// <summary><see cref="mul(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray mul(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(mul(x1, x2), @out, "mul");
    /// <summary><see cref="div(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray div(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(div(x1, x2), @out, "div");
    /// <summary><see cref="div(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray div(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(div(x1, x2), @out, "div");
    /// <summary><see cref="floordiv(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray floordiv(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(floordiv(x1, x2),
        @out, "floordiv");
    /// <summary><see cref="floordiv(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray floordiv(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(floordiv(x1, x2), @out,
        "floordiv");
    /// <summary><see cref="remainder(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray remainder(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(remainder(x1, x2),
        @out, "remainder");
    /// <summary><see cref="remainder(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray remainder(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(remainder(x1, x2),
        @out, "remainder");
    /// <summary><see cref="mod(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray mod(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(mod(x1, x2), @out, "mod");
    /// <summary><see cref="mod(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray mod(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(mod(x1, x2), @out, "mod");
    /// <summary><see cref="fmod(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray fmod(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(fmod(x1, x2), @out,
        "fmod");
    /// <summary><see cref="fmod(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray fmod(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(fmod(x1, x2), @out, "fmod");
    /// <summary><see cref="pow(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray pow(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(pow(x1, x2), @out, "pow");
    /// <summary><see cref="pow(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray pow(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(pow(x1, x2), @out, "pow");
    /// <summary><see cref="hypot(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray hypot(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(hypot(x1, x2), @out,
        "hypot");
    /// <summary><see cref="hypot(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray hypot(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(hypot(x1, x2), @out,
        "hypot");
    /// <summary><see cref="copysign(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray copysign(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(copysign(x1, x2),
        @out, "copysign");
    /// <summary><see cref="copysign(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray copysign(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(copysign(x1, x2), @out,
        "copysign");
    /// <summary><see cref="bitwise_and(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns
    /// it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_and(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(bitwise_and(x1,
        x2), @out, "bitwise_and");
    /// <summary><see cref="bitwise_and(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_and(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(bitwise_and(x1, x2),
        @out, "bitwise_and");
    /// <summary><see cref="bitwise_or(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_or(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(bitwise_or(x1, x2),
        @out, "bitwise_or");
    /// <summary><see cref="bitwise_or(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_or(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(bitwise_or(x1, x2),
        @out, "bitwise_or");
    /// <summary><see cref="bitwise_xor(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns
    /// it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_xor(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(bitwise_xor(x1,
        x2), @out, "bitwise_xor");
    /// <summary><see cref="bitwise_xor(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray bitwise_xor(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(bitwise_xor(x1, x2),
        @out, "bitwise_xor");
    /// <summary><see cref="left_shift(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray left_shift(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(left_shift(x1, x2),
        @out, "left_shift");
    /// <summary><see cref="left_shift(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray left_shift(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(left_shift(x1, x2),
        @out, "left_shift");
    /// <summary><see cref="right_shift(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns
    /// it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray right_shift(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(right_shift(x1,
        x2), @out, "right_shift");
    /// <summary><see cref="right_shift(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray right_shift(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(right_shift(x1, x2),
        @out, "right_shift");
    /// <summary><see cref="minimum(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray minimum(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(minimum(x1, x2), @out,
        "minimum");
    /// <summary><see cref="minimum(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray minimum(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(minimum(x1, x2), @out,
        "minimum");
    /// <summary><see cref="maximum(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray maximum(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(maximum(x1, x2), @out,
        "maximum");
    /// <summary><see cref="maximum(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray maximum(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(maximum(x1, x2), @out,
        "maximum");
    /// <summary><see cref="arctan2(DNDarray, DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray arctan2(DNDarray x1, DNDarray x2, DNDarray @out) => OutParameter.Into(arctan2(x1, x2), @out,
        "arctan2");
    /// <summary><see cref="arctan2(DNDarray, Scalar)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray arctan2(DNDarray x1, Scalar x2, DNDarray @out) => OutParameter.Into(arctan2(x1, x2), @out,
        "arctan2");
    /// <summary><see cref="abs(DNDarray, DType?)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray abs(DNDarray x, DNDarray @out) => OutParameter.Into(abs(x), @out, "abs");
    /// <summary><see cref="fabs(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray fabs(DNDarray x, DNDarray @out) => OutParameter.Into(fabs(x), @out, "fabs");
    /// <summary><see cref="neg(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray neg(DNDarray x, DNDarray @out) => OutParameter.Into(neg(x), @out, "neg");
    /// <summary><see cref="invert(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray invert(DNDarray x, DNDarray @out) => OutParameter.Into(invert(x), @out, "invert");
    /// <summary><see cref="sqrt(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sqrt(DNDarray x, DNDarray @out) => OutParameter.Into(sqrt(x), @out, "sqrt");
    /// <summary><see cref="square(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray square(DNDarray x, DNDarray @out) => OutParameter.Into(square(x), @out, "square");
    /// <summary><see cref="cbrt(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray cbrt(DNDarray x, DNDarray @out) => OutParameter.Into(cbrt(x), @out, "cbrt");
    /// <summary><see cref="reciprocal(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray reciprocal(DNDarray x, DNDarray @out) => OutParameter.Into(reciprocal(x), @out,
        "reciprocal");
    /// <summary><see cref="exp(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray exp(DNDarray x, DNDarray @out) => OutParameter.Into(exp(x), @out, "exp");
    /// <summary><see cref="exp2(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray exp2(DNDarray x, DNDarray @out) => OutParameter.Into(exp2(x), @out, "exp2");
    /// <summary><see cref="expm1(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray expm1(DNDarray x, DNDarray @out) => OutParameter.Into(expm1(x), @out, "expm1");
    /// <summary><see cref="log(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray log(DNDarray x, DNDarray @out) => OutParameter.Into(log(x), @out, "log");
    /// <summary><see cref="log2(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray log2(DNDarray x, DNDarray @out) => OutParameter.Into(log2(x), @out, "log2");
    /// <summary><see cref="log10(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray log10(DNDarray x, DNDarray @out) => OutParameter.Into(log10(x), @out, "log10");
    /// <summary><see cref="log1p(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray log1p(DNDarray x, DNDarray @out) => OutParameter.Into(log1p(x), @out, "log1p");
    /// <summary><see cref="sin(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sin(DNDarray x, DNDarray @out) => OutParameter.Into(sin(x), @out, "sin");
    /// <summary><see cref="cos(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray cos(DNDarray x, DNDarray @out) => OutParameter.Into(cos(x), @out, "cos");
    /// <summary><see cref="tan(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray tan(DNDarray x, DNDarray @out) => OutParameter.Into(tan(x), @out, "tan");
    /// <summary><see cref="arcsin(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray arcsin(DNDarray x, DNDarray @out) => OutParameter.Into(arcsin(x), @out, "arcsin");
    /// <summary><see cref="arccos(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray arccos(DNDarray x, DNDarray @out) => OutParameter.Into(arccos(x), @out, "arccos");
    /// <summary><see cref="arctan(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray arctan(DNDarray x, DNDarray @out) => OutParameter.Into(arctan(x), @out, "arctan");
    /// <summary><see cref="sinh(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sinh(DNDarray x, DNDarray @out) => OutParameter.Into(sinh(x), @out, "sinh");
    /// <summary><see cref="cosh(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray cosh(DNDarray x, DNDarray @out) => OutParameter.Into(cosh(x), @out, "cosh");
    /// <summary><see cref="tanh(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray tanh(DNDarray x, DNDarray @out) => OutParameter.Into(tanh(x), @out, "tanh");
    /// <summary><see cref="floor(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray floor(DNDarray x, DNDarray @out) => OutParameter.Into(floor(x), @out, "floor");
    /// <summary><see cref="ceil(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray ceil(DNDarray x, DNDarray @out) => OutParameter.Into(ceil(x), @out, "ceil");
    /// <summary><see cref="trunc(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray trunc(DNDarray x, DNDarray @out) => OutParameter.Into(trunc(x), @out, "trunc");
    /// <summary><see cref="sign(DNDarray)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sign(DNDarray x, DNDarray @out) => OutParameter.Into(sign(x), @out, "sign");
    /// <summary><see cref="sum(DNDarray, Axis?, bool)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray sum(DNDarray a, Axis? axis, DNDarray @out, bool keepdims = false)
        => OutParameter.Into(sum(a, axis, keepdims), @out, "sum");
    /// <summary><see cref="prod(DNDarray, Axis?, bool)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray prod(DNDarray a, Axis? axis, DNDarray @out, bool keepdims = false)
        => OutParameter.Into(prod(a, axis, keepdims), @out, "prod");
    /// <summary><see cref="min(DNDarray, Axis?, bool)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray min(DNDarray a, Axis? axis, DNDarray @out, bool keepdims = false)
        => OutParameter.Into(min(a, axis, keepdims), @out, "min");
    /// <summary><see cref="max(DNDarray, Axis?, bool)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray max(DNDarray a, Axis? axis, DNDarray @out, bool keepdims = false)
        => OutParameter.Into(max(a, axis, keepdims), @out, "max");
    /// <summary><see cref="mean(DNDarray, Axis?, bool)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray mean(DNDarray a, Axis? axis, DNDarray @out, bool keepdims = false)
        => OutParameter.Into(mean(a, axis, keepdims), @out, "mean");
    /// <summary><see cref="cumsum(DNDarray, int, DType?)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray cumsum(DNDarray a, DNDarray @out, int axis, DType? dtype = null)
        => OutParameter.Into(cumsum(a, axis, dtype), @out, "cumsum");
    /// <summary><see cref="cumprod(DNDarray, int, DType?)"/> written into <paramref name="out"/>; returns it.</summary>
    /// <exception cref="ArgumentException">out does not fit the result.</exception>
    public static DNDarray cumprod(DNDarray a, DNDarray @out, int axis, DType? dtype = null)
        => OutParameter.Into(cumprod(a, axis, dtype), @out, "cumprod");
}
