// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Fft;

/// <summary>
/// A cyclic shift along one axis (fftshift, ifftshift). Along a non-split axis each rank moves its chunk's two pieces;
/// along the split axis the array is two ranges that move as wholes, [0, n − k) to [k, n) and [n − k, n) to [0, k),
/// each one Alltoallw of the overlapping boxes. The result has the input's split and chunk sizes.
/// </summary>
internal static class Roll
{
    public static DNDarray Along(DNDarray x, long shift, int axis)
    {
        var backend = x.Backend;
        long n = x.GShapeRef[axis];
        long k = n == 0 ? 0 : ((shift % n) + n) % n;
        var local = x.larray;
        var result = backend.Empty(local.Shape, x.dtype, local.Device);
        try
        {
            if (x.split != axis || x.comm.Size == 1) LocalRoll(backend, local, result, axis, k);
            else
            {
                // Both moves write parts of one host buffer (a device result is written back once, whole).
                var counts = x.SplitCounts();
                var displs = Chunking.Displacements(counts);
                bool direct = StridedBoxes.OnHost(result);
                using var from = StridedBoxes.OnHost(local) ? local.Share() : HostStaging.CopyOf(local);
                using var into = direct ? result.Share() : HostStaging.Empty(result.Shape, result.DType);
                Move(x, from, into, counts, displs, 0, n - k, k);
                Move(x, from, into, counts, displs, n - k, k, 0);
                if (!direct) HostStaging.WriteBack(into, result);
            }
            var y = new DNDarray(result, x.shape, x.split, x.Context, x.balanced);
            if (x.split is not null && x.balanced != true) y.SetSplitCounts(x.SplitCounts());
            return y;
        }
        catch { result.Dispose(); throw; }
    }

    private static void LocalRoll(ITensorBackend backend, LocalTensor local, LocalTensor result, int axis, long k)
    {
        long n = local.Shape[axis];
        if (local.Numel == 0) return;
        using (var from = local.Slice(axis, 0, n - k))
        using (var into = result.Slice(axis, k, n - k))
            if (from.Numel > 0) backend.Copy(from, into);
        using (var from = local.Slice(axis, n - k, k))
        using (var into = result.Slice(axis, 0, k))
            if (from.Numel > 0) backend.Copy(from, into);
    }

    /// <summary>Moves global positions [start, start + length) along the split axis to [target, target +
    /// length).</summary>
    private static void Move(DNDarray x, LocalTensor source, LocalTensor result, long[] counts, long[] displs,
        long start, long length, long target)
    {
        if (length == 0) return;
        int axis = x.split!.Value, me = x.comm.Rank;
        // Source positions g in [lo, hi) that rank `from` holds and rank `to` receives (g - start + target in its
        // chunk).
        (long Lo, long Hi) Overlap(int from, int to) =>
            (Math.Max(Math.Max(displs[from], start), displs[to] - target + start),
             Math.Min(Math.Min(displs[from] + counts[from], start + length), displs[to] + counts[to] - target + start));
        StridedBoxes.Exchange(x.comm, source, result,
            (src, r) =>
            {
                var (lo, hi) = Overlap(me, r);
                return StridedBoxes.Slice(src, axis, lo - displs[me], Math.Max(0, hi - lo));
            },
            (dst, r) =>
            {
                var (lo, hi) = Overlap(r, me);
                return StridedBoxes.Slice(dst, axis, lo - start + target - displs[me], Math.Max(0, hi - lo));
            });
    }
}
