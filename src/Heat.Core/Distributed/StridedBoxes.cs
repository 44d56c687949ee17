// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Local host tensors and their slices as <see cref="ByteBox"/> layouts for <see cref="ICommunicator.Alltoallw"/>.</summary>
internal static unsafe class StridedBoxes
{
    /// <summary>True when the tensor's bytes can be described by boxes: host memory (or empty) with non-negative strides.</summary>
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

    /// <summary>The box of <c>[start, start + count)</c> along <paramref name="axis"/> of <paramref name="t"/>, relative to its first element.</summary>
    public static ByteBox Slice(LocalTensor t, int axis, long start, long count)
    {
        int item = t.DType.ItemSize;
        var counts = t.GetShape();
        counts[axis] = count;
        var strides = new long[counts.Length];
        for (int d = 0; d < strides.Length; d++) strides[d] = t.Strides[d] * item;
        return new ByteBox(count == 0 ? 0 : start * strides[axis], counts, strides, item);
    }
}
