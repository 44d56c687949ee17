// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Row permutations along axis 0: local when axis 0 is not split, one Alltoallv when it is.</summary>
internal static unsafe class Shuffle
{
    /// <summary>Replaces row j of <paramref name="x"/> by row <c>order[j]</c> of the original, in place.</summary>
    public static void Rows(DNDarray x, long[] order)
    {
        var backend = x.Backend;
        // Rows move as bytes in host memory: device chunks (HostPointer 0) go through host copies.
        using var source = HostStaging.Readable(x.larray);
        var result = backend.Empty(source.Shape, x.dtype);
        try
        {
            using (var into = HostStaging.IsHostContiguous(result) ? result.Share() : HostStaging.Empty(result.Shape, result.DType))
            {
                if (x.split != 0 || x.comm.Size == 1) LocalRows(source, into, order, 0);
                else DistributedRows(x, source, into, order);
                HostStaging.WriteBack(into, result);
            }
            x.SetLocal(result, x.split, x.balanced);
        }
        catch { result.Dispose(); throw; }
    }

    private static void LocalRows(LocalTensor source, LocalTensor result, long[] order, long offset)
    {
        long rows = result.Shape.Length == 0 ? 0 : result.Shape[0];
        long rowBytes = rows == 0 ? 0 : result.ByteCount / rows;
        byte* src = (byte*)source.HostPointer, dst = (byte*)result.HostPointer;
        for (long j = 0; j < rows; j++)
            Buffer.MemoryCopy(src + (order[offset + j] - offset) * rowBytes, dst + j * rowBytes, rowBytes, rowBytes);
    }

    private static void DistributedRows(DNDarray x, LocalTensor source, LocalTensor result, long[] order)
    {
        var comm = x.comm;
        int p = comm.Size, me = comm.Rank;
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long rows = counts[me];
        long rowBytes = x.gnumel == 0 ? 0 : x.gnbytes / x.GShapeRef[0];
        // The first rank whose chunk ends after the row (chunk ends never decrease; empty chunks are skipped).
        int Owner(long row)
        {
            int lo = 0, hi = p - 1;
            while (lo < hi) { int mid = (lo + hi) / 2; if (displs[mid] + counts[mid] > row) hi = mid; else lo = mid + 1; }
            return lo;
        }

        // What I send to rank q: my rows that q's rows ask for, in q's row order.
        var sendCounts = new long[p];
        var recvCounts = new long[p];
        for (int q = 0; q < p; q++)
            for (long j = displs[q]; j < displs[q] + counts[q]; j++)
            {
                int owner = Owner(order[j]);
                if (owner == me) sendCounts[q] += rowBytes;
                if (q == me) recvCounts[owner] += rowBytes;
            }
        var sendDispls = Chunking.Displacements(sendCounts);
        var recvDispls = Chunking.Displacements(recvCounts);
        long sendTotal = sendCounts.Sum(), recvTotal = recvCounts.Sum();
        var sendBuffer = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)Math.Max(1, sendTotal));
        var recvBuffer = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)Math.Max(1, recvTotal));
        try
        {
            byte* src = (byte*)source.HostPointer, dst = (byte*)result.HostPointer;
            var cursor = (long[])sendDispls.Clone();
            for (int q = 0; q < p; q++)
                for (long j = displs[q]; j < displs[q] + counts[q]; j++)
                {
                    long row = order[j];
                    if (Owner(row) != me) continue;
                    Buffer.MemoryCopy(src + (row - displs[me]) * rowBytes, sendBuffer + cursor[q], rowBytes, rowBytes);
                    cursor[q] += rowBytes;
                }
            comm.Alltoallv(new CommBuffer<byte>(sendBuffer, sendTotal), sendCounts, sendDispls, new CommBuffer<byte>(recvBuffer, recvTotal), recvCounts, recvDispls);
            var next = (long[])recvDispls.Clone();
            for (long j = 0; j < rows; j++)
            {
                int owner = Owner(order[displs[me] + j]);
                Buffer.MemoryCopy(recvBuffer + next[owner], dst + j * rowBytes, rowBytes, rowBytes);
                next[owner] += rowBytes;
            }
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(sendBuffer);
            System.Runtime.InteropServices.NativeMemory.Free(recvBuffer);
        }
    }
}
