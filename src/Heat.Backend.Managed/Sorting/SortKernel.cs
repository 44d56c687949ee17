// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed.Sorting;

/// <summary>
/// The managed sort capability: segments of host elements become (key, raw bits, order) items, sorted by
/// <see cref="RadixSort"/> (few long segments: parallel inside each; many: parallel over segments) and written back.
/// </summary>
internal static unsafe class SortKernel
{
    private static readonly DTypeCode[] Sortable =
        [DTypeCode.Bool, DTypeCode.UInt8, DTypeCode.Int8, DTypeCode.Int16, DTypeCode.Int32, DTypeCode.Int64,
            DTypeCode.Float32, DTypeCode.Float64];

    public static void Sort(ManagedBackend backend, LocalTensor x, int axis, bool descending, LocalTensor values,
        LocalTensor indices)
    {
        if (axis < 0 || axis >= x.NDim) throw new ArgumentOutOfRangeException(nameof(axis), axis,
            $"Sort axis of a {x.NDim}-d tensor.");
        if (x.Numel == 0) return;
        int last = x.NDim - 1;
        int[] perm = [.. Enumerable.Range(0, x.NDim).Where(d => d != axis), axis];
        using var moved = x.Permute(perm);
        using var xc = backend.Contiguous(moved);
        long n = x.Shape[axis], rows = x.Numel / n;
        var starts = new long[rows + 1];
        for (long r = 0; r <= rows; r++) starts[r] = r * n;
        using var startsT = backend.FromSpan<long>(starts, [rows + 1]);
        using var flat = xc.TryReshapeView([x.Numel])!;
        if (axis == last && values.IsContiguous && indices.IsContiguous)
        {
            using var v = values.TryReshapeView([x.Numel])!;
            using var i = indices.TryReshapeView([x.Numel])!;
            SortSegments(backend, flat, null, 0, startsT, descending, v, i);
            return;
        }
        using var tv = backend.Empty([x.Numel], x.DType);
        using var ti = backend.Empty([x.Numel], DType.Int64);
        SortSegments(backend, flat, null, 0, startsT, descending, tv, ti);
        var shape = xc.GetShape();
        using (var src = tv.TryReshapeView(shape)!)
        using (var dst = values.Permute(perm)) backend.Copy(src, dst);
        using (var src = ti.TryReshapeView(shape)!)
        using (var dst = indices.Permute(perm)) backend.Copy(src, dst);
    }

    public static void SortSegments(ManagedBackend backend, LocalTensor x, LocalTensor? order, long orderBase,
        LocalTensor starts,
        bool descending, LocalTensor values, LocalTensor sortedOrder)
    {
        HostOperands.Require(x, nameof(x), Sortable);
        if (order is not null) HostOperands.Require(order, nameof(order), DTypeCode.Int64);
        HostOperands.Require(starts, nameof(starts), DTypeCode.Int64);
        HostOperands.Require(values, nameof(values), x.DType.Code);
        HostOperands.Require(sortedOrder, nameof(sortedOrder), DTypeCode.Int64);
        long k = starts.Numel - 1;
        if (k <= 0 || x.Numel == 0) return;
        var job = new Job(backend, (byte*)x.HostPointer, order is null ? null : (long*)order.HostPointer, orderBase,
            (long*)starts.HostPointer, k,
            descending, (byte*)values.HostPointer, (long*)sortedOrder.HostPointer, backend.Threads);
        switch (x.DType.Code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: job.Run<U8Codec, PackedItem>(); break;
            case DTypeCode.Int8: job.Run<I8Codec, PackedItem>(); break;
            case DTypeCode.Int16: job.Run<I16Codec, PackedItem>(); break;
            case DTypeCode.Int32: job.Run<I32Codec, PackedItem>(); break;
            case DTypeCode.Float32: job.Run<F32Codec, PackedItem>(); break;
            case DTypeCode.Int64: job.Run<I64Codec, WideItem>(); break;
            default: job.Run<F64Codec, WideItem>(); break;
        }
    }

    private sealed class Job(ManagedBackend backend, byte* x, long* order, long orderBase, long* starts, long k,
        bool descending, byte* values,
        long* sortedOrder, int threads)
    {
        public void Run<TCodec, TItem>() where TCodec : struct, IKeyCodec where TItem : unmanaged, ISortItem<TItem>
        {
            long total = starts[k] - starts[0];
            if (k < 4L * threads || total / k > 1 << 20)
            {
                for (long s = 0; s < k; s++) Ranged<TCodec, TItem>(s, s + 1, threads);
                return;
            }
            WorkerPool.For(k, threads, (k0, k1) => Ranged<TCodec, TItem>(k0, k1, 1));
        }

        private void Ranged<TCodec, TItem>(long k0, long k1, int inner) where TCodec : struct,
            IKeyCodec where TItem : unmanaged, ISortItem<TItem>
        {
            long longest = 0;
            for (long s = k0; s < k1; s++) longest = Math.Max(longest, starts[s + 1] - starts[s]);
            if (longest == 0) return;
            if (Compact<TCodec>(longest))
            {
                // From the backend's pool, so its high-water mark counts the sort's scratch too.
                using var spare = backend.Empty([longest], DType.Int64);
                for (long s = k0; s < k1; s++) OneCompact<TCodec>(starts[s], starts[s + 1] - starts[s],
                    (CompactItem*)spare.HostPointer, inner);
                return;
            }
            var buffer = (TItem*)NativeMemory.Alloc((nuint)longest, (nuint)sizeof(TItem));
            var scratch = (TItem*)NativeMemory.Alloc((nuint)longest, (nuint)sizeof(TItem));
            try
            {
                for (long s = k0; s < k1; s++) One<TCodec, TItem>(starts[s], starts[s + 1] - starts[s], buffer,
                    scratch, inner);
            }
            finally
            {
                NativeMemory.Free(buffer);
                NativeMemory.Free(scratch);
            }
        }

        /// <summary>
        /// Whether segments of up to <paramref name="longest"/> elements sort as 8-byte (key, position) items built
        /// in the order output itself (keys of at most 32 bits, positions below 2^32, no output aliasing an input):
        /// the only scratch is one such buffer, and each radix pass moves half the bytes of a 16-byte item.
        /// </summary>
        private bool Compact<TCodec>(long longest) where TCodec : struct, IKeyCodec
        {
            if (TCodec.Size > 4 || longest > uint.MaxValue) return false;
            long count = starts[k] - starts[0], bytes = count * TCodec.Size;
            byte* x0 = x + starts[0] * TCodec.Size;
            byte* s0 = (byte*)(sortedOrder + starts[0]);
            return Apart(x0, bytes, values + starts[0] * TCodec.Size, bytes) && Apart(x0, bytes, s0, 8 * count)
                && (order is null || Apart((byte*)(order + starts[0]), 8 * count, s0, 8 * count));
        }

        private static bool Apart(byte* a, long aBytes, byte* b, long bBytes) => a + aBytes <= b || b + bBytes <= a;

        private void OneCompact<TCodec>(long s0, long n, CompactItem* spare, int inner)
            where TCodec : struct, IKeyCodec
        {
            int size = TCodec.Size;
            ulong mask = size == 4 ? 0xFFFF_FFFFUL : (1UL << (8 * size)) - 1;
            ulong flip = descending ? mask : 0;
            var items = (CompactItem*)(sortedOrder + s0);
            byte* src = x + s0 * size;
            int parts = (int)Math.Clamp(n / (1 << 16), 1, inner);
            WorkerPool.For(n, parts, (i0, i1) =>
            {
                for (long i = i0; i < i1; i++)
                    items[i] = CompactItem.Make(TCodec.Key(RawBits.Read(src + i * size, size)) ^ flip, 0, i);
            });
            RadixSort.Sort(items, spare, n, size, inner);
            byte* dst = values + s0 * size;
            long* sorted = sortedOrder + s0;
            long* from = order is null ? null : order + s0;
            WorkerPool.For(n, parts, (i0, i1) =>
            {
                for (long i = i0; i < i1; i++)
                {
                    CompactItem item = items[i];
                    long at = item.OrderValue;
                    ulong raw = TCodec.Invert(item.SortKey ^ flip, out var r) ? r : RawBits.Read(src + at * size,
                        size);
                    RawBits.Write(dst + i * size, size, raw);
                    sorted[i] = from is null ? orderBase + at : from[at];
                }
            });
        }

        private void One<TCodec, TItem>(long s0, long n, TItem* buffer, TItem* scratch, int inner)
            where TCodec : struct, IKeyCodec where TItem : unmanaged, ISortItem<TItem>
        {
            int size = TCodec.Size;
            ulong mask = size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
            ulong flip = descending ? mask : 0;
            int parts = (int)Math.Clamp(n / (1 << 16), 1, inner);
            WorkerPool.For(n, parts, (i0, i1) =>
            {
                for (long i = i0; i < i1; i++)
                {
                    ulong raw = RawBits.Read(x + (s0 + i) * size, size);
                    buffer[i] = TItem.Make(TCodec.Key(raw) ^ flip, raw, order is null ? orderBase + i : order[s0 + i]);
                }
            });
            RadixSort.Sort(buffer, scratch, n, size, inner);
            WorkerPool.For(n, parts, (i0, i1) =>
            {
                for (long i = i0; i < i1; i++)
                {
                    RawBits.Write(values + (s0 + i) * size, size, buffer[i].RawBits);
                    sortedOrder[s0 + i] = buffer[i].OrderValue;
                }
            });
        }
    }
}
