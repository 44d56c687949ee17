// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Rng;

/// <summary>What one element of a draw is made of.</summary>
internal enum Draw
{
    /// <summary>float32 in [0, 1): 24 bits of one word (4 elements per block).</summary>
    UniformSingle,
    /// <summary>float64 in [0, 1): 53 bits of two words (2 per block).</summary>
    UniformDouble,
    /// <summary>float32 standard normal: Box-Muller on word pairs, 64 elements from each unit of 16 blocks (see
    /// <see cref="Float32Stream.Fill"/>).</summary>
    NormalSingle,
    /// <summary>float64 standard normal: Box-Muller on two 53-bit uniforms (2 per block).</summary>
    NormalDouble,
    /// <summary>Integers in [low, low + range) with range ≤ 2^32: Lemire's multiply-shift on one word (4 per
    /// block).</summary>
    Int32Range,
    /// <summary>Integers with a range above 2^32: multiply-shift on a 64-bit word pair (2 per block).</summary>
    Int64Range,
}

/// <summary>
/// Fills a rank's chunk from the Philox stream: global element i (row-major in the global shape) is lane i % E of block
/// base + i / E, so every rank computes exactly its own elements, bit-identical for any rank count and split. float32
/// draws go through the fused kernels of <see cref="Float32Stream"/>; the others through word batches.
/// </summary>
internal static unsafe class Sampler
{
    private const int BatchBlocks = 1024;

    /// <summary>Elements per 128-bit block.</summary>
    public static int PerBlock(Draw draw) => draw is Draw.UniformDouble or Draw.NormalDouble or Draw.Int64Range ? 2 : 4;

    /// <summary>Blocks a draw of <paramref name="count"/> elements consumes.</summary>
    public static long Blocks(Draw draw, long count) =>
        draw == Draw.NormalSingle ? Float32Stream.Blocks(count, normal: true) : (count + PerBlock(draw) - 1) / PerBlock(draw);

    /// <summary>Fills <paramref name="local"/> (a canonical chunk of <paramref name="gshape"/>) as float64/float32/int
    /// values per <paramref name="draw"/>.</summary>
    public static void Fill(LocalTensor local, long[] gshape, int? split, long offset, Draw draw, ulong baseBlock, long seed, long low = 0, ulong range = 0)
    {
        uint k0 = (uint)seed, k1 = (uint)((ulong)seed >> 32);
        var backend = local.Backend;
        long n = local.Numel;
        if (n == 0) return;
        int itemSize = draw is Draw.UniformSingle or Draw.NormalSingle ? 4 : 8;
        bool host = local.HostPointer != 0 && local.IsContiguous;
        byte* target = host ? (byte*)local.HostPointer : (byte*)NativeMemory.Alloc((nuint)(n * itemSize));
        try
        {
            // Contiguous global runs of the chunk: one per index of the dimensions before the split axis.
            long outer = 1, inner = 1;
            int s = split ?? 0;
            if (split is null) { inner = Shapes.Numel(gshape); }
            else
            {
                for (int d = 0; d < s; d++) outer *= gshape[d];
                for (int d = s + 1; d < gshape.Length; d++) inner *= gshape[d];
            }
            long localExtent = split is null ? 1 : local.Shape[s];
            long globalExtent = split is null ? 1 : gshape[s];
            long runLength = localExtent * inner;
            // Every element's value depends only on its global index, so the work splits anywhere: outer runs × parts.
            int parts = (int)Math.Max(1, Math.Min(backend.Threads, runLength / 65536));
            System.Threading.Tasks.Parallel.For(0, outer * parts, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = backend.Threads }, task =>
            {
                long o = task / parts, part = task % parts;
                // Parts start on 16-element boundaries, so the vector stores of a part stay aligned with the buffer.
                long from = part == 0 ? 0 : runLength * part / parts & ~15L;
                long to = part == parts - 1 ? runLength : runLength * (part + 1) / parts & ~15L;
                long globalStart = (o * globalExtent + offset) * inner + from;
                byte* into = target + (o * runLength + from) * itemSize;
                if (draw is Draw.UniformSingle or Draw.NormalSingle)
                    Float32Stream.Fill(baseBlock, k0, k1, globalStart, to - from, (float*)into, draw == Draw.NormalSingle, Float32Stream.Best);
                else
                    Run(draw, baseBlock, k0, k1, low, range, globalStart, to - from, into);
            });
            if (!host) backend.CopyFromHost(target, local);
        }
        finally { if (!host) NativeMemory.Free(target); }
    }

    // Elements [start, start + length) of the global stream into dst (typed by the draw).
    private static void Run(Draw draw, ulong baseBlock, uint k0, uint k1, long low, ulong range, long start, long length, byte* dst)
    {
        int e = PerBlock(draw);
        int itemSize = draw is Draw.UniformSingle or Draw.NormalSingle ? 4 : 8;
        var words = new uint[BatchBlocks * 4];
        var values = new byte[BatchBlocks * e * itemSize];
        long done = 0;
        while (done < length)
        {
            long element = start + done;
            long block = element / e;
            int skip = (int)(element - block * e);
            long remainingBlocks = (skip + (length - done) + e - 1) / e;
            int blocks = (int)Math.Min(BatchBlocks, remainingBlocks);
            // Whole vectors only: the SIMD math of the normal transforms must not fall back to scalar code for short
            // runs, or an element's value would depend on where a rank's run happens to end.
            int generated = (blocks + 15) / 16 * 16;
            Philox.Fill(baseBlock + (ulong)block, k0, k1, words.AsSpan(0, generated * 4));
            Transform(draw, words.AsSpan(0, generated * 4), values, low, range);
            long take = Math.Min(blocks * (long)e - skip, length - done);
            fixed (byte* v = values)
                Buffer.MemoryCopy(v + skip * itemSize, dst + done * itemSize, take * itemSize, take * itemSize);
            done += take;
        }
    }

    private static void Transform(Draw draw, ReadOnlySpan<uint> w, byte[] output, long low, ulong range)
    {
        switch (draw)
        {
            case Draw.UniformDouble:
                {
                    var o = MemoryMarshal.Cast<byte, double>(output.AsSpan());
                    for (int i = 0; i < w.Length / 2; i++) o[i] = Unit53(w[2 * i], w[2 * i + 1]);
                    break;
                }
            case Draw.NormalDouble:
                {
                    int pairs = w.Length / 4;
                    var o = MemoryMarshal.Cast<byte, double>(output.AsSpan());
                    var radius = new double[pairs]; var angle = new double[pairs]; var sin = new double[pairs]; var cos = new double[pairs];
                    for (int k = 0; k < pairs; k++)
                    {
                        radius[k] = 1.0 - Unit53(w[4 * k], w[4 * k + 1]);             // (0, 1]
                        angle[k] = Unit53(w[4 * k + 2], w[4 * k + 3]);
                    }
                    TensorPrimitives.Log(radius, radius);
                    TensorPrimitives.Multiply(radius, -2.0, radius);
                    TensorPrimitives.Sqrt(radius, radius);
                    TensorPrimitives.Multiply(angle, 2 * Math.PI, angle);
                    TensorPrimitives.Sin(angle, sin);
                    TensorPrimitives.Cos(angle, cos);
                    for (int k = 0; k < pairs; k++) { o[2 * k] = radius[k] * cos[k]; o[2 * k + 1] = radius[k] * sin[k]; }
                    break;
                }
            case Draw.Int32Range:
                {
                    var o = MemoryMarshal.Cast<byte, long>(output.AsSpan());
                    for (int i = 0; i < w.Length; i++) o[i] = low + (long)(((ulong)w[i] * range) >> 32);
                    break;
                }
            default:
                {
                    var o = MemoryMarshal.Cast<byte, long>(output.AsSpan());
                    for (int i = 0; i < w.Length / 2; i++)
                    {
                        ulong x = ((ulong)w[2 * i] << 32) | w[2 * i + 1];
                        o[i] = low + (long)Math.BigMul(x, range, out _);
                    }
                    break;
                }
        }
    }

    private static double Unit53(uint hi, uint lo) => ((((ulong)hi) << 21) ^ (lo >> 11)) * (1.0 / (1UL << 53));
}
