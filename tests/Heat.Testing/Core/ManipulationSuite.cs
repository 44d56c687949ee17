// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>reshape, flatten, squeeze, expand_dims, transpose, concatenate/stack and the linalg basics on 1..5
/// ranks.</summary>
public abstract class ManipulationSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
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

    private static readonly long[][] Targets = [[60], [6, 10], [5, 12], [3, 4, 5], [2, -1, 3], [1, 60], [60, 1], [2, 2, 15]];

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Reshape_AnyShapeAndSplit_KeepsRowMajorOrder(int ranks, int? split)
    {
        var a = Iota(60);
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, [4, 3, 5], s) : ht.array(a, [4, 3, 5]);
            foreach (var shape in Targets)
            {
                using var r = ht.reshape(x, shape);
                Assert.Equal(a, r.ToArray<double>());
                Assert.Equal(60, r.size);
                if (split is int sp) Assert.Equal(Math.Min(sp, r.ndim - 1), r.split);
                else Assert.Null(r.split);
                Assert.True(r.is_balanced(force_check: true));
                for (int ns = 0; ns < r.ndim; ns++)
                {
                    using var q = ht.reshape(x, shape, ns);
                    Assert.Equal(ns, q.split);
                    Assert.Equal(a, q.ToArray<double>());
                }
            }
            Assert.Equal(split, x.split); // the input keeps its split
            using var flat = x.flatten();
            Assert.Equal(a, flat.ToArray<double>());
            using var one = ht.array(new[] { 5.0 }, [1, 1], split: split is null ? null : 0);
            using var scalar = ht.reshape(one, []);
            Assert.Equal(0, scalar.ndim);
            Assert.Equal(5.0, scalar.item<double>());
            Assert.Throws<ArgumentException>(() => ht.reshape(x, [7, -1]));
            Assert.Throws<ArgumentException>(() => ht.reshape(x, [-1, -1]));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void TransposeSwapMoveSqueezeExpand(int ranks, int? split)
    {
        var a = Iota(24);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [2, 3, 4], split: split);
            using var t = x.T;
            Assert.Equal([4L, 3L, 2L], t.shape);
            Assert.Equal(split is int s ? 2 - s : null, t.split);
            var tv = t.ToArray<double>();
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++)
                Assert.Equal(a[i * 12 + j * 4 + k], tv[k * 6 + j * 2 + i]);
            using var sw = ht.swapaxes(x, 0, 2);
            Assert.Equal(tv, sw.ToArray<double>());
            using var mv = ht.moveaxis(x, 0, -1);
            Assert.Equal([3L, 4L, 2L], mv.shape);
            Assert.Equal(a[12 + 1], mv.ToArray<double>()[0 * 8 + 1 * 2 + 1]);
            using var e = ht.expand_dims(x, 1);
            Assert.Equal([2L, 1L, 3L, 4L], e.shape);
            Assert.Equal(split is int s2 ? (s2 >= 1 ? s2 + 1 : s2) : null, e.split);
            Assert.Equal(a, e.ToArray<double>());
            using var sq = ht.squeeze(e);
            Assert.Equal([2L, 3L, 4L], sq.shape);
            Assert.Equal(a, sq.ToArray<double>());
            Assert.Throws<ArgumentException>(() => ht.squeeze(x, 0));
        });
    }

    public static TheoryData<int, int?, int> ConcatCases
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

    [Theory, MemberData(nameof(ConcatCases))]
    public void Concatenate_BalancedResult_AnySplitAndAxis(int ranks, int? split, int axis)
    {
        var a = Iota(12); var b = Iota(8, -1);
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, [3, 4], s) : ht.array(a, [3, 4]);
            var bData = axis == 0 ? b : Iota(6, -1);
            long[] bShape = axis == 0 ? [2, 4] : [3, 2];
            using var y = ht.array(bData, bShape, split: split is null ? 0 : null);
            using var c = ht.concatenate([x, y], axis);
            var expected = new List<double>();
            if (axis == 0) { expected.AddRange(a); expected.AddRange(bData); }
            else for (int i = 0; i < 3; i++) { expected.AddRange(a.Skip(4 * i).Take(4)); expected.AddRange(bData.Skip(2 * i).Take(2)); }
            Assert.Equal(expected, c.ToArray<double>());
            Assert.Equal(split ?? 0, c.split);
            Assert.True(c.is_balanced(force_check: true));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void StackHstackVstack(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.arange(5, split: 0);
            using var y = ht.arange(5) * 10;
            using var st = ht.stack([x, y]);
            Assert.Equal([2L, 5L], st.shape);
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 0, 10, 20, 30, 40 }, st.ToArray<int>());
            using var st1 = ht.stack([x, y], 1);
            Assert.Equal([5L, 2L], st1.shape);
            Assert.Equal(new[] { 0, 0, 1, 10, 2, 20, 3, 30, 4, 40 }, st1.ToArray<int>());
            using var h = ht.hstack([x, y]);
            Assert.Equal(10, h.size);
            using var v = ht.vstack([x, y]);
            Assert.Equal([2L, 5L], v.shape);
            using var bad = ht.arange(4);
            Assert.Throws<ArgumentException>(() => ht.stack([x, bad]));
            Assert.Throws<ArgumentException>(() => ht.concatenate([st, bad]));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void DotOuterVdotTraceDiagonalTriangles(int ranks, int? split)
    {
        var a = Iota(20);
        World.Run(ranks, () =>
        {
            using var m = split is int s ? Reference.Unbalanced(a, [4, 5], s) : ht.array(a, [4, 5]);
            foreach (var offset in new long[] { -4, -2, -1, 0, 1, 3, 5 })
            {
                using var d = ht.diagonal(m, offset);
                var expected = new List<double>();
                for (int i = 0; i < 4; i++) { long j = i + offset; if (j >= 0 && j < 5) expected.Add(a[i * 5 + j]); }
                Assert.Equal(expected, d.ToArray<double>());
                Assert.Equal(expected.Sum(), ht.trace(m, offset));
            }
            foreach (var k in new long[] { -1, 0, 2 })
            {
                using var lo = ht.tril(m, k);
                using var up = ht.triu(m, k);
                Assert.Equal(a.Select((v, i) => i % 5 - i / 5 <= k ? v : 0).ToArray(), lo.ToArray<double>());
                Assert.Equal(a.Select((v, i) => i % 5 - i / 5 >= k ? v : 0).ToArray(), up.ToArray<double>());
                Assert.Equal(split, lo.split);
            }
            using var u = ht.arange(3, split: split is null ? null : 0);
            using var w = ht.array(new[] { 1, 10, 100, 1000 }, [4]);
            using var o = ht.outer(u, w);
            Assert.Equal(new[] { 0, 0, 0, 0, 1, 10, 100, 1000, 2, 20, 200, 2000 }, o.ToArray<int>());
            using var dd = ht.dot(u, u);
            Assert.Equal(5, dd.item<int>());
            using var vd = ht.vdot(m, m);
            Assert.Equal(a.Sum(v => v * v), vd.item<double>());
        });
    }
}
