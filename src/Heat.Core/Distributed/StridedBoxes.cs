// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Local host tensors and their slices as <see cref="ByteBox"/> layouts for
/// <see cref="ICommunicator.Alltoallw"/>.</summary>
internal static unsafe class StridedBoxes
{
    /// <summary>
    /// One Alltoallw from <paramref name="source"/> to <paramref name="destination"/>: box r of each side comes from
    /// <paramref name="sendBox"/> / <paramref name="recvBox"/>. Every rank makes the same call; a rank whose tensors
    /// are not host-addressable (<see cref="LocalTensor.HostPointer"/> 0: a GPU, OpenCL device buffers) or have
    /// negative
    /// strides exchanges through a contiguous host copy.
    /// </summary>
    public static void Exchange(ICommunicator comm, LocalTensor source, LocalTensor destination,
                                Func<LocalTensor, int, ByteBox> sendBox, Func<LocalTensor, int, ByteBox> recvBox)
    {
        int p = comm.Size;
        bool direct = OnHost(destination);
        using var from = OnHost(source) ? source.Share() : HostStaging.CopyOf(source);
        using var into = direct ? destination.Share() : HostStaging.Empty(destination.Shape, destination.DType);
        var sendBoxes = new ByteBox[p];
        var recvBoxes = new ByteBox[p];
        for (int r = 0; r < p; r++) { sendBoxes[r] = sendBox(from, r); recvBoxes[r] = recvBox(into, r); }
        comm.Alltoallw(Buffer(from), sendBoxes, Buffer(into), recvBoxes);
        if (!direct) HostStaging.WriteBack(into, destination);
    }

    /// <summary>True when the tensor's bytes can be described by boxes: host memory (or empty) with non-negative
    /// strides.</summary>
    public static bool OnHost(LocalTensor t)
    {
        if (t.Numel == 0) return true;
        if (t.HostPointer == 0) return false;
        foreach (var stride in t.Strides) if (stride < 0) return false;
        return true;
    }

    /// <summary>The bytes from the tensor's first element to one past its last, as a buffer.</summary>
    public static CommBuffer<byte> Buffer(LocalTensor t)
    {
        if (t.Numel == 0) return CommBuffer<byte>.Empty;
        return new CommBuffer<byte>((byte*)t.HostPointer, Slice(t, 0, 0, t.Shape[0]).End);
    }

    /// <summary>The box of <c>[start, start + count)</c> along <paramref name="axis"/> of <paramref name="t"/>,
    /// relative to its first element.</summary>
    public static ByteBox Slice(LocalTensor t, int axis, long start, long count)
    {
        int item = t.DType.ItemSize;
        var counts = t.GetShape();
        counts[axis] = count;
        var strides = new long[counts.Length];
        if (counts.Any(c => c == 0)) return new ByteBox(0, counts, strides, item); // empty: no memory, any strides
        for (int d = 0; d < strides.Length; d++) strides[d] = t.Strides[d] * item;
        return new ByteBox(count == 0 ? 0 : start * strides[axis], counts, strides, item);
    }
}
