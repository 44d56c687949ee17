// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/trigonometrics.py
public static partial class ht
{
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Atan2, x1, x2);
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Atan2, x1, x2, scalarFirst: false);
    /// <summary>atan2(x1, x2) in radians.</summary>
    public static DNDarray arctan2(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Atan2, x2, x1, scalarFirst: true);
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
}
