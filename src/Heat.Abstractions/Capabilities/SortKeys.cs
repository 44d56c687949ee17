// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace Heat.Abstractions;

/// <summary>
/// The total order of sorting as unsigned keys (one truth for every backend and for Core): a value's raw bits (zero
/// extended) map to a key whose unsigned order is NumPy's ascending order with NaN last and −0 equal to +0; the key
/// of descending order is the complement within the dtype's width. Keys of equal values are equal.
/// </summary>
public static class SortKeys
{
    /// <summary>Whether <paramref name="code"/> can be sorted (bool, integers, floats; not complex).</summary>
    public static bool IsSortable(DTypeCode code) => code is not (DTypeCode.Complex64 or DTypeCode.Complex128);

    /// <summary>The ascending key of raw bits <paramref name="raw"/> of a <paramref name="code"/> value.</summary>
    public static ulong Key(DTypeCode code, ulong raw) => code switch
    {
        DTypeCode.Bool or DTypeCode.UInt8 => raw & 0xFF,
        DTypeCode.Int8 => (raw ^ 0x80) & 0xFF,
        DTypeCode.Int16 => (raw ^ 0x8000) & 0xFFFF,
        DTypeCode.Int32 => (raw ^ 0x8000_0000) & 0xFFFF_FFFF,
        DTypeCode.Int64 => raw ^ 0x8000_0000_0000_0000,
        DTypeCode.Float16 => Float16((ushort)raw),
        DTypeCode.Float32 => Float32((uint)raw),
        DTypeCode.Float64 => Float64(raw),
        _ => throw new ArgumentException($"{code} values have no sort order.", nameof(code)),
    };

    /// <summary>The key of <paramref name="code"/> in <paramref name="descending"/> order.</summary>
    public static ulong Key(DTypeCode code, ulong raw, bool descending)
    {
        ulong key = Key(code, raw);
        return descending ? ~key & Mask(code) : key;
    }

    /// <summary>All ones in the key width of <paramref name="code"/>.</summary>
    public static ulong Mask(DTypeCode code) => code switch
    {
        DTypeCode.Bool or DTypeCode.UInt8 or DTypeCode.Int8 => 0xFF,
        DTypeCode.Int16 or DTypeCode.Float16 => 0xFFFF,
        DTypeCode.Int32 or DTypeCode.Float32 => 0xFFFF_FFFF,
        _ => ulong.MaxValue,
    };

    /// <summary>The ascending key of float16 bits: NaN is the largest key, −0 maps to +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Float16(ushort bits)
    {
        if ((bits & 0x7FFF) > 0x7C00) return 0xFFFF;
        if (bits == 0x8000) bits = 0;
        return (ulong)((bits & 0x8000) != 0 ? ~bits & 0xFFFF : bits | 0x8000);
    }

    /// <summary>The ascending key of float32 bits: NaN is the largest key, −0 maps to +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Float32(uint bits)
    {
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) return 0xFFFF_FFFF;
        if (bits == 0x8000_0000) bits = 0;
        return (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
    }

    /// <summary>The ascending key of float64 bits: NaN is the largest key, −0 maps to +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Float64(ulong bits)
    {
        if ((bits & 0x7FFF_FFFF_FFFF_FFFF) > 0x7FF0_0000_0000_0000) return ulong.MaxValue;
        if (bits == 0x8000_0000_0000_0000) bits = 0;
        return (bits & 0x8000_0000_0000_0000) != 0 ? ~bits : bits | 0x8000_0000_0000_0000;
    }
}
