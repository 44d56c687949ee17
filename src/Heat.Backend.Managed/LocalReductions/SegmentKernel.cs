// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Heat.Abstractions;

namespace Heat.Backend.Managed.LocalReductions;

/// <summary>
/// Sums and counts of host rows grouped by label in one fused pass (float32/float64 rows accumulated in float64, per
/// thread where the partial sums stay small next to the rows).
/// </summary>
internal static unsafe class SegmentKernel
{
    public static long Sum(ManagedBackend backend, LocalTensor rows, LocalTensor ids, LocalTensor sums)
    {
        HostOperands.Require(rows, nameof(rows), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(ids, nameof(ids), DTypeCode.Int64, DTypeCode.Int32);
        HostOperands.Require(sums, nameof(sums), DTypeCode.Float64);
        if (rows.NDim != 2 || sums.NDim != 2 || ids.Numel != rows.Shape[0] || sums.Shape[1] != rows.Shape[1])
            throw new ArgumentException($"SegmentSum needs rows (n × f), ids (n) and sums (segments × f); got {Shapes.Format(rows.Shape)}, "
                + $"{Shapes.Format(ids.Shape)} and {Shapes.Format(sums.Shape)}.");
        long n = rows.Shape[0], inner = rows.Shape[1], segments = sums.Shape[0], cells = segments * inner;
        int parts = (int)Math.Clamp(Math.Min(backend.Threads, n / 4096), 1, 64);
        if (cells * parts > 1 << 22) parts = 1;
        // Part 0 accumulates into the destination itself, the others into their own buffers, added at the end.
        var partial = new double[parts][];
        var bad = new long[parts];
        bool wide = ids.DType == DType.Int64, single = rows.DType == DType.Float32;
        new Span<double>((double*)sums.HostPointer, checked((int)cells)).Clear();
        void Part(int part)
        {
            double[]? own = part == 0 ? null : partial[part] = new double[cells];
            long begin = n * part / parts, end = n * (part + 1) / parts, outside = 0;
            fixed (double* buffer = own)
            {
                double* acc = part == 0 ? (double*)sums.HostPointer : buffer;
                for (long i = begin; i < end; i++)
                {
                    long s = wide ? ((long*)ids.HostPointer)[i] : ((int*)ids.HostPointer)[i];
                    if ((ulong)s >= (ulong)segments) { outside++; continue; }
                    double* target = acc + s * inner;
                    if (single) AddWidened((float*)rows.HostPointer + i * inner, target, inner);
                    else Add((double*)rows.HostPointer + i * inner, target, inner);
                }
            }
            bad[part] = outside;
        }
        if (parts == 1) Part(0);
        else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Part);
        double* total = (double*)sums.HostPointer;
        for (int p = 1; p < parts; p++)
            fixed (double* q = partial[p]) Add(q, total, cells);
        return bad.Sum();
    }

    public static long Count(LocalTensor ids, LocalTensor counts)
    {
        HostOperands.Require(ids, nameof(ids), DTypeCode.Int64, DTypeCode.Int32);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        long n = ids.Numel, segments = counts.Numel, bad = 0;
        long* total = (long*)counts.HostPointer;
        new Span<long>(total, checked((int)segments)).Clear();
        bool wide = ids.DType == DType.Int64;
        for (long i = 0; i < n; i++)
        {
            long s = wide ? ((long*)ids.HostPointer)[i] : ((int*)ids.HostPointer)[i];
            if ((ulong)s < (ulong)segments) total[s]++;
            else bad++;
        }
        return bad;
    }

    // target[j] += row[j] for j < n, four at a time.
    private static void Add(double* row, double* target, long n)
    {
        long j = 0;
        for (; j + 4 <= n; j += 4) Vector256.Store(Vector256.Load(target + j) + Vector256.Load(row + j), target + j);
        for (; j < n; j++) target[j] += row[j];
    }

    // target[j] += (double)row[j] for j < n, four at a time.
    private static void AddWidened(float* row, double* target, long n)
    {
        long j = 0;
        if (Avx.IsSupported)
            for (; j + 4 <= n; j += 4) Avx.Store(target + j, Avx.Add(Avx.LoadVector256(target + j), Avx.ConvertToVector256Double(Sse.LoadVector128(row + j))));
        for (; j < n; j++) target[j] += row[j];
    }
}
