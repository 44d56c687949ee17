// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Element-wise binary operations. Operands arrive in one common dtype (Core promotes); the result has that dtype,
/// except comparisons and logical ops, whose result is bool.
/// </summary>
public enum BinaryOp
{
    /// <summary>a + b.</summary>
    Add,
    /// <summary>a - b.</summary>
    Subtract,
    /// <summary>a * b.</summary>
    Multiply,
    /// <summary>a / b (true division; Core casts integers to float first).</summary>
    Divide,
    /// <summary>floor(a / b), NumPy's <c>//</c>.</summary>
    FloorDivide,
    /// <summary>NumPy's <c>%</c>: the remainder with the sign of the divisor.</summary>
    Remainder,
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    Fmod,
    /// <summary>a ** b.</summary>
    Power,
    /// <summary>The smaller of a and b; NaN propagates.</summary>
    Minimum,
    /// <summary>The larger of a and b; NaN propagates.</summary>
    Maximum,
    /// <summary>The smaller of a and b, ignoring NaN.</summary>
    Fmin,
    /// <summary>The larger of a and b, ignoring NaN.</summary>
    Fmax,
    /// <summary>atan2(a, b).</summary>
    Atan2,
    /// <summary>sqrt(a² + b²).</summary>
    Hypot,
    /// <summary>|a| with the sign of b.</summary>
    CopySign,
    /// <summary>Bitwise and (bool and integers).</summary>
    BitwiseAnd,
    /// <summary>Bitwise or (bool and integers).</summary>
    BitwiseOr,
    /// <summary>Bitwise exclusive or (bool and integers).</summary>
    BitwiseXor,
    /// <summary>a &lt;&lt; b (integers).</summary>
    LeftShift,
    /// <summary>a &gt;&gt; b, arithmetic (integers).</summary>
    RightShift,
    /// <summary>a == b → bool.</summary>
    Equal,
    /// <summary>a != b → bool.</summary>
    NotEqual,
    /// <summary>a &lt; b → bool.</summary>
    Less,
    /// <summary>a &lt;= b → bool.</summary>
    LessEqual,
    /// <summary>a &gt; b → bool.</summary>
    Greater,
    /// <summary>a &gt;= b → bool.</summary>
    GreaterEqual,
    /// <summary>a and b (non-zero is true) → bool.</summary>
    LogicalAnd,
    /// <summary>a or b → bool.</summary>
    LogicalOr,
    /// <summary>a xor b → bool.</summary>
    LogicalXor,
    /// <summary>The greatest common divisor of |a| and |b| (integers; gcd(0, 0) = 0).</summary>
    Gcd,
    /// <summary>The least common multiple of |a| and |b| (integers; 0 when either is 0).</summary>
    Lcm,
}

/// <summary>Facts about <see cref="BinaryOp"/> values, read from <see cref="OpRegistry"/>.</summary>
public static class BinaryOpInfo
{
    /// <summary>True when the op's result is bool whatever the operand dtype.</summary>
    public static bool ReturnsBool(this BinaryOp op) => OpRegistry.Of(op).Result == OpResult.Bool;

    /// <summary>True when the op is defined only for bool and integer operands.</summary>
    public static bool IsBitwise(this BinaryOp op) => OpRegistry.Of(op).Bitwise;

    /// <summary>True when the op needs ordered (non-complex) operands.</summary>
    public static bool NeedsOrder(this BinaryOp op) => OpRegistry.Of(op).NeedsOrder;

    /// <summary>True when the op is defined only for inexact operands (Core casts bool and integers to float32
    /// first).</summary>
    public static bool NeedsFloat(this BinaryOp op) => OpRegistry.Of(op).NeedsInexact;
}
