// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Unique;

/// <summary>A dtype's item size and key function, for <see cref="DistinctTable.AddAll{TKey}"/>.</summary>
internal interface IRawKey
{
    static abstract int Size { get; }
    static abstract ulong Key(ulong raw);
}

/// <summary>
/// An open-addressing hash table (linear probing, multiplicative hash, at most 1/8 full while small, else half full)
/// from sort keys to entries kept in insertion order: the key, the raw bits of its first occurrence and a running
/// int64 sum.
/// </summary>
internal sealed class DistinctTable
{
    private readonly long _limit;
    private ulong[] _slotKeys;
    private int[] _slotIds;
    private int _shift;
    private ulong[] _keys, _raws;
    private long[] _sums;

    /// <summary>A table that refuses more than <paramref name="limit"/> entries.</summary>
    public DistinctTable(long limit, long expected = 64)
    {
        _limit = limit;
        int bits = Math.Max(6, 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(1, 2 * expected - 1)));
        (_slotKeys, _slotIds, _shift) = (new ulong[1 << bits], new int[1 << bits], 64 - bits);
        int initial = (int)Math.Min(Math.Max(expected, 16), Math.Max(1, limit));
        (_keys, _raws, _sums) = (new ulong[initial], new ulong[initial], new long[initial]);
    }

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>The keys in insertion order.</summary>
    public ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, Count);

    /// <summary>The raw bits of each entry's first occurrence.</summary>
    public ReadOnlySpan<ulong> Raws => _raws.AsSpan(0, Count);

    /// <summary>The sums.</summary>
    public ReadOnlySpan<long> Sums => _sums.AsSpan(0, Count);

    /// <summary>
    /// Adds the weight of every element of <paramref name="x"/> in [begin, end) (raw bits and keys by
    /// <typeparamref name="TKey"/>) to its entry; false once that would exceed the limit. The hit path keeps the
    /// table's arrays in locals, reloading them only after an insertion.
    /// </summary>
    public unsafe bool AddAll<TKey>(byte* x, long* weights, long begin, long end) where TKey : struct, IRawKey
    {
        ulong[] slotKeys = _slotKeys;
        int[] slotIds = _slotIds;
        long[] sums = _sums;
        int shift = _shift;
        nuint mask = (nuint)slotIds.Length - 1;
        for (long i = begin; i < end; i++)
        {
            ulong raw = TKey.Size switch
            {
                1 => x[i],
                2 => ((ushort*)x)[i],
                4 => ((uint*)x)[i],
                _ => ((ulong*)x)[i],
            };
            ulong key = TKey.Key(raw);
            long weight = weights == null ? 1 : weights[i];
            nuint h = (nuint)((key * 0x9E37_79B9_7F4A_7C15UL) >> shift);
            while (true)
            {
                int id = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slotIds), h);
                if (id != 0 && Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slotKeys), h) == key)
                {
                    Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(sums), id - 1) += weight;
                    break;
                }
                if (id == 0)
                {
                    if (!Insert(key, raw, weight, h)) return false;
                    (slotKeys, slotIds, sums, shift) = (_slotKeys, _slotIds, _sums, _shift);
                    mask = (nuint)slotIds.Length - 1;
                    break;
                }
                h = (h + 1) & mask;
            }
        }
        return true;
    }

    /// <summary>Adds <paramref name="weight"/> to the entry of <paramref name="key"/>, creating it with
    /// <paramref name="raw"/>; false when that would exceed the limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong key, ulong raw, long weight)
    {
        ref ulong slotKeys = ref MemoryMarshal.GetArrayDataReference(_slotKeys);
        ref int slotIds = ref MemoryMarshal.GetArrayDataReference(_slotIds);
        nuint mask = (nuint)_slotIds.Length - 1;
        nuint h = (nuint)((key * 0x9E37_79B9_7F4A_7C15UL) >> _shift);
        while (true)
        {
            int id = Unsafe.Add(ref slotIds, h);
            if (id == 0) return Insert(key, raw, weight, h);
            if (Unsafe.Add(ref slotKeys, h) == key)
            {
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums), id - 1) += weight;
                return true;
            }
            h = (h + 1) & mask;
        }
    }

    /// <summary>The sum of <paramref name="key"/>'s entry, or −1 when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Find(ulong key)
    {
        ref ulong slotKeys = ref MemoryMarshal.GetArrayDataReference(_slotKeys);
        ref int slotIds = ref MemoryMarshal.GetArrayDataReference(_slotIds);
        nuint mask = (nuint)_slotIds.Length - 1;
        nuint h = (nuint)((key * 0x9E37_79B9_7F4A_7C15UL) >> _shift);
        while (true)
        {
            int id = Unsafe.Add(ref slotIds, h);
            if (id == 0) return -1;
            if (Unsafe.Add(ref slotKeys, h) == key) return _sums[id - 1];
            h = (h + 1) & mask;
        }
    }

    private bool Insert(ulong key, ulong raw, long weight, nuint slot)
    {
        if (Count >= _limit || Count == int.MaxValue - 1) return false;
        if ((long)(Count + 1) * LoadDivisor(_slotIds.Length) > _slotIds.Length)
        {
            Grow();
            slot = (nuint)((key * 0x9E37_79B9_7F4A_7C15UL) >> _shift);
            while (_slotIds[slot] != 0) slot = (slot + 1) & ((nuint)_slotIds.Length - 1);
        }
        if (Count == _keys.Length)
        {
            int size = (int)Math.Min(Math.Min(2L * _keys.Length, _limit), int.MaxValue - 1);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _raws, size);
            Array.Resize(ref _sums, size);
        }
        (_keys[Count], _raws[Count], _sums[Count]) = (key, raw, weight);
        Count++;
        (_slotKeys[slot], _slotIds[slot]) = (key, Count);
        return true;
    }

    // At most 1/8 full while the slots fit in a core's L2 cache (few collisions, so the probe loop's branch is
    // predictable: the 1/2 load of a large table costs a mispredicted branch on about every other element), then 1/2.
    private static long LoadDivisor(int slots) => slots <= 1 << 16 ? 8 : 2;

    private void Grow()
    {
        int bits = 64 - _shift + 1;
        (_slotKeys, _slotIds, _shift) = (new ulong[1 << bits], new int[1 << bits], 64 - bits);
        nuint mask = (nuint)_slotIds.Length - 1;
        for (int i = 0; i < Count; i++)
        {
            nuint h = (nuint)((_keys[i] * 0x9E37_79B9_7F4A_7C15UL) >> _shift);
            while (_slotIds[h] != 0) h = (h + 1) & mask;
            (_slotKeys[h], _slotIds[h]) = (_keys[i], i + 1);
        }
    }
}
