// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;

namespace Heat.Backend.Managed.Distances;

/// <summary>
/// The local blocks of cdist on host memory: the fused float32 kernel (<see cref="QuadraticKernel"/>) for the quadratic
/// expansion with few features, else the expansion through the backend's matmul, or the exact difference form.
/// </summary>
internal static unsafe class DistanceBlocks
{
    private static bool Fused(LocalTensor x, LocalTensor d, DistanceKind kind) =>
        kind.QuadraticExpansion && kind.Metric != DistanceMetric.Manhattan && d.DType == DType.Float32 && x.Shape[1] <= 64
        && d.Strides[1] == 1 && d.HostPointer != 0;

    /// <summary>The rows of x (a × f) against themselves into d (a × a): the fused kernel computes the upper triangle
    /// and mirrors it.</summary>
    public static void Symmetric(ManagedBackend backend, LocalTensor x, LocalTensor d, DistanceKind kind)
    {
        if (x.Shape[0] == 0) return;
        if (!Fused(x, d, kind))
        {
            Block(backend, x, x, d, kind, symmetric: true);
            if (!kind.QuadraticExpansion || kind.Metric == DistanceMetric.Manhattan) return;   // the exact form mirrors already
            double diagonal = kind.Metric == DistanceMetric.Rbf ? 1 : 0;
            if (d.DType == DType.Float32) Symmetrize(d, (float)diagonal);
            else Symmetrize(d, diagonal);
            return;
        }
        using var xk = backend.Contiguous(x);
        QuadraticKernel.Run((float*)xk.HostPointer, (float*)xk.HostPointer, (float*)d.HostPointer, x.Shape[0], x.Shape[0],
            (int)x.Shape[1], d.Strides[0], null, 0, true, kind.Metric == DistanceMetric.Rbf, kind.Sigma, backend.Threads);
    }

    // The expansion through matmul is neither exactly symmetric nor exactly zero on the diagonal: mirror the upper
    // triangle.
    private static void Symmetrize<T>(LocalTensor d, T diagonal) where T : unmanaged
    {
        long n = d.Shape[0], rs = d.Strides[0], cs = d.Strides[1];
        T* p = (T*)d.HostPointer;
        for (long i = 0; i < n; i++)
        {
            p[i * rs + i * cs] = diagonal;
            for (long j = i + 1; j < n; j++) p[j * rs + i * cs] = p[i * rs + j * cs];
        }
    }

    /// <summary>Like <see cref="Block"/>, and the transpose of the block into mirror (b × a).</summary>
    public static void Mirrored(ManagedBackend backend, LocalTensor x, LocalTensor y, LocalTensor d, LocalTensor mirror, DistanceKind kind)
    {
        if (x.Shape[0] == 0 || y.Shape[0] == 0) return;
        if (Fused(x, d, kind) && mirror.HostPointer != 0 && mirror.Strides[1] == 1)
        {
            using var xk = backend.Contiguous(x);
            using var yk = backend.Contiguous(y);
            QuadraticKernel.Run((float*)xk.HostPointer, (float*)yk.HostPointer, (float*)d.HostPointer, x.Shape[0], y.Shape[0],
                (int)x.Shape[1], d.Strides[0], (float*)mirror.HostPointer, mirror.Strides[0], false, kind.Metric == DistanceMetric.Rbf,
                kind.Sigma, backend.Threads);
            return;
        }
        Block(backend, x, y, d, kind);
        if ((!kind.QuadraticExpansion || kind.Metric == DistanceMetric.Manhattan) && ExactKernel.Applies(d)
            && ExactKernel.Applies(mirror))
        {
            // The exact form gives d(y, x) bitwise equal to d(x, y): computing the mirror beats a transposing copy.
            Block(backend, y, x, mirror, kind);
            return;
        }
        using var transposed = d.Permute([1, 0]);
        backend.Copy(transposed, mirror);
    }

    /// <summary>A block copied into a result: float32 rows by streaming stores where the destination's lines
    /// allow.</summary>
    public static void Copy(ManagedBackend backend, LocalTensor block, LocalTensor d)
    {
        if (block.Numel == 0) return;
        if (d.DType == DType.Float32 && block.DType == DType.Float32 && d.Strides[1] == 1 && block.Strides[1] == 1
            && d.HostPointer != 0 && block.HostPointer != 0 && d.Strides[0] > 0 && block.Strides[0] > 0)
            QuadraticKernel.CopyRows((float*)block.HostPointer, block.Strides[0], (float*)d.HostPointer, d.Strides[0], d.Shape[0], d.Shape[1]);
        else backend.Copy(block, d);
    }

    /// <summary>
    /// The rows of x (a × f) against the rows of y (b × f) into d (a × b, any strides). <paramref name="symmetric"/>: y
    /// is
    /// x, and the exact form computes the upper triangle only and mirrors it.
    /// </summary>
    public static void Block(ManagedBackend backend, LocalTensor x, LocalTensor y, LocalTensor d, DistanceKind kind, bool symmetric = false)
    {
        if (x.Shape[0] == 0 || y.Shape[0] == 0) return;
        var metric = kind.Metric;
        if (Fused(x, d, kind))
        {
            // Few features: a fused register kernel (one write of the result, no GEMM packing per block).
            using var xk = backend.Contiguous(x);
            using var yk = backend.Contiguous(y);
            QuadraticKernel.Run((float*)xk.HostPointer, (float*)yk.HostPointer, (float*)d.HostPointer, x.Shape[0], y.Shape[0],
                (int)x.Shape[1], d.Strides[0], null, 0, false, metric == DistanceMetric.Rbf, kind.Sigma, backend.Threads);
            return;
        }
        if (kind.QuadraticExpansion && metric != DistanceMetric.Manhattan)
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
                    if (d.DType == DType.Float32) Expand<float>(ds, xxs, yy, kind, backend.Threads);
                    else Expand<double>(ds, xxs, yy, kind, backend.Threads);
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
            Finish(backend, d, kind);
            return;
        }
        using var xc = backend.Contiguous(x);
        using var yc = backend.Contiguous(y);
        if (ExactKernel.Applies(d))
        {
            // The result's own rows: no staging copy of the (large) block.
            long a = x.Shape[0], b = y.Shape[0], ld = d.Strides[0];
            int f = (int)x.Shape[1];
            if (d.DType == DType.Float32)
                ExactKernel.Run((float*)xc.HostPointer, (float*)yc.HostPointer, (float*)d.HostPointer, a, b, f, ld,
                    kind, backend.Threads);
            else
                ExactKernel.Run((double*)xc.HostPointer, (double*)yc.HostPointer, (double*)d.HostPointer, a, b, f, ld,
                    kind, backend.Threads);
            return;
        }
        using var dc = backend.Empty(d.Shape, d.DType);
        if (d.DType == DType.Float32) Exact<float>(xc, yc, dc, metric, symmetric);
        else Exact<double>(xc, yc, dc, metric, symmetric);
        if (metric != DistanceMetric.Manhattan)
        {
            if (metric == DistanceMetric.Euclidean) { backend.Copy(dc, d); return; }
            backend.Binary(BinaryOp.Multiply, dc, dc, dc);       // squared distances for rbf
            Finish(backend, dc, kind);
        }
        backend.Copy(dc, d);
    }

    // d[i, :] = f(max(0, |x_i|² + |y|² − 2 g[i, :])) for each row, all in cache.
    private static void Expand<T>(LocalTensor d, LocalTensor xx, LocalTensor yy, DistanceKind kind, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long rows = d.Shape[0];
        int cols = checked((int)d.Shape[1]);
        long rowStride = d.Strides[0];
        T* pd = (T*)d.HostPointer, px = (T*)xx.HostPointer, py = (T*)yy.HostPointer;
        T minusTwo = T.CreateTruncating(-2.0), zero = T.Zero, scale = T.CreateTruncating(-1 / (2 * kind.Sigma * kind.Sigma));
        bool euclidean = kind.Metric == DistanceMetric.Euclidean;
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
                if (euclidean) TensorPrimitives.Sqrt(row, row);
                else
                {
                    TensorPrimitives.Multiply(row, scale, row);
                    TensorPrimitives.Exp(row, row);
                    TensorPrimitives.Min(row, T.One, row);   // the vector exp is 1 + 1 ulp at 0
                }
            }
        });
    }

    // d holds squared Euclidean distances: take the root, or the rbf kernel (at most 1).
    private static void Finish(ManagedBackend backend, LocalTensor d, DistanceKind kind)
    {
        if (kind.Metric == DistanceMetric.Euclidean) { backend.Unary(UnaryOp.Sqrt, d, d); return; }
        backend.BinaryScalar(BinaryOp.Multiply, d, Scalar.FromDouble(-1 / (2 * kind.Sigma * kind.Sigma)), false, d);
        backend.Unary(UnaryOp.Exp, d, d);
        backend.BinaryScalar(BinaryOp.Minimum, d, Scalar.FromDouble(1), false, d);   // the vector exp is 1 + 1 ulp at 0
    }

    private static LocalTensor SquaredNorms(ManagedBackend backend, LocalTensor rows)
    {
        using var squared = backend.Empty(rows.Shape, rows.DType);
        backend.Binary(BinaryOp.Multiply, rows, rows, squared);
        var norms = backend.Empty([rows.Shape[0], 1], rows.DType);
        try { backend.Reduce(ReduceOp.Sum, squared, [1], norms); }
        catch { norms.Dispose(); throw; }
        return norms;
    }

    private static void Exact<T>(LocalTensor x, LocalTensor y, LocalTensor d, DistanceMetric metric, bool symmetric) where T : unmanaged, IRootFunctions<T>
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
                if (metric == DistanceMetric.Manhattan)
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
