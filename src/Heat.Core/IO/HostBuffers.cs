// SPDX-License-Identifier: MIT
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
        if (word == 1) return;
        long words = count * (itemSize / word);
        byte* p = (byte*)data;
        for (long i = 0; i < words; i++, p += word)
            new Span<byte>(p, word).Reverse();
    }
}
