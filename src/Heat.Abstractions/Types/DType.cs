// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat;

/// <summary>A tensor element type (HeAT's <c>ht.float32</c> and friends). One instance per type: compare with <c>==</c>.</summary>
public sealed class DType
{
    private DType(DTypeCode code, string name, int itemSize, DTypeKind kind, Type clrType)
    {
        Code = code; Name = name; ItemSize = itemSize; Kind = kind; ClrType = clrType;
    }

    /// <summary>The switchable code.</summary>
    public DTypeCode Code { get; }
    /// <summary>HeAT's name, e.g. <c>float32</c>.</summary>
    public string Name { get; }
    /// <summary>Bytes per element.</summary>
    public int ItemSize { get; }
    /// <summary>The kind (bool, unsigned, signed, float, complex).</summary>
    public DTypeKind Kind { get; }
    /// <summary>The .NET element type used for host access.</summary>
    public Type ClrType { get; }

    /// <summary>True for float16/float32/float64.</summary>
    public bool IsFloat => Kind == DTypeKind.Float;
    /// <summary>True for complex64/complex128.</summary>
    public bool IsComplex => Kind == DTypeKind.Complex;
    /// <summary>True for the integer types (not bool).</summary>
    public bool IsInteger => Kind is DTypeKind.Signed or DTypeKind.Unsigned;
    /// <summary>True for float and complex types.</summary>
    public bool IsInexact => Kind is DTypeKind.Float or DTypeKind.Complex;

    /// <summary>bool.</summary>
    public static readonly DType Bool = new(DTypeCode.Bool, "bool", 1, DTypeKind.Bool, typeof(bool));
    /// <summary>uint8.</summary>
    public static readonly DType UInt8 = new(DTypeCode.UInt8, "uint8", 1, DTypeKind.Unsigned, typeof(byte));
    /// <summary>int8.</summary>
    public static readonly DType Int8 = new(DTypeCode.Int8, "int8", 1, DTypeKind.Signed, typeof(sbyte));
    /// <summary>int16.</summary>
    public static readonly DType Int16 = new(DTypeCode.Int16, "int16", 2, DTypeKind.Signed, typeof(short));
    /// <summary>int32.</summary>
    public static readonly DType Int32 = new(DTypeCode.Int32, "int32", 4, DTypeKind.Signed, typeof(int));
    /// <summary>int64.</summary>
    public static readonly DType Int64 = new(DTypeCode.Int64, "int64", 8, DTypeKind.Signed, typeof(long));
    /// <summary>float16 (IEEE half, <see cref="Half"/>).</summary>
    public static readonly DType Float16 = new(DTypeCode.Float16, "float16", 2, DTypeKind.Float, typeof(Half));
    /// <summary>float32.</summary>
    public static readonly DType Float32 = new(DTypeCode.Float32, "float32", 4, DTypeKind.Float, typeof(float));
    /// <summary>float64.</summary>
    public static readonly DType Float64 = new(DTypeCode.Float64, "float64", 8, DTypeKind.Float, typeof(double));
    /// <summary>complex64 (two float32).</summary>
    public static readonly DType Complex64 = new(DTypeCode.Complex64, "complex64", 8, DTypeKind.Complex, typeof(Heat.Complex64));
    /// <summary>complex128 (two float64, <see cref="Complex"/>).</summary>
    public static readonly DType Complex128 = new(DTypeCode.Complex128, "complex128", 16, DTypeKind.Complex, typeof(Complex));

    /// <summary>All dtypes, in <see cref="DTypeCode"/> order.</summary>
    public static IReadOnlyList<DType> All { get; } =
        [Bool, UInt8, Int8, Int16, Int32, Int64, Float16, Float32, Float64, Complex64, Complex128];

    /// <summary>The dtype of a code.</summary>
    public static DType FromCode(DTypeCode code) => All[(int)code];

    /// <summary>The dtype whose host element type is <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">T is not a Heat element type.</exception>
    public static DType Of<T>() where T : unmanaged => Of(typeof(T));

    /// <summary>The dtype whose host element type is <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">The type is not a Heat element type.</exception>
    public static DType Of(Type type)
    {
        foreach (var d in All)
            if (d.ClrType == type) return d;
        throw new NotSupportedException($"{type.Name} is not a Heat element type; expected one of bool, byte, sbyte, "
            + "short, int, long, Half, float, double, Complex64, Complex.");
    }

    /// <summary>Looks a dtype up by HeAT's name (<c>"float32"</c>, <c>"int64"</c>, ...).</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static DType Parse(string name)
    {
        foreach (var d in All)
            if (string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)) return d;
        return name.ToLowerInvariant() switch
        {
            "float" or "double" => Float64,
            "half" => Float16,
            "int" or "long" => Int64,
            "complex" => Complex128,
            "byte" => UInt8,
            _ => throw new ArgumentException($"Unknown dtype '{name}'; expected one of {string.Join(", ", All.Select(d => d.Name))}.", nameof(name)),
        };
    }

    /// <summary>The real counterpart (complex64 → float32, complex128 → float64; others unchanged).</summary>
    public DType RealType => Code switch
    {
        DTypeCode.Complex64 => Float32,
        DTypeCode.Complex128 => Float64,
        _ => this,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
