// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed.Sorting;

/// <summary>The searching and moving steps of the sort capability: partition counts, segment gathers, searchsorted and
/// runs of equal values, all in <see cref="SortKeys"/>'s order.</summary>
internal static unsafe class SortSearch
{
    private static readonly DTypeCode[] Sortable =
        [DTypeCode.Bool, DTypeCode.UInt8, DTypeCode.Int8, DTypeCode.Int16, DTypeCode.Int32, DTypeCode.Int64,
            DTypeCode.Float32, DTypeCode.Float64];

    public static void PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts,
        LocalTensor splitValues,
        LocalTensor splitOrder, bool descending, LocalTensor counts)
    {
        HostOperands.Require(values, nameof(values), Sortable);
        HostOperands.Require(order, nameof(order), DTypeCode.Int64);
        HostOperands.Require(starts, nameof(starts), DTypeCode.Int64);
        HostOperands.Require(splitValues, nameof(splitValues), values.DType.Code);
        HostOperands.Require(splitOrder, nameof(splitOrder), DTypeCode.Int64);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        long k = starts.Numel - 1;
        if (k <= 0 || counts.Numel == 0) return;
        long m = counts.Numel / k;
        var code = values.DType.Code;
        int size = values.DType.ItemSize;
        byte* v = (byte*)values.HostPointer, sv = (byte*)splitValues.HostPointer;
        long* o = (long*)order.HostPointer, so = (long*)splitOrder.HostPointer, st = (long*)starts.HostPointer,
            c = (long*)counts.HostPointer;
        for (long s = 0; s < k; s++)
            for (long j = 0; j < m; j++)
            {
                ulong key = SortKeys.Key(code, RawBits.Read(sv + (s * m + j) * size, size), descending);
                long ord = so[s * m + j], lo = st[s], hi = st[s + 1];
                while (lo < hi)
                {
                    long mid = lo + (hi - lo) / 2;
                    ulong km = SortKeys.Key(code, RawBits.Read(v + mid * size, size), descending);
                    if (km < key || (km == key && o[mid] < ord)) lo = mid + 1; else hi = mid;
                }
                c[s * m + j] = lo - st[s];
            }
    }

    public static void GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths,
        LocalTensor destination)
    {
        HostOperands.Require(starts, nameof(starts), DTypeCode.Int64);
        HostOperands.Require(lengths, nameof(lengths), DTypeCode.Int64);
        if (destination.DType != source.DType) throw new ArgumentException($"destination has dtype "
            + $"{destination.DType}, source {source.DType}.", nameof(destination));
        if (destination.Numel == 0) return;
        HostOperands.Require(source, nameof(source), source.DType.Code);
        HostOperands.Require(destination, nameof(destination), source.DType.Code);
        int size = source.DType.ItemSize;
        byte* src = (byte*)source.HostPointer, dst = (byte*)destination.HostPointer;
        long* st = (long*)starts.HostPointer, len = (long*)lengths.HostPointer;
        long at = 0;
        for (long s = 0; s < starts.Numel; s++)
        {
            long bytes = len[s] * size;
            if (bytes == 0) continue;
            if (st[s] < 0 || st[s] + len[s] > source.Numel || at + bytes > destination.Numel * size)
                throw new ArgumentException($"Segment {s} ({st[s]}, {len[s]}) lies outside the source or overflows "
                    + $"the destination.");
            Buffer.MemoryCopy(src + st[s] * size, dst + at, bytes, bytes);
            at += bytes;
        }
    }

    public static void SearchSorted(ManagedBackend backend, LocalTensor sorted, LocalTensor v, bool right,
        bool descending, LocalTensor positions)
    {
        HostOperands.Require(sorted, nameof(sorted), Sortable);
        HostOperands.Require(v, nameof(v), sorted.DType.Code);
        HostOperands.Require(positions, nameof(positions), DTypeCode.Int64);
        var code = sorted.DType.Code;
        int size = sorted.DType.ItemSize;
        long n = sorted.Numel;
        byte* a = (byte*)sorted.HostPointer, q = (byte*)v.HostPointer;
        long* p = (long*)positions.HostPointer;
        WorkerPool.For(v.Numel, Math.Max(1, (int)Math.Min(backend.Threads, v.Numel / 4096)), (i0, i1) =>
        {
            for (long i = i0; i < i1; i++)
            {
                ulong key = SortKeys.Key(code, RawBits.Read(q + i * size, size));
                long lo = 0, hi = n;
                // Ascending: the count of elements before key is the first index not before it; descending: the
                // elements before key form a suffix, so find its start.
                while (lo < hi)
                {
                    long mid = lo + (hi - lo) / 2;
                    ulong km = SortKeys.Key(code, RawBits.Read(a + mid * size, size));
                    bool before = right ? km <= key : km < key;
                    if (before != descending) lo = mid + 1; else hi = mid;
                }
                p[i] = descending ? n - lo : lo;
            }
        });
    }

    public static long Runs(LocalTensor sorted, LocalTensor values, LocalTensor counts, LocalTensor runIds)
    {
        HostOperands.Require(sorted, nameof(sorted), Sortable);
        HostOperands.Require(values, nameof(values), sorted.DType.Code);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        HostOperands.Require(runIds, nameof(runIds), DTypeCode.Int64);
        var code = sorted.DType.Code;
        int size = sorted.DType.ItemSize;
        long n = sorted.Numel, runs = 0;
        byte* a = (byte*)sorted.HostPointer, u = (byte*)values.HostPointer;
        long* c = (long*)counts.HostPointer, id = (long*)runIds.HostPointer;
        ulong previous = 0;
        for (long i = 0; i < n; i++)
        {
            ulong raw = RawBits.Read(a + i * size, size), key = SortKeys.Key(code, raw);
            if (i == 0 || key != previous)
            {
                RawBits.Write(u + runs * size, size, raw);
                c[runs++] = 0;
            }
            c[runs - 1]++;
            id[i] = runs - 1;
            previous = key;
        }
        if (n > runs)
        {
            new Span<byte>(u + runs * size, checked((int)((n - runs) * size))).Clear();
            new Span<long>(c + runs, checked((int)(n - runs))).Clear();
        }
        return runs;
    }
}
