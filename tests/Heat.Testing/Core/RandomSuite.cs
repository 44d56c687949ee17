// SPDX-License-Identifier: MIT
using Heat.Rng;

namespace Heat.Testing.Core;

/// <summary>ht.random: Philox known answers, rank- and split-independent global arrays, statistics, permutations,
/// errors.</summary>
public abstract class RandomSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    [Fact]
    public void Philox_MatchesRandom123KnownAnswers()
    {
        Assert.Equal((0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u), Philox.Block(0, 0, 0, 0, 0, 0));
        Assert.Equal((0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu), Philox.Block(~0u, ~0u, ~0u, ~0u, ~0u, ~0u));
        Assert.Equal((0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u),
            Philox.Block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    [Fact]
    public void Philox_VectorFillEqualsScalarBlocks()
    {
        var words = new uint[4 * 37];
        ulong first = 0xFFFF_FFF0UL; // crosses into the counter's second word
        Philox.Fill(first, 0xa4093822, 0x299f31d0, words);
        for (int b = 0; b < 37; b++)
        {
            ulong block = first + (ulong)b;
            var (r0, r1, r2, r3) = Philox.Block((uint)block, (uint)(block >> 32), 0, 0, 0xa4093822, 0x299f31d0);
            Assert.Equal([r0, r1, r2, r3], words[(4 * b)..(4 * b + 4)]);
        }
    }

    public static TheoryData<int, int?> RanksAndSplits3D
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1, 2 }) data.Add(r, s);
            return data;
        }
    }

    private static (float[] U32, double[] U64, float[] N32, double[] N64, int[] I, long[] Big,
        long[] Perm) Draws(int? split)
    {
        long[] shape = [7, 3, 5];
        ht.random.seed(42);
        using var u32 = ht.random.rand(shape, split: split);
        using var u64 = ht.random.rand(shape, ht.float64, split);
        using var n32 = ht.random.randn(shape, split: split);
        using var n64 = ht.random.randn(shape, ht.float64, split);
        using var i = ht.random.randint(-5, 17, shape, split: split);
        using var big = ht.random.randint(-(1L << 40), 1L << 40, shape, ht.int64, split);
        using var perm = ht.random.randperm(23, split: split is null ? null : 0);
        return (u32.ToArray<float>(), u64.ToArray<double>(), n32.ToArray<float>(), n64.ToArray<double>(),
            i.ToArray<int>(), big.ToArray<long>(), perm.ToArray<long>());
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void GlobalArrays_AreBitIdentical_ForEveryRankCountAndSplit(int ranks, int? split)
    {
        var reference = World.Run(1, () => Draws(null))[0];
        var results = World.Run(ranks, () => Draws(split));
        foreach (var r in results)
        {
            Assert.Equal(reference.U32, r.U32);
            Assert.Equal(reference.U64, r.U64);
            Assert.Equal(reference.N32, r.N32);
            Assert.Equal(reference.N64, r.N64);
            Assert.Equal(reference.I, r.I);
            Assert.Equal(reference.Big, r.Big);
            Assert.Equal(reference.Perm, r.Perm);
        }
    }

    [Theory, MemberData(nameof(Ranks))]
    public void LongFloat32Draws_AreBitIdentical_ForEveryRankCount(int ranks)
    {
        // Long enough for the fused kernels' bulk loops, with rank chunks starting at odd element offsets.
        static (float[], float[], float[]) Long(int? split)
        {
            ht.random.seed(11);
            using var n = ht.random.randn([5003], split: split is null ? null : 0);
            using var u = ht.random.rand([5003], split: split is null ? null : 0);
            using var m = ht.random.randn([37, 211], split: split);
            return (n.ToArray<float>(), u.ToArray<float>(), m.ToArray<float>());
        }
        var reference = World.Run(1, () => Long(null))[0];
        foreach (int? split in new int?[] { 0, 1 })
            Assert.All(World.Run(ranks, () => Long(split)), r =>
            {
                Assert.Equal(reference.Item1, r.Item1);
                Assert.Equal(reference.Item2, r.Item2);
                Assert.Equal(reference.Item3, r.Item3);
            });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Aliases_DrawWhatTheirNamesakesDraw(int ranks)
    {
        static float[] Draw(Func<DNDarray> draw)
        {
            ht.random.seed(5);
            using var x = draw();
            return x.ToArray<float>();
        }
        Assert.All(World.Run(ranks, () => new[]
        {
            (Draw(() => ht.random.random_sample([7, 3], split: 0)), Draw(() => ht.random.ranf([7, 3], split: 0))),
            (Draw(() => ht.random.random_sample([7, 3], split: 1)), Draw(() => ht.random.sample([7, 3], split: 1))),
            (Draw(() => ht.random.randn([9], split: 0)), Draw(() => ht.random.standard_normal([9], split: 0))),
            (Draw(() => ht.random.randint(-4, 9, [11], dtype: ht.int32, split: 0).astype(ht.float32)),
                Draw(() => ht.random.random_integer(-4, 9, [11], dtype: ht.int32, split: 0).astype(ht.float32))),
        }), pairs => Assert.All(pairs, p => Assert.Equal(p.Item1, p.Item2)));
        Assert.Equal(Device.Cpu, ht.cpu);
        Assert.True(ht.gpu.IsGpu);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Stream_Advances_AndStateRoundTrips(int ranks)
    {
        World.Run(ranks, () =>
        {
            ht.random.seed(7);
            var state = ht.random.get_state();
            Assert.Equal(new RandomState("Philox4x32-10", 7, 0), state);
            using var a = ht.random.rand([10], split: 0);
            using var b = ht.random.rand([10], split: 0);
            Assert.NotEqual(a.ToArray<float>(), b.ToArray<float>());
            Assert.Equal(6L, ht.random.get_state().Counter); // 10 float32 values use 3 blocks per call
            ht.random.set_state(state);
            using var again = ht.random.rand([10], split: 0);
            Assert.Equal(a.ToArray<float>(), again.ToArray<float>());
            Assert.Throws<ArgumentException>(() => ht.random.set_state(state with { Algorithm = "MT19937" }));
        });
    }

    [Fact]
    public void Statistics_UniformNormalRandint()
    {
        World.Run(2, () =>
        {
            ht.random.seed(12345);
            const long n = 200_000;
            using var u = ht.random.rand([n], ht.float64, 0);
            Assert.InRange(ht.mean(u).item<double>(), 0.5 - 0.005, 0.5 + 0.005);
            Assert.InRange(ht.var(u).item<double>(), 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
            Assert.InRange(ht.min(u).item<double>(), 0, 1e-3);
            Assert.True(ht.max(u).item<double>() < 1);

            using var z = ht.random.randn([n], split: 0);
            Assert.InRange(ht.mean(z).item<double>(), -0.01, 0.01);
            Assert.InRange(ht.var(z).item<double>(), 0.98, 1.02);
            // Kolmogorov-Smirnov against the normal CDF (5 % critical value 1.36 / sqrt(n) = 0.003; bound 0.006).
            var sorted = z.ToArray<float>().Select(v => (double)v).Order().ToArray();
            double d = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                double cdf = NormalCdf(sorted[i]);
                d = Math.Max(d, Math.Max(cdf - (double)i / n, (double)(i + 1) / n - cdf));
            }
            Assert.True(d < 0.006, $"KS statistic {d}");

            using var g = ht.random.normal(3, 2, [n], split: 0);
            Assert.InRange(ht.mean(g).item<double>(), 2.97, 3.03);
            Assert.InRange(ht.std(g).item<double>(), 1.96, 2.04);

            // Chi-square of 10 bins, 9 degrees of freedom: 99.9 % quantile 27.9.
            using var k = ht.random.randint(0, 10, [n], split: 0);
            var counts = new double[10];
            foreach (var v in k.ToArray<int>()) counts[v]++;
            double chi2 = counts.Sum(c => (c - n / 10.0) * (c - n / 10.0) / (n / 10.0));
            Assert.True(chi2 < 27.9, $"chi-square {chi2}");
            Assert.Equal(ht.int32, k.dtype);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Permutations_ArePermutations_AndShuffleKeepsRows(int ranks)
    {
        World.Run(ranks, () =>
        {
            ht.random.seed(3);
            using var p = ht.random.permutation(50);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), p.ToArray<long>().Order());
            Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), p.ToArray<long>());
            foreach (int? split in new int?[] { null, 0, 1 })
            {
                using var x = ht.array(Iota(21), [7, 3], split: split);
                using var shuffled = ht.random.permutation(x);
                Assert.Equal(split, shuffled.split);
                var rows = shuffled.ToArray<double>().Chunk(3).Select(r => r[0]).ToArray();
                Assert.Equal(new double[] { 0, 3, 6, 9, 12, 15, 18 }, rows.Order());
                Assert.All(shuffled.ToArray<double>().Chunk(3), r => Assert.Equal([r[0], r[0] + 1, r[0] + 2], r));
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Shuffle_IsIdenticalForEveryRankCount(int ranks)
    {
        var reference = World.Run(1, () => { ht.random.seed(9); using var x = ht.arange(13,
            split: 0); ht.random.shuffle(x); return x.ToArray<int>(); })[0];
        var results = World.Run(ranks, () => { ht.random.seed(9); using var x = ht.arange(13,
            split: 0); ht.random.shuffle(x); return x.ToArray<int>(); });
        Assert.All(results, r => Assert.Equal(reference, r));
    }

    [Theory, MemberData(nameof(Ranks))]
    public void RandintBounds_AndBadArguments(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var k = ht.random.randint(3, 5, [1000], split: 0);
            Assert.All(k.ToArray<int>(), v => Assert.InRange(v, 3, 4));
            using var single = ht.random.randint(4, size: [100]);
            Assert.All(single.ToArray<int>(), v => Assert.InRange(v, 0, 3));
            Assert.Throws<ArgumentException>(() => ht.random.randint(5, 5));
            Assert.Throws<ArgumentException>(() => ht.random.randint(0, 300, [3], ht.int8));
            Assert.Throws<ArgumentException>(() => ht.random.randint(0, 3, [3], ht.float32));
            Assert.Throws<ArgumentException>(() => ht.random.rand([3, -1]));
            Assert.Throws<ArgumentException>(() => ht.random.uniform(2, 1, [3]));
            Assert.Throws<ArgumentException>(() => ht.random.normal(0, -1, [3]));
            Assert.Throws<ArgumentException>(() => ht.random.randn([2], ht.int32));
        });
    }

    private static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    // Numerical Recipes' erfc (fractional error below 1.2e-7).
    private static double Erfc(double x)
    {
        double z = Math.Abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t *
            (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
