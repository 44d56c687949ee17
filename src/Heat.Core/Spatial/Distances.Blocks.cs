// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Spatial;

/// <summary>The local blocks of cdist: the fused float32 kernel, the matmul expansion and the exact difference form.</summary>
internal static unsafe partial class Distances
{
    private static bool Fused(LocalTensor x, LocalTensor d, Metric metric, bool quadratic) =>
        quadratic && metric != Metric.Manhattan && d.DType == DType.Float32 && x.Shape[1] <= 64 && d.Strides[1] == 1 && d.HostPointer != 0;

    /// <summary>Distances of the rows of <paramref name="x"/> (a × f) to themselves into <paramref name="d"/> (a × a): the fused kernel computes the upper triangle and mirrors it.</summary>
    private static void SymmetricBlock(ITensorBackend backend, LocalTensor x, LocalTensor d, Metric metric, bool quadratic, double sigma)
    {
        if (x.Shape[0] == 0) return;
        if (!Fused(x, d, metric, quadratic)) { Block(backend, x, x, d, metric, quadratic, sigma, symmetric: true); return; }
        using var xk = backend.Contiguous(x);
        QuadraticKernel.Run((float*)xk.HostPointer, (float*)xk.HostPointer, (float*)d.HostPointer, x.Shape[0], x.Shape[0],
            (int)x.Shape[1], d.Strides[0], null, 0, true, metric == Metric.Rbf, sigma, backend.Threads);
    }

    /// <summary>Like <see cref="Block"/>, and the transpose of the block into <paramref name="mirror"/> (b × a).</summary>
    private static void MirroredBlock(ITensorBackend backend, LocalTensor x, LocalTensor y, LocalTensor d, LocalTensor mirror, Metric metric, bool quadratic, double sigma)
    {
        if (Fused(x, d, metric, quadratic) && mirror.HostPointer != 0 && mirror.Strides[1] == 1)
        {
            using var xk = backend.Contiguous(x);
            using var yk = backend.Contiguous(y);
            QuadraticKernel.Run((float*)xk.HostPointer, (float*)yk.HostPointer, (float*)d.HostPointer, x.Shape[0], y.Shape[0],
                (int)x.Shape[1], d.Strides[0], (float*)mirror.HostPointer, mirror.Strides[0], false, metric == Metric.Rbf, sigma, backend.Threads);
            return;
        }
        Block(backend, x, y, d, metric, quadratic, sigma);
        using var transposed = d.Permute([1, 0]);
        backend.Copy(transposed, mirror);
    }

    /// <summary>
    /// Distances of the rows of <paramref name="x"/> (a × f) to the rows of <paramref name="y"/> (b × f) into
    /// <paramref name="d"/> (a × b, any strides). <paramref name="symmetric"/>: y is x, and the exact form computes the
    /// upper triangle only and mirrors it.
    /// </summary>
    private static void Block(ITensorBackend backend, LocalTensor x, LocalTensor y, LocalTensor d, Metric metric, bool quadratic, double sigma, bool symmetric = false)
    {
        if (x.Shape[0] == 0 || y.Shape[0] == 0) return;
        if (Fused(x, d, metric, quadratic))
        {
            // Few features: a fused register kernel (one write of the result, no GEMM packing per block).
            using var xk = backend.Contiguous(x);
            using var yk = backend.Contiguous(y);
            QuadraticKernel.Run((float*)xk.HostPointer, (float*)yk.HostPointer, (float*)d.HostPointer, x.Shape[0], y.Shape[0],
                (int)x.Shape[1], d.Strides[0], null, 0, false, metric == Metric.Rbf, sigma, backend.Threads);
            return;
        }
        if (quadratic && metric != Metric.Manhattan)
        {
            using var yt = y.Permute([1, 0]);
            using var xx = SquaredNorms(backend, x);            // a × 1
            using var yy = SquaredNorms(backend, y);            // b × 1
            if (d.Strides[1] == 1 && d.HostPointer != 0 && xx.HostPointer != 0)
            {
                // Blocks of rows: each product block is expanded while it is still in cache (one pass over the result).
                long rows = x.Shape[0], block = Math.Max(8, (1L << 18) / Math.Max(1, y.Shape[0]));
                for (long r0 = 0; r0 < rows; r0 += block)
                {
                    long count = Math.Min(block, rows - r0);
                    using var xs = x.Slice(0, r0, count);
                    using var ds = d.Slice(0, r0, count);
                    using var xxs = xx.Slice(0, r0, count);
                    backend.Matmul(xs, yt, ds);
                    if (d.DType == DType.Float32) Expand<float>(ds, xxs, yy, metric, sigma, backend.Threads);
                    else Expand<double>(ds, xxs, yy, metric, sigma, backend.Threads);
                }
                return;
            }
            backend.Matmul(x, yt, d);
            using var yyRow = yy.Permute([1, 0]);               // 1 × b
            using var xxB = xx.BroadcastTo(d.Shape);
            using var yyB = yyRow.BroadcastTo(d.Shape);
            backend.BinaryScalar(BinaryOp.Multiply, d, Scalar.FromDouble(-2), false, d);
            backend.Binary(BinaryOp.Add, d, xxB, d);
            backend.Binary(BinaryOp.Add, d, yyB, d);
            backend.BinaryScalar(BinaryOp.Maximum, d, Scalar.FromDouble(0), false, d);
            Finish(backend, d, metric, sigma);
            return;
        }
        using var xc = backend.Contiguous(x);
        using var yc = backend.Contiguous(y);
        using var dc = backend.Empty(d.Shape, d.DType);
        if (d.DType == DType.Float32) Exact<float>(xc, yc, dc, metric, symmetric);
        else Exact<double>(xc, yc, dc, metric, symmetric);
        if (metric != Metric.Manhattan)
        {
            if (metric == Metric.Euclidean) { backend.Copy(dc, d); return; }
            backend.Binary(BinaryOp.Multiply, dc, dc, dc);       // squared distances for rbf
            Finish(backend, dc, metric, sigma);
        }
        backend.Copy(dc, d);
    }

    // d[i, :] = f(max(0, |x_i|² + |y|² − 2 g[i, :])) for each row, all in cache.
    private static void Expand<T>(LocalTensor d, LocalTensor xx, LocalTensor yy, Metric metric, double sigma, int threads)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        long rows = d.Shape[0];
        int cols = checked((int)d.Shape[1]);
        long rowStride = d.Strides[0];
        T* pd = (T*)d.HostPointer, px = (T*)xx.HostPointer, py = (T*)yy.HostPointer;
        T minusTwo = T.CreateTruncating(-2.0), zero = T.Zero, scale = T.CreateTruncating(-1 / (2 * sigma * sigma));
        int parts = (int)Math.Max(1, Math.Min(threads, rows / 8));
        Parallel.For(0, parts, part =>
        {
            var yyRow = new ReadOnlySpan<T>(py, cols);
            for (long i = rows * part / parts; i < rows * (part + 1) / parts; i++)
            {
                var row = new Span<T>(pd + i * rowStride, cols);
                TensorPrimitives.MultiplyAdd(row, minusTwo, yyRow, row);
                TensorPrimitives.Add(row, px[i], row);
                TensorPrimitives.Max(row, zero, row);
                if (metric == Metric.Euclidean) TensorPrimitives.Sqrt(row, row);
                else { TensorPrimitives.Multiply(row, scale, row); TensorPrimitives.Exp(row, row); }
            }
        });
    }

    // d holds squared Euclidean distances: take the root, or the rbf kernel.
    private static void Finish(ITensorBackend backend, LocalTensor d, Metric metric, double sigma)
    {
        if (metric == Metric.Euclidean) { backend.Unary(UnaryOp.Sqrt, d, d); return; }
        backend.BinaryScalar(BinaryOp.Multiply, d, Scalar.FromDouble(-1 / (2 * sigma * sigma)), false, d);
        backend.Unary(UnaryOp.Exp, d, d);
    }

    private static LocalTensor SquaredNorms(ITensorBackend backend, LocalTensor rows)
    {
        using var squared = backend.Empty(rows.Shape, rows.DType);
        backend.Binary(BinaryOp.Multiply, rows, rows, squared);
        var norms = backend.Empty([rows.Shape[0], 1], rows.DType);
        try { backend.Reduce(ReduceOp.Sum, squared, [1], norms); }
        catch { norms.Dispose(); throw; }
        return norms;
    }

    private static void Exact<T>(LocalTensor x, LocalTensor y, LocalTensor d, Metric metric, bool symmetric) where T : unmanaged, System.Numerics.IRootFunctions<T>
    {
        long a = x.Shape[0], b = y.Shape[0];
        int f = (int)x.Shape[1];
        T* px = (T*)x.HostPointer, py = (T*)y.HostPointer, pd = (T*)d.HostPointer;
        Parallel.For(0, a, i =>
        {
            var xi = new ReadOnlySpan<T>(px + i * f, f);
            Span<T> diff = stackalloc T[f];
            for (long j = symmetric ? i : 0; j < b; j++)
            {
                var yj = new ReadOnlySpan<T>(py + j * f, f);
                T v;
                if (metric == Metric.Manhattan)
                {
                    TensorPrimitives.Subtract(xi, yj, diff);
                    v = TensorPrimitives.SumOfMagnitudes<T>(diff);
                }
                else v = TensorPrimitives.Distance(xi, yj);
                pd[i * b + j] = v;
                if (symmetric) pd[j * b + i] = v;   // the lower triangle: row j > i, written only by row i's iteration
            }
        });
    }
}
