// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/types.py
public static partial class ht
{
    /// <summary>bool.</summary>
    public static readonly DType @bool = DType.Bool;
    /// <summary>uint8.</summary>
    public static readonly DType uint8 = DType.UInt8;
    /// <summary>int8.</summary>
    public static readonly DType int8 = DType.Int8;
    /// <summary>int16.</summary>
    public static readonly DType int16 = DType.Int16;
    /// <summary>int32.</summary>
    public static readonly DType int32 = DType.Int32;
    /// <summary>int64.</summary>
    public static readonly DType int64 = DType.Int64;
    /// <summary>float32.</summary>
    public static readonly DType float32 = DType.Float32;
    /// <summary>float64.</summary>
    public static readonly DType float64 = DType.Float64;
    /// <summary>complex64.</summary>
    public static readonly DType complex64 = DType.Complex64;
    /// <summary>complex128.</summary>
    public static readonly DType complex128 = DType.Complex128;

    /// <summary>The dtype two dtypes promote to (HeAT's table).</summary>
    public static DType promote_types(DType type1, DType type2) => DTypePromotion.Promote(type1, type2);

    /// <summary>True when <paramref name="from"/> converts safely to <paramref name="to"/>.</summary>
    public static bool can_cast(DType from, DType to) => DTypePromotion.CanCastSafely(from, to);
}
