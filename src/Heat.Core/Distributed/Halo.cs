// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Neighbour exchange along the split axis: the first slice of the next non-empty chunk.</summary>
internal static class Halo
{
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
