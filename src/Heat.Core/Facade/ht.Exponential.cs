// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/exponential.py
public static partial class ht
{
    /// <summary>x * x.</summary>
    public static DNDarray square(DNDarray x) => Elementwise.Unary(UnaryOp.Square, x);
    /// <summary>Square root.</summary>
    public static DNDarray sqrt(DNDarray x) => Elementwise.Unary(UnaryOp.Sqrt, x);
    /// <summary>Cube root.</summary>
    public static DNDarray cbrt(DNDarray x) => Elementwise.Unary(UnaryOp.Cbrt, x);
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
}
