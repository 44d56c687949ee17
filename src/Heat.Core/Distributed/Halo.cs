// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Neighbour exchange along the split axis: the first slice of the next non-empty chunk, and windows of the global
/// array gathered from as many ranks as hold them (halos of any width, chunks shorter than the halo, empty chunks).
/// </summary>
internal static class Halo
{
    /// <summary>
    /// Writes the global range <c>request(me)</c> along the split axis of <paramref name="x"/> into
    /// <paramref name="destination"/> (extent <c>request(me).Count</c> on that axis, the extents of
    /// <paramref name="source"/> on the others), gathered from every rank that holds part of it: one Alltoallw.
    /// </summary>
    /// <param name="x">The distributed array (its split counts).</param>
    /// <param name="source">This rank's chunk or a view of it that crops other axes alike on every rank.</param>
    /// <param name="request">Each rank's range (start, count), inside [0, global extent); the same function on every
    /// rank, so that each sender knows what each receiver wants.</param>
    /// <param name="destination">Where this rank's range goes (any host view, or device memory staged).</param>
    public static void FetchRange(DNDarray x, LocalTensor source, Func<int, (long Start, long Count)> request,
        LocalTensor destination)
    {
        int s = x.split ?? throw new InvalidOperationException("A range exchange needs a split array.");
        var comm = x.comm;
        if (comm.Size == 1)
        {
            var (start, count) = request(0);
            using var view = source.Slice(s, start, count);
            x.Backend.Copy(view, destination);
            return;
        }
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        int me = comm.Rank;
        long mine = displs[me];
        var (want, wantCount) = request(me);
        StridedBoxes.Exchange(comm, source, destination,
            (from, r) =>
            {
                var (lo, c) = request(r);
                return StridedBoxes.Slice(from, s, Math.Max(0, lo - mine), Overlap(mine, counts[me], lo, c));
            },
            (into, r) => StridedBoxes.Slice(into, s, Math.Max(0, displs[r] - want), Overlap(displs[r], counts[r], want,
                wantCount)));
    }

    private static long Overlap(long aStart, long aCount, long bStart, long bCount) =>
        Math.Max(0, Math.Min(aStart + aCount, bStart + bCount) - Math.Max(aStart, bStart));

    private const int Tag = 7301;

    /// <summary>
    /// The first slice (extent 1 along the split axis) of the next rank that holds data, or null on the last rank with
    /// data (and on empty ranks). Every rank with data sends its first slice to the previous rank with data.
    /// </summary>
    public static unsafe LocalTensor? NextFirstSlice(DNDarray x)
    {
        int s = x.split ?? throw new InvalidOperationException("Halo exchange needs a split array.");
        var counts = x.SplitCounts();
        var comm = x.comm;
        int rank = comm.Rank;
        var backend = x.Backend;
        int prev = -1, next = -1;
        for (int r = rank - 1; r >= 0 && counts[rank] > 0; r--) if (counts[r] > 0) { prev = r; break; }
        for (int r = rank + 1; r < comm.Size && counts[rank] > 0; r++) if (counts[r] > 0) { next = r; break; }

        var sliceShape = x.larray.GetShape();
        sliceShape[s] = 1;
        LocalTensor? received = next >= 0 ? backend.Empty(sliceShape, x.dtype) : null;
        LocalTensor? sent = null;
        try
        {
            var requests = new List<CommRequest>(2);
            // Device tensors travel through host copies; the received one is written back when rb is disposed.
            using var rb = received is null ? default : Collectives.Stage(comm, received, send: false, receive: true);
            if (received is not null) requests.Add(comm.Irecv(rb.Buffer, next, Tag));
            if (prev >= 0)
            {
                using var first = x.larray.Slice(s, 0, 1);
                sent = backend.Contiguous(first);
            }
            using var sb = sent is null ? default : Collectives.Stage(comm, sent, send: true, receive: false);
            if (sent is not null) requests.Add(comm.Isend(sb.Buffer, prev, Tag));
            CommRequest.WaitAll(requests.ToArray());
            return received;
        }
        catch { received?.Dispose(); throw; }
        finally { sent?.Dispose(); }
    }
}
