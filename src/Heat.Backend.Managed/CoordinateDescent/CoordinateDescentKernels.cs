// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Heat.Abstractions;
using Heat.Backend.Managed.Kernels;

namespace Heat.Backend.Managed.CoordinateDescent;

/// <summary>
/// Coordinate descent on host memory, in the data's precision (float32 or float64). The rows are cut into one range
/// per thread, each range into blocks of <see cref="Block"/> rows summed in T and added in float64; the ranges' sums
/// are added in range order, so a result depends only on the data and the thread count.
/// </summary>
internal static unsafe class CoordinateDescentKernels
{
    /// <summary>Rows summed in T before a float64 accumulator takes the block's sum.</summary>
    private const int Block = 4096;

    /// <summary>Rows per block of the column-major copy (a block of rows stays in L2 while its columns are written).
    /// </summary>
    private const int TransposeRows = 512;

    /// <summary>Columns of the Gram matrix per GEMM: the bands of the upper triangle cost about 0.65 of the square
    /// for 100 features.</summary>
    private const int GramBand = 32;

    public static void Gram(ManagedBackend backend, LocalTensor x, LocalTensor y, LocalTensor gram, LocalTensor xty)
    {
        switch (x.DType.Code)
        {
            case DTypeCode.Float32: Gram<float>(backend.Threads, x, y, gram, xty); break;
            case DTypeCode.Float64: Gram<double>(backend.Threads, x, y, gram, xty); break;
            default: throw Unsupported(x.DType);
        }
    }

    public static void Columns(ManagedBackend backend, LocalTensor x, LocalTensor columns, LocalTensor squares)
    {
        switch (x.DType.Code)
        {
            case DTypeCode.Float32: Columns<float>(backend.Threads, x, columns, squares); break;
            case DTypeCode.Float64: Columns<double>(backend.Threads, x, columns, squares); break;
            default: throw Unsupported(x.DType);
        }
    }

    public static double Dot(ManagedBackend backend, LocalTensor columns, long nextColumn, LocalTensor residual) =>
        columns.DType.Code switch
        {
            DTypeCode.Float32 => Fused<float>(backend.Threads, columns, residual, null, -1, 0, nextColumn),
            DTypeCode.Float64 => Fused<double>(backend.Threads, columns, residual, null, -1, 0, nextColumn),
            _ => throw Unsupported(columns.DType),
        };

    public static double Update(ManagedBackend backend, LocalTensor columns, LocalTensor residual, LocalTensor updated,
        long previous, double delta, long nextColumn) => columns.DType.Code switch
        {
            DTypeCode.Float32 =>
                Fused<float>(backend.Threads, columns, residual, updated, previous, delta, nextColumn),
            DTypeCode.Float64 =>
                Fused<double>(backend.Threads, columns, residual, updated, previous, delta, nextColumn),
            _ => throw Unsupported(columns.DType),
        };

    private static NotSupportedException Unsupported(DType dtype) =>
        new($"Managed backend: coordinate descent runs on float32 or float64, not {dtype}.");

    // Each thread multiplies blocks of its rows with the blocked GEMM on one thread (no synchronisation per block) and
    // adds the upper triangle of each block's product into its own float64 Gram matrix; Xᵀy by one axpy of each row.
    private static void Gram<T>(int threads, LocalTensor x, LocalTensor y, LocalTensor gram, LocalTensor xty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = x.Shape[0], f = x.Shape[1], rs = x.Strides[0], cs = x.Strides[1], ys = y.Strides[0];
        T* px = (T*)x.HostPointer, py = (T*)y.HostPointer;
        int parts = Parallelism.Parts(n * f * f, threads);
        var sums = new double[parts][];
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                var sum = sums[p] = new double[f * f + f];
                long begin = n * p / parts, end = n * (p + 1) / parts;
                T* product = (T*)NativeMemory.AlignedAlloc((nuint)((f * f + f) * sizeof(T)), 64);
                try
                {
                    T* projection = product + f * f;
                    for (long i0 = begin; i0 < end; i0 += Block)
                    {
                        long rows = Math.Min(Block, end - i0);
                        T* a = px + i0 * rs;
                        // The upper triangle only: rows [0, j0 + w) of each band of w columns (XᵀX is symmetric).
                        for (long j0 = 0; j0 < f; j0 += GramBand)
                        {
                            long w = Math.Min(GramBand, f - j0);
                            Gemm<T>.Multiply(1, j0 + w, w, rows, a, cs, rs, a + j0 * cs, rs, cs, product + j0, f, 1,
                                accumulate: false);
                        }
                        new Span<T>(projection, (int)f).Clear();
                        for (long i = i0; i < i0 + rows; i++)
                        {
                            T yi = py[i * ys];
                            T* row = px + i * rs;
                            if (cs == 1)
                            {
                                var span = new Span<T>(projection, (int)f);
                                TensorPrimitives.MultiplyAdd<T>(new ReadOnlySpan<T>(row, (int)f), yi, span, span);
                            }
                            else
                                for (long j = 0; j < f; j++) projection[j] += row[j * cs] * yi;
                        }
                        for (long i = 0; i < f; i++)
                            for (long j = i; j < f; j++) sum[i * f + j] += double.CreateTruncating(product[i * f + j]);
                        for (long j = 0; j < f; j++) sum[f * f + j] += double.CreateTruncating(projection[j]);
                    }
                }
                finally { NativeMemory.AlignedFree(product); }
            }
        });
        double* g = (double*)gram.HostPointer, v = (double*)xty.HostPointer;
        long grs = gram.Strides[0], gcs = gram.Strides[1], vs = xty.Strides[0];
        for (long i = 0; i < f; i++)
        {
            for (long j = 0; j < f; j++)
            {
                double s = 0;
                for (int p = 0; p < parts; p++) s += sums[p][Math.Min(i, j) * f + Math.Max(i, j)];
                g[i * grs + j * gcs] = s;
            }
            double t = 0;
            for (int p = 0; p < parts; p++) t += sums[p][f * f + i];
            v[i * vs] = t;
        }
    }

    // A block of rows is read while it is in L2, one column at a time, each column written as one contiguous run.
    private static void Columns<T>(int threads, LocalTensor x, LocalTensor columns, LocalTensor squares)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = x.Shape[0], f = x.Shape[1], rs = x.Strides[0], cs = x.Strides[1];
        T* px = (T*)x.HostPointer, pc = (T*)columns.HostPointer;
        int parts = Parallelism.Parts(n * f, threads);
        var sums = new double[parts][];
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                var sum = sums[p] = new double[f];
                long begin = n * p / parts, end = n * (p + 1) / parts;
                for (long i0 = begin; i0 < end; i0 += TransposeRows)
                {
                    int rows = (int)Math.Min(TransposeRows, end - i0);
                    for (long j = 0; j < f; j++)
                    {
                        T* source = px + i0 * rs + j * cs, destination = pc + j * n + i0;
                        for (int i = 0; i < rows; i++) destination[i] = source[i * rs];
                        sum[j] += double.CreateTruncating(TensorPrimitives.SumOfSquares(
                            new ReadOnlySpan<T>(destination, rows)));
                    }
                }
            }
        });
        double* s = (double*)squares.HostPointer;
        for (long j = 0; j < f; j++)
        {
            double t = 0;
            for (int p = 0; p < parts; p++) t += sums[p][j];
            s[j * squares.Strides[0]] = t;
        }
    }

    // updated = residual − delta · columns[previous] (when updated is given), and columns[nextColumn] · updated.
    private static double Fused<T>(int threads, LocalTensor columns, LocalTensor residual, LocalTensor? updated,
        long previous, double delta, long nextColumn) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = residual.Shape[0];
        T* pn = (T*)columns.HostPointer + nextColumn * n, pr = (T*)residual.HostPointer;
        T* pp = updated is null ? null : (T*)columns.HostPointer + previous * n;
        T* pu = updated is null ? pr : (T*)updated.HostPointer;
        T d = T.CreateTruncating(delta);
        int parts = Parallelism.Parts(n, threads);
        var sums = new double[parts];
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                long begin = n * p / parts, end = n * (p + 1) / parts;
                double sum = 0;
                for (long i0 = begin; i0 < end; i0 += Block)
                {
                    int rows = (int)Math.Min(Block, end - i0);
                    sum += pp is null
                        ? double.CreateTruncating(TensorPrimitives.Dot(new ReadOnlySpan<T>(pn + i0, rows),
                            new ReadOnlySpan<T>(pr + i0, rows)))
                        : BlockUpdate(pn + i0, pp + i0, pr + i0, pu + i0, d, rows);
                }
                sums[p] = sum;
            }
        });
        double total = 0;
        for (int p = 0; p < parts; p++) total += sums[p];
        return total;
    }

    private static double BlockUpdate<T>(T* xn, T* xp, T* r, T* u, T d, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T scalar = T.Zero;
        if (Vector256.IsHardwareAccelerated && rows >= Vector256<T>.Count)
        {
            var dv = Vector256.Create(d);
            Vector256<T> a0 = Vector256<T>.Zero, a1 = Vector256<T>.Zero;
            int width = Vector256<T>.Count;
            for (; i <= rows - 2 * width; i += 2 * width)
            {
                var r0 = Vector256.Load(r + i) - dv * Vector256.Load(xp + i);
                var r1 = Vector256.Load(r + i + width) - dv * Vector256.Load(xp + i + width);
                r0.Store(u + i);
                r1.Store(u + i + width);
                a0 += Vector256.Load(xn + i) * r0;
                a1 += Vector256.Load(xn + i + width) * r1;
            }
            scalar = Vector256.Sum(a0 + a1);
        }
        for (; i < rows; i++)
        {
            T ri = r[i] - d * xp[i];
            u[i] = ri;
            scalar += xn[i] * ri;
        }
        return double.CreateTruncating(scalar);
    }
}
