// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Distributed basic indexing (HeAT's <c>__getitem__</c>/<c>__setitem__</c> for integers, slices, new axes and
/// ellipsis).
/// An integer on the split axis gives a replicated result (its owner broadcasts it); a slice keeps the split, each rank
/// keeping the part of its chunk inside the slice (no communication) unless a negative step reverses the rank order,
/// in which case one Alltoallv moves the selection to the canonical chunking.
/// </summary>
internal static class Indexing
{
    /// <summary>A new array holding <c>x[plan]</c>.</summary>
    public static DNDarray Get(DNDarray x, IndexPlan plan)
    {
        var backend = x.Backend;
        var comm = x.comm;
        var ctx = x.Context;
        if (x.split is not int s)
        {
            using var view = plan.LocalView(x.larray);
            return new DNDarray(backend.Copy(view), plan.OutShape, null, ctx, true);
        }
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        int me = comm.Rank;
        var sel = plan.Axes[s];
        if (sel.IsInteger)
        {
            int owner = Owner(sel.Start, counts, displs);
            var result = backend.Empty(plan.OutShape, x.dtype, x.device);
            try
            {
                if (me == owner)
                {
                    using var view = plan.LocalView(x.larray, s, sel.Start - displs[me], 1);
                    backend.Copy(view, result);
                }
                if (comm.Size > 1 && result.Numel > 0)
                {
                    using var staged = Collectives.Stage(comm, result, send: me == owner, receive: me != owner);
                    comm.Bcast(staged.Buffer, owner);
                }
                return new DNDarray(result, plan.OutShape, null, ctx, true);
            }
            catch { result.Dispose(); throw; }
        }

        int os = plan.OutputAxisOf(s);
        var (lo, hi) = IndexPlan.Ranges(sel, counts, displs);
        var have = new long[comm.Size];
        for (int r = 0; r < have.Length; r++) have[r] = hi[r] - lo[r];
        long localStart = have[me] > 0 ? sel.Start + lo[me] * sel.Step - displs[me] : 0;
        using var mine = plan.LocalView(x.larray, s, localStart, have[me]);
        var haveDispls = Chunking.Displacements(have);
        bool inRankOrder = true;
        for (int r = 0; r < have.Length; r++) inRankOrder &= have[r] == 0 || lo[r] == haveDispls[r];
        if (inRankOrder)
        {
            // Ranks hold consecutive parts of the selection in rank order (always for a positive step, and for a
            // negative one inside one rank's chunk): keep them.
            var local = backend.Copy(mine);
            try { return DNDarray.WithSplitCounts(local, plan.OutShape, os, ctx, have); }
            catch { local.Dispose(); throw; }
        }
        // A negative step reverses the rank order of the selected parts: move them to the canonical chunking.
        var target = Chunking.Counts(sel.Length, comm.Size);
        var moved = MoveAlongAxis(backend, comm, mine, os, lo, have, Chunking.Displacements(target), target);
        return new DNDarray(moved, plan.OutShape, os, ctx, true);
    }

    /// <summary>Writes <paramref name="value"/>, broadcast to the selection's shape, into <c>x[plan]</c>
    /// (collective).</summary>
    /// <exception cref="ArgumentException">The value does not broadcast to the selection.</exception>
    public static void Set(DNDarray x, IndexPlan plan, DNDarray value)
    {
        var shape = plan.OutShape;
        if (!Broadcasts(value.GShapeRef, shape))
            throw new ArgumentException($"Could not broadcast the value of shape {Shapes.Format(value.GShapeRef)} "
                + $"into the selection {plan.Description} of shape {Shapes.Format(shape)}.", nameof(value));
        var backend = x.Backend;
        var comm = x.comm;
        DNDarray? copy = null;
        if (value.ndim > shape.Length)
        {
            // Leading extents of 1 beyond the selection's dimensions (NumPy allows them): drop them from a replicated
            // copy.
            using var whole = Whole(value);
            var contiguous = backend.Copy(whole);
            using (contiguous) value = copy = new DNDarray(contiguous.TryReshapeView(value.GShapeRef[(value.ndim -
                shape.Length)..])!, value.GShapeRef[(value.ndim - shape.Length)..], null, x.Context, true);
        }
        else if (ReferenceEquals(value.larray.Storage, x.larray.Storage)) value = copy = value.astype(value.dtype);
        try
        {
            if (x.split is not int s)
            {
                using var whole = Whole(value);
                using var region = plan.LocalView(x.larray);
                Assign(backend, whole, region);
                return;
            }
            var counts = x.SplitCounts();
            var displs = Chunking.Displacements(counts);
            int me = comm.Rank;
            var sel = plan.Axes[s];
            if (sel.IsInteger)
            {
                int owner = Owner(sel.Start, counts, displs);
                using var whole = Whole(value);
                if (me != owner) return;
                using var region = plan.LocalView(x.larray, s, sel.Start - displs[me], 1);
                Assign(backend, whole, region);
                return;
            }
            int os = plan.OutputAxisOf(s);
            var (lo, hi) = IndexPlan.Ranges(sel, counts, displs);
            var have = new long[comm.Size];
            for (int r = 0; r < have.Length; r++) have[r] = hi[r] - lo[r];
            long localStart = have[me] > 0 ? sel.Start + lo[me] * sel.Step - displs[me] : 0;
            using var target = plan.LocalView(x.larray, s, localStart, have[me]);
            int va = os - (shape.Length - value.ndim);
            if (va < 0 || (value.GShapeRef[va] == 1 && shape[os] != 1))
            {
                // The value broadcasts along the split axis of the selection: every rank needs all of it.
                using var whole = Whole(value);
                Assign(backend, whole, target);
                return;
            }
            LocalTensor piece;
            if (value.split is null) piece = value.larray.Slice(va, have[me] > 0 ? lo[me] : 0, have[me]);
            else
            {
                // Bring the rows [lo[r], hi[r]) of the value's axis va to rank r (one Alltoallv, after a resplit if
                // needed).
                bool aligned = value.split == va;
                var sourceCounts = aligned ? value.SplitCounts() : Chunking.Counts(value.GShapeRef[va], comm.Size);
                using var source = aligned ? value.larray.Share() : Redistribution.Resplit(value, va);
                piece = MoveAlongAxis(backend, comm, source, va, Chunking.Displacements(sourceCounts), sourceCounts,
                    lo, have);
            }
            using (piece) Assign(backend, piece, target);
        }
        finally { copy?.Dispose(); }
    }

    /// <summary>
    /// Moves rows along <paramref name="axis"/> between ranks with one Alltoallv: rank r holds the global rows
    /// <c>[srcLo[r], srcLo[r] + srcCount[r])</c> in <paramref name="local"/> and receives <c>[dstLo[r], dstLo[r] +
    /// dstCount[r])</c>.
    /// Ranges may come in any rank order; received blocks land at their positions.
    /// </summary>
    internal static LocalTensor MoveAlongAxis(ITensorBackend backend, ICommunicator comm, LocalTensor local, int axis,
                                              long[] srcLo, long[] srcCount, long[] dstLo, long[] dstCount)
    {
        int p = comm.Size, me = comm.Rank;
        int[] toFront = Redistribution.MoveToFront(axis, local.NDim);
        using var front = local.Permute(toFront);
        using var send = backend.Contiguous(front);
        var outShape = send.GetShape();
        outShape[0] = dstCount[me];
        long rowBytes = (long)local.DType.ItemSize;
        for (int d = 1; d < outShape.Length; d++) rowBytes *= outShape[d];
        var recv = backend.Empty(outShape, local.DType, local.Device);
        try
        {
            var sendCounts = new long[p];
            var sendDispls = new long[p];
            var recvCounts = new long[p];
            var recvDispls = new long[p];
            for (int r = 0; r < p; r++)
            {
                long start = Math.Max(srcLo[me], dstLo[r]);
                long n = Math.Min(srcLo[me] + srcCount[me], dstLo[r] + dstCount[r]) - start;
                if (n > 0) { sendCounts[r] = n * rowBytes; sendDispls[r] = (start - srcLo[me]) * rowBytes; }
                start = Math.Max(srcLo[r], dstLo[me]);
                n = Math.Min(srcLo[r] + srcCount[r], dstLo[me] + dstCount[me]) - start;
                if (n > 0) { recvCounts[r] = n * rowBytes; recvDispls[r] = (start - dstLo[me]) * rowBytes; }
            }
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sendCounts, sendDispls, rb.Buffer, recvCounts, recvDispls);
            if (axis == 0) return recv;
            using var back = recv.Permute(Redistribution.Inverse(toFront));
            var result = backend.Copy(back);
            recv.Dispose();
            return result;
        }
        catch { recv.Dispose(); throw; }
    }

    private static int Owner(long index, long[] counts, long[] displs)
    {
        for (int r = 0; r < counts.Length; r++)
            if (index >= displs[r] && index < displs[r] + counts[r]) return r;
        throw new InvalidOperationException($"No rank holds index {index} of the split axis (counts "
            + $"{Shapes.Format(counts)}).");
    }

    private static LocalTensor Whole(DNDarray value)
        => value.split is null ? value.larray.Share() : Redistribution.Gather(value);

    private static void Assign(ITensorBackend backend, LocalTensor value, LocalTensor region)
    {
        if (region.Numel == 0) return;
        using var broadcast = value.BroadcastTo(region.Shape);
        backend.Copy(broadcast, region);
    }

    private static bool Broadcasts(ReadOnlySpan<long> value, ReadOnlySpan<long> target)
    {
        for (int i = 0; i < value.Length; i++)
        {
            long v = value[value.Length - 1 - i];
            if (i >= target.Length) { if (v != 1) return false; continue; }
            long t = target[target.Length - 1 - i];
            if (v != t && v != 1) return false;
        }
        return true;
    }
}
