// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;

namespace Heat.Backend.Managed.Kernels;

/// <summary>
/// Sums along the rows of a matrix with contiguous rows (a reduction along axis 0 of a short, wide array) into float64
/// column sums, at memory speed: every thread owns a range of columns (or, for few columns, of rows, the threads' sums
/// added in order), walks it in blocks whose float64 sums stay in L2, and adds eight rows per pass (eight sequential
/// read streams, one read and write of the sums per eight rows). Results are deterministic for a thread count (split
/// by columns: for any thread count).
/// </summary>
internal static unsafe class ColumnSums
{
    private const long Block = 16384;   // columns per block: 128 KiB of float64 sums
    private const int Depth = 8;        // rows per pass

    /// <summary>
    /// sums[j] = the sum over i &lt; rows of x[i·rowStride + j] for j &lt; columns (float32 or float64 x).
    /// </summary>
    public static void Run<T>(T* x, long rows, long columns, long rowStride, double* sums, int threads)
        where T : unmanaged
    {
        int usable = (int)Math.Clamp(Math.Min(threads, rows * columns / (1L << 16)), 1, 64);
        if (usable > 1 && columns < 1024L * usable && rows >= 4L * Depth * usable)
        {
            ByRows(x, rows, columns, rowStride, sums, usable);
            return;
        }
        int parts = (int)Math.Clamp(usable, 1, Math.Max(1, columns / 1024));
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                // Split at multiples of 16 columns so that no two threads share a cache line of sums.
                long c0 = columns * p / parts / 16 * 16;
                long c1 = p + 1 == parts ? columns : columns * (p + 1) / parts / 16 * 16;
                for (long b = c0; b < c1; b += Block)
                    Columns(x + b, rows, Math.Min(Block, c1 - b), rowStride, sums + b);
            }
        });
    }

    // Few columns: every thread sums its own rows, and the threads' sums are added in order.
    private static void ByRows<T>(T* x, long rows, long columns, long rowStride, double* sums, int parts)
        where T : unmanaged
    {
        var partials = new double[parts - 1][];
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                long r0 = rows * p / parts, r1 = rows * (p + 1) / parts;
                var own = p == 0 ? null : partials[p - 1] = new double[columns];
                fixed (double* buffer = own)
                {
                    double* target = p == 0 ? sums : buffer;
                    for (long b = 0; b < columns; b += Block)
                        Columns(x + r0 * rowStride + b, r1 - r0, Math.Min(Block, columns - b), rowStride, target + b);
                }
            }
        });
        foreach (var partial in partials)
            for (long j = 0; j < columns; j++) sums[j] += partial[j];
    }

    // sums[j] = the sum of column j of x (rows × n, row stride s), eight rows at a time.
    private static void Columns<T>(T* x, long rows, long n, long s, double* sums) where T : unmanaged
    {
        new Span<double>(sums, (int)n).Clear();
        long i = 0;
        for (; i + Depth <= rows; i += Depth)
        {
            T* r = x + i * s;
            long j = 0;
            if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
            {
                float* f = (float*)r;
                for (; j + 8 <= n; j += 8)
                {
                    var (l0, h0) = Vector256.Widen(Vector256.Load(f + j));
                    var (l1, h1) = Vector256.Widen(Vector256.Load(f + s + j));
                    var (l2, h2) = Vector256.Widen(Vector256.Load(f + 2 * s + j));
                    var (l3, h3) = Vector256.Widen(Vector256.Load(f + 3 * s + j));
                    var (l4, h4) = Vector256.Widen(Vector256.Load(f + 4 * s + j));
                    var (l5, h5) = Vector256.Widen(Vector256.Load(f + 5 * s + j));
                    var (l6, h6) = Vector256.Widen(Vector256.Load(f + 6 * s + j));
                    var (l7, h7) = Vector256.Widen(Vector256.Load(f + 7 * s + j));
                    var lo = ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
                    var hi = ((h0 + h1) + (h2 + h3)) + ((h4 + h5) + (h6 + h7));
                    Vector256.Store(Vector256.Load(sums + j) + lo, sums + j);
                    Vector256.Store(Vector256.Load(sums + j + 4) + hi, sums + j + 4);
                }
            }
            else if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
            {
                double* d = (double*)r;
                for (; j + 4 <= n; j += 4)
                {
                    var v = ((Vector256.Load(d + j) + Vector256.Load(d + s + j))
                        + (Vector256.Load(d + 2 * s + j) + Vector256.Load(d + 3 * s + j)))
                        + ((Vector256.Load(d + 4 * s + j) + Vector256.Load(d + 5 * s + j))
                        + (Vector256.Load(d + 6 * s + j) + Vector256.Load(d + 7 * s + j)));
                    Vector256.Store(Vector256.Load(sums + j) + v, sums + j);
                }
            }
            for (; j < n; j++)
            {
                double v = ((Value(r, j) + Value(r, s + j)) + (Value(r, 2 * s + j) + Value(r, 3 * s + j)))
                    + ((Value(r, 4 * s + j) + Value(r, 5 * s + j)) + (Value(r, 6 * s + j) + Value(r, 7 * s + j)));
                sums[j] += v;
            }
        }
        for (; i < rows; i++)
        {
            T* r = x + i * s;
            for (long j = 0; j < n; j++) sums[j] += Value(r, j);
        }
    }

    private static double Value<T>(T* p, long at) where T : unmanaged =>
        typeof(T) == typeof(float) ? ((float*)p)[at] : ((double*)p)[at];
}
