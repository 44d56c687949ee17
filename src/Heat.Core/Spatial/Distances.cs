// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Spatial;

/// <summary>The pairwise metrics cdist computes.</summary>
internal enum Metric
{
    /// <summary>sqrt(Σ (x - y)²).</summary>
    Euclidean,
    /// <summary>exp(-Σ (x - y)² / (2 σ²)).</summary>
    Rbf,
    /// <summary>Σ |x - y|.</summary>
    Manhattan,
}

/// <summary>
/// Pairwise distances between the rows of X (split 0 or replicated) and Y (split 0 or replicated). With both split, Y's
/// blocks travel around a ring, the next block arriving (non-blocking) while the current one is used; the result keeps
/// X's rows local (split 0). The quadratic expansion |x|² + |y|² − 2 x·y goes through the backend's matmul (clamped at
/// zero); otherwise the exact difference form is used.
/// </summary>
internal static unsafe class Distances
{
    private const int Tag = 7521, MirrorTag = 7522;

    public static DNDarray Compute(DNDarray x, DNDarray? y, Metric metric, bool quadratic, double sigma = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var other = y ?? x;
        if (x.ndim != 2 || other.ndim != 2)
            throw new ArgumentException($"cdist needs 2-d arrays (samples x features); got {Shapes.Format(x.GShapeRef)} and {Shapes.Format(other.GShapeRef)}.");
        if (x.GShapeRef[1] != other.GShapeRef[1])
            throw new ArgumentException($"cdist: X has {x.GShapeRef[1]} features, Y has {other.GShapeRef[1]}.", nameof(y));
        var type = DTypePromotion.Promote(x.dtype, other.dtype);
        if (type.IsComplex) throw new ArgumentException($"cdist is not defined for complex data ({type}).");
        if (!type.IsInexact) type = DType.Float32;
        using var xs = Prepare(x, type);
        using var ys = Prepare(other, type);
        long n = x.GShapeRef[0], m = other.GShapeRef[0];
        var backend = x.Backend;
        var comm = x.comm;
        bool symmetric = y is null || ReferenceEquals(y, x);
        if (xs.split is null && ys.split is int)
        {
            // Replicated X against split Y: this rank's columns of the result.
            var local = backend.Empty([n, ys.larray.Shape[0]], type);
            try { Block(backend, xs.larray, ys.larray, local, metric, quadratic, sigma); }
            catch { local.Dispose(); throw; }
            return new DNDarray(local, [n, m], 1, x.Context, ys.balanced);
        }
        var result = backend.Empty([xs.larray.Shape[0], m], type);
        try
        {
            if (symmetric && (xs.split is null || comm.Size == 1))
                SymmetricBlock(backend, xs.larray, result, metric, quadratic, sigma);
            else if (symmetric)
                SymmetricRing(xs, result, metric, quadratic, sigma);
            else if (ys.split is null || comm.Size == 1)
                Block(backend, xs.larray, ys.larray, result, metric, quadratic, sigma);
            else
                Ring(xs, ys, result, metric, quadratic, sigma);
            return new DNDarray(result, [n, m], xs.split, x.Context, xs.balanced);
        }
        catch { result.Dispose(); throw; }
    }

    private static DNDarray Prepare(DNDarray a, DType type)
    {
        using var cast = a.AliasOrCast(type);
        return cast.split == 1 ? ht.resplit(cast, 0) : cast.Alias();
    }

    private static void Ring(DNDarray xs, DNDarray ys, LocalTensor result, Metric metric, bool quadratic, double sigma)
    {
        var comm = xs.comm;
        var backend = xs.Backend;
        int p = comm.Size, me = comm.Rank;
        var counts = ys.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long features = ys.GShapeRef[1];
        var current = backend.Contiguous(ys.larray);
        try
        {
            for (int step = 0; step < p; step++)
            {
                int owner = (me + step) % p;
                LocalTensor? next = null;
                var requests = new List<CommRequest>(2);
                if (step < p - 1)
                {
                    int nextOwner = (me + step + 1) % p;
                    next = backend.Empty([counts[nextOwner], features], current.DType);
                    requests.Add(comm.Irecv(Collectives.Bytes(next), (me + 1) % p, Tag));
                    requests.Add(comm.Isend(Collectives.Bytes(current), (me - 1 + p) % p, Tag));
                }
                try
                {
                    if (counts[owner] > 0 && result.Shape[0] > 0)
                    {
                        using var target = result.Slice(1, displs[owner], counts[owner]);
                        Block(backend, xs.larray, current, target, metric, quadratic, sigma);
                    }
                    CommRequest.WaitAll(requests.ToArray());
                }
                catch { next?.Dispose(); throw; }
                if (next is not null) { current.Dispose(); current = next; }
            }
        }
        finally { current.Dispose(); }
    }

    /// <summary>
    /// X against itself, X split 0 on several ranks: only half the blocks are computed. Rank r computes the blocks
    /// (r, r + k) for k = 1..⌊p/2⌋ while X's blocks travel around the ring, sends each back transposed to the owner of its
    /// columns, then computes its diagonal block (upper triangle, mirrored) while the transposed blocks of the others
    /// arrive. With p even the blocks at k = p/2 are shared by the two ranks of each pair, half each (see <see cref="Share"/>).
    /// </summary>
    private static void SymmetricRing(DNDarray xs, LocalTensor result, Metric metric, bool quadratic, double sigma)
    {
        var comm = xs.comm;
        var backend = xs.Backend;
        int p = comm.Size, me = comm.Rank, last = p / 2;
        var counts = xs.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long features = xs.GShapeRef[1];
        using var mine = backend.Contiguous(xs.larray);
        var current = backend.Contiguous(xs.larray);
        Exchange? pending = null;
        try
        {
            for (int step = 0; step <= last; step++)
            {
                LocalTensor? next = null;
                var shift = new List<CommRequest>(2);
                Exchange? exchange = null;
                try
                {
                    if (step < last)
                    {
                        next = backend.Empty([counts[(me + step + 1) % p], features], current.DType);
                        shift.Add(comm.Irecv(Collectives.Bytes(next), (me + 1) % p, Tag));
                        shift.Add(comm.Isend(Collectives.Bytes(current), (me - 1 + p) % p, Tag));
                    }
                    if (step > 0) exchange = Exchange.Start(xs, mine, current, result, step, metric, quadratic, sigma);
                    CommRequest.WaitAll(shift.ToArray());
                }
                catch { next?.Dispose(); exchange?.Dispose(); throw; }
                if (next is not null) { current.Dispose(); current = next; }
                pending?.Finish(backend, result, displs);
                pending?.Dispose();
                pending = exchange;
            }
            using (var diagonal = result.Slice(1, displs[me], counts[me]))
                SymmetricBlock(backend, mine, diagonal, metric, quadratic, sigma);
            pending?.Finish(backend, result, displs);
        }
        finally
        {
            pending?.Dispose();
            current.Dispose();
        }
    }

    /// <summary>One off-diagonal step of <see cref="SymmetricRing"/>: this rank's share of a block, sent back transposed, and the transposed share received from another rank.</summary>
    private sealed class Exchange : IDisposable
    {
        private LocalTensor? _incoming, _outgoing;
        private readonly List<CommRequest> _requests = new(2);
        private int _source;
        private long _rows0, _rows, _cols0, _cols, _stride;

        // Row strides of the transposed blocks are padded to 16 floats, so their rows start on cache lines.
        private static long Padded(long n) => (n + 15) & ~15L;

        public static Exchange Start(DNDarray xs, LocalTensor mine, LocalTensor current, LocalTensor result, int step, Metric metric, bool quadratic, double sigma)
        {
            var comm = xs.comm;
            var backend = xs.Backend;
            int p = comm.Size, me = comm.Rank, owner = (me + step) % p, source = (me - step + p) % p;
            var counts = xs.SplitCounts();
            var displs = Chunking.Displacements(counts);
            var e = new Exchange();
            try
            {
                // The source's share of the block (source, me), transposed: our rows [c0, c0 + cn), its rows [r0, r0 + rn) as columns.
                var (inR0, inRn, inC0, inCn) = Share(source, me, step, p, counts);
                (e._source, e._rows0, e._rows, e._cols0, e._cols, e._stride) = (source, inC0, inCn, inR0, inRn, Padded(inRn));
                e._incoming = backend.Empty([inCn, e._stride], result.DType);
                e._requests.Add(comm.Irecv(Collectives.Bytes(e._incoming), source, MirrorTag));
                var (r0, rn, c0, cn) = Share(me, owner, step, p, counts);
                e._outgoing = backend.Empty([cn, Padded(rn)], result.DType);
                if (rn > 0 && cn > 0)
                {
                    using var xPart = mine.Slice(0, r0, rn);
                    using var yPart = current.Slice(0, c0, cn);
                    using var rows = result.Slice(0, r0, rn);
                    using var target = rows.Slice(1, displs[owner] + c0, cn);
                    using var mirror = e._outgoing.Slice(1, 0, rn);
                    MirroredBlock(backend, xPart, yPart, target, mirror, metric, quadratic, sigma);
                }
                e._requests.Add(comm.Isend(Collectives.Bytes(e._outgoing), owner, MirrorTag));
                return e;
            }
            catch { e.Dispose(); throw; }
        }

        /// <summary>Waits for both transfers and copies the received block into the result.</summary>
        public void Finish(ITensorBackend backend, LocalTensor result, long[] displs)
        {
            CommRequest.WaitAll(_requests.ToArray());
            _requests.Clear();
            if (_rows == 0 || _cols == 0) return;
            using var rows = result.Slice(0, _rows0, _rows);
            using var target = rows.Slice(1, displs[_source] + _cols0, _cols);
            using var source = _incoming!.Slice(1, 0, _cols);
            if (target.DType == DType.Float32 && target.Strides[1] == 1 && target.HostPointer != 0 && source.HostPointer != 0)
                QuadraticKernel.CopyRows((float*)source.HostPointer, _stride, (float*)target.HostPointer, target.Strides[0], _rows, _cols);
            else backend.Copy(source, target);
        }

        // After Finish, or on failure (as the ring does with its next block: the job is failing anyway).
        public void Dispose()
        {
            _requests.Clear();
            _incoming?.Dispose();
            _outgoing?.Dispose();
            _incoming = _outgoing = null;
        }
    }

    /// <summary>
    /// The part of block (row, col) that rank <paramref name="row"/> computes at ring step <paramref name="step"/>: its rows
    /// [r0, r0 + rn) against rank <paramref name="col"/>'s rows [c0, c0 + cn). The whole block, except at k = p/2 for even
    /// p, where the lower rank of the pair takes the first half of the higher rank's rows as columns and the higher rank
    /// the second half of its own rows against all of the lower's: together, and with the mirrors, the two blocks exactly.
    /// </summary>
    private static (long R0, long Rn, long C0, long Cn) Share(int row, int col, int step, int p, long[] counts)
    {
        if (p % 2 != 0 || step != p / 2) return (0, counts[row], 0, counts[col]);
        if (row < col) return (0, counts[row], 0, counts[col] / 2);
        long half = counts[row] / 2;
        return (half, counts[row] - half, 0, counts[col]);
    }

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
