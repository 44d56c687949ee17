// SPDX-License-Identifier: MIT
using Heat.Rng;

namespace Heat.Core.Tests;

/// <summary>The fused float32 random kernels: every SIMD path bit-identical to the scalar one, and accurate transforms.</summary>
public sealed unsafe class RandomKernelTests
{
    private const ulong BaseBlock = 0xFFFF_FFF0UL; // crosses into the counter's second word
    private const uint K0 = 0xa4093822, K1 = 0x299f31d0;

    public static TheoryData<string, bool> PathsAndDraws
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var path in new[] { nameof(SimdPath.Vector128), nameof(SimdPath.Avx2), nameof(SimdPath.Avx512) })
                foreach (bool normal in new[] { false, true }) data.Add(path, normal);
            return data;
        }
    }

    [Theory, MemberData(nameof(PathsAndDraws))]
    public void VectorPaths_EqualScalarBits_ForEveryOffsetAndLength(string pathName, bool normal)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        if (!Float32Stream.IsSupported(path)) return; // this machine lacks the ISA; the other paths still run
        var reference = new float[400];
        fixed (float* r = reference) Float32Stream.Fill(BaseBlock, K0, K1, 0, reference.Length, r, normal, SimdPath.Scalar);
        var got = new float[reference.Length + 2];
        for (int start = 0; start <= 17; start++)
            for (int length = 0; length <= 100; length++)
            {
                Array.Fill(got, float.NaN);
                fixed (float* g = got) Float32Stream.Fill(BaseBlock, K0, K1, start, length, g + 1, normal, path);
                Assert.True(float.IsNaN(got[0]) && float.IsNaN(got[length + 1]), $"{path} wrote outside [{start}, {start + length})");
                for (int i = 0; i < length; i++)
                    Assert.True(BitConverter.SingleToInt32Bits(reference[start + i]) == BitConverter.SingleToInt32Bits(got[1 + i]),
                        $"{path} normal={normal} start={start} length={length} element {start + i}: {got[1 + i]} vs scalar {reference[start + i]}");
            }
        // A long run from an odd start: the bulk loop.
        var longRun = new float[397];
        fixed (float* g = longRun) Float32Stream.Fill(BaseBlock, K0, K1, 3, longRun.Length, g, normal, path);
        Assert.Equal(reference.AsSpan(3, longRun.Length).ToArray(), longRun);
    }

    [Fact]
    public void NormalDraws_UseWholeUnitsOf16Blocks_UniformDrawsWholeBlocks()
    {
        Assert.Equal(16, Float32Stream.Blocks(10, normal: true));
        Assert.Equal(16, Float32Stream.Blocks(64, normal: true));
        Assert.Equal(32, Float32Stream.Blocks(65, normal: true));
        Assert.Equal(3, Float32Stream.Blocks(10, normal: false));
        // Normal element 16k + j of a unit is output k of block j: the first output of block 5 is element 5.
        var z = new float[64];
        fixed (float* p = z) Float32Stream.Fill(BaseBlock, K0, K1, 0, 64, p, normal: true, SimdPath.Scalar);
        var (w0, w1, w2, w3) = Philox.Block((uint)(BaseBlock + 5), (uint)((BaseBlock + 5) >> 32), 0, 0, K0, K1);
        Assert.Equal(BoxMuller.Pair(w0, w1), (z[5], z[21]));
        Assert.Equal(BoxMuller.Pair(w2, w3), (z[37], z[53]));
    }

    [Fact]
    public void UniformWords_ArePhiloxWords()
    {
        var words = new uint[4 * 40];
        Philox.Fill(BaseBlock, K0, K1, words);
        var u = new float[words.Length];
        fixed (float* p = u) Float32Stream.Fill(BaseBlock, K0, K1, 0, u.Length, p, normal: false, Float32Stream.Best);
        for (int i = 0; i < words.Length; i++) Assert.Equal((words[i] >> 8) * (1f / (1 << 24)), u[i]);
    }

    [Fact]
    public void RadiusSquared_IsWithinTwoUlpsOfMinusTwoLn_ForEveryUniform()
    {
        double worst = 0;
        uint worstAt = 0;
        for (uint k = 0; k < 1u << 24; k++)
        {
            uint word = k << 8 | 0x5A;
            double exact = -2 * Math.Log((k + 1) / 16777216.0);
            double err = Ulps(BoxMuller.RadiusSquared(word), exact);
            if (err > worst) { worst = err; worstAt = k; }
        }
        Assert.True(worst <= 2, $"-2 ln: {worst:F2} ulp at numerator {worstAt + 1}");
    }

    [Fact]
    public void CosSin_AreWithinTwoUlps_ForEveryAngle()
    {
        double worstCos = 0, worstSin = 0;
        for (uint m = 0; m < 1u << 24; m++)
        {
            double turns = 2.0 * m / 16777216; // θ = π·turns, exact in double
            var (c, s) = BoxMuller.CosSin(m << 8);
            worstCos = Math.Max(worstCos, Ulps(c, double.CosPi(turns)));
            worstSin = Math.Max(worstSin, Ulps(s, double.SinPi(turns)));
        }
        Assert.True(worstCos <= 2 && worstSin <= 2, $"cos {worstCos:F2} ulp, sin {worstSin:F2} ulp");
    }

    [Fact]
    public void Pairs_AreWithinFourUlpsOfFloat64BoxMuller_IncludingExtremeUniforms()
    {
        var radii = new List<uint> { 0, 0xFF, 0x100, 0x1FF, 0xFFFFFE00, 0xFFFFFEFF, 0xFFFFFF00, 0xFFFFFFFF };
        var angles = new List<uint> { 0, 0x100, 0x40000000, 0x3FFFFF00, 0x80000000, 0xC0000000, 0xFFFFFF00, 0x20000000 };
        var rng = new System.Random(5);
        for (int i = 0; i < 200_000; i++) { radii.Add((uint)rng.NextInt64(1L << 32)); angles.Add((uint)rng.NextInt64(1L << 32)); }
        double worst = 0;
        foreach (uint a in radii)
            foreach (uint b in angles.Take(a < 0x200 || a >= 0xFFFFFE00 ? angles.Count : 8))
            {
                double u1 = ((a >> 8) + 1) / 16777216.0, turns = 2.0 * (b >> 8) / 16777216;
                double radius = Math.Sqrt(-2 * Math.Log(u1));
                var (z0, z1) = BoxMuller.Pair(a, b);
                // Relative to the radius: near a zero of cos/sin only the absolute error is meaningful.
                worst = Math.Max(worst, Math.Max(Ulps(z0, radius * double.CosPi(turns), radius), Ulps(z1, radius * double.SinPi(turns), radius)));
            }
        Assert.True(worst <= 4, $"Box-Muller pair: {worst:F2} ulp");
    }

    // |got - exact| in float32 ulps at exact's binade (at floor's when that is larger).
    private static double Ulps(float got, double exact, double floor = 0)
    {
        double magnitude = Math.Max(Math.Abs(exact), floor);
        double ulp = magnitude == 0 ? Math.ScaleB(1.0, -149) : Math.ScaleB(1.0, Math.Max(Math.ILogB(magnitude), -126) - 23);
        return Math.Abs(got - exact) / ulp;
    }
}
