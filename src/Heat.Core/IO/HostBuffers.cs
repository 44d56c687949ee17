// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.IO;

/// <summary>Moves file bytes straight into or out of a local tensor's host memory (a native bounce buffer only for device tensors).</summary>
internal static unsafe class HostBuffers
{
    /// <summary>A new contiguous tensor whose bytes <paramref name="fill"/> writes at the given host address.</summary>
    public static LocalTensor Create(ITensorBackend backend, long[] shape, DType dtype, Device device, Action<nint> fill)
    {
        var t = backend.Empty(shape, dtype, device);
        try
        {
            if (t.Numel == 0) return t;
            if (t.HostPointer != 0 && t.IsContiguous) { fill(t.HostPointer); return t; }
            void* bounce = NativeMemory.AlignedAlloc((nuint)t.ByteCount, 64);
            try { fill((nint)bounce); backend.CopyFromHost(bounce, t); }
            finally { NativeMemory.AlignedFree(bounce); }
            return t;
        }
        catch { t.Dispose(); throw; }
    }

    /// <summary>Gives <paramref name="use"/> the contiguous row-major bytes of <paramref name="t"/> in host memory (copying only when needed).</summary>
    public static void Read(LocalTensor t, Action<nint> use)
    {
        if (t.Numel == 0) { use(0); return; }
        if (t.HostPointer != 0 && t.IsContiguous) { use(t.HostPointer); return; }
        void* bounce = NativeMemory.AlignedAlloc((nuint)t.ByteCount, 64);
        try { t.Backend.CopyToHost(t, bounce); use((nint)bounce); }
        finally { NativeMemory.AlignedFree(bounce); }
    }

    /// <summary>Reverses the byte order of every <paramref name="itemSize"/>-byte element (complex: each half) in place.</summary>
    public static void SwapBytes(nint data, long count, int itemSize, bool complex)
    {
        int word = complex ? itemSize / 2 : itemSize;
        long words = count * (itemSize / word);
        const int Piece = 1 << 26;
        for (long done = 0; done < words; done += Piece)
        {
            int n = (int)Math.Min(Piece, words - done);
            switch (word)
            {
                case 2: { var s = new Span<short>((short*)data + done, n); BinaryPrimitives.ReverseEndianness(s, s); break; }
                case 4: { var s = new Span<int>((int*)data + done, n); BinaryPrimitives.ReverseEndianness(s, s); break; }
                case 8: { var s = new Span<long>((long*)data + done, n); BinaryPrimitives.ReverseEndianness(s, s); break; }
            }
        }
    }
}
