// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/arithmetics.py, relational.py, logical.py, exponential.py, trigonometrics.py, rounding.py, complex_math.py
public static partial class ht
{
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Add, x1, x2);
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Add, x1, x2, scalarFirst: false);
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Add, x2, x1, scalarFirst: true);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Subtract, x1, x2);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Subtract, x1, x2, scalarFirst: false);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Subtract, x2, x1, scalarFirst: true);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Multiply, x1, x2);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Multiply, x1, x2, scalarFirst: false);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Multiply, x2, x1, scalarFirst: true);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Divide, x1, x2);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Divide, x1, x2, scalarFirst: false);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Divide, x2, x1, scalarFirst: true);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.FloorDivide, x1, x2);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.FloorDivide, x1, x2, scalarFirst: false);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.FloorDivide, x2, x1, scalarFirst: true);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Remainder, x1, x2);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Remainder, x1, x2, scalarFirst: false);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Remainder, x2, x1, scalarFirst: true);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmod, x1, x2);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Fmod, x1, x2, scalarFirst: false);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Fmod, x2, x1, scalarFirst: true);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Power, x1, x2);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Power, x1, x2, scalarFirst: false);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Power, x2, x1, scalarFirst: true);
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Minimum, x1, x2);
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Minimum, x1, x2, scalarFirst: false);
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Minimum, x2, x1, scalarFirst: true);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Maximum, x1, x2);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Maximum, x1, x2, scalarFirst: false);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Maximum, x2, x1, scalarFirst: true);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmin, x1, x2);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Fmin, x1, x2, scalarFirst: false);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Fmin, x2, x1, scalarFirst: true);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmax, x1, x2);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Fmax, x1, x2, scalarFirst: false);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Fmax, x2, x1, scalarFirst: true);
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Atan2, x1, x2);
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Atan2, x1, x2, scalarFirst: false);
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Atan2, x2, x1, scalarFirst: true);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Hypot, x1, x2);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Hypot, x1, x2, scalarFirst: false);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Hypot, x2, x1, scalarFirst: true);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.CopySign, x1, x2);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.CopySign, x1, x2, scalarFirst: false);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.CopySign, x2, x1, scalarFirst: true);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseAnd, x1, x2);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseAnd, x1, x2, scalarFirst: false);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseAnd, x2, x1, scalarFirst: true);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseOr, x1, x2);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseOr, x1, x2, scalarFirst: false);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseOr, x2, x1, scalarFirst: true);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseXor, x1, x2);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseXor, x1, x2, scalarFirst: false);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.BitwiseXor, x2, x1, scalarFirst: true);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LeftShift, x1, x2);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.LeftShift, x1, x2, scalarFirst: false);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.LeftShift, x2, x1, scalarFirst: true);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.RightShift, x1, x2);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.RightShift, x1, x2, scalarFirst: false);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.RightShift, x2, x1, scalarFirst: true);
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Equal, x1, x2);
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Equal, x1, x2, scalarFirst: false);
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Equal, x2, x1, scalarFirst: true);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.NotEqual, x1, x2);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.NotEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.NotEqual, x2, x1, scalarFirst: true);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Less, x1, x2);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Less, x1, x2, scalarFirst: false);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Less, x2, x1, scalarFirst: true);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LessEqual, x1, x2);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.LessEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.LessEqual, x2, x1, scalarFirst: true);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Greater, x1, x2);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.Greater, x1, x2, scalarFirst: false);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.Greater, x2, x1, scalarFirst: true);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.GreaterEqual, x1, x2);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.GreaterEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.GreaterEqual, x2, x1, scalarFirst: true);
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalAnd, x1, x2);
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.LogicalAnd, x1, x2, scalarFirst: false);
    /// <summary>Logical and as bool.</summary>
    public static DNDarray logical_and(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.LogicalAnd, x2, x1, scalarFirst: true);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalOr, x1, x2);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.LogicalOr, x1, x2, scalarFirst: false);
    /// <summary>Logical or as bool.</summary>
    public static DNDarray logical_or(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.LogicalOr, x2, x1, scalarFirst: true);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LogicalXor, x1, x2);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(DNDarray x1, Scalar x2) => Elementwise.BinaryScalar(BinaryOp.LogicalXor, x1, x2, scalarFirst: false);
    /// <summary>Logical xor as bool.</summary>
    public static DNDarray logical_xor(Scalar x1, DNDarray x2) => Elementwise.BinaryScalar(BinaryOp.LogicalXor, x2, x1, scalarFirst: true);
    /// <summary>Alias of <see cref="sub(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray subtract(DNDarray x1, DNDarray x2) => sub(x1, x2);
    /// <summary>Alias of <see cref="sub(DNDarray, Scalar)"/>.</summary>
    public static DNDarray subtract(DNDarray x1, Scalar x2) => sub(x1, x2);
    /// <summary>Alias of <see cref="mul(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray multiply(DNDarray x1, DNDarray x2) => mul(x1, x2);
    /// <summary>Alias of <see cref="mul(DNDarray, Scalar)"/>.</summary>
    public static DNDarray multiply(DNDarray x1, Scalar x2) => mul(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray divide(DNDarray x1, DNDarray x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, Scalar)"/>.</summary>
    public static DNDarray divide(DNDarray x1, Scalar x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray true_divide(DNDarray x1, DNDarray x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, Scalar)"/>.</summary>
    public static DNDarray true_divide(DNDarray x1, Scalar x2) => div(x1, x2);
    /// <summary>Alias of <see cref="floordiv(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray floor_divide(DNDarray x1, DNDarray x2) => floordiv(x1, x2);
    /// <summary>Alias of <see cref="floordiv(DNDarray, Scalar)"/>.</summary>
    public static DNDarray floor_divide(DNDarray x1, Scalar x2) => floordiv(x1, x2);
    /// <summary>Alias of <see cref="remainder(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray mod(DNDarray x1, DNDarray x2) => remainder(x1, x2);
    /// <summary>Alias of <see cref="remainder(DNDarray, Scalar)"/>.</summary>
    public static DNDarray mod(DNDarray x1, Scalar x2) => remainder(x1, x2);
    /// <summary>Alias of <see cref="pow(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray power(DNDarray x1, DNDarray x2) => pow(x1, x2);
    /// <summary>Alias of <see cref="pow(DNDarray, Scalar)"/>.</summary>
    public static DNDarray power(DNDarray x1, Scalar x2) => pow(x1, x2);
    /// <summary>Alias of <see cref="eq(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray equal(DNDarray x1, DNDarray x2) => eq(x1, x2);
    /// <summary>Alias of <see cref="eq(DNDarray, Scalar)"/>.</summary>
    public static DNDarray equal(DNDarray x1, Scalar x2) => eq(x1, x2);
    /// <summary>Alias of <see cref="ne(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray not_equal(DNDarray x1, DNDarray x2) => ne(x1, x2);
    /// <summary>Alias of <see cref="ne(DNDarray, Scalar)"/>.</summary>
    public static DNDarray not_equal(DNDarray x1, Scalar x2) => ne(x1, x2);
    /// <summary>Alias of <see cref="lt(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray less(DNDarray x1, DNDarray x2) => lt(x1, x2);
    /// <summary>Alias of <see cref="lt(DNDarray, Scalar)"/>.</summary>
    public static DNDarray less(DNDarray x1, Scalar x2) => lt(x1, x2);
    /// <summary>Alias of <see cref="le(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray less_equal(DNDarray x1, DNDarray x2) => le(x1, x2);
    /// <summary>Alias of <see cref="le(DNDarray, Scalar)"/>.</summary>
    public static DNDarray less_equal(DNDarray x1, Scalar x2) => le(x1, x2);
    /// <summary>Alias of <see cref="gt(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray greater(DNDarray x1, DNDarray x2) => gt(x1, x2);
    /// <summary>Alias of <see cref="gt(DNDarray, Scalar)"/>.</summary>
    public static DNDarray greater(DNDarray x1, Scalar x2) => gt(x1, x2);
    /// <summary>Alias of <see cref="ge(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray greater_equal(DNDarray x1, DNDarray x2) => ge(x1, x2);
    /// <summary>Alias of <see cref="ge(DNDarray, Scalar)"/>.</summary>
    public static DNDarray greater_equal(DNDarray x1, Scalar x2) => ge(x1, x2);
    /// <summary>Element-wise negation.</summary>
    public static DNDarray neg(DNDarray x) => Elementwise.Unary(UnaryOp.Negative, x);
    /// <summary>Absolute value (complex gives its modulus).</summary>
    public static DNDarray abs(DNDarray x) => Elementwise.Unary(UnaryOp.Abs, x);
    /// <summary>-1, 0 or 1 by sign.</summary>
    public static DNDarray sign(DNDarray x) => Elementwise.Unary(UnaryOp.Sign, x);
    /// <summary>x * x.</summary>
    public static DNDarray square(DNDarray x) => Elementwise.Unary(UnaryOp.Square, x);
    /// <summary>Square root.</summary>
    public static DNDarray sqrt(DNDarray x) => Elementwise.Unary(UnaryOp.Sqrt, x);
    /// <summary>Cube root.</summary>
    public static DNDarray cbrt(DNDarray x) => Elementwise.Unary(UnaryOp.Cbrt, x);
    /// <summary>1 / x.</summary>
    public static DNDarray reciprocal(DNDarray x) => Elementwise.Unary(UnaryOp.Reciprocal, x);
    /// <summary>e^x.</summary>
    public static DNDarray exp(DNDarray x) => Elementwise.Unary(UnaryOp.Exp, x);
    /// <summary>e^x - 1.</summary>
    public static DNDarray expm1(DNDarray x) => Elementwise.Unary(UnaryOp.Expm1, x);
    /// <summary>2^x.</summary>
    public static DNDarray exp2(DNDarray x) => Elementwise.Unary(UnaryOp.Exp2, x);
    /// <summary>Natural logarithm.</summary>
    public static DNDarray log(DNDarray x) => Elementwise.Unary(UnaryOp.Log, x);
    /// <summary>Base-2 logarithm.</summary>
    public static DNDarray log2(DNDarray x) => Elementwise.Unary(UnaryOp.Log2, x);
    /// <summary>Base-10 logarithm.</summary>
    public static DNDarray log10(DNDarray x) => Elementwise.Unary(UnaryOp.Log10, x);
    /// <summary>log(1 + x).</summary>
    public static DNDarray log1p(DNDarray x) => Elementwise.Unary(UnaryOp.Log1p, x);
    /// <summary>Sine.</summary>
    public static DNDarray sin(DNDarray x) => Elementwise.Unary(UnaryOp.Sin, x);
    /// <summary>Cosine.</summary>
    public static DNDarray cos(DNDarray x) => Elementwise.Unary(UnaryOp.Cos, x);
    /// <summary>Tangent.</summary>
    public static DNDarray tan(DNDarray x) => Elementwise.Unary(UnaryOp.Tan, x);
    /// <summary>Arc sine.</summary>
    public static DNDarray arcsin(DNDarray x) => Elementwise.Unary(UnaryOp.Asin, x);
    /// <summary>Arc cosine.</summary>
    public static DNDarray arccos(DNDarray x) => Elementwise.Unary(UnaryOp.Acos, x);
    /// <summary>Arc tangent.</summary>
    public static DNDarray arctan(DNDarray x) => Elementwise.Unary(UnaryOp.Atan, x);
    /// <summary>Hyperbolic sine.</summary>
    public static DNDarray sinh(DNDarray x) => Elementwise.Unary(UnaryOp.Sinh, x);
    /// <summary>Hyperbolic cosine.</summary>
    public static DNDarray cosh(DNDarray x) => Elementwise.Unary(UnaryOp.Cosh, x);
    /// <summary>Hyperbolic tangent.</summary>
    public static DNDarray tanh(DNDarray x) => Elementwise.Unary(UnaryOp.Tanh, x);
    /// <summary>Inverse hyperbolic sine.</summary>
    public static DNDarray arcsinh(DNDarray x) => Elementwise.Unary(UnaryOp.Asinh, x);
    /// <summary>Inverse hyperbolic cosine.</summary>
    public static DNDarray arccosh(DNDarray x) => Elementwise.Unary(UnaryOp.Acosh, x);
    /// <summary>Inverse hyperbolic tangent.</summary>
    public static DNDarray arctanh(DNDarray x) => Elementwise.Unary(UnaryOp.Atanh, x);
    /// <summary>Round down.</summary>
    public static DNDarray floor(DNDarray x) => Elementwise.Unary(UnaryOp.Floor, x);
    /// <summary>Round up.</summary>
    public static DNDarray ceil(DNDarray x) => Elementwise.Unary(UnaryOp.Ceil, x);
    /// <summary>Round toward zero.</summary>
    public static DNDarray trunc(DNDarray x) => Elementwise.Unary(UnaryOp.Trunc, x);
    /// <summary>Bitwise not (logical not for bool).</summary>
    public static DNDarray invert(DNDarray x) => Elementwise.Unary(UnaryOp.BitwiseNot, x);
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
    /// <summary>Complex conjugate.</summary>
    public static DNDarray conj(DNDarray x) => Elementwise.Unary(UnaryOp.Conj, x);
    /// <summary>Real part.</summary>
    public static DNDarray real(DNDarray x) => Elementwise.Unary(UnaryOp.Real, x);
    /// <summary>Imaginary part.</summary>
    public static DNDarray imag(DNDarray x) => Elementwise.Unary(UnaryOp.Imag, x);
    /// <summary>Argument in radians.</summary>
    public static DNDarray angle(DNDarray x) => Elementwise.Unary(UnaryOp.Angle, x);
    /// <summary>Alias of <see cref="neg"/>.</summary>
    public static DNDarray negative(DNDarray x) => neg(x);
    /// <summary>Alias of <see cref="abs"/>.</summary>
    public static DNDarray absolute(DNDarray x) => abs(x);
    /// <summary>Alias of <see cref="invert"/>.</summary>
    public static DNDarray bitwise_not(DNDarray x) => invert(x);
}
