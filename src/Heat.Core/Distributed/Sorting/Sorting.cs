// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed.Sorting;

/// <summary>
/// sort, argsort and topk: along an axis that is not split every rank sorts its own chunk; along the split axis
/// <see cref="SampleSort"/> sorts all other axes' rows at once and the result is balanced.
/// </summary>
internal static class Sorting
{
    /// <summary>Checks a sort's operand and axis (before any communication; the same on every rank).</summary>
    public static int CheckedAxis(DNDarray a, int axis, string function, string axisName = "axis")
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim == 0) throw new ArgumentException($"{function} needs an array with at least one dimension, got a "
            + $"0-d array.", nameof(a));
        if (!SortKeys.IsSortable(a.dtype.Code))
            throw new ArgumentException($"{function} is not defined for {a.dtype} (complex values have no order).",
                nameof(a));
        return Shapes.NormalizeAxis(axis, a.ndim, axisName);
    }

    public static (DNDarray Values, DNDarray Indices) Sort(DNDarray a, int axis, bool descending, bool stable)
    {
        axis = CheckedAxis(a, axis, "sort");
        var backend = a.Backend;
        if (a.split != axis || a.comm.Size == 1 || a.size == 0)
        {
            using var scope = DisposeScope.Begin();
            var values = scope.Include(backend.Empty(a.larray.Shape, a.dtype));
            var indices = scope.Include(backend.Empty(a.larray.Shape, DType.Int64));
            if (a.larray.Numel > 0) SortSteps.Kernels(backend).Sort(a.larray, axis, descending, stable, values,
                indices);
            var v = scope.MoveToOuter(new DNDarray(scope.Detach(values), a.shape, a.split, a.Context, a.balanced));
            var i = scope.MoveToOuter(new DNDarray(scope.Detach(indices), a.shape, a.split, a.Context, a.balanced));
            return (v, i);
        }
        var (rowsV, rowsO, shape, perm) = SortedRows(a, axis, descending);
        using (rowsV)
        using (rowsO)
            return (Restore(a, rowsV, shape, perm), Restore(a, rowsO, shape, perm));
    }

    public static (DNDarray Values, DNDarray Indices) TopK(DNDarray a, long k, int dim, bool largest)
    {
        dim = CheckedAxis(a, dim, "topk", nameof(dim));
        if (k < 0 || k > a.GShapeRef[dim])
            throw new ArgumentOutOfRangeException(nameof(k), k,
                $"k must lie in [0, {a.GShapeRef[dim]}] (the size of dimension {dim}).");
        var comm = a.comm;
        var backend = a.Backend;
        if (a.size == 0 && a.split == dim && comm.Size > 1)
        {
            // Empty, split along dim: the k result rows are chunked canonically (a local chunk may hold fewer than k).
            var emptyShape = a.shape;
            emptyShape[dim] = k;
            var lshape = (long[])emptyShape.Clone();
            lshape[dim] = Chunking.Chunk(k, comm.Size, comm.Rank).Count;
            var ev = new DNDarray(backend.Empty(lshape, a.dtype, a.device), emptyShape, dim, a.Context, true);
            return (ev, new DNDarray(backend.Empty(lshape, DType.Int64, a.device), emptyShape, dim, a.Context, true));
        }
        if (a.split != dim || comm.Size == 1 || a.size == 0)
        {
            var (values, indices) = Sort(a, dim, largest, stable: true);
            using (values)
            using (indices)
            {
                var shape = a.shape;
                shape[dim] = k;
                using var sv = values.larray.Slice(dim, 0, k);
                using var si = indices.larray.Slice(dim, 0, k);
                var v = new DNDarray(backend.Copy(sv), shape, a.split, a.Context, a.balanced);
                return (v, new DNDarray(backend.Copy(si), shape, a.split, a.Context, a.balanced));
            }
        }
        // Every rank's best k of each row (a local sort), gathered: p·k candidates per row, sorted; the first k stay.
        int p = comm.Size, me = comm.Rank;
        var counts = a.SplitCounts();
        long n = counts[me], offset = counts.Take(me).Sum();
        var (flat, rows, permShape, perm) = Rows(a, dim);
        using var scope = DisposeScope.Begin();
        scope.Include(flat);
        var (lv, lo) = SortSteps.SortSegments(backend, flat, null, offset, SortSteps.Uniform(rows, n), largest);
        scope.Include(lv);
        scope.Include(lo);
        var take = counts.Select(c => Math.Min(c, k)).ToArray();
        var starts = new long[rows];
        var lengths = new long[rows];
        for (long i = 0; i < rows; i++) (starts[i], lengths[i]) = (i * n, take[me]);
        var candidateCounts = take.Select(t => t * rows).ToArray();
        var displs = Chunking.Displacements(candidateCounts);
        long total = take.Sum();
        var byRowStarts = new long[rows * p];
        var byRowLengths = new long[rows * p];
        for (long i = 0; i < rows; i++)
            for (int q = 0; q < p; q++) (byRowStarts[i * p + q], byRowLengths[i * p + q]) = (displs[q] + i * take[q],
                take[q]);
        var bestStarts = new long[rows];
        var bestLengths = new long[rows];
        for (long i = 0; i < rows; i++) (bestStarts[i], bestLengths[i]) = (i * total, k);
        LocalTensor Candidates(LocalTensor local)
        {
            using var mine = SortSteps.Gather(backend, local, starts, lengths);
            using var all = SortSteps.AllGather(comm, backend, mine, candidateCounts);
            return SortSteps.Gather(backend, all, byRowStarts, byRowLengths);
        }
        var candV = scope.Include(Candidates(lv));
        var candO = scope.Include(Candidates(lo));
        var (sv2, so2) = SortSteps.SortSegments(backend, candV, candO, 0, SortSteps.Uniform(rows, total), largest);
        scope.Include(sv2);
        scope.Include(so2);
        var bestV = scope.Include(SortSteps.Gather(backend, sv2, bestStarts, bestLengths));
        var bestO = scope.Include(SortSteps.Gather(backend, so2, bestStarts, bestLengths));
        // The k best per row are on every rank; HeAT returns them split along dim: each rank keeps its canonical chunk.
        var (chunkOffset, chunkCount) = Chunking.Chunk(k, p, me);
        permShape[^1] = k;
        var gshape = a.shape;
        gshape[dim] = k;
        DNDarray Keep(LocalTensor best, DType dtype)
        {
            using var full = best.TryReshapeView(permShape)!;
            using var back = full.Permute(Redistribution.Inverse(perm));
            using var mine = back.Slice(dim, chunkOffset, chunkCount);
            return scope.MoveToOuter(new DNDarray(backend.Copy(mine), gshape, dim, a.Context, true));
        }
        return (Keep(bestV, a.dtype), Keep(bestO, DType.Int64));
    }

    /// <summary>The local chunk with <paramref name="axis"/> moved last, contiguous and flat (R rows × local
    /// length).</summary>
    internal static (LocalTensor Flat, long Rows, long[] PermutedShape, int[] Perm) Rows(DNDarray a, int axis)
    {
        int[] perm = [.. Enumerable.Range(0, a.ndim).Where(d => d != axis), axis];
        using var moved = a.larray.Permute(perm);
        using var contiguous = a.Backend.Contiguous(moved);
        long rows = 1;
        for (int d = 0; d < a.ndim; d++) if (d != axis) rows *= a.GShapeRef[d];
        return (contiguous.TryReshapeView([contiguous.Numel])!, rows, contiguous.GetShape(), perm);
    }

    /// <summary>The balanced sorted rows of an array sorted along its split axis.</summary>
    private static (LocalTensor Values, LocalTensor Order, long[] PermutedShape, int[] Perm) SortedRows(DNDarray a,
        int axis, bool descending)
    {
        var comm = a.comm;
        var (flat, rows, shape, perm) = Rows(a, axis);
        using (flat)
        {
            var (v, o, lengths) = SampleSort.Sort(comm, a.Backend, flat, rows, a.SplitCounts(), descending);
            using (v)
            using (o)
            {
                var target = Chunking.Counts(a.GShapeRef[axis], comm.Size);
                var (bv, bo) = SampleSort.Balance(comm, a.Backend, v, o, lengths, target,
                    release: true);
                shape[^1] = target[comm.Rank];
                return (bv, bo, shape, perm);
            }
        }
    }

    private static DNDarray Restore(DNDarray a, LocalTensor rows, long[] permutedShape, int[] perm)
    {
        using var shaped = rows.TryReshapeView(permutedShape)!;
        using var back = shaped.Permute(Redistribution.Inverse(perm));
        var local = a.Backend.Contiguous(back);
        return new DNDarray(local, a.shape, a.split, a.Context, true);
    }
}
