// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

public abstract class ElementwiseSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> BinaryCases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sa in new int?[] { null, 0, 1 })
                    foreach (var sb in new int?[] { null, 0, 1 }) data.Add(r, sa, sb);
            return data;
        }
    }

    [Theory, MemberData(nameof(BinaryCases))]
    public void Binary_AnyMixOfSplits_EqualsUndistributed(int ranks, int? sa, int? sb)
    {
        var a = Iota(15);
        var b = Iota(15, 0.5).Select(v => v - 3).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [5, 3], split: sa);
            using var y = ht.array(b, [5, 3], split: sb);
            using var sum = x + y;
            using var prod = x * y;
            using var less = x < y;
            Assert.Equal(sa ?? sb, sum.split);
            Assert.Equal(a.Zip(b, (p, q) => p + q).ToArray(), sum.ToArray<double>());
            Assert.Equal(a.Zip(b, (p, q) => p * q).ToArray(), prod.ToArray<double>());
            Assert.Equal(a.Zip(b, (p, q) => p < q).ToArray(), less.ToArray<bool>());
            Assert.Equal(ht.@bool, less.dtype);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Broadcasting_RowAndColumnOperands(int ranks, int? split)
    {
        var a = Iota(12);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [4, 3], split: split);
            using var row = ht.array(new double[] { 10, 20, 30 }, [3], split: 0);
            using var col = ht.array(new double[] { 1, 2, 3, 4 }, [4, 1], split: 0);
            using var r = x + row;
            using var c = x * col;
            var expectedR = a.Select((v, i) => v + 10 * (i % 3 + 1)).ToArray();
            var expectedC = a.Select((v, i) => v * (i / 3 + 1)).ToArray();
            Assert.Equal([4L, 3L], r.shape);
            Assert.Equal(expectedR, r.ToArray<double>());
            Assert.Equal(expectedC, c.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Promotion_FollowsHeatWithWeakScalars(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var i = ht.arange(5, split: 0);
            using var scaled = i * 2.5;
            Assert.Equal(ht.float32, scaled.dtype);
            Assert.Equal([0, 2.5, 5, 7.5, 10], scaled.ToArray<double>());
            using var div = i / 2;
            Assert.Equal(ht.float32, div.dtype);
            Assert.Equal([0, 0.5, 1, 1.5, 2], div.ToArray<double>());
            using var mod = (i - 2) % 3;
            Assert.Equal(ht.int32, mod.dtype);
            Assert.Equal([1, 2, 0, 1, 2], mod.ToArray<int>());
            using var f = ht.ones([5], split: 0) + 1.0;
            Assert.Equal(ht.float32, f.dtype);
            using var wide = ht.ones([5], dtype: ht.float64, split: 0) + i;
            Assert.Equal(ht.float64, wide.dtype);
            using var rsub = 10 - i;
            Assert.Equal([10, 9, 8, 7, 6], rsub.ToArray<int>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Unary_MathAndPredicates(int ranks, int? split)
    {
        var a = new double[] { 0, 1, -2, double.NaN, double.PositiveInfinity, 0.5 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [2, 3], split: split);
            using var e = ht.exp(x);
            // Within 1 ulp: OpenCL's and libtorch's exp need not be correctly rounded.
            Assert.Equal(a.Select(Math.Exp).ToArray(), e.ToArray<double>(), (x, y) => x.Equals(y) || Math.Abs(x - y) <= 4e-16 * Math.Abs(x));
            using var n = ht.isnan(x);
            Assert.Equal(a.Select(double.IsNaN).ToArray(), n.ToArray<bool>());
            using var fin = ht.isfinite(x);
            Assert.Equal(a.Select(double.IsFinite).ToArray(), fin.ToArray<bool>());
            using var neg = -x;
            Assert.Equal(a.Select(v => -v).ToArray(), neg.ToArray<double>());
            using var ints = ht.arange(4, split: 0);
            using var sq = ht.sqrt(ints);
            Assert.Equal(ht.float32, sq.dtype);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadOperands_FailOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.zeros([3, 4], split: 0);
            using var y = ht.zeros([3, 5], split: 0);
            (x + y).Dispose();
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.zeros([3], split: 0);
            (x & x).Dispose();
        });
    }
}
