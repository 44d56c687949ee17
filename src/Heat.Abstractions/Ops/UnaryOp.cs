// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Element-wise unary operations. The result has the operand's dtype except where noted
/// (predicates give bool; <c>Abs</c>, <c>Real</c>, <c>Imag</c>, <c>Angle</c> of complex give the real counterpart).
/// Transcendental ops are defined for float and complex dtypes; Core casts integers to float first.
/// </summary>
public enum UnaryOp
{
    /// <summary>-x.</summary>
    Negative,
    /// <summary>|x| (complex → real).</summary>
    Abs,
    /// <summary>sign(x): -1, 0 or 1 (NaN stays NaN).</summary>
    Sign,
    /// <summary>x * x.</summary>
    Square,
    /// <summary>Square root.</summary>
    Sqrt,
    /// <summary>Cube root.</summary>
    Cbrt,
    /// <summary>1 / x.</summary>
    Reciprocal,
    /// <summary>e^x.</summary>
    Exp,
    /// <summary>e^x - 1.</summary>
    Expm1,
    /// <summary>2^x.</summary>
    Exp2,
    /// <summary>Natural logarithm.</summary>
    Log,
    /// <summary>Base-2 logarithm.</summary>
    Log2,
    /// <summary>Base-10 logarithm.</summary>
    Log10,
    /// <summary>log(1 + x).</summary>
    Log1p,
    /// <summary>Sine.</summary>
    Sin,
    /// <summary>Cosine.</summary>
    Cos,
    /// <summary>Tangent.</summary>
    Tan,
    /// <summary>Arc sine.</summary>
    Asin,
    /// <summary>Arc cosine.</summary>
    Acos,
    /// <summary>Arc tangent.</summary>
    Atan,
    /// <summary>Hyperbolic sine.</summary>
    Sinh,
    /// <summary>Hyperbolic cosine.</summary>
    Cosh,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Inverse hyperbolic sine.</summary>
    Asinh,
    /// <summary>Inverse hyperbolic cosine.</summary>
    Acosh,
    /// <summary>Inverse hyperbolic tangent.</summary>
    Atanh,
    /// <summary>Round down.</summary>
    Floor,
    /// <summary>Round up.</summary>
    Ceil,
    /// <summary>Round toward zero.</summary>
    Trunc,
    /// <summary>Round half to even (NumPy's rint/round).</summary>
    Round,
    /// <summary>Bitwise not (integers), logical not (bool).</summary>
    BitwiseNot,
    /// <summary>x == 0 → bool.</summary>
    LogicalNot,
    /// <summary>isnan → bool.</summary>
    IsNan,
    /// <summary>isinf → bool.</summary>
    IsInf,
    /// <summary>isposinf → bool.</summary>
    IsPosInf,
    /// <summary>isneginf → bool.</summary>
    IsNegInf,
    /// <summary>isfinite → bool.</summary>
    IsFinite,
    /// <summary>signbit → bool.</summary>
    SignBit,
    /// <summary>Complex conjugate (identity on reals).</summary>
    Conj,
    /// <summary>Real part (complex → real).</summary>
    Real,
    /// <summary>Imaginary part (complex → real; zero for reals).</summary>
    Imag,
    /// <summary>Argument in radians (complex → real).</summary>
    Angle,
}

/// <summary>Facts about <see cref="UnaryOp"/> values, read from <see cref="OpRegistry"/>.</summary>
public static class UnaryOpInfo
{
    /// <summary>True when the result is bool whatever the operand dtype.</summary>
    public static bool ReturnsBool(this UnaryOp op) => OpRegistry.Of(op).Result == OpResult.Bool;

    /// <summary>True when a complex operand gives a real result.</summary>
    public static bool ComplexToReal(this UnaryOp op) => OpRegistry.Of(op).Result == OpResult.RealOfComplex;

    /// <summary>True when the op needs a float or complex operand (Core casts integers to float first).</summary>
    public static bool NeedsInexact(this UnaryOp op) => OpRegistry.Of(op).NeedsInexact;

    /// <summary>The result dtype of the op on an operand of dtype <paramref name="input"/>.</summary>
    public static DType ResultType(this UnaryOp op, DType input) => OpRegistry.Of(op).ResultType(input);
}
