// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Abstractions;

/// <summary>
/// <see cref="ICommunicator.Alltoallw"/> for communicators that cannot read strided memory themselves: the send boxes
/// are packed into one buffer, exchanged with one Alltoallv and unpacked. A side whose boxes already lie densely in
/// rank order is used in place, so a contiguous side costs no copy.
/// </summary>
public static unsafe class BoxExchange
{
    /// <summary>Checks the boxes against their buffers (one box per rank, each inside its buffer).</summary>
    /// <exception cref="ArgumentException">A box is malformed or reaches outside its buffer.</exception>
    public static void Validate(int size, CommBuffer<byte> buffer, ReadOnlySpan<ByteBox> boxes, string side)
    {
        if (boxes.Length != size) throw new ArgumentException($"Alltoallw: {boxes.Length} {side} boxes for {size} ranks; expected one per rank.");
        for (int r = 0; r < size; r++)
        {
            boxes[r].Validate($"Alltoallw {side} box {r}");
            if (boxes[r].Items > 0 && boxes[r].End > buffer.Count)
                throw new ArgumentException($"Alltoallw: {side} box {r} reaches byte {boxes[r].End} of a {buffer.Count}-byte buffer.");
        }
    }

    /// <summary>Packs, exchanges with one Alltoallv, unpacks.</summary>
    public static void ByPacking(ICommunicator comm, CommBuffer<byte> send, ReadOnlySpan<ByteBox> sendBoxes, CommBuffer<byte> recv, ReadOnlySpan<ByteBox> recvBoxes)
    {
        int p = comm.Size;
        Validate(p, send, sendBoxes, "send");
        Validate(p, recv, recvBoxes, "receive");
        var sendCounts = new long[p];
        var recvCounts = new long[p];
        for (int r = 0; r < p; r++) { sendCounts[r] = sendBoxes[r].Bytes; recvCounts[r] = recvBoxes[r].Bytes; }
        bool sendInPlace = InRankOrder(sendBoxes, out var sendDispls);
        bool recvInPlace = InRankOrder(recvBoxes, out var recvDispls);
        byte* packed = null, unpacked = null;
        try
        {
            long sendTotal = sendCounts.Sum(), recvTotal = recvCounts.Sum();
            var sb = send;
            if (!sendInPlace)
            {
                packed = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, sendTotal));
                long at = 0;
                for (int r = 0; r < p; r++) { sendDispls[r] = at; BoxCopy.Copy(send.Pointer, sendBoxes[r], packed, BoxCopy.Dense(sendBoxes[r], at)); at += sendCounts[r]; }
                sb = new CommBuffer<byte>(packed, sendTotal);
            }
            var rb = recv;
            if (!recvInPlace)
            {
                unpacked = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, recvTotal));
                long at = 0;
                for (int r = 0; r < p; r++) { recvDispls[r] = at; at += recvCounts[r]; }
                rb = new CommBuffer<byte>(unpacked, recvTotal);
            }
            comm.Alltoallv(sb, sendCounts, sendDispls, rb, recvCounts, recvDispls);
            if (!recvInPlace)
                for (int r = 0; r < p; r++) BoxCopy.Copy(unpacked, BoxCopy.Dense(recvBoxes[r], recvDispls[r]), recv.Pointer, recvBoxes[r]);
        }
        finally
        {
            if (packed != null) NativeMemory.Free(packed);
            if (unpacked != null) NativeMemory.Free(unpacked);
        }
    }

    // True when every box is dense; the displacements are then the boxes' offsets.
    private static bool InRankOrder(ReadOnlySpan<ByteBox> boxes, out long[] displs)
    {
        displs = new long[boxes.Length];
        bool dense = true;
        for (int r = 0; r < boxes.Length; r++)
        {
            bool empty = boxes[r].Items == 0;
            displs[r] = empty ? 0 : boxes[r].Offset;
            dense &= empty || BoxCopy.IsDense(boxes[r]);
        }
        return dense;
    }
}
