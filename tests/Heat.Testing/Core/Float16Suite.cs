// SPDX-License-Identifier: MIT
using static Heat.Testing.Core.Float16Fixtures;

namespace Heat.Testing.Core;

/// <summary>
/// float16 as a storage and compute type: creation and casts, element-wise arithmetic bit for bit as NumPy's float16,
/// HeAT's promotion, reductions, cumsum and matmul against float32 computation rounded to float16, and exact resplits,
/// on the world's rank counts, every split incl. None, uneven and empty chunks.
/// </summary>
public abstract class Float16Suite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?> RanksAndSplits1D
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0 }) data.Add(r, s);
            return data;
        }
    }

    public static TheoryData<int, int?, int?> RanksAndSplitPairs
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var a in new int?[] { null, 0, 1 })
                    foreach (var b in new int?[] { null, 0, 1 }) data.Add(r, a, b);
            return data;
        }
    }

    private static ushort[] Bits(DNDarray x) => [.. x.ToArray<Half>().Select(BitConverter.HalfToUInt16Bits)];

    private static Half FromBits(ushort bits) => BitConverter.UInt16BitsToHalf(bits);

    /// <summary>Values rounded to float16, as doubles (exact).</summary>
    private static double[] Halves(IEnumerable<double> values) => [.. values.Select(v => (double)(Half)v)];

    /// <summary>A 5 × 7 float16 matrix (uneven on 2-4 ranks along either axis), mixed signs and
    /// magnitudes.</summary>
    private static readonly double[] Matrix = Halves(Enumerable.Range(0, 35).Select(i => (i * 37 % 23 - 11) * 0.173));

    /// <summary>|got − expected| within <paramref name="ulps"/> float16 spacings of the expected value plus
    /// <paramref name="slack"/>.</summary>
    private static void AssertWithinUlps(double expected, double got, int ulps, string what, double slack = 0)
    {
        var e = (Half)expected;
        double spacing = (double)Half.BitIncrement(Half.Abs(e)) - (double)Half.Abs(e);
        Assert.True(Math.Abs(got - (double)e) <= ulps * spacing + slack, $"{what}: expected {(double)e} (±{ulps} ulp "
            + $"+ {slack}), got {got}.");
    }

    [Theory, MemberData(nameof(RanksAndSplits1D))]
    public void Creation_AndCasts_RoundAsNumPy(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(Cast, dtype: ht.float16, split: split);
            Assert.Same(ht.float16, x.dtype);
            Assert.Equal(split, x.split);
            Assert.Equal(CastBits, Bits(x));
            using var wide = ht.array(Cast, split: split);
            using var cast = wide.astype(ht.half);
            Assert.Equal(CastBits, Bits(cast));
            // Back to float64 is exact; float16 → int32 truncates.
            using var back = cast.astype(ht.float64);
            Assert.Equal(CastBits.Select(b => (double)FromBits(b)), back.ToArray<double>());
            using var halves = ht.array(new[] { (Half)1.5, (Half)(-2.75), (Half)7 }, split: split);
            Assert.Same(ht.float16, halves.dtype);
            using var ints = halves.astype(ht.int32);
            Assert.Equal([1, -2, 7], ints.ToArray<int>());
            using var zeros = ht.zeros([3, 4], dtype: ht.float16, split: split);
            Assert.All(zeros.ToArray<Half>(), v => Assert.Equal(Half.Zero, v));
            using var ramp = ht.arange(0, 5, 0.5, dtype: ht.float16, split: split);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (Half)(i * 0.5)), ramp.ToArray<Half>());
            // Local chunks hold their slice of the global array.
            var local = x.ToLocalArray<Half>();
            Assert.Equal(x.lshape[0], local.Length);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits1D))]
    public void Arithmetic_MatchesNumPy_BitForBit(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var a = ht.array(A, dtype: ht.float16, split: split);
            using var b = ht.array(B, dtype: ht.float16, split: split);
            using var sum = a + b;
            using var difference = a - b;
            using var product = a * b;
            using var quotient = a / b;
            using var magnitude = ht.abs(a);
            using var root = ht.sqrt(magnitude);
            Assert.Same(ht.float16, sum.dtype);
            Assert.Equal(SumBits, Bits(sum));
            Assert.Equal(DifferenceBits, Bits(difference));
            Assert.Equal(ProductBits, Bits(product));
            Assert.Equal(QuotientBits, Bits(quotient));
            Assert.Equal(SqrtBits, Bits(root));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Promotion_FollowsHeat(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var h = ht.array(new[] { 1.5, -2.25, 1000.5 }, dtype: ht.float16, split: 0);
            foreach (var (other, expected) in new[] { (ht.@bool, ht.float16), (ht.uint8, ht.float16),
                (ht.int8, ht.float16), (ht.int16, ht.float16), (ht.int32, ht.float32), (ht.int64, ht.float64),
                (ht.float32, ht.float32), (ht.float64, ht.float64), (ht.complex64, ht.complex64) })
            {
                using var o = ht.array(new[] { 1.0, 0.0, 3.0 }, dtype: other, split: 0);
                using var r = h + o;
                Assert.Same(expected, r.dtype);
                Assert.Same(expected, ht.promote_types(ht.float16, other));
            }
            using var scaled = h * 2.5;
            Assert.Same(ht.float16, scaled.dtype);
            Assert.Equal(new[] { 3.75, -5.625, 2502.0 }, scaled.ToArray<double>()); // 2501.25 rounds to 2502
            using var i = ht.array(new[] { 1, 2, 3 }, split: 0);
            using var viaScalar = i * 0.5;
            Assert.Same(ht.float32, viaScalar.dtype);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Reductions_MatchFloat32RoundedToFloat16(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(Matrix, [5, 7], dtype: ht.float16, split: split);
            foreach (int? axis in new int?[] { null, 0, 1 })
            {
                using var sum = axis is int s ? ht.sum(x, s) : ht.sum(x);
                using var mean = axis is int m ? ht.mean(x, m) : ht.mean(x);
                using var max = axis is int a ? ht.max(x, a) : ht.max(x);
                using var min = axis is int b ? ht.min(x, b) : ht.min(x);
                using var argmax = ht.argmax(x, axis);
                Assert.Same(ht.float16, sum.dtype);
                Assert.Same(ht.float16, mean.dtype);
                Assert.Same(ht.float16, max.dtype);
                var (rows, cols) = axis switch { null => (1, 35), 0 => (7, 5), _ => (5, 7) };
                var got = (sum: sum.ToArray<double>(), mean: mean.ToArray<double>(), max: max.ToArray<double>(),
                    min: min.ToArray<double>(), arg: argmax.ToArray<long>());
                for (int r = 0; r < rows; r++)
                {
                    var line = Enumerable.Range(0, cols).Select(c => axis switch
                    {
                        null => Matrix[c],
                        0 => Matrix[c * 7 + r],
                        _ => Matrix[r * 7 + c],
                    }).Select(v => (float)v).ToArray();
                    float total = 0, magnitude = 0;
                    foreach (var v in line) { total += v; magnitude += Math.Abs(v); }
                    // Per-rank partial sums are rounded to float16 before they combine: half an ulp of each partial
                    // (at most 2^-11 of the sum of magnitudes) besides the final rounding.
                    double slack = magnitude * Math.ScaleB(1, -11);
                    AssertWithinUlps(total, got.sum[r], 1, $"sum axis {axis} [{r}]", slack);
                    AssertWithinUlps(total / cols, got.mean[r], 1, $"mean axis {axis} [{r}]", slack / cols);
                    Assert.Equal(line.Max(), got.max[r]);
                    Assert.Equal(line.Min(), got.min[r]);
                    Assert.Equal(Array.IndexOf(line, line.Max()), got.arg[r]);
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits1D))]
    public void Sums_MatchNumPy_WithEmptyAndUnevenChunks(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            bool partials = split is not null && ranks > 1;
            using var tenths = ht.full([1000], 0.1, dtype: ht.float16, split: split);
            using var tenthsSum = ht.sum(tenths);
            AssertWithinUlps((double)FromBits(TenthsSumBits), tenthsSum.item<double>(), partials ? 1 : 0, "tenths");
            using var steps = ht.arange(1, 301, 1, dtype: ht.float16, split: split);
            using var ramp = steps / 7;
            Assert.Same(ht.float16, ramp.dtype);
            using var rampSum = ht.sum(ramp);
            using var rampMean = ht.mean(ramp);
            using var rampMax = ht.max(ramp);
            AssertWithinUlps((double)FromBits(RampSumBits), rampSum.item<double>(), partials ? 1 : 0, "ramp sum");
            AssertWithinUlps((double)FromBits(RampMeanBits), rampMean.item<double>(), 0, "ramp mean");
            Assert.Equal(FromBits(RampMaxBits), rampMax.item<Half>());
            // Fewer elements than ranks: empty chunks contribute the neutral element.
            using var three = ht.array(new[] { 0.5, 0.25, -2.0 }, dtype: ht.float16, split: split);
            using var threeSum = ht.sum(three);
            using var threeMax = ht.max(three);
            Assert.Equal((Half)(-1.25), threeSum.item<Half>());
            Assert.Equal((Half)0.5, threeMax.item<Half>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Cumsum_MatchesFloat32RoundedToFloat16(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(Matrix, [5, 7], dtype: ht.float16, split: split);
            foreach (int axis in new[] { 0, 1 })
            {
                using var c = ht.cumsum(x, axis);
                Assert.Same(ht.float16, c.dtype);
                var got = c.ToArray<double>();
                for (int r = 0; r < 5; r++)
                    for (int k = 0; k < 7; k++)
                    {
                        float total = 0;
                        if (axis == 0) for (int i = 0; i <= r; i++) total += (float)Matrix[i * 7 + k];
                        else for (int j = 0; j <= k; j++) total += (float)Matrix[r * 7 + j];
                        // Each step rounds to float16, and so does the offset from the ranks before.
                        Assert.True(Math.Abs(got[r * 7 + k] - total) <= 4e-3 * Math.Max(1, Math.Abs(total)),
                            $"cumsum axis {axis} [{r}, {k}]: {got[r * 7 + k]} vs {total}");
                    }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplitPairs))]
    public void Matmul_MatchesFloat32RoundedToFloat16(int ranks, int? splitA, int? splitB)
    {
        var b = Halves(Enumerable.Range(0, 28).Select(i => (i * 11 % 9 - 4) * 0.37));
        World.Run(ranks, () =>
        {
            using var x = ht.array(Matrix, [5, 7], dtype: ht.float16, split: splitA);
            using var y = ht.array(b, [7, 4], dtype: ht.float16, split: splitB);
            using var p = ht.matmul(x, y);
            Assert.Same(ht.float16, p.dtype);
            var got = p.ToArray<double>();
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 4; j++)
                {
                    float dot = 0;
                    for (int k = 0; k < 7; k++) dot += (float)Matrix[i * 7 + k] * (float)b[k * 4 + j];
                    Assert.True(Math.Abs(got[i * 4 + j] - dot) <= 4e-3 * Math.Max(1, Math.Abs(dot)),
                        $"matmul [{i}, {j}]: {got[i * 4 + j]} vs {dot}");
                }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplitPairs))]
    public void Resplit_MovesFloat16Exactly(int ranks, int? from, int? to)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(Matrix, [5, 7], dtype: ht.float16, split: from);
            using var y = ht.resplit(x, to);
            Assert.Equal(to, y.split);
            Assert.Same(ht.float16, y.dtype);
            Assert.Equal(Matrix.Select(v => (Half)v), y.ToArray<Half>());
            using var z = ht.array(Matrix, [5, 7], dtype: ht.float16, split: from);
            z.resplit_(to);
            Assert.Equal(Matrix.Select(v => (Half)v), z.ToArray<Half>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Names_Finfo_AndPrinting(int ranks)
    {
        var texts = World.Run(ranks, () =>
        {
            Assert.Same(ht.float16, ht.half);
            Assert.Same(ht.float16, DType.Parse("half"));
            Assert.Same(ht.float16, ht.canonical_heat_type("f2"));
            Assert.Same(ht.float16, ht.heat_type_of((Half)1));
            var info = ht.finfo(ht.float16);
            Assert.Equal(16, info.bits);
            Assert.Equal(0.0009765625, info.eps);
            Assert.Equal(65504, info.max);
            Assert.Equal(-65504, info.min);
            Assert.Equal(6.103515625e-05, info.tiny);
            Assert.Same(ht.float16, info.dtype);
            using var x = ht.array(new[] { 0.5, -1.25, 2.0 }, dtype: ht.float16, split: 0);
            using var y = x.astype(ht.float32);
            // Printing options are process-wide (PrintingSuite changes them for a moment): float16 prints as float32.
            return (x.ToString(), y.ToString().Replace("float32", "float16", StringComparison.Ordinal));
        });
        Assert.All(texts, t => Assert.Equal(t.Item2, t.Item1));
        Assert.All(texts, t => Assert.Contains("-1.2", t.Item1, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("dtype=ht.float16", t.Item1, StringComparison.Ordinal));
    }
}
