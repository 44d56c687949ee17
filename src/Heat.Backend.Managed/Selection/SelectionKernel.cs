// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed.Selection;

/// <summary>
/// Host kernels of <see cref="ISelectionKernels"/>: introselect (three-way partition, a sort past a depth limit),
/// branch-free counting and compaction against per-problem bounds, hashed sampling. Segments run in parallel; one
/// segment's count runs in parallel over its parts.
/// </summary>
internal static unsafe class SelectionKernel
{
    public static void Select(ManagedBackend backend, LocalTensor values, long[] offsets, long[] ranks,
        LocalTensor result)
    {
        int perSegment = Check(values, offsets, ranks.Length);
        HostOperands.Require(result, nameof(result), DTypeCode.Float64);
        if (values.DType == DType.Float32) Select<float>(backend, values, offsets, ranks, perSegment, result);
        else Select<double>(backend, values, offsets, ranks, perSegment, result);
    }

    public static void Count(ManagedBackend backend, LocalTensor values, long[] offsets, LocalTensor lower,
        LocalTensor upper, LocalTensor counts)
    {
        int perSegment = Check(values, offsets, checked((int)lower.Numel));
        HostOperands.Require(lower, nameof(lower), DTypeCode.Float64);
        HostOperands.Require(upper, nameof(upper), DTypeCode.Float64);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        if (upper.Numel != lower.Numel || counts.Numel != 3 * lower.Numel)
            throw new ArgumentException("Count needs lower and upper of one length and counts of three times it.");
        if (values.DType == DType.Float32) Count<float>(backend, values, offsets, lower, upper, perSegment, counts);
        else Count<double>(backend, values, offsets, lower, upper, perSegment, counts);
    }

    public static void Compact(ManagedBackend backend, LocalTensor values, long[] offsets, LocalTensor lower,
        LocalTensor upper, byte[] strict, long[] destinationOffsets, LocalTensor candidates)
    {
        int perSegment = Check(values, offsets, checked((int)lower.Numel));
        HostOperands.Require(lower, nameof(lower), DTypeCode.Float64);
        HostOperands.Require(upper, nameof(upper), DTypeCode.Float64);
        HostOperands.Require(candidates, nameof(candidates), values.DType.Code);
        long problems = lower.Numel;
        if (upper.Numel != problems || strict.Length != problems || destinationOffsets.Length != problems + 1
            || destinationOffsets[problems] != candidates.Numel)
            throw new ArgumentException("Compact needs lower, upper and strict per problem and destination offsets "
                + "that end at the candidates' length.");
        if (values.DType == DType.Float32)
            Compact<float>(backend, values, offsets, lower, upper, strict, destinationOffsets, perSegment, candidates);
        else Compact<double>(backend, values, offsets, lower, upper, strict, destinationOffsets, perSegment,
            candidates);
    }

    public static void Sample(LocalTensor values, long[] offsets, long seed, LocalTensor samples)
    {
        int segments = offsets.Length - 1;
        HostOperands.Require(values, nameof(values), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(samples, nameof(samples), DTypeCode.Float64);
        if (samples.NDim != 2 || samples.Shape[0] != segments)
            throw new ArgumentException($"Sample needs samples of shape (segments × m); got "
                + $"{Shapes.Format(samples.Shape)} for {segments} segments.");
        long m = samples.Shape[1];
        bool single = values.DType == DType.Float32;
        double* s = (double*)samples.HostPointer;
        for (int i = 0; i < segments; i++)
        {
            long start = offsets[i], length = offsets[i + 1] - start;
            double* row = s + i * m;
            for (long j = 0; j < m; j++)
            {
                long at;
                if (j >= length) { row[j] = double.NaN; continue; }
                if (length <= m) at = j;
                else at = (long)(Mix((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)(i * m + j)) % (ulong)length);
                row[j] = single ? ((float*)values.HostPointer)[start + at] : ((double*)values.HostPointer)[start + at];
            }
        }
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static int Check(LocalTensor values, long[] offsets, int problems)
    {
        HostOperands.Require(values, nameof(values), DTypeCode.Float32, DTypeCode.Float64);
        int segments = offsets.Length - 1;
        if (segments < 0 || (segments == 0 ? problems != 0 : problems % segments != 0)
            || (segments > 0 && (offsets[0] < 0 || offsets[segments] > values.Numel)))
            throw new ArgumentException($"{problems} problems do not fit {segments} segments of a buffer of "
                + $"{values.Numel} values.");
        return segments == 0 ? 0 : problems / segments;
    }

    private static void Select<T>(ManagedBackend backend, LocalTensor values, long[] offsets, long[] ranks,
        int perSegment, LocalTensor result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* data = (T*)values.HostPointer;
        double* r = (double*)result.HostPointer;
        long segments = offsets.Length - 1;
        void Segment(long i)
        {
            long start = offsets[i], length = offsets[i + 1] - start;
            bool nan = false;
            for (long j = 0; j < length; j++) nan |= T.IsNaN(data[start + j]);
            if (nan)
            {
                for (int p = 0; p < perSegment; p++) r[i * perSegment + p] = double.NaN;
                return;
            }
            T* scratch = (T*)NativeMemory.Alloc((nuint)Math.Max(1, length), (nuint)sizeof(T));
            try
            {
                Buffer.MemoryCopy(data + start, scratch, length * sizeof(T), length * sizeof(T));
                long from = 0;
                for (int p = 0; p < perSegment; p++)
                {
                    long k = ranks[i * perSegment + p];
                    if (k < from || k >= length)
                        throw new ArgumentException($"Select: rank {k} of segment {i} is out of order or not below "
                            + $"its length {length}.");
                    NthElement(scratch, from, length, k);
                    r[i * perSegment + p] = double.CreateTruncating(scratch[k]);
                    from = k;
                }
            }
            finally { NativeMemory.Free(scratch); }
        }
        long total = offsets[segments] - offsets[0];
        WorkerPool.For(segments, segments == 1 ? 1 : Parallelism.Parts(total, backend.Threads), (a, b) =>
        {
            for (long i = a; i < b; i++) Segment(i);
        });
    }

    /// <summary>Rearranges [lo, hi) so that position k holds the value a sort would put there, smaller values before
    /// it and larger after it.</summary>
    private static void NthElement<T>(T* a, long lo, long hi, long k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int depth = 2 * BitOperations.Log2((ulong)Math.Max(1, hi - lo)) + 8;
        while (hi - lo > 16)
        {
            if (depth-- == 0 && hi - lo <= int.MaxValue)
            {
                new Span<T>(a + lo, (int)(hi - lo)).Sort();
                return;
            }
            long mid = lo + (hi - lo) / 2;
            if (a[mid] < a[lo]) Swap(a, mid, lo);
            if (a[hi - 1] < a[lo]) Swap(a, hi - 1, lo);
            if (a[hi - 1] < a[mid]) Swap(a, hi - 1, mid);
            T pivot = a[mid];
            long lt = lo, i = lo, gt = hi - 1;
            while (i <= gt)
            {
                T v = a[i];
                if (v < pivot) { a[i] = a[lt]; a[lt] = v; lt++; i++; }
                else if (v > pivot) { a[i] = a[gt]; a[gt] = v; gt--; }
                else i++;
            }
            if (k < lt) hi = lt;
            else if (k > gt) lo = gt + 1;
            else return;
        }
        for (long i = lo + 1; i < hi; i++)
        {
            T v = a[i];
            long j = i - 1;
            while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    private static void Swap<T>(T* a, long i, long j) where T : unmanaged => (a[i], a[j]) = (a[j], a[i]);

    private static void Count<T>(ManagedBackend backend, LocalTensor values, long[] offsets, LocalTensor lower,
        LocalTensor upper, int perSegment, LocalTensor counts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* data = (T*)values.HostPointer;
        double* lo = (double*)lower.HostPointer, hi = (double*)upper.HostPointer;
        long* c = (long*)counts.HostPointer;
        long segments = offsets.Length - 1;
        if (segments == 0) return;
        long total = offsets[segments] - offsets[0];
        // One long segment: its parts in parallel; many segments: the segments in parallel.
        if (segments < backend.Threads && total / segments > 4 * Parallelism.Threshold)
        {
            for (long i = 0; i < segments; i++)
            {
                long start = offsets[i], length = offsets[i + 1] - start;
                int parts = Parallelism.Parts(length * perSegment, backend.Threads);
                var partial = new long[parts * perSegment * 3];
                WorkerPool.For(parts, parts, (a, b) =>
                {
                    for (long part = a; part < b; part++)
                    {
                        long from = start + length * part / parts, to = start + length * (part + 1) / parts;
                        for (int p = 0; p < perSegment; p++)
                        {
                            var (below, atMost, nan) = CountRange(data, from, to, lo[i * perSegment + p],
                                hi[i * perSegment + p]);
                            long at = (part * perSegment + p) * 3;
                            partial[at] = below; partial[at + 1] = atMost; partial[at + 2] = nan;
                        }
                    }
                });
                for (int p = 0; p < perSegment; p++)
                {
                    long* row = c + (i * perSegment + p) * 3;
                    row[0] = row[1] = row[2] = 0;
                    for (int part = 0; part < parts; part++)
                        for (int q = 0; q < 3; q++) row[q] += partial[(part * perSegment + p) * 3 + q];
                }
            }
            return;
        }
        WorkerPool.For(segments, Parallelism.Parts(total * perSegment, backend.Threads), (a, b) =>
        {
            for (long i = a; i < b; i++)
                for (int p = 0; p < perSegment; p++)
                {
                    long j = i * perSegment + p;
                    var (below, atMost, nan) = CountRange(data, offsets[i], offsets[i + 1], lo[j], hi[j]);
                    c[3 * j] = below; c[3 * j + 1] = atMost; c[3 * j + 2] = nan;
                }
        });
    }

    private static (long Below, long AtMost, long NaN) CountRange<T>(T* data, long from, long to, double lower,
        double upper)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T l = T.CreateTruncating(lower), u = T.CreateTruncating(upper);
        long below = 0, atMost = 0, nan = 0;
        for (long i = from; i < to; i++)
        {
            T v = data[i];
            below += v < l ? 1 : 0;
            atMost += v <= u ? 1 : 0;
            nan += T.IsNaN(v) ? 1 : 0;
        }
        return (below, atMost, nan);
    }

    private static void Compact<T>(ManagedBackend backend, LocalTensor values, long[] offsets, LocalTensor lower,
        LocalTensor upper, byte[] strict, long[] destinationOffsets, int perSegment, LocalTensor candidates)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* data = (T*)values.HostPointer, dest = (T*)candidates.HostPointer;
        double* lo = (double*)lower.HostPointer, hi = (double*)upper.HostPointer;
        long problems = lower.Numel;
        long total = offsets.Length > 1 ? offsets[^1] - offsets[0] : 0;
        WorkerPool.For(problems, Parallelism.Parts(total, backend.Threads), (a, b) =>
        {
            for (long j = a; j < b; j++)
            {
                long at = destinationOffsets[j], end = destinationOffsets[j + 1];
                if (at == end) continue;
                long i = j / perSegment;
                T l = T.CreateTruncating(lo[j]), u = T.CreateTruncating(hi[j]);
                bool strictLower = (strict[j] & 1) != 0, strictUpper = (strict[j] & 2) != 0;
                for (long x = offsets[i]; x < offsets[i + 1]; x++)
                {
                    T v = data[x];
                    bool keep = (strictLower ? v > l : v >= l) && (strictUpper ? v < u : v <= u);
                    if (!keep) continue;
                    if (at == end) throw new ArgumentException($"Compact: problem {j} has more candidates than its "
                        + $"destination range.");
                    dest[at++] = v;
                }
                if (at != end) throw new ArgumentException($"Compact: problem {j} has fewer candidates than its "
                    + $"destination range.");
            }
        });
    }
}
