// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>A set of dtypes: one bit per <see cref="DTypeCode"/>.</summary>
[Flags]
public enum DTypeSet : ushort
{
    /// <summary>No dtype.</summary>
    None = 0,
    /// <summary>bool.</summary>
    Bool = 1 << (int)DTypeCode.Bool,
    /// <summary>uint8.</summary>
    UInt8 = 1 << (int)DTypeCode.UInt8,
    /// <summary>int8.</summary>
    Int8 = 1 << (int)DTypeCode.Int8,
    /// <summary>int16.</summary>
    Int16 = 1 << (int)DTypeCode.Int16,
    /// <summary>int32.</summary>
    Int32 = 1 << (int)DTypeCode.Int32,
    /// <summary>int64.</summary>
    Int64 = 1 << (int)DTypeCode.Int64,
    /// <summary>float16.</summary>
    Float16 = 1 << (int)DTypeCode.Float16,
    /// <summary>float32.</summary>
    Float32 = 1 << (int)DTypeCode.Float32,
    /// <summary>float64.</summary>
    Float64 = 1 << (int)DTypeCode.Float64,
    /// <summary>complex64.</summary>
    Complex64 = 1 << (int)DTypeCode.Complex64,
    /// <summary>complex128.</summary>
    Complex128 = 1 << (int)DTypeCode.Complex128,
    /// <summary>The integer dtypes (not bool).</summary>
    Integer = UInt8 | Int8 | Int16 | Int32 | Int64,
    /// <summary>The real floating dtypes.</summary>
    Float = Float16 | Float32 | Float64,
    /// <summary>The complex dtypes.</summary>
    Complex = Complex64 | Complex128,
    /// <summary>Float and complex.</summary>
    Inexact = Float | Complex,
    /// <summary>Bool and the integers.</summary>
    BoolOrInteger = Bool | Integer,
    /// <summary>The ordered dtypes: everything but complex.</summary>
    Ordered = Bool | Integer | Float,
    /// <summary>Everything but bool.</summary>
    Numeric = Integer | Float | Complex,
    /// <summary>Every dtype.</summary>
    All = Bool | Integer | Float | Complex,
}

/// <summary>Membership tests on <see cref="DTypeSet"/>.</summary>
public static class DTypeSetInfo
{
    /// <summary>The one-element set of <paramref name="dtype"/>.</summary>
    public static DTypeSet ToSet(this DType dtype) => (DTypeSet)(1 << (int)dtype.Code);

    /// <summary>True when <paramref name="dtype"/> is in the set.</summary>
    public static bool Contains(this DTypeSet set, DType dtype) => (set & dtype.ToSet()) != 0;

    /// <summary>The dtypes of the set, in <see cref="DTypeCode"/> order.</summary>
    public static IEnumerable<DType> DTypes(this DTypeSet set) => DType.All.Where(d => set.Contains(d));
}
