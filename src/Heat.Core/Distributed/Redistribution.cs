// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Data movement between distributions, each as one collective (Allgatherv or Alltoallv).</summary>
internal static class Redistribution
{
    /// <summary>The whole global array on every rank (one Allgatherv along the split axis).</summary>
    public static LocalTensor Gather(DNDarray x)
    {
        var backend = x.Backend;
        if (x.split is not int s || x.comm.Size == 1) return backend.Contiguous(x.larray);
        var comm = x.comm;
        int[] toFront = MoveToFront(s, x.ndim);
        using var localFront = x.larray.Permute(toFront);
        using var send = backend.Contiguous(localFront);
        long rowBytes = RowBytes(send);
        var counts = x.SplitCounts();
        long[] gFront = Permuted(x.GShapeRef, toFront);
        var gathered = backend.Empty(gFront, x.dtype);
        try
        {
            var byteCounts = counts.Select(c => c * rowBytes).ToArray();
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, gathered, send: false, receive: true))
                comm.Allgatherv(sb.Buffer, rb.Buffer, byteCounts, Chunking.Displacements(byteCounts));
            if (s == 0) return gathered;
            using var back = gathered.Permute(Inverse(toFront));
            return backend.Copy(back);
        }
        finally { if (s != 0) gathered.Dispose(); }
    }

    /// <summary>The local tensor of <paramref name="x"/> resplit to <paramref name="target"/> (no change to x).</summary>
    public static LocalTensor Resplit(DNDarray x, int? target)
    {
        var backend = x.Backend;
        if (target == x.split) return x.larray.Share();
        if (target is null) return Gather(x);
        int t = target.Value;
        if (x.split is null)
        {
            var (offset, count) = Chunking.Chunk(x.GShapeRef[t], x.comm.Size, x.comm.Rank);
            using var slice = x.larray.Slice(t, offset, count);
            return backend.Copy(slice);
        }
        return Alltoall(x, x.split.Value, t);
    }

    /// <summary>Split axis s → t (s ≠ t) with one Alltoallv; the canonical chunking along t.</summary>
    private static LocalTensor Alltoall(DNDarray x, int s, int t)
    {
        var backend = x.Backend;
        var comm = x.comm;
        int p = comm.Size;
        var local = x.larray;
        var sCounts = x.SplitCounts();
        var sDispls = Chunking.Displacements(sCounts);
        var tCounts = Chunking.Counts(x.GShapeRef[t], p);
        var tDispls = Chunking.Displacements(tCounts);
        long rest = local.Numel == 0 ? RestElements(local.Shape, s, t) : local.Numel / (local.Shape[s] * local.Shape[t]);
        int item = x.dtype.ItemSize;

        var outShape = local.GetShape();
        outShape[s] = x.GShapeRef[s];
        outShape[t] = tCounts[comm.Rank];
        var result = backend.Empty(outShape, x.dtype);
        if (p == 1) { backend.Copy(local, result); return result; }
        if (StridedBoxes.OnHost(local) && StridedBoxes.OnHost(result))
        {
            // One copy: every rank's slice along t goes straight from the strided chunk into the receiver's result.
            try
            {
                var sendBoxes = new ByteBox[p];
                var recvBoxes = new ByteBox[p];
                for (int r = 0; r < p; r++)
                {
                    sendBoxes[r] = StridedBoxes.Slice(local, t, tDispls[r], tCounts[r]);
                    recvBoxes[r] = StridedBoxes.Slice(result, s, sDispls[r], sCounts[r]);
                }
                comm.Alltoallw(StridedBoxes.Buffer(local), sendBoxes, StridedBoxes.Buffer(result), recvBoxes);
                return result;
            }
            catch { result.Dispose(); throw; }
        }
        LocalTensor? send = null, recv = null;
        try
        {
            // Send layout: blocks for rank 0, 1, ... each the local chunk sliced to that rank's range along t.
            if (t == 0 && local.IsContiguous) send = local.Share();
            else
            {
                send = backend.Empty([local.Numel], x.dtype);
                CopyBlocks(backend, local, t, tDispls, tCounts, send, toFlat: true);
            }
            var sendCounts = new long[p];
            var recvCounts = new long[p];
            for (int r = 0; r < p; r++)
            {
                sendCounts[r] = local.Shape[s] * tCounts[r] * rest * item;
                recvCounts[r] = sCounts[r] * tCounts[comm.Rank] * rest * item;
            }
            // Receive layout: blocks from rank 0, 1, ... each that rank's rows along s; when s is axis 0 that is the result.
            recv = s == 0 ? result.Share() : backend.Empty([result.Numel], x.dtype);
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sendCounts, Chunking.Displacements(sendCounts), rb.Buffer, recvCounts, Chunking.Displacements(recvCounts));
            if (s != 0) CopyBlocks(backend, result, s, sDispls, sCounts, recv, toFlat: false);
            return result;
        }
        catch { result.Dispose(); throw; }
        finally { send?.Dispose(); recv?.Dispose(); }
    }

    /// <summary>The local tensor of <paramref name="x"/> moved to <paramref name="targetCounts"/> rows per rank along its split (one Alltoallv).</summary>
    public static LocalTensor Redistribute(DNDarray x, long[] targetCounts)
    {
        var backend = x.Backend;
        var comm = x.comm;
        int s = x.split!.Value, p = comm.Size;
        var current = x.SplitCounts();
        var curDispls = Chunking.Displacements(current);
        var tgtDispls = Chunking.Displacements(targetCounts);
        if (StridedBoxes.OnHost(x.larray))
        {
            var shape = x.larray.GetShape();
            shape[s] = targetCounts[comm.Rank];
            var result = backend.Empty(shape, x.dtype);
            try
            {
                if (StridedBoxes.OnHost(result))
                {
                    var sendBoxes = new ByteBox[p];
                    var recvBoxes = new ByteBox[p];
                    long mine = curDispls[comm.Rank], wanted = tgtDispls[comm.Rank];
                    for (int r = 0; r < p; r++)
                    {
                        long sendStart = Math.Max(mine, tgtDispls[r]);
                        sendBoxes[r] = StridedBoxes.Slice(x.larray, s, sendStart - mine, Overlap(mine, current[comm.Rank], tgtDispls[r], targetCounts[r]));
                        long recvStart = Math.Max(wanted, curDispls[r]);
                        recvBoxes[r] = StridedBoxes.Slice(result, s, recvStart - wanted, Overlap(curDispls[r], current[r], wanted, targetCounts[comm.Rank]));
                    }
                    comm.Alltoallw(StridedBoxes.Buffer(x.larray), sendBoxes, StridedBoxes.Buffer(result), recvBoxes);
                    return result;
                }
                result.Dispose();
            }
            catch { result.Dispose(); throw; }
        }
        int[] toFront = MoveToFront(s, x.ndim);
        using var front = x.larray.Permute(toFront);
        using var send = backend.Contiguous(front);
        long rowBytes = RowBytes(send);
        var outFront = Permuted(x.GShapeRef, toFront);
        outFront[0] = targetCounts[comm.Rank];
        var recv = backend.Empty(outFront, x.dtype);
        try
        {
            var sendCounts = new long[p];
            var recvCounts = new long[p];
            for (int r = 0; r < p; r++)
            {
                sendCounts[r] = Overlap(curDispls[comm.Rank], current[comm.Rank], tgtDispls[r], targetCounts[r]) * rowBytes;
                recvCounts[r] = Overlap(curDispls[r], current[r], tgtDispls[comm.Rank], targetCounts[comm.Rank]) * rowBytes;
            }
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sendCounts, Chunking.Displacements(sendCounts), rb.Buffer, recvCounts, Chunking.Displacements(recvCounts));
            if (s == 0) return recv;
            using var back = recv.Permute(Inverse(toFront));
            return backend.Copy(back);
        }
        finally { if (s != 0) recv.Dispose(); }
    }

    /// <summary>
    /// Copies the blocks <c>[displs[r], displs[r] + counts[r])</c> along <paramref name="axis"/> of <paramref name="strided"/>
    /// to consecutive contiguous regions of the 1-d <paramref name="flat"/> (packing), or back (unpacking).
    /// </summary>
    private static void CopyBlocks(ITensorBackend backend, LocalTensor strided, int axis, long[] displs, long[] counts, LocalTensor flat, bool toFlat)
    {
        long at = 0;
        for (int r = 0; r < counts.Length; r++)
        {
            using var block = strided.Slice(axis, displs[r], counts[r]);
            using var region = flat.Slice(0, at, block.Numel);
            using var shaped = region.TryReshapeView(block.Shape)!;
            if (toFlat) backend.Copy(block, shaped);
            else backend.Copy(shaped, block);
            at += block.Numel;
        }
    }

    private static long Overlap(long aStart, long aCount, long bStart, long bCount) =>
        Math.Max(0, Math.Min(aStart + aCount, bStart + bCount) - Math.Max(aStart, bStart));

    private static long RowBytes(LocalTensor frontContiguous)
    {
        long row = 1;
        for (int d = 1; d < frontContiguous.NDim; d++) row *= frontContiguous.Shape[d];
        return row * frontContiguous.DType.ItemSize;
    }

    private static long RestElements(ReadOnlySpan<long> shape, int s, int t)
    {
        long rest = 1;
        for (int d = 0; d < shape.Length; d++) if (d != s && d != t) rest *= shape[d];
        return rest;
    }

    internal static int[] MoveToFront(int axis, int ndim) =>
        [axis, .. Enumerable.Range(0, ndim).Where(d => d != axis)];

    internal static int[] Inverse(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) inverse[permutation[i]] = i;
        return inverse;
    }

    private static long[] Permuted(long[] shape, int[] permutation) => permutation.Select(a => shape[a]).ToArray();
}
