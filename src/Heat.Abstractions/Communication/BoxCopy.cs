// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Abstractions;

/// <summary>
/// Copies between two <see cref="ByteBox"/> layouts of the same items: dimensions that are contiguous on both sides are
/// merged, so the inner loop copies the longest runs the layouts allow.
/// </summary>
public static unsafe class BoxCopy
{
    /// <summary>Copies the items of <paramref name="from"/> in <paramref name="source"/> to <paramref name="to"/> in <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The boxes hold different item sequences (counts or item sizes differ).</exception>
    public static void Copy(byte* source, ByteBox from, byte* destination, ByteBox to)
    {
        if (from.ItemBytes != to.ItemBytes || !from.Counts.AsSpan().SequenceEqual(to.Counts))
            throw new ArgumentException($"BoxCopy: the boxes differ (counts [{string.Join(", ", from.Counts)}] of {from.ItemBytes} bytes vs [{string.Join(", ", to.Counts)}] of {to.ItemBytes} bytes).");
        if (from.Items == 0) return;
        Span<long> counts = stackalloc long[from.Counts.Length + 1];
        Span<long> sStrides = stackalloc long[counts.Length], dStrides = stackalloc long[counts.Length];
        long run = Merge(from, to, counts, sStrides, dStrides, out int nd);
        // Large copies bypass the cache on the destination (no read-for-ownership), as memcpy does for big blocks.
        bool streaming = Avx.IsSupported && from.Bytes >= StreamingFrom && run >= 256;
        Walk(source + from.Offset, destination + to.Offset, run, counts[..nd], sStrides[..nd], dStrides[..nd], 0, streaming);
        if (streaming) Sse.StoreFence();
    }

    /// <summary>Boxes from this many bytes are written with non-temporal stores (they would not stay in cache anyway).</summary>
    public const long StreamingFrom = 8L << 20;

    /// <summary>The box's items packed densely (row-major) from offset <paramref name="offset"/>.</summary>
    public static ByteBox Dense(ByteBox box, long offset)
    {
        var strides = new long[box.Counts.Length];
        long stride = box.ItemBytes;
        for (int d = strides.Length - 1; d >= 0; d--) { strides[d] = stride; stride *= box.Counts[d]; }
        return new ByteBox(offset, box.Counts, strides, box.ItemBytes);
    }

    /// <summary>True when the box is one contiguous run of its bytes from its offset.</summary>
    public static bool IsDense(ByteBox box)
    {
        InnerRun(box, out int outer);
        return outer < 0;
    }

    /// <summary>
    /// The bytes of the box's innermost contiguous run (dimensions of extent 1 skipped) and, in
    /// <paramref name="outer"/>, the innermost dimension outside it (-1 when the whole box is one run).
    /// </summary>
    public static long InnerRun(ByteBox box, out int outer)
    {
        long run = box.ItemBytes;
        int dim = box.Counts.Length - 1;
        for (; dim >= 0; dim--)
        {
            if (box.Counts[dim] == 1) continue;
            if (box.Strides[dim] != run) break;
            run *= box.Counts[dim];
        }
        outer = dim;
        return run;
    }

    /// <summary>Copies <paramref name="bytes"/> bytes (memmove) in pieces of at most 1 GiB, so lengths stay well inside <c>nuint</c>.</summary>
    public static void CopyBytes(void* source, void* destination, long bytes)
    {
        if (bytes <= 0 || source == destination) return;
        for (long done = 0; done < bytes; done += Chunk)
            NativeMemory.Copy((byte*)source + done, (byte*)destination + done, (nuint)Math.Min(Chunk, bytes - done));
    }

    // Drops dimensions of extent 1 and merges neighbours contiguous on both sides; the innermost run becomes bytes.
    private static long Merge(ByteBox from, ByteBox to, Span<long> counts, Span<long> s, Span<long> d, out int nd)
    {
        long run = from.ItemBytes;
        nd = 0;
        // Walk from the innermost dimension outwards, growing the run while both sides stay contiguous.
        int dim = from.Counts.Length - 1;
        for (; dim >= 0; dim--)
        {
            long c = from.Counts[dim];
            if (c == 1) continue;
            if (from.Strides[dim] == run && to.Strides[dim] == run) { run *= c; continue; }
            break;
        }
        // The remaining outer dimensions, innermost last, merging pairs that nest exactly on both sides.
        Span<long> rc = stackalloc long[from.Counts.Length], rs = stackalloc long[from.Counts.Length], rd = stackalloc long[from.Counts.Length];
        int m = 0;
        for (int k = 0; k <= dim; k++)
        {
            long c = from.Counts[k];
            if (c == 1) continue;
            if (m > 0 && rs[m - 1] == c * from.Strides[k] && rd[m - 1] == c * to.Strides[k])
            {
                rc[m - 1] *= c; rs[m - 1] = from.Strides[k]; rd[m - 1] = to.Strides[k];
                continue;
            }
            rc[m] = c; rs[m] = from.Strides[k]; rd[m] = to.Strides[k]; m++;
        }
        for (int k = 0; k < m; k++) { counts[k] = rc[k]; s[k] = rs[k]; d[k] = rd[k]; }
        nd = m;
        return run;
    }

    private static void Walk(byte* s, byte* d, long run, ReadOnlySpan<long> counts, ReadOnlySpan<long> ss, ReadOnlySpan<long> ds, int dim, bool streaming)
    {
        if (dim == counts.Length)
        {
            if (streaming) StreamRun(s, d, run);
            else CopyBytes(s, d, run);
            return;
        }
        long c = counts[dim], sStride = ss[dim], dStride = ds[dim];
        if (dim == counts.Length - 1 && run <= 16)
        {
            switch (run)
            {
                case 4: for (long i = 0; i < c; i++) *(int*)(d + i * dStride) = *(int*)(s + i * sStride); return;
                case 8: for (long i = 0; i < c; i++) *(long*)(d + i * dStride) = *(long*)(s + i * sStride); return;
                case 2: for (long i = 0; i < c; i++) *(short*)(d + i * dStride) = *(short*)(s + i * sStride); return;
                case 1: for (long i = 0; i < c; i++) d[i * dStride] = s[i * sStride]; return;
            }
        }
        for (long i = 0; i < c; i++) Walk(s + i * sStride, d + i * dStride, run, counts, ss, ds, dim + 1, streaming);
    }

    private const long Chunk = 1L << 30;

    // Regular copies up to the destination's 32-byte boundary and after the last whole vector, non-temporal stores between.
    private static void StreamRun(byte* s, byte* d, long bytes)
    {
        long head = Math.Min(bytes, (32 - ((nint)d & 31)) & 31);
        if (head > 0) CopyBytes(s, d, head);
        long i = head, body = head + ((bytes - head) & ~127L);
        for (; i < body; i += 128)
        {
            var a = Vector256.Load(s + i);
            var b = Vector256.Load(s + i + 32);
            var c = Vector256.Load(s + i + 64);
            var e = Vector256.Load(s + i + 96);
            Avx.StoreAlignedNonTemporal(d + i, a);
            Avx.StoreAlignedNonTemporal(d + i + 32, b);
            Avx.StoreAlignedNonTemporal(d + i + 64, c);
            Avx.StoreAlignedNonTemporal(d + i + 96, e);
        }
        if (i < bytes) CopyBytes(s + i, d + i, bytes - i);
    }
}
