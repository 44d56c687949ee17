// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;

namespace Heat;

/// <summary>A single-precision complex number (NumPy's complex64): two float32, real first.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex64 : IEquatable<Complex64>
{
    /// <summary>Creates a value from its parts.</summary>
    public Complex64(float real, float imaginary) { Real = real; Imaginary = imaginary; }

    /// <summary>The real part.</summary>
    public float Real { get; }
    /// <summary>The imaginary part.</summary>
    public float Imaginary { get; }

    /// <summary>Widens to <see cref="Complex"/>.</summary>
    public static implicit operator Complex(Complex64 value) => new(value.Real, value.Imaginary);
    /// <summary>Narrows from <see cref="Complex"/>.</summary>
    public static explicit operator Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);
    /// <summary>Sum.</summary>
    public static Complex64 operator +(Complex64 a, Complex64 b) => new(a.Real + b.Real, a.Imaginary + b.Imaginary);
    /// <summary>Difference.</summary>
    public static Complex64 operator -(Complex64 a, Complex64 b) => new(a.Real - b.Real, a.Imaginary - b.Imaginary);
    /// <summary>Product.</summary>
    public static Complex64 operator *(Complex64 a, Complex64 b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);
    /// <summary>Quotient (computed in double precision).</summary>
    public static Complex64 operator /(Complex64 a, Complex64 b) => (Complex64)((Complex)a / (Complex)b);
    /// <summary>Negation.</summary>
    public static Complex64 operator -(Complex64 a) => new(-a.Real, -a.Imaginary);
    /// <summary>Equality of both parts.</summary>
    public static bool operator ==(Complex64 a, Complex64 b) => a.Real == b.Real && a.Imaginary == b.Imaginary;
    /// <summary>Inequality.</summary>
    public static bool operator !=(Complex64 a, Complex64 b) => !(a == b);
    /// <inheritdoc/>
    public bool Equals(Complex64 other) => this == other;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Complex64 c && this == c;
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);
    /// <inheritdoc/>
    public override string ToString() => $"({Real}{(Imaginary < 0 || float.IsNegative(Imaginary) ? "" : "+")}{Imaginary}j)";
}
