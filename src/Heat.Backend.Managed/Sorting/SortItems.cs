// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Heat.Abstractions;

namespace Heat.Backend.Managed.Sorting;

/// <summary>
/// An element being sorted: its key (<see cref="SortKeys"/>), its raw bits (written back as the value, so −0 and NaN
/// payloads survive) and its int64 order payload.
/// </summary>
internal interface ISortItem<TSelf> where TSelf : unmanaged, ISortItem<TSelf>
{
    static abstract TSelf Make(ulong key, ulong raw, long order);
    ulong SortKey { get; }
    ulong RawBits { get; }
    long OrderValue { get; }
}

/// <summary>An element of a dtype of at most 32 bits: key and raw bits share one word (16 bytes with the
/// order).</summary>
internal readonly struct PackedItem(ulong keyRaw, long order) : ISortItem<PackedItem>
{
    private readonly ulong _keyRaw = keyRaw;
    private readonly long _order = order;
    public static PackedItem Make(ulong key, ulong raw, long order) => new((key << 32) | (uint)raw, order);
    public ulong SortKey => _keyRaw >> 32;
    public ulong RawBits => (uint)_keyRaw;
    public long OrderValue => _order;
}

/// <summary>An element of a 64-bit dtype (24 bytes).</summary>
internal readonly struct WideItem(ulong key, ulong raw, long order) : ISortItem<WideItem>
{
    public static WideItem Make(ulong key, ulong raw, long order) => new(key, raw, order);
    public ulong SortKey { get; } = key;
    public ulong RawBits { get; } = raw;
    public long OrderValue { get; } = order;
}

/// <summary>Orders items by key, then by order.</summary>
internal readonly struct ItemComparer<T> : IComparer<T> where T : unmanaged, ISortItem<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Compare(T a, T b)
    {
        int c = a.SortKey.CompareTo(b.SortKey);
        return c != 0 ? c : a.OrderValue.CompareTo(b.OrderValue);
    }
}

/// <summary>How a dtype's raw bits are read and turned into an ascending key (a struct per dtype, so the JIT folds
/// the dtype away), and back where the key alone tells the bits (not for NaN or a float zero).</summary>
internal interface IKeyCodec
{
    static abstract int Size { get; }
    static abstract ulong Key(ulong raw);
    static abstract bool Invert(ulong key, out ulong raw);
}

internal readonly struct U8Codec : IKeyCodec
{
    public static int Size => 1;
    public static ulong Key(ulong raw) => raw & 0xFF;
    public static bool Invert(ulong key, out ulong raw) { raw = key; return true; }
}

internal readonly struct I8Codec : IKeyCodec
{
    public static int Size => 1;
    public static ulong Key(ulong raw) => (raw ^ 0x80) & 0xFF;
    public static bool Invert(ulong key, out ulong raw) { raw = key ^ 0x80; return true; }
}

internal readonly struct I16Codec : IKeyCodec
{
    public static int Size => 2;
    public static ulong Key(ulong raw) => (raw ^ 0x8000) & 0xFFFF;
    public static bool Invert(ulong key, out ulong raw) { raw = key ^ 0x8000; return true; }
}

internal readonly struct I32Codec : IKeyCodec
{
    public static int Size => 4;
    public static ulong Key(ulong raw) => (raw ^ 0x8000_0000) & 0xFFFF_FFFF;
    public static bool Invert(ulong key, out ulong raw) { raw = key ^ 0x8000_0000; return true; }
}

internal readonly struct I64Codec : IKeyCodec
{
    public static int Size => 8;
    public static ulong Key(ulong raw) => raw ^ 0x8000_0000_0000_0000;
    public static bool Invert(ulong key, out ulong raw) { raw = key ^ 0x8000_0000_0000_0000; return true; }
}

internal readonly struct F32Codec : IKeyCodec
{
    public static int Size => 4;
    public static ulong Key(ulong raw) => SortKeys.Float32((uint)raw);

    public static bool Invert(ulong key, out ulong raw)
    {
        raw = (key & 0x8000_0000) != 0 ? key & 0x7FFF_FFFF : ~key & 0xFFFF_FFFF;
        return key != 0xFFFF_FFFF && key != 0x8000_0000;
    }
}

internal readonly struct F64Codec : IKeyCodec
{
    public static int Size => 8;
    public static ulong Key(ulong raw) => SortKeys.Float64(raw);

    public static bool Invert(ulong key, out ulong raw)
    {
        raw = (key & 0x8000_0000_0000_0000) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFF : ~key;
        return key != ulong.MaxValue && key != 0x8000_0000_0000_0000;
    }
}

/// <summary>Raw element access by item size.</summary>
internal static unsafe class RawBits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(byte* p, int size) => size switch
    {
        1 => *p,
        2 => *(ushort*)p,
        4 => *(uint*)p,
        _ => *(ulong*)p,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(byte* p, int size, ulong raw)
    {
        switch (size)
        {
            case 1: *p = (byte)raw; break;
            case 2: *(ushort*)p = (ushort)raw; break;
            case 4: *(uint*)p = (uint)raw; break;
            default: *(ulong*)p = raw; break;
        }
    }
}

/// <summary>A key of at most 32 bits and a position below 2^32 in one 8-byte word (the compact sort: the position
/// finds the raw bits and the order payload again after the sort).</summary>
internal readonly struct CompactItem(ulong word) : ISortItem<CompactItem>
{
    private readonly ulong _word = word;
    public static CompactItem Make(ulong key, ulong raw, long order) => new((key << 32) | (uint)order);
    public ulong SortKey => _word >> 32;
    public ulong RawBits => 0;
    public long OrderValue => (long)(uint)_word;
}
