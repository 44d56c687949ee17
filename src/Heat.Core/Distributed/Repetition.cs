// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>repeat and tile: broadcast views copied locally; rows that leave their rank move with one
/// exchange.</summary>
internal static class Repetition
{
    /// <summary>Each element repeated <paramref name="repeats"/> times along <paramref name="axis"/>; a split result is
    /// balanced.</summary>
    public static DNDarray Repeat(DNDarray x, long repeats, int axis)
    {
        var backend = x.Backend;
        using var scope = DisposeScope.Begin();
        using var expanded = x.larray.ExpandDims(axis + 1);
        var bshape = expanded.GetShape();
        bshape[axis + 1] = repeats;
        using var broadcast = expanded.BroadcastTo(bshape);
        var copy = scope.Include(backend.Copy(broadcast));
        var lshape = x.larray.GetShape();
        lshape[axis] *= repeats;
        var local = scope.Include(copy.TryReshapeView(lshape)!);
        return scope.MoveToOuter(Finish(x, local, axis, repeats, null), transferred: local);
    }

    /// <summary>Element i repeated <c>repeats[i]</c> times along <paramref name="axis"/>; a split result is
    /// balanced.</summary>
    public static DNDarray Repeat(DNDarray x, long[] repeats, int axis)
    {
        var backend = x.Backend;
        bool distributed = x.split == axis && x.comm.Size > 1;
        long first = distributed ? x.SplitOffset() : 0, count = x.larray.Shape[axis];
        long total = 0;
        for (long i = first; i < first + count; i++) total += repeats[i];
        var lshape = x.larray.GetShape();
        lshape[axis] = total;
        using var scope = DisposeScope.Begin();
        var local = scope.Include(backend.Empty(lshape, x.dtype, x.device));
        long at = 0;
        for (long i = 0; i < count; i++)
        {
            long r = repeats[first + i];
            if (r == 0) continue;
            using var row = x.larray.Slice(axis, i, 1);
            var shape = row.GetShape();
            shape[axis] = r;
            using var broadcast = row.BroadcastTo(shape);
            using var target = local.Slice(axis, at, r);
            backend.Copy(broadcast, target);
            at += r;
        }
        long[]? counts = null;
        if (distributed)
        {
            var rows = x.SplitCounts();
            var displs = Chunking.Displacements(rows);
            counts = rows.Select((c, q) => repeats.Skip((int)displs[q]).Take((int)c).Sum()).ToArray();
        }
        return scope.MoveToOuter(Finish(x, local, axis, 0, counts), transferred: local);
    }

    /// <summary>Wraps the repeated local chunk; along the distributed split axis the chunk's counts are known from
    /// replicated data, then the result is balanced.</summary>
    private static DNDarray Finish(DNDarray x, LocalTensor local, int axis, long factor, long[]? counts)
    {
        var gshape = x.shape;
        if (x.split != axis || x.comm.Size == 1)
        {
            // The repeated axis is local: the split (if any) and its counts are unchanged, unless the repeated axis is
            // the split of a one-rank array (then its one count grew with it).
            gshape[axis] = local.Shape[axis];
            var kept = new DNDarray(local, gshape, x.split, x.Context, x.balanced);
            if (x.split is int s && s != axis && x.balanced == true) kept.SetSplitCounts(x.SplitCounts());
            return kept;
        }
        counts ??= x.SplitCounts().Select(c => c * factor).ToArray();
        gshape[axis] = counts.Sum();
        var result = new DNDarray(local, gshape, axis, x.Context, null);
        result.SetSplitCounts(counts);
        return result.balance_();
    }

    /// <summary>NumPy's tile: <paramref name="x"/> repeated <c>reps[d]</c> times along each axis (reps and x padded
    /// with leading ones to one rank).</summary>
    public static DNDarray Tile(DNDarray x, long[] reps)
    {
        var backend = x.Backend;
        int rank = Math.Max(x.ndim, reps.Length);
        var r = Enumerable.Repeat(1L, rank - reps.Length).Concat(reps).ToArray();
        using var scope = DisposeScope.Begin();
        var a = x;
        while (a.ndim < rank) a = scope.Include(ht.expand_dims(a, 0));
        // Interleave (r0, s0, r1, s1, ...): axis 2d broadcasts the repetitions, axis 2d + 1 is the original axis d.
        var view = scope.Include(a.larray.Share());
        for (int d = rank - 1; d >= 0; d--) view = scope.Include(view.ExpandDims(d));
        var local = new long[2 * rank];
        var global = new long[2 * rank];
        for (int d = 0; d < rank; d++)
        {
            local[2 * d] = global[2 * d] = r[d];
            local[2 * d + 1] = a.larray.Shape[d];
            global[2 * d + 1] = a.GShapeRef[d];
        }
        var broadcast = scope.Include(view.BroadcastTo(local));
        var copy = scope.Include(backend.Copy(broadcast));
        var outShape = Enumerable.Range(0, rank).Select(d => r[d] * a.GShapeRef[d]).ToArray();
        if (a.split is not int s || a.comm.Size == 1 || r[s] == 1)
        {
            // Rows along the split axis stay on their rank: the merge is a local reshape.
            var lshape = Enumerable.Range(0, rank).Select(d => r[d] * a.larray.Shape[d]).ToArray();
            var merged = scope.Include(copy.TryReshapeView(lshape)!);
            var kept = new DNDarray(merged, outShape, a.split, a.Context, a.balanced);
            scope.Detach(merged);
            if (a.split is int && a.balanced == true) kept.SetSplitCounts(a.SplitCounts());
            return scope.MoveToOuter(kept);
        }
        var interleaved = scope.Include(new DNDarray(copy.Share(), global, 2 * s + 1, a.Context, a.balanced));
        interleaved.SetSplitCounts(a.SplitCounts());
        return scope.MoveToOuter(Joining.Reshape(interleaved, outShape, s));
    }
}
