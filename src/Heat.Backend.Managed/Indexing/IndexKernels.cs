// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed.Indexing;

/// <summary>
/// Host implementations of <see cref="IIndexKernels"/> over any strided views (element strides, possibly negative or
/// zero). Data is moved by element size only, so every dtype shares one code path per width.
/// </summary>
internal static unsafe class IndexKernels
{
    public static long CountNonzero(LocalTensor mask)
    {
        RequireHost(mask, nameof(mask));
        long count = 0;
        if (mask.IsContiguous)
        {
            byte* p = (byte*)mask.HostPointer;
            for (long i = 0, n = mask.Numel; i < n; i++) count += p[i] != 0 ? 1 : 0;
            return count;
        }
        ForEachElement(mask, (p, _) => { if (*p != 0) count++; });
        return count;
    }

    public static void Nonzero(LocalTensor mask, LocalTensor coordinates)
    {
        RequireHost(mask, nameof(mask));
        RequireHost(coordinates, nameof(coordinates));
        Require(coordinates.DType == DType.Int64 && coordinates.IsContiguous, "coordinates must be contiguous int64.");
        int k = mask.NDim;
        long* c = (long*)coordinates.HostPointer;
        long written = 0, capacity = coordinates.Numel;
        if (mask.IsContiguous && k == 1)
        {
            byte* p = (byte*)mask.HostPointer;
            for (long i = 0, n = mask.Numel; i < n; i++)
            {
                if (p[i] == 0) continue;
                Require(written < capacity, "coordinates has fewer rows than the mask has true elements.");
                c[written++] = i;
            }
            Require(written == capacity, "coordinates has more rows than the mask has true elements.");
            return;
        }
        ForEachElement(mask, (p, index) =>
        {
            if (*p == 0) return;
            Require((written + 1) * k <= capacity, "coordinates has fewer rows than the mask has true elements.");
            for (int d = 0; d < k; d++) c[written * k + d] = index[d];
            written++;
        });
        Require(written * k == capacity, "coordinates has more rows than the mask has true elements.");
    }

    public static void RavelIndex(LocalTensor keys, long[] extents, LocalTensor flat)
    {
        RequireHost(keys, nameof(keys));
        RequireHost(flat, nameof(flat));
        Require(keys.DType == DType.Int64 && flat.DType == DType.Int64 && keys.NDim == 2 && flat.NDim == 1
            && keys.Shape[1] == extents.Length && flat.Shape[0] == keys.Shape[0], "RavelIndex needs keys (n × m) "
                + "and flat (n), int64.");
        long n = keys.Shape[0], s0 = keys.Strides[0], s1 = keys.Strides[1], fs = flat.Strides[0];
        long* kp = (long*)keys.HostPointer, fp = (long*)flat.HostPointer;
        int m = extents.Length;
        for (long i = 0; i < n; i++)
        {
            long f = 0;
            for (int j = 0; j < m; j++)
            {
                long v = kp[i * s0 + j * s1];
                if (v < 0) v += extents[j];
                if ((ulong)v >= (ulong)extents[j]) throw new IndexOutOfRangeException($"index {kp[i * s0 + j * s1]} "
                    + $"is out of bounds for an axis of size {extents[j]}.");
                f = f * extents[j] + v;
            }
            fp[i * fs] = f;
        }
    }

    public static long[] Partition(LocalTensor values, long[] bounds, LocalTensor grouped, LocalTensor positions)
    {
        RequireHost(values, nameof(values));
        RequireHost(grouped, nameof(grouped));
        RequireHost(positions, nameof(positions));
        Require(values.NDim == 1 && values.DType == DType.Int64 && grouped.IsContiguous && positions.IsContiguous
            && grouped.Numel == values.Numel && positions.Numel == values.Numel, "Partition needs 1-d int64 "
                + "operands of one length.");
        int buckets = bounds.Length - 1;
        long n = values.Shape[0], vs = values.Strides[0];
        long* v = (long*)values.HostPointer, g = (long*)grouped.HostPointer, pos = (long*)positions.HostPointer;
        var counts = new long[buckets];
        for (long i = 0; i < n; i++) counts[Bucket(bounds, v[i * vs])]++;
        var next = new long[buckets];
        for (int b = 1; b < buckets; b++) next[b] = next[b - 1] + counts[b - 1];
        // A second search per value instead of a stored bucket: no 2^31 limit and no n-sized scratch.
        for (long i = 0; i < n; i++)
        {
            long x = v[i * vs];
            int b = Bucket(bounds, x);
            long at = next[b]++;
            g[at] = x - bounds[b];
            pos[at] = i;
        }
        return counts;
    }

    // The last bucket starting at or before x (of equal bounds, the non-empty bucket after the empty ones).
    private static int Bucket(long[] bounds, long x)
    {
        int lo = 0, hi = bounds.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid] <= x) lo = mid + 1; else hi = mid;
        }
        int b = lo - 1;
        if (b < 0 || b >= bounds.Length - 1) throw new IndexOutOfRangeException($"value {x} lies outside "
            + $"[{bounds[0]}, {bounds[^1]}).");
        return b;
    }

    public static void Gather(int threads, LocalTensor source, int axes, LocalTensor index, LocalTensor destination)
    {
        RequireHost(source, nameof(source));
        RequireHost(index, nameof(index));
        RequireHost(destination, nameof(destination));
        var rows = new RowLayout(source, axes, index, destination);
        long n = rows.Count;
        long* ip = (long*)index.HostPointer;
        long istride = index.Strides[0];
        byte* src = (byte*)source.HostPointer, dst = (byte*)destination.HostPointer;
        long work = n * Math.Max(1, rows.RowElements);
        WorkerPool.For(n, work < 1 << 16 ? 1 : threads, (begin, end) =>
        {
            if (rows.ScalarRows)
            {
                GatherElements(rows, src, ip, istride, dst, begin, end);
                return;
            }
            if (rows.DenseRowBytes is > 0 and var bytes)
            {
                long item = rows.ItemSize, ds = rows.DestinationRowStride * item, step = rows.SingleAxisStride * item;
                if (step != 0 && bytes % 8 == 0 && bytes <= 64)
                {
                    // Short rows of whole words on one indexed axis: word moves, no call per row.
                    long words = bytes / 8;
                    for (long i = begin; i < end; i++)
                    {
                        long* from = (long*)(src + ip[i * istride] * step), to = (long*)(dst + i * ds);
                        for (long w = 0; w < words; w++) to[w] = from[w];
                    }
                    return;
                }
                for (long i = begin; i < end; i++)
                    Buffer.MemoryCopy(src + rows.SourceOffset(ip[i * istride]) * item, dst + i * ds, bytes, bytes);
                return;
            }
            for (long i = begin; i < end; i++)
                rows.Copy(src + rows.SourceOffset(ip[i * istride]) * rows.ItemSize, rows.SourceRest,
                    dst + i * rows.DestinationRowStride * rows.ItemSize, rows.DestinationRest);
        });
    }

    // One element per row: a typed loop instead of a row copy per index.
    private static void GatherElements(RowLayout rows, byte* src, long* ip, long istride, byte* dst, long begin,
        long end)
    {
        long ds = rows.DestinationRowStride;
        switch (rows.ItemSize)
        {
            case 1: for (long i = begin; i < end; i++) dst[i * ds] = src[rows.SourceOffset(ip[i * istride])]; break;
            case 2: for (long i = begin; i < end; i++) ((short*)dst)[i * ds] = ((short*)src)[rows.SourceOffset(ip[i *
                istride])]; break;
            case 4: for (long i = begin; i < end; i++) ((int*)dst)[i * ds] = ((int*)src)[rows.SourceOffset(ip[i *
                istride])]; break;
            case 8: for (long i = begin; i < end; i++) ((long*)dst)[i * ds] = ((long*)src)[rows.SourceOffset(ip[i *
                istride])]; break;
            default: for (long i = begin; i < end; i++) ((Int128*)dst)[i * ds] = ((Int128*)src)[rows.SourceOffset(ip[i *
                istride])]; break;
        }
    }

    public static void Scatter(ManagedBackend backend, LocalTensor values, int axes, LocalTensor index,
        LocalTensor? source, LocalTensor destination)
    {
        RequireHost(values, nameof(values));
        RequireHost(index, nameof(index));
        RequireHost(destination, nameof(destination));
        if (source is not null && !SameView(source, destination))
        {
            RequireHost(source, nameof(source));
            backend.Copy(source, destination);
        }
        Require(values.DType == destination.DType, "values and destination must share one dtype.");
        // Rows of the destination are written from rows of values: the same layout as a gather, with the roles swapped.
        var rows = new RowLayout(destination, axes, index, values);
        long n = rows.Count;
        long* ip = (long*)index.HostPointer;
        long istride = index.Strides[0];
        byte* dst = (byte*)destination.HostPointer, src = (byte*)values.HostPointer;
        if (rows.ScalarRows)
        {
            ScatterElements(rows, src, ip, istride, dst, n);
            return;
        }
        if (rows.DenseRowBytes is > 0 and var bytes)
        {
            long item = rows.ItemSize, ss = rows.DestinationRowStride * item;
            for (long i = 0; i < n; i++)
                Buffer.MemoryCopy(src + i * ss, dst + rows.SourceOffset(ip[i * istride]) * item, bytes, bytes);
            return;
        }
        for (long i = 0; i < n; i++)
            rows.Copy(src + i * rows.DestinationRowStride * rows.ItemSize, rows.DestinationRest,
                dst + rows.SourceOffset(ip[i * istride]) * rows.ItemSize, rows.SourceRest);
    }

    // One element per row, written in index order (a later duplicate index wins, as with the row copies).
    private static void ScatterElements(RowLayout rows, byte* src, long* ip, long istride, byte* dst, long n)
    {
        long ss = rows.DestinationRowStride;
        switch (rows.ItemSize)
        {
            case 1: for (long i = 0; i < n; i++) dst[rows.SourceOffset(ip[i * istride])] = src[i * ss]; break;
            case 2: for (long i = 0; i < n; i++) ((short*)dst)[rows.SourceOffset(ip[i * istride])] = ((short*)src)[i *
                ss]; break;
            case 4: for (long i = 0; i < n; i++) ((int*)dst)[rows.SourceOffset(ip[i * istride])] = ((int*)src)[i *
                ss]; break;
            case 8: for (long i = 0; i < n; i++) ((long*)dst)[rows.SourceOffset(ip[i * istride])] = ((long*)src)[i *
                ss]; break;
            default: for (long i = 0; i < n; i++) ((Int128*)dst)[rows.SourceOffset(ip[i * istride])] = ((Int128*)src)[i
                * ss]; break;
        }
    }

    private static bool SameView(LocalTensor a, LocalTensor b) =>
        a.HostPointer == b.HostPointer && a.Shape.SequenceEqual(b.Shape) && a.Strides.SequenceEqual(b.Strides);

    private static void RequireHost(LocalTensor t, string name)
    {
        if (t.Numel > 0 && t.HostPointer == 0) throw new ArgumentException($"{name} is not in host memory (stage it "
            + $"through host copies).", name);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }

    /// <summary>Calls <paramref name="body"/> with the byte address and the coordinates of every element, in row-major
    /// order (the coordinates array is reused).</summary>
    private static void ForEachElement(LocalTensor t, ElementAction body)
    {
        if (t.Numel == 0) return;
        int k = t.NDim;
        var index = new long[k];
        var strides = t.Strides.ToArray();
        var shape = t.Shape.ToArray();
        byte* p = (byte*)t.HostPointer;
        long item = t.DType.ItemSize, total = t.Numel;
        long offset = 0;
        for (long e = 0; e < total; e++)
        {
            body(p + offset * item, index);
            for (int d = k - 1; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < shape[d]) break;
                offset -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    private delegate void ElementAction(byte* element, long[] index);
}
