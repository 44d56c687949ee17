// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// The all-to-all exchanges of advanced indexing on the split axis: requesters send the indices they need to the
/// owners, owners answer with the rows (getter), or requesters send indices and rows together (setter). Blocks are
/// laid out rank after rank, so a received buffer lists the senders' entries in rank order and, inside a block, in the
/// sender's order.
/// </summary>
internal static class IndexExchange
{
    /// <summary>How many entries each rank receives when this rank sends <paramref name="sendCounts"/> (one
    /// Alltoall).</summary>
    public static long[] Counts(ICommunicator comm, long[] sendCounts)
    {
        var recv = new long[comm.Size];
        comm.Alltoall<long>(sendCounts, recv);
        return recv;
    }

    /// <summary>
    /// Sends the rows of <paramref name="send"/> (contiguous along axis 0; <paramref name="sendCounts"/> rows to each
    /// rank, rank after rank) and returns the rows received (<paramref name="recvCounts"/> from each rank), one
    /// Alltoallv.
    /// </summary>
    public static LocalTensor Rows(ITensorBackend backend, ICommunicator comm, LocalTensor send, long[] sendCounts,
        long[] recvCounts)
    {
        int p = comm.Size;
        var shape = send.GetShape();
        shape[0] = recvCounts.Sum();
        long rowBytes = send.DType.ItemSize;
        for (int d = 1; d < shape.Length; d++) rowBytes *= shape[d];
        var recv = backend.Empty(shape, send.DType, send.Device);
        try
        {
            var sc = new long[p];
            var rc = new long[p];
            for (int r = 0; r < p; r++) { sc[r] = sendCounts[r] * rowBytes; rc[r] = recvCounts[r] * rowBytes; }
            using var contiguous = send.IsContiguous ? send.Share() : backend.Contiguous(send);
            using (var sb = Collectives.Stage(comm, contiguous, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sc, Chunking.Displacements(sc), rb.Buffer, rc, Chunking.Displacements(rc));
            return recv;
        }
        catch { recv.Dispose(); throw; }
    }
}
