// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

public abstract class ReductionSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int> AxisCases
    {
        get
        {
            var data = new TheoryData<int, int?, int>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var axis in new[] { -1, 0, 1, 2 }) data.Add(r, s, axis); // -1: all axes, 2: both as a set
            return data;
        }
    }

    [Theory, MemberData(nameof(AxisCases))]
    public void Sum_OverAnyAxis_EqualsUndistributed(int ranks, int? split, int axisCase)
    {
        // 3 x 4: 3 rows give empty chunks on 4-5 ranks.
        var a = Iota(12);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [3, 4], split: split);
            Axis? axis = axisCase switch { -1 => null, 2 => new[] { 0, 1 }, _ => axisCase };
            using var s = ht.sum(x, axis);
            using var k = ht.sum(x, axis, keepdims: true);
            double[] expected = axisCase switch
            {
                0 => Enumerable.Range(0, 4).Select(j => a[j] + a[4 + j] + a[8 + j]).ToArray(),
                1 => Enumerable.Range(0, 3).Select(i => a.Skip(4 * i).Take(4).Sum()).ToArray(),
                _ => [a.Sum()],
            };
            Assert.Equal(expected, s.ToArray<double>());
            Assert.Equal(expected, k.ToArray<double>());
            Assert.Equal(2, k.ndim);
            Assert.Equal(axisCase == 0 ? 1 : axisCase == 1 ? 1 : 0, s.ndim);
            int? expectedSplit = axisCase is -1 or 2 || axisCase == split ? null : split is int sp && axisCase < sp ? sp - 1 : split;
            Assert.Equal(expectedSplit, s.split);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Sum_WithEmptyChunks_UsesNeutralElement_AndInt32SumsToInt64(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.arange(3, split: 0);
            using var s = ht.sum(x);
            Assert.Equal(ht.int64, s.dtype);
            Assert.Equal(3L, s.item<long>());
            using var p = ht.prod(x + 1);
            Assert.Equal(6L, p.item<long>());
            using var mn = ht.min(x);
            using var mx = ht.max(x);
            Assert.Equal((0, 2), (mn.item<int>(), mx.item<int>()));
            using var e = ht.zeros([0], split: 0);
            Assert.Equal(0.0, ht.sum(e).item<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void MinMax_PropagateNaN_AllAnyGiveBool(int ranks, int? split)
    {
        var a = new double[] { 1, double.NaN, 3, -4, 5, 6 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [3, 2], split: split);
            Assert.True(double.IsNaN(ht.max(x).item<double>()));
            using var mn = ht.min(x, 0);
            Assert.Equal([1.0, double.NaN], mn.ToArray<double>()); // columns (1, 3, 5) and (NaN, -4, 6)
            using var pos = x > 0;
            using var all = ht.all(pos, 1);
            Assert.Equal([false, false, true], all.ToArray<bool>());
            Assert.True(ht.any(pos).item<bool>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Mean_IsFloat_AndMatches(int ranks, int? split)
    {
        var a = Iota(12).Select(v => v * v).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(a.Select(v => (int)v).ToArray(), [4, 3], split: split);
            using var m = ht.mean(x);
            Assert.Equal(ht.float32, m.dtype);
            Assert.Equal(a.Average(), m.item<double>(), 4);
            using var m0 = ht.mean(x, 0);
            var expected = Enumerable.Range(0, 3).Select(j => (a[j] + a[3 + j] + a[6 + j] + a[9 + j]) / 4).ToArray();
            Assert.Equal(expected, m0.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadAxis_FailsOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () =>
        {
            using var x = ht.zeros([3, 4], split: 0);
            ht.sum(x, 2).Dispose();
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.zeros([3, 4], split: 0);
            ht.sum(x, new[] { 1, -1 }).Dispose();
        });
    }
}
