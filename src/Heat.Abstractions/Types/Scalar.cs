// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;

namespace Heat;

/// <summary>The kind of a weak (Python-like) scalar.</summary>
public enum ScalarKind : byte
{
    /// <summary>A boolean.</summary>
    Bool,
    /// <summary>An integer (held as <see cref="long"/>).</summary>
    Int,
    /// <summary>A real number (held as <see cref="double"/>).</summary>
    Float,
    /// <summary>A complex number (held as <see cref="Complex"/>).</summary>
    Complex,
}

/// <summary>A scalar operand passed to kernels without materialising a tensor: a bool, long, double or complex.</summary>
public readonly struct Scalar : IEquatable<Scalar>
{
    private readonly long _int;
    private readonly Complex _value;

    private Scalar(ScalarKind kind, long i, Complex v) { Kind = kind; _int = i; _value = v; }

    /// <summary>Which member holds the value.</summary>
    public ScalarKind Kind { get; }

    /// <summary>A boolean scalar.</summary>
    public static Scalar FromBool(bool value) => new(ScalarKind.Bool, value ? 1 : 0, value ? 1 : 0);
    /// <summary>An integer scalar.</summary>
    public static Scalar FromInt(long value) => new(ScalarKind.Int, value, value);
    /// <summary>A real scalar.</summary>
    public static Scalar FromDouble(double value) => new(ScalarKind.Float, 0, value);
    /// <summary>A complex scalar.</summary>
    public static Scalar FromComplex(Complex value) => new(ScalarKind.Complex, 0, value);

    /// <summary>Implicit from bool.</summary>
    public static implicit operator Scalar(bool v) => FromBool(v);
    /// <summary>Implicit from int.</summary>
    public static implicit operator Scalar(int v) => FromInt(v);
    /// <summary>Implicit from long.</summary>
    public static implicit operator Scalar(long v) => FromInt(v);
    /// <summary>Implicit from float.</summary>
    public static implicit operator Scalar(float v) => FromDouble(v);
    /// <summary>Implicit from double.</summary>
    public static implicit operator Scalar(double v) => FromDouble(v);
    /// <summary>Implicit from complex.</summary>
    public static implicit operator Scalar(Complex v) => FromComplex(v);

    /// <summary>The value as a boolean (non-zero is true).</summary>
    public bool AsBool() => Kind switch { ScalarKind.Bool or ScalarKind.Int => _int != 0, _ => _value != Complex.Zero };
    /// <summary>The value as a long (reals are truncated toward zero, as a C cast).</summary>
    public long AsLong() => Kind switch { ScalarKind.Bool or ScalarKind.Int => _int, _ => SaturatingTruncate(_value.Real) };
    /// <summary>The value as a double (the real part of a complex).</summary>
    public double AsDouble() => Kind switch { ScalarKind.Bool or ScalarKind.Int => _int, _ => _value.Real };
    /// <summary>The value as a complex number.</summary>
    public Complex AsComplex() => Kind switch { ScalarKind.Bool or ScalarKind.Int => new Complex(_int, 0), _ => _value };

    /// <summary>Converts the value to a host element type (C-cast semantics: truncation, wrap-around for integers).</summary>
    public T To<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(bool)) return (T)(object)AsBool();
        if (typeof(T) == typeof(byte)) return (T)(object)unchecked((byte)AsLong());
        if (typeof(T) == typeof(sbyte)) return (T)(object)unchecked((sbyte)AsLong());
        if (typeof(T) == typeof(short)) return (T)(object)unchecked((short)AsLong());
        if (typeof(T) == typeof(int)) return (T)(object)unchecked((int)AsLong());
        if (typeof(T) == typeof(long)) return (T)(object)AsLong();
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)AsDouble();
        if (typeof(T) == typeof(float)) return (T)(object)(float)AsDouble();
        if (typeof(T) == typeof(double)) return (T)(object)AsDouble();
        if (typeof(T) == typeof(Complex64)) return (T)(object)(Complex64)AsComplex();
        if (typeof(T) == typeof(Complex)) return (T)(object)AsComplex();
        throw new NotSupportedException($"{typeof(T).Name} is not a Heat element type.");
    }

    /// <summary>Wraps a host value of a Heat element type.</summary>
    public static Scalar From<T>(T value) where T : unmanaged => value switch
    {
        bool b => FromBool(b),
        byte v => FromInt(v),
        sbyte v => FromInt(v),
        short v => FromInt(v),
        int v => FromInt(v),
        long v => FromInt(v),
        Half v => FromDouble((double)v),
        float v => FromDouble(v),
        double v => FromDouble(v),
        Complex64 v => FromComplex(v),
        Complex v => FromComplex(v),
        _ => throw new NotSupportedException($"{typeof(T).Name} is not a Heat element type."),
    };

    private static long SaturatingTruncate(double v) =>
        double.IsNaN(v) ? long.MinValue : v >= 9.2233720368547758e18 ? long.MaxValue : v <= -9.2233720368547758e18 ? long.MinValue : (long)v;

    /// <inheritdoc/>
    public bool Equals(Scalar other) => Kind == other.Kind && _int == other._int && _value.Equals(other._value);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Scalar s && Equals(s);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _int, _value);
    /// <summary>Equality.</summary>
    public static bool operator ==(Scalar a, Scalar b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Scalar a, Scalar b) => !a.Equals(b);
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ScalarKind.Bool => _int != 0 ? "True" : "False",
        ScalarKind.Int => _int.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float => _value.Real.ToString("R", CultureInfo.InvariantCulture),
        _ => _value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Writes this value as one element of <paramref name="dtype"/> (C-cast semantics; bool as byte 0/1) to <paramref name="target"/>, which must hold 16 bytes.</summary>
    public unsafe void WriteTo(DType dtype, void* target)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        switch (dtype.Code)
        {
            case DTypeCode.Bool: *(byte*)target = AsBool() ? (byte)1 : (byte)0; break;
            case DTypeCode.UInt8: *(byte*)target = To<byte>(); break;
            case DTypeCode.Int8: *(sbyte*)target = To<sbyte>(); break;
            case DTypeCode.Int16: *(short*)target = To<short>(); break;
            case DTypeCode.Int32: *(int*)target = To<int>(); break;
            case DTypeCode.Int64: *(long*)target = To<long>(); break;
            case DTypeCode.Float16: *(Half*)target = To<Half>(); break;
            case DTypeCode.Float32: *(float*)target = To<float>(); break;
            case DTypeCode.Float64: *(double*)target = To<double>(); break;
            case DTypeCode.Complex64: *(Complex64*)target = To<Complex64>(); break;
            default: *(Complex*)target = To<Complex>(); break;
        }
    }
}
