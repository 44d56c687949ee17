// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/complex_math.py
public static partial class ht
{
    /// <summary>Complex conjugate.</summary>
    public static DNDarray conj(DNDarray x) => Elementwise.Unary(UnaryOp.Conj, x);
    /// <summary>Real part.</summary>
    public static DNDarray real(DNDarray x) => Elementwise.Unary(UnaryOp.Real, x);
    /// <summary>Imaginary part.</summary>
    public static DNDarray imag(DNDarray x) => Elementwise.Unary(UnaryOp.Imag, x);
    /// <summary>Argument in radians, or in degrees with <paramref name="deg"/> (HeAT).</summary>
    public static DNDarray angle(DNDarray x, bool deg = false)
    {
        if (!deg) return Elementwise.Unary(UnaryOp.Angle, x);
        using var radians = Elementwise.Unary(UnaryOp.Angle, x);
        return rad2deg(radians);
    }
}
