// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Sorting;

namespace Heat.Backend.Managed.Unique;

/// <summary>
/// The managed unique kernels: <see cref="Distinct"/> hashes contiguous chunks of the input on the backend's threads
/// (one <see cref="DistinctTable"/> each, all stopping once one exceeds the limit) and merges the tables in chunk
/// order, so every entry keeps the raw bits of its first occurrence; <see cref="Lookup"/> probes one table of the keys
/// from every thread.
/// </summary>
internal static unsafe class HashUnique
{
    private const long ChunkMinimum = 1 << 16;

    private static readonly DTypeCode[] Hashable =
        [DTypeCode.Bool, DTypeCode.UInt8, DTypeCode.Int8, DTypeCode.Int16, DTypeCode.Int32, DTypeCode.Int64,
            DTypeCode.Float32, DTypeCode.Float64];

    public static long Distinct(ManagedBackend backend, LocalTensor x, LocalTensor? weights, LocalTensor values,
        LocalTensor counts)
    {
        HostOperands.Require(x, nameof(x), Hashable);
        if (weights is not null)
        {
            HostOperands.Require(weights, nameof(weights), DTypeCode.Int64);
            if (weights.Numel != x.Numel) throw new ArgumentException($"weights has {weights.Numel} elements, x "
                + $"{x.Numel}.", nameof(weights));
        }
        HostOperands.Require(values, nameof(values), x.DType.Code);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        if (counts.Numel != values.Numel) throw new ArgumentException($"counts has {counts.Numel} elements, values "
            + $"{values.Numel}.", nameof(counts));
        long capacity = values.Numel, n = x.Numel;
        int size = x.DType.ItemSize;
        var job = new Job((byte*)x.HostPointer, weights is null ? null : (long*)weights.HostPointer, n, capacity,
            (int)Math.Clamp(n / ChunkMinimum, 1, backend.Threads));
        var table = x.DType.Code switch
        {
            DTypeCode.Bool or DTypeCode.UInt8 => job.Run<U8Codec>(),
            DTypeCode.Int8 => job.Run<I8Codec>(),
            DTypeCode.Int16 => job.Run<I16Codec>(),
            DTypeCode.Int32 => job.Run<I32Codec>(),
            DTypeCode.Int64 => job.Run<I64Codec>(),
            DTypeCode.Float32 => job.Run<F32Codec>(),
            _ => job.Run<F64Codec>(),
        };
        if (table is null) return -1;
        byte* v = (byte*)values.HostPointer;
        long* c = (long*)counts.HostPointer;
        var raws = table.Raws;
        var sums = table.Sums;
        for (int i = 0; i < table.Count; i++)
        {
            RawBits.Write(v + (long)i * size, size, raws[i]);
            c[i] = sums[i];
        }
        if (capacity > table.Count)
        {
            new Span<byte>(v + (long)table.Count * size, checked((int)((capacity - table.Count) * size))).Clear();
            new Span<long>(c + table.Count, checked((int)(capacity - table.Count))).Clear();
        }
        return table.Count;
    }

    public static void Lookup(ManagedBackend backend, LocalTensor keys, LocalTensor? ids, long idBase, LocalTensor x,
        LocalTensor result)
    {
        HostOperands.Require(keys, nameof(keys), Hashable);
        if (ids is not null)
        {
            HostOperands.Require(ids, nameof(ids), DTypeCode.Int64);
            if (ids.Numel != keys.Numel) throw new ArgumentException($"ids has {ids.Numel} elements, keys "
                + $"{keys.Numel}.", nameof(ids));
        }
        HostOperands.Require(x, nameof(x), keys.DType.Code);
        HostOperands.Require(result, nameof(result), DTypeCode.Int64);
        if (result.Numel != x.Numel) throw new ArgumentException($"result has {result.Numel} elements, x {x.Numel}.",
            nameof(result));
        if (x.Numel == 0) return;
        var code = keys.DType.Code;
        int size = keys.DType.ItemSize;
        byte* k = (byte*)keys.HostPointer, q = (byte*)x.HostPointer;
        long* id = ids is null ? null : (long*)ids.HostPointer, r = (long*)result.HostPointer;
        var table = new DistinctTable(long.MaxValue, keys.Numel);
        for (long j = 0; j < keys.Numel; j++)
        {
            ulong raw = RawBits.Read(k + j * size, size);
            table.Add(SortKeys.Key(code, raw), raw, id is null ? idBase + j : id[j]);
        }
        long n = x.Numel;
        int parts = (int)Math.Clamp(n / ChunkMinimum, 1, backend.Threads);
        switch (code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: Probe<U8Codec>(table, q, r, n, parts); break;
            case DTypeCode.Int8: Probe<I8Codec>(table, q, r, n, parts); break;
            case DTypeCode.Int16: Probe<I16Codec>(table, q, r, n, parts); break;
            case DTypeCode.Int32: Probe<I32Codec>(table, q, r, n, parts); break;
            case DTypeCode.Int64: Probe<I64Codec>(table, q, r, n, parts); break;
            case DTypeCode.Float32: Probe<F32Codec>(table, q, r, n, parts); break;
            default: Probe<F64Codec>(table, q, r, n, parts); break;
        }
    }

    private static void Probe<TCodec>(DistinctTable table, byte* x, long* result, long n, int parts)
        where TCodec : struct, IKeyCodec =>
        WorkerPool.For(n, parts, (i0, i1) =>
        {
            int size = TCodec.Size;
            for (long i = i0; i < i1; i++) result[i] = table.Find(TCodec.Key(RawBits.Read(x + i * size, size)));
        });

    private readonly struct KeyOf<TCodec> : IRawKey where TCodec : struct, IKeyCodec
    {
        public static int Size => TCodec.Size;
        public static ulong Key(ulong raw) => TCodec.Key(raw);
    }

    private sealed class Job(byte* x, long* weights, long n, long limit, int parts)
    {
        private int _overflow;

        /// <summary>The merged table, or null when the distinct values exceed the limit.</summary>
        public DistinctTable? Run<TCodec>() where TCodec : struct, IKeyCodec
        {
            var tables = new DistinctTable?[parts];
            WorkerPool.For(parts, parts, (p0, p1) =>
            {
                for (long p = p0; p < p1; p++) tables[p] = Chunk<TCodec>(n * p / parts, n * (p + 1) / parts);
            });
            if (_overflow != 0) return null;
            var merged = tables[0]!;
            for (int p = 1; p < parts; p++)
            {
                var t = tables[p]!;
                var keys = t.Keys;
                var raws = t.Raws;
                var sums = t.Sums;
                for (int i = 0; i < t.Count; i++)
                    if (!merged.Add(keys[i], raws[i], sums[i])) return null;
            }
            return merged;
        }

        private DistinctTable? Chunk<TCodec>(long begin, long end) where TCodec : struct, IKeyCodec
        {
            var table = new DistinctTable(limit);
            for (long block = begin; block < end; block += 1 << 14)
            {
                if (Volatile.Read(ref _overflow) != 0) return null;
                if (!table.AddAll<KeyOf<TCodec>>(x, weights, block, Math.Min(end, block + (1 << 14))))
                {
                    Volatile.Write(ref _overflow, 1);
                    return null;
                }
            }
            return table;
        }
    }
}
