// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Heat.Rng;

/// <summary>
/// The float32 Box-Muller transform of two Philox words, written once per vector width with the same operations in the
/// same order (every multiply-add fused), so the scalar, Vector128, Vector256 and Vector512 forms give identical bits.
/// Word a gives u1 = ((a &gt;&gt; 8) + 1)·2⁻²⁴ in (0, 1], word b gives the angle 2π·(b &gt;&gt; 8)·2⁻²⁴; the pair becomes
/// (r·cos θ, r·sin θ) with r = sqrt(-2 ln u1).
/// </summary>
/// <remarks>
/// ln: u1's integer numerator is converted exactly, split as 2^e·m with m in [√½, √2), and ln(1 + f) for f = m - 1
/// (exact) comes from Cephes' degree-8 logf polynomial; ln 2 is split in two so e·ln 2 stays exact.
/// sin/cos: the angle's 24 bits are reduced in integers (quadrant = nearest multiple of π/2, exact remainder), the
/// remainder times 2π·2⁻²⁴ (split in two) lies in [-π/4, π/4) where Cephes' sinf/cosf polynomials hold, and the
/// quadrant swaps and negates. Errors stay within a few float32 ulps of the float64 transform (tested exhaustively).
/// </remarks>
internal static class BoxMuller
{
    private const float P0 = 7.0376836292E-2f, P1 = -1.1514610310E-1f, P2 = 1.1676998740E-1f, P3 = -1.2420140846E-1f,
        P4 = 1.4249322787E-1f, P5 = -1.6668057665E-1f, P6 = 2.0000714765E-1f, P7 = -2.4999993993E-1f, P8 = 3.3333331174E-1f;
    private const float Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440e-4f;
    private const float S1 = -1.6666654611E-1f, S2 = 8.3321608736E-3f, S3 = -1.9515295891E-4f;
    private const float C1 = 4.166664568298827E-2f, C2 = -1.388731625493765E-3f, C3 = 2.443315711809948E-5f;
    private const float AngleHi = (float)(2 * Math.PI / 16777216);
    private const float AngleLo = (float)(2 * Math.PI / 16777216 - AngleHi);
    private const int SqrtHalfBits = 0x3F3504F3;

    /// <summary>ln(u1) for u1 = ((a &gt;&gt; 8) + 1)·2⁻²⁴.</summary>
    public static float Log(uint a)
    {
        float x = (int)(a >> 8) + 1;
        int ix = BitConverter.SingleToInt32Bits(x) - SqrtHalfBits;
        float e = (ix >> 23) - 24;
        float f = BitConverter.Int32BitsToSingle((ix & 0x7FFFFF) + SqrtHalfBits) - 1f;
        float z = f * f;
        float p = MathF.FusedMultiplyAdd(P0, f, P1);
        p = MathF.FusedMultiplyAdd(p, f, P2);
        p = MathF.FusedMultiplyAdd(p, f, P3);
        p = MathF.FusedMultiplyAdd(p, f, P4);
        p = MathF.FusedMultiplyAdd(p, f, P5);
        p = MathF.FusedMultiplyAdd(p, f, P6);
        p = MathF.FusedMultiplyAdd(p, f, P7);
        p = MathF.FusedMultiplyAdd(p, f, P8);
        float y = p * (z * f);
        y = MathF.FusedMultiplyAdd(e, Ln2Lo, y);
        y = MathF.FusedMultiplyAdd(-0.5f, z, y);
        return MathF.FusedMultiplyAdd(e, Ln2Hi, f + y);
    }

    /// <summary>(cos θ, sin θ) for θ = 2π·(b &gt;&gt; 8)·2⁻²⁴.</summary>
    public static (float Cos, float Sin) CosSin(uint b)
    {
        uint t = (b >> 8) + (1u << 21);
        float r = (int)(t & 0x3FFFFF) - (1 << 21);
        float x = MathF.FusedMultiplyAdd(r, AngleHi, r * AngleLo);
        float z = x * x;
        float s = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(z, S3, S2), z, S1), x * z, x);
        float c = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(z, C3, C2), z, C1), z, -0.5f), z, 1f);
        bool swap = (t & (1u << 22)) != 0;
        uint sinSign = (t << 8) & 0x80000000u, cosSign = ((t + (1u << 22)) << 8) & 0x80000000u;
        float sv = swap ? c : s, cv = swap ? s : c;
        return (Flip(cv, cosSign), Flip(sv, sinSign));
    }

    /// <summary>The normal pair (r·cos θ, r·sin θ) of words a (radius) and b (angle).</summary>
    public static (float, float) Pair(uint a, uint b)
    {
        float radius = MathF.Sqrt(-2f * Log(a));
        uint t = (b >> 8) + (1u << 21);
        float r = (int)(t & 0x3FFFFF) - (1 << 21);
        float x = MathF.FusedMultiplyAdd(r, AngleHi, r * AngleLo);
        float z = x * x;
        float s = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(z, S3, S2), z, S1), x * z, x);
        float c = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(z, C3, C2), z, C1), z, -0.5f), z, 1f);
        bool swap = (t & (1u << 22)) != 0;
        uint sinSign = (t << 8) & 0x80000000u, cosSign = ((t + (1u << 22)) << 8) & 0x80000000u;
        float sv = swap ? c : s, cv = swap ? s : c;
        return (Flip(radius * cv, cosSign), Flip(radius * sv, sinSign));
    }

    private static float Flip(float v, uint sign) => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(v) ^ sign);

    /// <summary>The uniform of one word in [0, 1): (w &gt;&gt; 8)·2⁻²⁴.</summary>
    public static float Uniform(uint w) => (int)(w >> 8) * (1f / (1 << 24));

    /// <summary><see cref="Pair(uint, uint)"/> on 16 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair(Vector512<uint> a, Vector512<uint> b, out Vector512<float> cos, out Vector512<float> sin)
    {
        // ln u1
        var x0 = Vector512.ConvertToSingle((a >> 8).AsInt32() + Vector512<int>.One);
        var ix = x0.AsInt32() - Vector512.Create(SqrtHalfBits);
        var e = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(ix, 23) - Vector512.Create(24));
        var f = ((ix & Vector512.Create(0x7FFFFF)) + Vector512.Create(SqrtHalfBits)).AsSingle() - Vector512<float>.One;
        var zf = f * f;
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(P0), f, Vector512.Create(P1));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P2));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P4));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P6));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P7));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(P8));
        var y = p * (zf * f);
        y = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Lo), y);
        y = Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), zf, y);
        var log = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Hi), f + y);
        var radius = Vector512.Sqrt(Vector512.Create(-2f) * log);
        // sin, cos
        var t = (b >> 8) + Vector512.Create(1u << 21);
        var r = Vector512.ConvertToSingle((t & Vector512.Create(0x3FFFFFu)).AsInt32() - Vector512.Create(1 << 21));
        var x = Vector512.FusedMultiplyAdd(r, Vector512.Create(AngleHi), r * Vector512.Create(AngleLo));
        var z = x * x;
        var s = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z, Vector512.Create(S3), Vector512.Create(S2)), z, Vector512.Create(S1)), x * z, x);
        var c = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z, Vector512.Create(C3), Vector512.Create(C2)), z, Vector512.Create(C1)), z, Vector512.Create(-0.5f)), z, Vector512<float>.One);
        var keep = Vector512.Equals(t & Vector512.Create(1u << 22), Vector512<uint>.Zero).AsSingle();
        var sv = Vector512.ConditionalSelect(keep, s, c);
        var cv = Vector512.ConditionalSelect(keep, c, s);
        var sign = Vector512.Create(0x80000000u);
        cos = ((radius * cv).AsUInt32() ^ (((t + Vector512.Create(1u << 22)) << 8) & sign)).AsSingle();
        sin = ((radius * sv).AsUInt32() ^ ((t << 8) & sign)).AsSingle();
    }

    /// <summary>Two independent 16-lane pairs, statement by statement interleaved for instruction-level parallelism.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair(Vector512<uint> a0, Vector512<uint> b0, Vector512<uint> a1, Vector512<uint> b1,
        out Vector512<float> cos0, out Vector512<float> sin0, out Vector512<float> cos1, out Vector512<float> sin1)
    {
        var x00 = Vector512.ConvertToSingle((a0 >> 8).AsInt32() + Vector512<int>.One);
        var x01 = Vector512.ConvertToSingle((a1 >> 8).AsInt32() + Vector512<int>.One);
        var ix0 = x00.AsInt32() - Vector512.Create(SqrtHalfBits);
        var ix1 = x01.AsInt32() - Vector512.Create(SqrtHalfBits);
        var e0 = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(ix0, 23) - Vector512.Create(24));
        var e1 = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(ix1, 23) - Vector512.Create(24));
        var f0 = ((ix0 & Vector512.Create(0x7FFFFF)) + Vector512.Create(SqrtHalfBits)).AsSingle() - Vector512<float>.One;
        var f1 = ((ix1 & Vector512.Create(0x7FFFFF)) + Vector512.Create(SqrtHalfBits)).AsSingle() - Vector512<float>.One;
        var zf0 = f0 * f0;
        var zf1 = f1 * f1;
        var p0 = Vector512.FusedMultiplyAdd(Vector512.Create(P0), f0, Vector512.Create(P1));
        var p1 = Vector512.FusedMultiplyAdd(Vector512.Create(P0), f1, Vector512.Create(P1));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P2));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P2));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P3));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P3));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P4));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P4));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P5));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P5));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P6));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P6));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P7));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P7));
        p0 = Vector512.FusedMultiplyAdd(p0, f0, Vector512.Create(P8));
        p1 = Vector512.FusedMultiplyAdd(p1, f1, Vector512.Create(P8));
        var y0 = p0 * (zf0 * f0);
        var y1 = p1 * (zf1 * f1);
        y0 = Vector512.FusedMultiplyAdd(e0, Vector512.Create(Ln2Lo), y0);
        y1 = Vector512.FusedMultiplyAdd(e1, Vector512.Create(Ln2Lo), y1);
        y0 = Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), zf0, y0);
        y1 = Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), zf1, y1);
        var log0 = Vector512.FusedMultiplyAdd(e0, Vector512.Create(Ln2Hi), f0 + y0);
        var log1 = Vector512.FusedMultiplyAdd(e1, Vector512.Create(Ln2Hi), f1 + y1);
        var radius0 = Vector512.Sqrt(Vector512.Create(-2f) * log0);
        var radius1 = Vector512.Sqrt(Vector512.Create(-2f) * log1);
        var t0 = (b0 >> 8) + Vector512.Create(1u << 21);
        var t1 = (b1 >> 8) + Vector512.Create(1u << 21);
        var r0 = Vector512.ConvertToSingle((t0 & Vector512.Create(0x3FFFFFu)).AsInt32() - Vector512.Create(1 << 21));
        var r1 = Vector512.ConvertToSingle((t1 & Vector512.Create(0x3FFFFFu)).AsInt32() - Vector512.Create(1 << 21));
        var x0 = Vector512.FusedMultiplyAdd(r0, Vector512.Create(AngleHi), r0 * Vector512.Create(AngleLo));
        var x1 = Vector512.FusedMultiplyAdd(r1, Vector512.Create(AngleHi), r1 * Vector512.Create(AngleLo));
        var z0 = x0 * x0;
        var z1 = x1 * x1;
        var s0 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z0, Vector512.Create(S3), Vector512.Create(S2)), z0, Vector512.Create(S1)), x0 * z0, x0);
        var s1 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z1, Vector512.Create(S3), Vector512.Create(S2)), z1, Vector512.Create(S1)), x1 * z1, x1);
        var c0 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z0, Vector512.Create(C3), Vector512.Create(C2)), z0, Vector512.Create(C1)), z0, Vector512.Create(-0.5f)), z0, Vector512<float>.One);
        var c1 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(z1, Vector512.Create(C3), Vector512.Create(C2)), z1, Vector512.Create(C1)), z1, Vector512.Create(-0.5f)), z1, Vector512<float>.One);
        var keep0 = Vector512.Equals(t0 & Vector512.Create(1u << 22), Vector512<uint>.Zero).AsSingle();
        var keep1 = Vector512.Equals(t1 & Vector512.Create(1u << 22), Vector512<uint>.Zero).AsSingle();
        var sv0 = Vector512.ConditionalSelect(keep0, s0, c0);
        var sv1 = Vector512.ConditionalSelect(keep1, s1, c1);
        var cv0 = Vector512.ConditionalSelect(keep0, c0, s0);
        var cv1 = Vector512.ConditionalSelect(keep1, c1, s1);
        var sign0 = Vector512.Create(0x80000000u);
        var sign1 = Vector512.Create(0x80000000u);
        cos0 = ((radius0 * cv0).AsUInt32() ^ (((t0 + Vector512.Create(1u << 22)) << 8) & sign0)).AsSingle();
        cos1 = ((radius1 * cv1).AsUInt32() ^ (((t1 + Vector512.Create(1u << 22)) << 8) & sign1)).AsSingle();
        sin0 = ((radius0 * sv0).AsUInt32() ^ ((t0 << 8) & sign0)).AsSingle();
        sin1 = ((radius1 * sv1).AsUInt32() ^ ((t1 << 8) & sign1)).AsSingle();
    }

    /// <summary><see cref="Pair(uint, uint)"/> on 8 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair(Vector256<uint> a, Vector256<uint> b, out Vector256<float> cos, out Vector256<float> sin)
    {
        var x0 = Vector256.ConvertToSingle((a >> 8).AsInt32() + Vector256<int>.One);
        var ix = x0.AsInt32() - Vector256.Create(SqrtHalfBits);
        var e = Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(ix, 23) - Vector256.Create(24));
        var f = ((ix & Vector256.Create(0x7FFFFF)) + Vector256.Create(SqrtHalfBits)).AsSingle() - Vector256<float>.One;
        var zf = f * f;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(P0), f, Vector256.Create(P1));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P2));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P3));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P4));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P5));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P6));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P7));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(P8));
        var y = p * (zf * f);
        y = Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Lo), y);
        y = Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), zf, y);
        var log = Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Hi), f + y);
        var radius = Vector256.Sqrt(Vector256.Create(-2f) * log);
        var t = (b >> 8) + Vector256.Create(1u << 21);
        var r = Vector256.ConvertToSingle((t & Vector256.Create(0x3FFFFFu)).AsInt32() - Vector256.Create(1 << 21));
        var x = Vector256.FusedMultiplyAdd(r, Vector256.Create(AngleHi), r * Vector256.Create(AngleLo));
        var z = x * x;
        var s = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(z, Vector256.Create(S3), Vector256.Create(S2)), z, Vector256.Create(S1)), x * z, x);
        var c = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(z, Vector256.Create(C3), Vector256.Create(C2)), z, Vector256.Create(C1)), z, Vector256.Create(-0.5f)), z, Vector256<float>.One);
        var keep = Vector256.Equals(t & Vector256.Create(1u << 22), Vector256<uint>.Zero).AsSingle();
        var sv = Vector256.ConditionalSelect(keep, s, c);
        var cv = Vector256.ConditionalSelect(keep, c, s);
        var sign = Vector256.Create(0x80000000u);
        cos = ((radius * cv).AsUInt32() ^ (((t + Vector256.Create(1u << 22)) << 8) & sign)).AsSingle();
        sin = ((radius * sv).AsUInt32() ^ ((t << 8) & sign)).AsSingle();
    }

    /// <summary><see cref="Pair(uint, uint)"/> on 4 lanes (the portable path, arm64 included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair(Vector128<uint> a, Vector128<uint> b, out Vector128<float> cos, out Vector128<float> sin)
    {
        var x0 = Vector128.ConvertToSingle((a >> 8).AsInt32() + Vector128<int>.One);
        var ix = x0.AsInt32() - Vector128.Create(SqrtHalfBits);
        var e = Vector128.ConvertToSingle(Vector128.ShiftRightArithmetic(ix, 23) - Vector128.Create(24));
        var f = ((ix & Vector128.Create(0x7FFFFF)) + Vector128.Create(SqrtHalfBits)).AsSingle() - Vector128<float>.One;
        var zf = f * f;
        var p = Vector128.FusedMultiplyAdd(Vector128.Create(P0), f, Vector128.Create(P1));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P2));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P3));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P4));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P5));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P6));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P7));
        p = Vector128.FusedMultiplyAdd(p, f, Vector128.Create(P8));
        var y = p * (zf * f);
        y = Vector128.FusedMultiplyAdd(e, Vector128.Create(Ln2Lo), y);
        y = Vector128.FusedMultiplyAdd(Vector128.Create(-0.5f), zf, y);
        var log = Vector128.FusedMultiplyAdd(e, Vector128.Create(Ln2Hi), f + y);
        var radius = Vector128.Sqrt(Vector128.Create(-2f) * log);
        var t = (b >> 8) + Vector128.Create(1u << 21);
        var r = Vector128.ConvertToSingle((t & Vector128.Create(0x3FFFFFu)).AsInt32() - Vector128.Create(1 << 21));
        var x = Vector128.FusedMultiplyAdd(r, Vector128.Create(AngleHi), r * Vector128.Create(AngleLo));
        var z = x * x;
        var s = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(z, Vector128.Create(S3), Vector128.Create(S2)), z, Vector128.Create(S1)), x * z, x);
        var c = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(z, Vector128.Create(C3), Vector128.Create(C2)), z, Vector128.Create(C1)), z, Vector128.Create(-0.5f)), z, Vector128<float>.One);
        var keep = Vector128.Equals(t & Vector128.Create(1u << 22), Vector128<uint>.Zero).AsSingle();
        var sv = Vector128.ConditionalSelect(keep, s, c);
        var cv = Vector128.ConditionalSelect(keep, c, s);
        var sign = Vector128.Create(0x80000000u);
        cos = ((radius * cv).AsUInt32() ^ (((t + Vector128.Create(1u << 22)) << 8) & sign)).AsSingle();
        sin = ((radius * sv).AsUInt32() ^ ((t << 8) & sign)).AsSingle();
    }
}
