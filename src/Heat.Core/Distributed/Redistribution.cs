// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Data movement between distributions, each as one collective (Allgatherv or Alltoallw).</summary>
internal static class Redistribution
{
    /// <summary>A copy of <paramref name="x"/> split along <paramref name="target"/> (for internal callers; no argument
    /// checks).</summary>
    public static DNDarray ResplitCopy(DNDarray x, int? target)
    {
        var local = target == x.split ? x.Backend.Copy(x.larray) : Resplit(x, target);
        return new DNDarray(local, x.shape, target, x.Context, target == x.split ? x.balanced : true);
    }

    /// <summary>A balanced copy of <paramref name="x"/> (for internal callers).</summary>
    public static DNDarray BalancedCopy(DNDarray x) => x.astype(x.dtype).balance_();

    /// <summary>
    /// The whole global array on every rank: along axis 0 one Allgatherv into the result; along another axis one
    /// Alltoallw whose receive boxes are the strided slabs of the result (no permuted copies).
    /// </summary>
    public static LocalTensor Gather(DNDarray x)
    {
        var backend = x.Backend;
        if (x.split is not int s || x.comm.Size == 1) return backend.Contiguous(x.larray);
        var comm = x.comm;
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        var result = backend.Empty(x.GShapeRef, x.dtype);
        try
        {
            if (s == 0)
            {
                using var send = backend.Contiguous(x.larray);
                long rowBytes = RowBytes(send);
                var byteCounts = counts.Select(c => c * rowBytes).ToArray();
                using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
                using (var rb = Collectives.Stage(comm, result, send: false, receive: true))
                    comm.Allgatherv(sb.Buffer, rb.Buffer, byteCounts, Chunking.Displacements(byteCounts));
                return result;
            }
            StridedBoxes.Exchange(comm, x.larray, result,
                (from, r) => StridedBoxes.Slice(from, s, 0, from.Shape[s]),
                (into, r) => StridedBoxes.Slice(into, s, displs[r], counts[r]));
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary>The local tensor of <paramref name="x"/> resplit to <paramref name="target"/> (no change to
    /// x).</summary>
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

    /// <summary>
    /// Split axis s → t (s ≠ t) with one Alltoallw: rank r receives every rank's slice along t of r's canonical range,
    /// written straight into its rows along s of the result (one copy in process, MPI datatypes under MPI).
    /// </summary>
    private static LocalTensor Alltoall(DNDarray x, int s, int t)
    {
        var backend = x.Backend;
        var comm = x.comm;
        var local = x.larray;
        var sCounts = x.SplitCounts();
        var sDispls = Chunking.Displacements(sCounts);
        var tCounts = Chunking.Counts(x.GShapeRef[t], comm.Size);
        var tDispls = Chunking.Displacements(tCounts);
        var outShape = local.GetShape();
        outShape[s] = x.GShapeRef[s];
        outShape[t] = tCounts[comm.Rank];
        var result = backend.Empty(outShape, x.dtype);
        try
        {
            if (comm.Size == 1) backend.Copy(local, result);
            else StridedBoxes.Exchange(comm, local, result,
                (from, r) => StridedBoxes.Slice(from, t, tDispls[r], tCounts[r]),
                (into, r) => StridedBoxes.Slice(into, s, sDispls[r], sCounts[r]));
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary>The local tensor of <paramref name="x"/> moved to <paramref name="targetCounts"/> rows per rank along
    /// its split (one Alltoallw).</summary>
    public static LocalTensor Redistribute(DNDarray x, long[] targetCounts)
    {
        var comm = x.comm;
        int s = x.split!.Value, me = comm.Rank;
        var current = x.SplitCounts();
        var curDispls = Chunking.Displacements(current);
        var tgtDispls = Chunking.Displacements(targetCounts);
        var shape = x.larray.GetShape();
        shape[s] = targetCounts[me];
        var result = x.Backend.Empty(shape, x.dtype);
        try
        {
            long mine = curDispls[me], wanted = tgtDispls[me];
            StridedBoxes.Exchange(comm, x.larray, result,
                (from, r) => StridedBoxes.Slice(from, s, Math.Max(mine, tgtDispls[r]) - mine, Overlap(mine, current[me], tgtDispls[r], targetCounts[r])),
                (into, r) => StridedBoxes.Slice(into, s, Math.Max(wanted, curDispls[r]) - wanted, Overlap(curDispls[r], current[r], wanted, targetCounts[me])));
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    private static long Overlap(long aStart, long aCount, long bStart, long bCount) =>
        Math.Max(0, Math.Min(aStart + aCount, bStart + bCount) - Math.Max(aStart, bStart));

    private static long RowBytes(LocalTensor contiguous)
    {
        long row = 1;
        for (int d = 1; d < contiguous.NDim; d++) row *= contiguous.Shape[d];
        return row * contiguous.DType.ItemSize;
    }

    internal static int[] MoveToFront(int axis, int ndim) =>
        [axis, .. Enumerable.Range(0, ndim).Where(d => d != axis)];

    internal static int[] Inverse(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) inverse[permutation[i]] = i;
        return inverse;
    }

}
