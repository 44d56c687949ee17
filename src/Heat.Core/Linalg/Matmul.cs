// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// Distributed matrix products for every split pair of two 2-d operands, with HeAT's result split
/// (00/01/0N/N0 → 0; 10/11/1N/N1 → 1; NN → None). No algorithm moves the full M×N result to every rank:
/// <list type="bullet">
/// <item>0N, N1, NN: local products.</item>
/// <item>00, N0, 01: ring over B's blocks (each rank sees B once, one block in flight), C rows stay local.</item>
/// <item>11, 1N: ring over A's column blocks, C columns stay local.</item>
/// <item>10: local partial products and a reduce-scatter of column blocks (one Alltoallv of M×N/p per pair of
/// ranks).</item>
/// </list>
/// Inputs are never resplit in place.
/// </summary>
internal static unsafe class Matmul
{
    private const int Tag = 7411;

    public static DNDarray Product(DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ndim == 0 || b.ndim == 0) throw new ArgumentException("matmul needs operands with at least one dimension; use multiply for scalars.");
        if (a.ndim == 1 && b.ndim == 1)
        {
            var vectorType = DTypePromotion.Promote(a.dtype, b.dtype);
            if (vectorType == DType.Bool) vectorType = DType.Int64;
            using var av = a.AliasOrCast(vectorType);
            using var bv = b.AliasOrCast(vectorType);
            return InnerProduct.Compute(av, bv, vectorType);
        }
        // Vectors: a as a row (1, K), b as a column (K, 1); the added axis is squeezed at the end.
        bool aVector = a.ndim == 1, bVector = b.ndim == 1;
        using var a2 = aVector ? Manipulation.AlignVector(a, 2, 1) : a.Alias();
        using var b2 = bVector ? Manipulation.AlignVector(b, 2, 0) : b.Alias();
        if (a2.ndim > 2 || b2.ndim > 2) return Batched(a2, b2);
        long m = a2.GShapeRef[0], k = a2.GShapeRef[1], n = b2.GShapeRef[1];
        if (b2.GShapeRef[0] != k)
            throw new ArgumentException($"matmul: shapes {Shapes.Format(a.GShapeRef)} and {Shapes.Format(b.GShapeRef)} do not align ({k} != {b2.GShapeRef[0]}).");
        var type = DTypePromotion.Promote(a.dtype, b.dtype);
        if (type == DType.Bool) type = DType.Int64;
        using var ac = a2.AliasOrCast(type);
        using var bc = b2.AliasOrCast(type);
        var result = TwoD(ac, bc, m, k, n, type);
        if (!aVector && !bVector) return result;
        try
        {
            return Squeeze(result, aVector ? 0 : 1, aVector && bVector ? 1 : -1);
        }
        finally { result.Dispose(); }
    }

    private static DNDarray TwoD(DNDarray a, DNDarray b, long m, long k, long n, DType type)
    {
        var comm = a.comm;
        var backend = a.Backend;
        var ctx = a.Context;
        int p = comm.Size;
        int? sa = p == 1 ? null : a.split, sb = p == 1 ? null : b.split;
        if (p == 1 && (a.split is not null || b.split is not null))
        {
            int? outSplit = ResultSplit(a.split, b.split);
            var local1 = backend.Empty([m, n], type);
            backend.Matmul(a.larray, b.larray, local1);
            return new DNDarray(local1, [m, n], outSplit, ctx, true);
        }
        switch (sa, sb)
        {
            case (null, null):
                {
                    var c = backend.Empty([m, n], type);
                    backend.Matmul(a.larray, b.larray, c);
                    return new DNDarray(c, [m, n], null, ctx, true);
                }
            case (0, null):
                {
                    var c = backend.Empty([a.larray.Shape[0], n], type);
                    backend.Matmul(a.larray, b.larray, c);
                    return new DNDarray(c, [m, n], 0, ctx, a.balanced);
                }
            case (null, 1):
                {
                    var c = backend.Empty([m, b.larray.Shape[1]], type);
                    backend.Matmul(a.larray, b.larray, c);
                    return new DNDarray(c, [m, n], 1, ctx, b.balanced);
                }
            case (null, 0):
                {
                    // Rows of C follow the canonical chunking: slice A's rows, then ring over B's row blocks.
                    var (offset, count) = Chunking.Chunk(m, p, comm.Rank);
                    using var rows = a.larray.Slice(0, offset, count);
                    var c = RingOverB(rows, b, type, columnsOfB: false);
                    return new DNDarray(c, [m, n], 0, ctx, true);
                }
            case (0, 0):
                {
                    var c = RingOverB(a.larray, b, type, columnsOfB: false);
                    return new DNDarray(c, [m, n], 0, ctx, a.balanced);
                }
            case (0, 1):
                {
                    var c = RingOverB(a.larray, b, type, columnsOfB: true);
                    return new DNDarray(c, [m, n], 0, ctx, a.balanced);
                }
            case (1, 1):
                {
                    var c = RingOverA(a, b.larray, b.SplitCounts(), type, m);
                    return new DNDarray(c, [m, n], 1, ctx, b.balanced);
                }
            case (1, null):
                {
                    var (offset, count) = Chunking.Chunk(n, p, comm.Rank);
                    using var columns = b.larray.Slice(1, offset, count);
                    var c = RingOverA(a, columns, Chunking.Counts(n, p), type, m);
                    return new DNDarray(c, [m, n], 1, ctx, true);
                }
            default: // (1, 0)
                {
                    var c = ReduceScatterColumns(a, b, type, m, n);
                    return new DNDarray(c, [m, n], 1, ctx, true);
                }
        }
    }

    private static int? ResultSplit(int? sa, int? sb) => (sa, sb) switch
    {
        (null, null) => null,
        (0, _) or (null, 0) => 0,
        _ => 1,
    };

    /// <summary>
    /// C(rows of A × N) from A's local rows (all of K) and B split along rows (K blocks) or columns (N blocks): B's
    /// blocks
    /// travel once around the ring, one in flight per rank.
    /// </summary>
    private static LocalTensor RingOverB(LocalTensor aRows, DNDarray b, DType type, bool columnsOfB)
    {
        var comm = b.comm;
        var backend = b.Backend;
        int p = comm.Size, me = comm.Rank;
        var counts = b.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long rows = aRows.Shape[0], k = b.GShapeRef[0], n = b.GShapeRef[1];
        var c = backend.Zeros([rows, n], type);
        var block = backend.Contiguous(b.larray);
        try
        {
            for (int step = 0; step < p; step++)
            {
                int owner = (me + step) % p;
                if (counts[owner] > 0 && rows > 0)
                {
                    if (columnsOfB)
                    {
                        using var target = c.Slice(1, displs[owner], counts[owner]);
                        backend.Matmul(aRows, block, target);
                    }
                    else
                    {
                        using var aPart = aRows.Slice(1, displs[owner], counts[owner]);
                        backend.Matmul(aPart, block, c, accumulate: true);
                    }
                }
                if (step == p - 1) break;
                // Pass the block on: send to the previous rank, receive the next owner's block from the next rank.
                int nextOwner = (me + step + 1) % p;
                long[] nextShape = columnsOfB ? [k, counts[nextOwner]] : [counts[nextOwner], n];
                var next = backend.Empty(nextShape, type);
                try
                {
                    using var sb = Collectives.Stage(comm, block, send: true, receive: false);
                    using var rb = Collectives.Stage(comm, next, send: false, receive: true);
                    comm.Sendrecv(sb.Buffer, (me - 1 + p) % p, Tag, rb.Buffer, (me + 1) % p, Tag);
                }
                catch { next.Dispose(); throw; }
                block.Dispose();
                block = next;
            }
            return c;
        }
        catch { c.Dispose(); throw; }
        finally { block.Dispose(); }
    }

    /// <summary>C(M × local columns) from B's local columns (all of K) and A split along columns (K blocks travel
    /// around the ring).</summary>
    private static LocalTensor RingOverA(DNDarray a, LocalTensor bColumns, long[] columnCounts, DType type, long m)
    {
        var comm = a.comm;
        var backend = a.Backend;
        int p = comm.Size, me = comm.Rank;
        var counts = a.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long cols = bColumns.Shape[1];
        var c = backend.Zeros([m, cols], type);
        var block = backend.Contiguous(a.larray);
        try
        {
            for (int step = 0; step < p; step++)
            {
                int owner = (me + step) % p;
                if (counts[owner] > 0 && cols > 0)
                {
                    using var bPart = bColumns.Slice(0, displs[owner], counts[owner]);
                    backend.Matmul(block, bPart, c, accumulate: true);
                }
                if (step == p - 1) break;
                int nextOwner = (me + step + 1) % p;
                var next = backend.Empty([m, counts[nextOwner]], type);
                try
                {
                    using var sb = Collectives.Stage(comm, block, send: true, receive: false);
                    using var rb = Collectives.Stage(comm, next, send: false, receive: true);
                    comm.Sendrecv(sb.Buffer, (me - 1 + p) % p, Tag, rb.Buffer, (me + 1) % p, Tag);
                }
                catch { next.Dispose(); throw; }
                block.Dispose();
                block = next;
            }
            return c;
        }
        catch { c.Dispose(); throw; }
        finally { block.Dispose(); }
    }

    /// <summary>A split along K (columns), B split along K (rows): local partial products, reduce-scattered by
    /// canonical column blocks.</summary>
    private static LocalTensor ReduceScatterColumns(DNDarray a, DNDarray b, DType type, long m, long n)
    {
        var comm = a.comm;
        var backend = a.Backend;
        int p = comm.Size, me = comm.Rank;
        // B's row chunks must match A's column chunks.
        DNDarray? moved = null;
        try
        {
            var aCounts = a.SplitCounts();
            if (!aCounts.SequenceEqual(b.SplitCounts()))
            {
                moved = b.astype(b.dtype);
                var target = new long[p, 2];
                for (int r = 0; r < p; r++) { target[r, 0] = aCounts[r]; target[r, 1] = n; }
                moved.redistribute_(target_map: target);
            }
            var bLocal = (moved ?? b).larray;
            var colCounts = Chunking.Counts(n, p);
            var colDispls = Chunking.Displacements(colCounts);
            // The partial product, laid out as p column blocks one after another (block q: m × colCounts[q]).
            using var partial = backend.Zeros([m, n], type);
            if (a.larray.Shape[1] > 0) backend.Matmul(a.larray, bLocal, partial);
            using var packed = backend.Empty([m * n], type);
            long cursor = 0;
            for (int q = 0; q < p; q++)
            {
                long size = m * colCounts[q];
                using var dst = packed.Slice(0, cursor, size);
                using var dstBlock = dst.TryReshapeView([m, colCounts[q]])!;
                using var src = partial.Slice(1, colDispls[q], colCounts[q]);
                backend.Copy(src, dstBlock);
                cursor += size;
            }
            long item = type.ItemSize, mine = m * colCounts[me];
            var sendCounts = colCounts.Select(c => m * c * item).ToArray();
            var recvCounts = Enumerable.Repeat(mine * item, p).ToArray();
            using var received = backend.Empty([p, m, colCounts[me]], type);
            using (var sb = Collectives.Stage(comm, packed, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, received, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sendCounts, Chunking.Displacements(sendCounts), rb.Buffer, recvCounts, Chunking.Displacements(recvCounts));
            var c = backend.Empty([1, m, colCounts[me]], type);
            try
            {
                backend.Reduce(ReduceOp.Sum, received, [0], c);
                var view = c.TryReshapeView([m, colCounts[me]])!;
                c.Dispose();
                return view;
            }
            catch { c.Dispose(); throw; }
        }
        finally { moved?.Dispose(); }
    }

    /// <summary>
    /// N-d operands: batch dimensions broadcast. The result is split along the batch axis of the larger split operand;
    /// operands are aligned to it on copies (split along it where they span it, replicated where they broadcast), and a
    /// split in the last two dimensions is replaced the same way.
    /// </summary>
    private static DNDarray Batched(DNDarray a, DNDarray b)
    {
        if (a.GShapeRef[^1] != b.GShapeRef[^2])
            throw new ArgumentException($"matmul: shapes {Shapes.Format(a.GShapeRef)} and {Shapes.Format(b.GShapeRef)} do not align ({a.GShapeRef[^1]} != {b.GShapeRef[^2]}).");
        var batch = Shapes.Broadcast(a.GShapeRef[..^2], b.GShapeRef[..^2]);
        var type = DTypePromotion.Promote(a.dtype, b.dtype);
        if (type == DType.Bool) type = DType.Int64;
        long m = a.GShapeRef[^2], n = b.GShapeRef[^1];
        var outShape = batch.Concat(new[] { m, n }).ToArray();
        int nd = outShape.Length;
        int? OutBatchSplit(DNDarray x) => x.split is int s && s < x.ndim - 2 && x.GShapeRef[s] == batch[s + batch.Length - (x.ndim - 2)] && x.GShapeRef[s] > 1
            ? s + nd - x.ndim : null;
        var lead = (OutBatchSplit(a), OutBatchSplit(b)) switch
        {
            (int, int) => a.gnumel >= b.gnumel ? a : b,
            (int, null) => a,
            (null, int) => b,
            _ => null,
        };
        int? split = lead is null ? null : OutBatchSplit(lead);
        using var ax = Align(a, split, nd, type);
        using var bx = Align(b, split, nd, type);
        var localShape = (long[])outShape.Clone();
        if (split is int s0) localShape[s0] = Chunking.Chunk(outShape[s0], a.comm.Size, a.comm.Rank).Count;
        var backend = a.Backend;
        var c = backend.Empty(localShape, type);
        try
        {
            using var la = ax.larray.BroadcastTo(localShape[..^2].Concat(new[] { m, a.GShapeRef[^1] }).ToArray());
            using var lb = bx.larray.BroadcastTo(localShape[..^2].Concat(new[] { b.GShapeRef[^2], n }).ToArray());
            backend.Matmul(la, lb, c);
            return new DNDarray(c, outShape, split, a.Context, true);
        }
        catch { c.Dispose(); throw; }
    }

    // A copy (or alias) of x in dtype `type`, split along output axis `split` where x spans it, else replicated.
    private static DNDarray Align(DNDarray x, int? split, int nd, DType type)
    {
        using var cast = x.AliasOrCast(type);
        int? own = split is int s && s - (nd - x.ndim) >= 0 && x.GShapeRef[s - (nd - x.ndim)] > 1 ? s - (nd - x.ndim) : null;
        if (cast.split == own) return own is null || cast.is_balanced() ? cast.Alias() : Redistribution.BalancedCopy(cast);
        return Redistribution.ResplitCopy(cast, own);
    }

    private static DNDarray Squeeze(DNDarray x, int axis, int second)
    {
        var axes = second >= 0 ? new[] { axis, second } : new[] { axis };
        // A squeezed split axis holds its single entry on one rank: replicate first.
        using var source = x.split is int sx && axes.Contains(sx) ? Redistribution.ResplitCopy(x, null) : x.Alias();
        var local = source.larray.GetShape().Where((_, i) => !axes.Contains(i)).ToArray();
        var view = source.larray.TryReshapeView(local) ?? throw new InvalidOperationException("squeeze of a non-contiguous result.");
        var gshape = source.GShapeRef.Where((_, i) => !axes.Contains(i)).ToArray();
        int? split = source.split is int s ? s - axes.Count(a => a < s) : null;
        return new DNDarray(view, gshape, split, source.Context, split is null ? true : source.balanced);
    }
}
