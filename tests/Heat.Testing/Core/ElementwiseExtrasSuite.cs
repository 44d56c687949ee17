// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>round/clip/modf, isclose/allclose, where, diff, shifts, and the factories and type helpers added beside
/// them.</summary>
public abstract class ElementwiseExtrasSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void RoundClipModf_MatchNumPy(int ranks, int? split)
    {
        var a = new double[] { 2.5, -2.5, 1.2345, -0.5, double.PositiveInfinity, double.NaN, 1250, -3.75 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [4, 2], split: split);
            using var r0 = ht.round(x);
            Assert.Equal(new[] { 2.0, -2, 1, -0.0, double.PositiveInfinity, double.NaN, 1250, -4 }, r0.ToArray<double>());
            using var r2 = ht.round(x, 2);
            Reference.AssertClose(new[] { 2.5, -2.5, 1.23, -0.5, double.PositiveInfinity, double.NaN, 1250, -3.75 }, r2.ToArray<double>(), 1e-15);
            using var rm2 = ht.round(x, -2);
            Reference.AssertClose(new[] { 0.0, 0, 0, 0, double.PositiveInfinity, double.NaN, 1200, 0 }, rm2.ToArray<double>());
            using var ints = ht.array(new[] { 15, 25, -35, 7 }, [4], split: split is null ? null : 0);
            using var ri = ht.round(ints, -1);
            Assert.Equal(ht.int32, ri.dtype);
            Assert.Equal(new[] { 20, 20, -40, 10 }, ri.ToArray<int>());

            using var c = ht.clip(x, -1.0, 2.0);
            Assert.Equal(new[] { 2.0, -1, 1.2345, -0.5, 2, double.NaN, 2, -1 }, c.ToArray<double>());
            using var lower = ht.clip(x, 0.0, null);
            Assert.Equal(new[] { 2.5, 0, 1.2345, 0, double.PositiveInfinity, double.NaN, 1250, 0 }, lower.ToArray<double>());
            Assert.Throws<ArgumentException>(() => ht.clip(x, (Scalar?)null, null));

            var (frac, whole) = ht.modf(x);
            using (frac) using (whole)
            {
                Reference.AssertClose(new[] { 0.5, -0.5, 0.2345, -0.5, 0, double.NaN, 0, -0.75 }, frac.ToArray<double>(), 1e-12);
                Assert.Equal(new[] { 2.0, -2, 1, -0.0, double.PositiveInfinity, double.NaN, 1250, -3 }, whole.ToArray<double>());
                Assert.True(double.IsNegative(frac.ToArray<double>()[3]));
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void IsCloseAllClose_HandleInfNaNAndBroadcast(int ranks, int? split)
    {
        var a = new[] { 1.0, 1e10, double.PositiveInfinity, double.NaN, 0, 1e-9 };
        var b = new[] { 1.0 + 1e-6, 1.00001e10, double.PositiveInfinity, double.NaN, 1e-7, 0 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [3, 2], split: split);
            using var y = ht.array(b, [3, 2], split: split is null ? 0 : null);
            using var close = ht.isclose(x, y);
            Assert.Equal(new[] { true, true, true, false, false, true }, close.ToArray<bool>());
            using var closeNan = ht.isclose(x, y, equal_nan: true);
            Assert.True(closeNan.ToArray<bool>()[3]);
            using var inf = ht.full([3, 2], double.PositiveInfinity, ht.float64, split);
            using var big = ht.full([2], 1e300, ht.float64);
            using var infVsBig = ht.isclose(inf, big);
            Assert.All(infVsBig.ToArray<bool>(), Assert.False);
            Assert.False(ht.allclose(x, y));
            Assert.True(ht.allclose(x, x, equal_nan: true));
            Assert.True(ht.allclose(x, y, atol: 1e-6, rtol: 1e-3, equal_nan: true));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Where_SelectsWithoutLeakingNaN(int ranks, int? split)
    {
        var a = Iota(12);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [4, 3], split: split);
            using var cond = x > 5;
            using var nan = ht.full([3], double.NaN, ht.float64, split: 0);
            using var w = ht.where(cond, x, nan);
            Assert.Equal(a.Select(v => v > 5 ? v : double.NaN).ToArray(), w.ToArray<double>());
            using var zeroed = ht.where(cond, 0, x);
            Assert.Equal(a.Select(v => v > 5 ? 0 : v).ToArray(), zeroed.ToArray<double>());
            Assert.Equal(ht.float64, zeroed.dtype);
            using var labels = ht.where(cond, 1, -1);
            Assert.Equal(ht.int64, labels.dtype);
            Assert.Equal(a.Select(v => v > 5 ? 1L : -1L).ToArray(), labels.ToArray<long>());
        });
    }

    public static TheoryData<int, int?, int> DiffCases
    {
        get
        {
            var data = new TheoryData<int, int?, int>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var axis in new[] { 0, 1 }) data.Add(r, s, axis);
            return data;
        }
    }

    [Theory, MemberData(nameof(DiffCases))]
    public void Diff_AlongAnyAxis_EqualsUndistributed(int ranks, int? split, int axis)
    {
        var a = Iota(15).Select(v => v * v).ToArray();
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, [3, 5], s) : ht.array(a, [3, 5]);
            using var u = ht.array(a, [3, 5]);
            foreach (var n in new[] { 0, 1, 2, 3 })
            {
                using var d = ht.diff(x, n, axis);
                using var du = ht.diff(u, n, axis);
                Assert.Equal(x.split, d.split);
                Reference.AssertClose(du, d);
            }
            using var d1 = ht.diff(u, 1, 1);
            Assert.Equal(new[] { 1.0, 3, 5, 7 }, d1.ToArray<double>().Take(4).ToArray()); // 0,1,4,9,16
            using var flags = ht.array(new[] { true, true, false, false, true }, [5], split: split is null ? null : 0);
            using var changes = ht.diff(flags);
            Assert.Equal(new[] { false, true, false, true }, changes.ToArray<bool>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Shifts_AndBitwiseOperators(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.arange(6, split: 0);
            using var l = x << 2;
            using var r = x >> 1;
            using var amounts = ht.arange(6, split: 0);
            using var lv = x << amounts;
            Assert.Equal(new[] { 0, 4, 8, 12, 16, 20 }, l.ToArray<int>());
            Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, r.ToArray<int>());
            Assert.Equal(new[] { 0, 2, 8, 24, 64, 160 }, lv.ToArray<int>());
            using var f = ht.ones([3]);
            Assert.Throws<ArgumentException>(() => f << 1);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void EyeIdentityLogspace_AreCorrectOnEveryChunk(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var e = ht.eye([4, 6], split: split);
            var values = e.ToArray<float>();
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 6; j++) Assert.Equal(i == j ? 1f : 0f, values[i * 6 + j]);
            using var tall = ht.eye([6, 3], ht.int32, split);
            var t = tall.ToArray<int>();
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 3; j++) Assert.Equal(i == j ? 1 : 0, t[i * 3 + j]);
            using var id = ht.identity(3, ht.float64, split);
            Assert.Equal(3.0, ht.sum(id).item<double>());
            using var logs = ht.logspace(0, 3, 4, split: split is null ? null : 0);
            Reference.AssertClose(new[] { 1.0, 10, 100, 1000 }, logs.ToArray<double>(), 1e-6);
            using var base2 = ht.logspace(0, 4, 5, @base: 2, dtype: ht.float64);
            Assert.Equal(new[] { 1.0, 2, 4, 8, 16 }, base2.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Meshgrid_CopyAsarrayTolist(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var xs = ht.arange(3, split: 0);
            using var ys = ht.array(new[] { 10, 20 }, [2]);
            var grid = ht.meshgrid([xs, ys]);
            Assert.Equal([2L, 3L], grid[0].shape);
            Assert.Equal(1, grid[0].split);
            Assert.Equal(new[] { 0, 1, 2, 0, 1, 2 }, grid[0].ToArray<int>());
            Assert.Equal(new[] { 10, 10, 10, 20, 20, 20 }, grid[1].ToArray<int>());
            foreach (var g in grid) g.Dispose();
            var ij = ht.meshgrid([xs, ys], "ij");
            Assert.Equal([3L, 2L], ij[0].shape);
            Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, ij[0].ToArray<int>());
            foreach (var g in ij) g.Dispose();

            using var c = ht.copy(xs);
            Assert.Equal(xs.ToArray<int>(), c.ToArray<int>());
            Assert.Same(xs, ht.asarray(xs));
            using var m = ht.array(new double[,] { { 1, 2 }, { 3, 4 } }, split: 0);
            var list = (List<object>)m.tolist();
            Assert.Equal(3.0, ((List<object>)list[1])[0]);
            Assert.Equal(7, ht.array(new[] { 7 }, [])?.tolist());
        });
    }

    [Fact]
    public void ResultTypeFinfoIinfo()
    {
        Assert.Equal(ht.float32, ht.result_type(ht.int32, 1.5));
        Assert.Equal(ht.int16, ht.result_type(ht.int16, 3));
        Assert.Equal(ht.float64, ht.result_type(ht.int64, ht.float64));
        Assert.Equal(ht.int64, ht.result_type(5));
        Assert.Equal(Math.Pow(2, -23), ht.finfo(ht.float32).eps);
        Assert.Equal(double.MaxValue, ht.finfo(ht.complex128).max);
        Assert.Equal(127, ht.iinfo(ht.int8).max);
        Assert.Throws<ArgumentException>(() => ht.finfo(ht.int32));
        Assert.Throws<ArgumentException>(() => ht.iinfo(ht.float32));
    }
}
