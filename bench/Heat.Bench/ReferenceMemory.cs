// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Bench;

/// <summary>Page-aligned, pre-touched native buffers and the single-thread memcpy reference measured on them.</summary>
public static unsafe class ReferenceMemory
{
    /// <summary>A 4096-byte aligned buffer with every page touched; free it with <see cref="NativeMemory.AlignedFree"/>.</summary>
    public static byte* Touched(long bytes)
    {
        var p = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        NativeMemory.Fill(p, (nuint)bytes, 1);
        return p;
    }

    /// <summary>Best time of one thread copying <paramref name="bytes"/> <paramref name="times"/> times between reused, pre-touched buffers.</summary>
    public static double Memcpy(long bytes, int times, int reps)
    {
        byte* src = Touched(bytes), dst = Touched(bytes);
        try { return Timing.Best(reps, () => { for (int k = 0; k < times; k++) NativeMemory.Copy(src, dst, (nuint)bytes); }); }
        finally { NativeMemory.AlignedFree(src); NativeMemory.AlignedFree(dst); }
    }
}
