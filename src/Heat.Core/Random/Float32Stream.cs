// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Rng;

/// <summary>The instruction-set path of a fused fill (tests pin every available one against the scalar path).</summary>
internal enum SimdPath
{
    /// <summary>One block at a time, plain scalar code.</summary>
    Scalar,
    /// <summary>4 blocks per step: scalar Philox, Vector128 transform (the portable path, arm64 included).</summary>
    Vector128,
    /// <summary>8 blocks per step with AVX2.</summary>
    Avx2,
    /// <summary>32 blocks per step with AVX-512.</summary>
    Avx512,
}

/// <summary>
/// Fused float32 draws: Philox blocks are generated in registers with their four words in four vectors (one block per
/// lane), converted to uniforms or Box-Muller normals and stored once (uniform: transposed so element i is word i % 4
/// of block i / 4; normal: in units of 16 blocks whose outputs are stored as they come, see <see cref="Fill"/>).
/// Every path computes each element from its block alone with the same operations, so the values do not depend on
/// where a run starts or on the path taken. AVX-512 works in batches of 256 blocks: Philox into word arrays in L1,
/// then the transform, so each loop keeps its own pipes busy.
/// </summary>
internal static unsafe class Float32Stream
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The fastest path this machine runs.</summary>
    public static SimdPath Best =>
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? SimdPath.Avx512
        : Avx2.IsSupported && Fma.IsSupported ? SimdPath.Avx2
        : SimdPath.Vector128;

    /// <summary>Whether <paramref name="path"/> runs on this machine.</summary>
    public static bool IsSupported(SimdPath path) => path switch
    {
        SimdPath.Avx512 => Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        SimdPath.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    /// <summary>Blocks of the stream a draw of <paramref name="count"/> elements uses.</summary>
    public static long Blocks(long count, bool normal) => normal ? (count + 63) / 64 * 16 : (count + 3) / 4;

    /// <summary>
    /// Writes elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of a draw
    /// starting at block <paramref name="baseBlock"/> into <paramref name="dst"/>. Uniform: element i is word i % 4 of
    /// block i / 4. Normal: the draw is cut in units of 64 elements from 16 blocks; element 16k + j of unit u is output
    /// k of block 16u + j, where outputs 0, 1 are the Box-Muller pair (r·cos θ, r·sin θ) of words 0, 1 and outputs 2,
    /// 3 that of words 2, 3 (so a vector of blocks stores its outputs without a transpose).
    /// </summary>
    public static void Fill(ulong baseBlock, uint k0, uint k1, long start, long length, float* dst, bool normal, SimdPath path)
    {
        // Elements of a position unit, its blocks, and the elements one step of the path writes.
        int unit = normal ? 64 : 4, unitBlocks = normal ? 16 : 1;
        int step = normal ? (path == SimdPath.Avx512 ? 128 : 64)
            : 4 * path switch { SimdPath.Avx512 => 32, SimdPath.Avx2 => 8, SimdPath.Vector128 => 4, _ => 1 };
        var keys = stackalloc uint[20];
        for (int r = 0; r < 10; r++) { keys[2 * r] = k0 + (uint)r * W0; keys[2 * r + 1] = k1 + (uint)r * W1; }
        float* tmp = stackalloc float[128];
        long end = start + length, i = start;
        while (i < end)
        {
            long u = i / unit;
            ulong block = baseBlock + (ulong)(u * unitBlocks);
            int skip = (int)(i - u * unit);
            if (skip == 0 && end - i >= step)
            {
                // The bulk: whole steps straight into the destination.
                long steps = (end - i) / step;
                Groups(path, block, keys, dst + (i - start), steps, normal);
                i += steps * step;
                continue;
            }
            Groups(path, block, keys, tmp, 1, normal);
            int take = (int)Math.Min(step - skip, end - i);
            new ReadOnlySpan<float>(tmp + skip, take).CopyTo(new Span<float>(dst + (i - start), take));
            i += take;
        }
    }

    private static void Groups(SimdPath path, ulong block, uint* keys, float* dst, long groups, bool normal)
    {
        switch (path)
        {
            case SimdPath.Avx512: Groups512(block, keys, dst, groups, normal); break;
            case SimdPath.Avx2: Groups256(block, keys, dst, groups, normal); break;
            case SimdPath.Vector128: Groups128(block, keys, dst, groups, normal); break;
            default: GroupsScalar(block, keys[0], keys[1], dst, groups, normal); break;
        }
    }

    // Scalar: a step is one block (uniform) or one unit of 16 blocks (normal).
    private static void GroupsScalar(ulong block, uint k0, uint k1, float* dst, long steps, bool normal)
    {
        if (normal)
        {
            for (long g = 0; g < steps; g++, dst += 64)
                for (int j = 0; j < 16; j++, block++)
                {
                    var (w0, w1, w2, w3) = Philox.Block((uint)block, (uint)(block >> 32), 0, 0, k0, k1);
                    (dst[j], dst[16 + j]) = BoxMuller.Pair(w0, w1);
                    (dst[32 + j], dst[48 + j]) = BoxMuller.Pair(w2, w3);
                }
            return;
        }
        for (long g = 0; g < steps; g++, block++, dst += 4)
        {
            var (w0, w1, w2, w3) = Philox.Block((uint)block, (uint)(block >> 32), 0, 0, k0, k1);
            dst[0] = BoxMuller.Uniform(w0); dst[1] = BoxMuller.Uniform(w1);
            dst[2] = BoxMuller.Uniform(w2); dst[3] = BoxMuller.Uniform(w3);
        }
    }

    // Vector128: scalar Philox on 4 blocks, the transform on 4 lanes; a normal step is 4 quarters of a unit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: fully optimised from the first call
    private static void Groups128(ulong block, uint* keys, float* dst, long steps, bool normal)
    {
        uint* w = stackalloc uint[16];
        float* z = stackalloc float[16];
        for (long g = 0; g < steps; g++)
        {
            for (int q = 0; q < (normal ? 4 : 1); q++, block += 4)
            {
                for (int j = 0; j < 4; j++)
                {
                    ulong b = block + (ulong)j;
                    (w[j], w[4 + j], w[8 + j], w[12 + j]) = Philox.Block((uint)b, (uint)(b >> 32), 0, 0, keys[0], keys[1]);
                }
                var v0 = Vector128.Load(w); var v1 = Vector128.Load(w + 4); var v2 = Vector128.Load(w + 8); var v3 = Vector128.Load(w + 12);
                if (normal)
                {
                    BoxMuller.Pair(v0, v1, out var z0, out var z1);
                    BoxMuller.Pair(v2, v3, out var z2, out var z3);
                    z0.Store(dst + 4 * q); z1.Store(dst + 16 + 4 * q); z2.Store(dst + 32 + 4 * q); z3.Store(dst + 48 + 4 * q);
                    continue;
                }
                Uniform(v0).Store(z); Uniform(v1).Store(z + 4); Uniform(v2).Store(z + 8); Uniform(v3).Store(z + 12);
                for (int j = 0; j < 4; j++)
                {
                    dst[4 * j] = z[j]; dst[4 * j + 1] = z[4 + j]; dst[4 * j + 2] = z[8 + j]; dst[4 * j + 3] = z[12 + j];
                }
            }
            dst += normal ? 64 : 16;
        }
    }

    private static Vector128<float> Uniform(Vector128<uint> w) =>
        Vector128.ConvertToSingle((w >> 8).AsInt32()) * Vector128.Create(1f / (1 << 24));

    private static Vector256<float> Uniform(Vector256<uint> w) =>
        Vector256.ConvertToSingle((w >> 8).AsInt32()) * Vector256.Create(1f / (1 << 24));

    private static Vector512<float> Uniform(Vector512<uint> w) =>
        Vector512.ConvertToSingle((w >> 8).AsInt32()) * Vector512.Create(1f / (1 << 24));

    // AVX2: two sets of 4 blocks, each counter word in a 64-bit lane (vpmuludq gives full products; the high halves of
    // lanes may hold garbage, only the low 32 bits are ever read), narrowed to 8 lanes of 32 bits at the end. A normal
    // step is the two halves of a unit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: fully optimised from the first call
    private static void Groups256(ulong block, uint* keys, float* dst, long steps, bool normal)
    {
        for (long g = 0; g < steps; g++)
        {
            if (normal)
            {
                for (int h = 0; h < 2; h++, block += 8)
                {
                    Philox8(block, keys, out var w0, out var w1, out var w2, out var w3);
                    BoxMuller.Pair(w0, w1, out var z0, out var z1);
                    BoxMuller.Pair(w2, w3, out var z2, out var z3);
                    z0.Store(dst + 8 * h); z1.Store(dst + 16 + 8 * h); z2.Store(dst + 32 + 8 * h); z3.Store(dst + 48 + 8 * h);
                }
                dst += 64;
                continue;
            }
            Philox8(block, keys, out var v0, out var v1, out var v2, out var v3);
            var u0 = Uniform(v0); var u1 = Uniform(v1); var u2 = Uniform(v2); var u3 = Uniform(v3);
            // Transpose: lane j of u_k is element 4j + k.
            var t0 = Avx.UnpackLow(u0, u1); var t1 = Avx.UnpackHigh(u0, u1);
            var t2 = Avx.UnpackLow(u2, u3); var t3 = Avx.UnpackHigh(u2, u3);
            var q0 = Avx.UnpackLow(t0.AsDouble(), t2.AsDouble()).AsSingle(); var q1 = Avx.UnpackHigh(t0.AsDouble(), t2.AsDouble()).AsSingle();
            var q2 = Avx.UnpackLow(t1.AsDouble(), t3.AsDouble()).AsSingle(); var q3 = Avx.UnpackHigh(t1.AsDouble(), t3.AsDouble()).AsSingle();
            Avx.Permute2x128(q0, q1, 0x20).Store(dst);
            Avx.Permute2x128(q2, q3, 0x20).Store(dst + 8);
            Avx.Permute2x128(q0, q1, 0x31).Store(dst + 16);
            Avx.Permute2x128(q2, q3, 0x31).Store(dst + 24);
            block += 8;
            dst += 32;
        }
    }

    // Philox on blocks block..block+7: word k of block j in lane j of w_k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Philox8(ulong block, uint* keys, out Vector256<uint> w0, out Vector256<uint> w1, out Vector256<uint> w2, out Vector256<uint> w3)
    {
        var m0 = Vector256.Create(M0); var m1 = Vector256.Create(M1);
        var ia = Vector256.Create(block) + Vector256.Create(0UL, 1, 2, 3);
        var ib = ia + Vector256.Create(4UL);
        var a0 = ia.AsUInt32(); var a1 = Vector256.ShiftRightLogical(ia, 32).AsUInt32(); var a2 = Vector256<uint>.Zero; var a3 = Vector256<uint>.Zero;
        var b0 = ib.AsUInt32(); var b1 = Vector256.ShiftRightLogical(ib, 32).AsUInt32(); var b2 = Vector256<uint>.Zero; var b3 = Vector256<uint>.Zero;
        for (int r = 0; r < 10; r++)
        {
            var k0 = Vector256.Create(keys[2 * r]); var k1 = Vector256.Create(keys[2 * r + 1]);
            var pa0 = Avx2.Multiply(a0, m0); var pa1 = Avx2.Multiply(a2, m1);
            var pb0 = Avx2.Multiply(b0, m0); var pb1 = Avx2.Multiply(b2, m1);
            a0 = Vector256.ShiftRightLogical(pa1, 32).AsUInt32() ^ a1 ^ k0; a2 = Vector256.ShiftRightLogical(pa0, 32).AsUInt32() ^ a3 ^ k1;
            b0 = Vector256.ShiftRightLogical(pb1, 32).AsUInt32() ^ b1 ^ k0; b2 = Vector256.ShiftRightLogical(pb0, 32).AsUInt32() ^ b3 ^ k1;
            a1 = pa1.AsUInt32(); a3 = pa0.AsUInt32(); b1 = pb1.AsUInt32(); b3 = pb0.AsUInt32();
        }
        w0 = Narrow(a0, b0); w1 = Narrow(a1, b1); w2 = Narrow(a2, b2); w3 = Narrow(a3, b3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Narrow(Vector256<uint> lo, Vector256<uint> hi)
    {
        // Even 32-bit elements of lo then of hi.
        var idx = Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6);
        var l = Avx2.PermuteVar8x32(lo, idx.AsUInt32()); var h = Avx2.PermuteVar8x32(hi, idx.AsUInt32());
        return Avx2.Permute2x128(l, h, 0x20);
    }

    // One Philox round on a set of 8 blocks (64-bit lanes; vpternlogd 0x96 is a three-way xor).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(Vector512<uint> a0, Vector512<uint> a1, Vector512<uint> a2, Vector512<uint> a3,
        Vector512<uint> m0, Vector512<uint> m1, Vector512<uint> k0, Vector512<uint> k1,
        out Vector512<uint> x0, out Vector512<uint> x1, out Vector512<uint> x2, out Vector512<uint> x3)
    {
        var p0 = Avx512F.Multiply(a0, m0).AsUInt32(); var p1 = Avx512F.Multiply(a2, m1).AsUInt32();
        x0 = Avx512F.TernaryLogic(a1, Vector512.ShiftRightLogical(p1.AsUInt64(), 32).AsUInt32(), k0, 0x96);
        x2 = Avx512F.TernaryLogic(a3, Vector512.ShiftRightLogical(p0.AsUInt64(), 32).AsUInt32(), k1, 0x96);
        x1 = p1; x3 = p0;
    }

    // AVX-512 in two phases per batch of up to 256 blocks, so the long dependency chains of the transform overlap
    // across iterations: Philox on four sets of 8 blocks at a time (64-bit lanes as in the AVX2 path) narrowed into
    // four word arrays in L1 (word k of block j at words[k * 256 + j]), then the transform 16 blocks at a time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: fully optimised from the first call
    private static void Groups512(ulong block, uint* keys, float* dst, long groups, bool normal)
    {
        const int Batch = 256;
        uint* words = stackalloc uint[4 * Batch];
        var step = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        var m0 = Vector512.Create(M0); var m1 = Vector512.Create(M1);
        var even = Vector512.Create(0u, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        while (groups > 0)
        {
            int batchGroups = (int)Math.Min(groups, Batch / 32);
            for (int g = 0; g < batchGroups; g++)
            {
                var ia = Vector512.Create(block + (ulong)(32 * g)) + step;
                var ib = ia + Vector512.Create(8UL); var ic = ia + Vector512.Create(16UL); var id = ia + Vector512.Create(24UL);
                var a0 = ia.AsUInt32(); var a1 = Vector512.ShiftRightLogical(ia, 32).AsUInt32(); var a2 = Vector512<uint>.Zero; var a3 = Vector512<uint>.Zero;
                var b0 = ib.AsUInt32(); var b1 = Vector512.ShiftRightLogical(ib, 32).AsUInt32(); var b2 = Vector512<uint>.Zero; var b3 = Vector512<uint>.Zero;
                var c0 = ic.AsUInt32(); var c1 = Vector512.ShiftRightLogical(ic, 32).AsUInt32(); var c2 = Vector512<uint>.Zero; var c3 = Vector512<uint>.Zero;
                var d0 = id.AsUInt32(); var d1 = Vector512.ShiftRightLogical(id, 32).AsUInt32(); var d2 = Vector512<uint>.Zero; var d3 = Vector512<uint>.Zero;
                for (int r = 0; r < 10; r += 2)
                {
                    // Two rounds per pass, ping-ponging between the a..d and e..h names so no register moves are needed.
                    var k0 = Vector512.Create(keys[2 * r]); var k1 = Vector512.Create(keys[2 * r + 1]);
                    Round(a0, a1, a2, a3, m0, m1, k0, k1, out var e0, out var e1, out var e2, out var e3);
                    Round(b0, b1, b2, b3, m0, m1, k0, k1, out var f0, out var f1, out var f2, out var f3);
                    Round(c0, c1, c2, c3, m0, m1, k0, k1, out var g0, out var g1, out var g2, out var g3);
                    Round(d0, d1, d2, d3, m0, m1, k0, k1, out var h0, out var h1, out var h2, out var h3);
                    k0 = Vector512.Create(keys[2 * r + 2]); k1 = Vector512.Create(keys[2 * r + 3]);
                    Round(e0, e1, e2, e3, m0, m1, k0, k1, out a0, out a1, out a2, out a3);
                    Round(f0, f1, f2, f3, m0, m1, k0, k1, out b0, out b1, out b2, out b3);
                    Round(g0, g1, g2, g3, m0, m1, k0, k1, out c0, out c1, out c2, out c3);
                    Round(h0, h1, h2, h3, m0, m1, k0, k1, out d0, out d1, out d2, out d3);
                }
                uint* w = words + 32 * g;
                Avx512F.PermuteVar16x32x2(a0, even, b0).Store(w); Avx512F.PermuteVar16x32x2(c0, even, d0).Store(w + 16);
                Avx512F.PermuteVar16x32x2(a1, even, b1).Store(w + Batch); Avx512F.PermuteVar16x32x2(c1, even, d1).Store(w + Batch + 16);
                Avx512F.PermuteVar16x32x2(a2, even, b2).Store(w + 2 * Batch); Avx512F.PermuteVar16x32x2(c2, even, d2).Store(w + 2 * Batch + 16);
                Avx512F.PermuteVar16x32x2(a3, even, b3).Store(w + 3 * Batch); Avx512F.PermuteVar16x32x2(c3, even, d3).Store(w + 3 * Batch + 16);
            }
            if (normal) Normals512(words, Batch, 2 * batchGroups, dst);
            else Uniforms512(words, Batch, 2 * batchGroups, dst);
            groups -= batchGroups;
            block += (ulong)(32 * batchGroups);
            dst += 128 * batchGroups;
        }
    }

    // Blocks 16i..16i+15 for i < count: word k of block j at words[k * stride + j]; transform and store (normal: a unit
    // of 64 elements, no transpose; uniform: transposed so element 4j + k is word k of block j).
    // One method per draw: the JIT keeps each loop's constants in registers.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Normals512(uint* words, int stride, int count, float* dst)
    {
        // One pair per iteration (words 0, 1 for all groups, then words 2, 3), so each constant has one use per
        // iteration and the JIT keeps it in a register or an embedded broadcast instead of re-broadcasting it.
        for (int h = 0; h < 2; h++)
        {
            uint* a = words + 2 * h * stride, b = a + stride;
            float* o = dst + 32 * h;
            for (int i = 0; i < count; i++, a += 16, b += 16, o += 64)
            {
                BoxMuller.Pair(Vector512.Load(a), Vector512.Load(b), out var cos, out var sin);
                cos.Store(o); sin.Store(o + 16);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Uniforms512(uint* words, int stride, int count, float* dst)
    {
        for (int i = 0; i < count; i++, words += 16, dst += 64)
            Store(Uniform(Vector512.Load(words)), Uniform(Vector512.Load(words + stride)),
                Uniform(Vector512.Load(words + 2 * stride)), Uniform(Vector512.Load(words + 3 * stride)), dst);
    }

    // Transposed store (uniform): lane j of z_k is element 4j + k. Pairs (z0, z1) and (z2, z3) first, then quads.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> z0, Vector512<float> z1, Vector512<float> z2, Vector512<float> z3, float* dst)
    {
        var pairLo = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        var pairHi = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
        var quadLo = Vector512.Create(0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23);
        var quadHi = Vector512.Create(8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31);
        var p01l = Avx512F.PermuteVar16x32x2(z0, pairLo, z1); var p01h = Avx512F.PermuteVar16x32x2(z0, pairHi, z1);
        var p23l = Avx512F.PermuteVar16x32x2(z2, pairLo, z3); var p23h = Avx512F.PermuteVar16x32x2(z2, pairHi, z3);
        Avx512F.PermuteVar16x32x2(p01l, quadLo, p23l).Store(dst);
        Avx512F.PermuteVar16x32x2(p01l, quadHi, p23l).Store(dst + 16);
        Avx512F.PermuteVar16x32x2(p01h, quadLo, p23h).Store(dst + 32);
        Avx512F.PermuteVar16x32x2(p01h, quadHi, p23h).Store(dst + 48);
    }
}
