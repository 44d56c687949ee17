// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Rng;

/// <summary>
/// The counter-based Philox4x32-10 generator of Salmon et al. (SC'11, Random123): a 128-bit counter and a 64-bit key
/// give four 32-bit words, so any block of the stream is computed directly from its index (no state to carry between
/// ranks). Blocks are numbered by a 64-bit index placed in the counter's low two words.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>One Philox4x32-10 block: the four output words of counter (c0..c3) under key (k0, k1).</summary>
    public static (uint, uint, uint, uint) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0, n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            c1 = (uint)p1; c3 = (uint)p0; c0 = n0; c2 = n2;
        }
        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// Writes the words of blocks <paramref name="firstBlock"/>, <paramref name="firstBlock"/> + 1, ... into
    /// <paramref name="words"/> (four per block, block-major); the counter of block b is (lo32(b), hi32(b), 0, 0).
    /// </summary>
    public static unsafe void Fill(ulong firstBlock, uint k0, uint k1, Span<uint> words)
    {
        if (words.Length % 4 != 0) throw new ArgumentException("words must hold whole blocks (a multiple of 4).", nameof(words));
        int blocks = words.Length / 4, b = 0;
        fixed (uint* w = words)
        {
            if (Avx512F.IsSupported)
                for (; b + 8 <= blocks; b += 8) Eight(firstBlock + (ulong)b, k0, k1, w + 4 * b);
            if (Avx2.IsSupported)
                for (; b + 4 <= blocks; b += 4) Four(firstBlock + (ulong)b, k0, k1, w + 4 * b);
            for (; b < blocks; b++)
            {
                ulong block = firstBlock + (ulong)b;
                var (r0, r1, r2, r3) = Block((uint)block, (uint)(block >> 32), 0, 0, k0, k1);
                uint* o = w + 4 * b;
                o[0] = r0; o[1] = r1; o[2] = r2; o[3] = r3;
            }
        }
    }

    // Eight blocks at once with AVX-512 (vpmuludq on 64-bit lanes), the same arithmetic as Four.
    private static unsafe void Eight(ulong block, uint k0, uint k1, uint* output)
    {
        var mask = Vector512.Create(0xFFFFFFFFUL);
        var index = Vector512.Create(block) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        var c0 = index & mask;
        var c1 = Vector512.ShiftRightLogical(index, 32);
        var c2 = Vector512<ulong>.Zero;
        var c3 = Vector512<ulong>.Zero;
        var m0 = Vector512.Create((ulong)M0).AsUInt32();
        var m1 = Vector512.Create((ulong)M1).AsUInt32();
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            var p0 = Avx512F.Multiply(c0.AsUInt32(), m0);
            var p1 = Avx512F.Multiply(c2.AsUInt32(), m1);
            var n0 = Vector512.ShiftRightLogical(p1, 32) ^ c1 ^ Vector512.Create((ulong)k0);
            var n2 = Vector512.ShiftRightLogical(p0, 32) ^ c3 ^ Vector512.Create((ulong)k1);
            c1 = p1 & mask; c3 = p0 & mask; c0 = n0; c2 = n2;
        }
        // Transpose: word k of block j is lane j of c_k; interleave (c0, c1) and (c2, c3) as 32-bit pairs, then store.
        ulong* t = stackalloc ulong[32];
        c0.Store(t); c1.Store(t + 8); c2.Store(t + 16); c3.Store(t + 24);
        for (int j = 0; j < 8; j++)
        {
            uint* o = output + 4 * j;
            o[0] = (uint)t[j]; o[1] = (uint)t[8 + j]; o[2] = (uint)t[16 + j]; o[3] = (uint)t[24 + j];
        }
    }

    // Four blocks at once: each counter word in a 64-bit lane, so vpmuludq gives the full 32x32->64 products.
    private static unsafe void Four(ulong block, uint k0, uint k1, uint* output)
    {
        var mask = Vector256.Create(0xFFFFFFFFUL);
        var index = Vector256.Create(block, block + 1, block + 2, block + 3);
        var c0 = index & mask;
        var c1 = Vector256.ShiftRightLogical(index, 32);
        var c2 = Vector256<ulong>.Zero;
        var c3 = Vector256<ulong>.Zero;
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            var p0 = Avx2.Multiply(c0.AsUInt32(), m0);
            var p1 = Avx2.Multiply(c2.AsUInt32(), m1);
            var n0 = Vector256.ShiftRightLogical(p1, 32) ^ c1 ^ Vector256.Create((ulong)k0);
            var n2 = Vector256.ShiftRightLogical(p0, 32) ^ c3 ^ Vector256.Create((ulong)k1);
            c1 = p1 & mask; c3 = p0 & mask; c0 = n0; c2 = n2;
        }
        for (int lane = 0; lane < 4; lane++)
        {
            uint* o = output + 4 * lane;
            o[0] = (uint)c0.GetElement(lane); o[1] = (uint)c1.GetElement(lane);
            o[2] = (uint)c2.GetElement(lane); o[3] = (uint)c3.GetElement(lane);
        }
    }
}
