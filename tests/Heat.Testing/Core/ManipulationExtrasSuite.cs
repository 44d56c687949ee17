// SPDX-License-Identifier: MIT
using static Heat.Testing.Core.NdReference;

namespace Heat.Testing.Core;

/// <summary>
/// flip, roll, rot90, pad, diag, repeat, tile, unfold, split, broadcast, collect and the stacking helpers on 1..5
/// ranks: every split incl. the axis each function acts on, unbalanced and empty chunks, compared with the
/// undistributed NumPy result built element by element.
/// </summary>
public abstract class ManipulationExtrasSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly long[] Shape3 = [5, 3, 4];

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

    /// <summary>An unbalanced array split along <paramref name="split"/> (replicated when null).</summary>
    private static DNDarray Make(double[] data, long[] shape, int? split) =>
        split is int s ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape);

    private static void AssertResult(double[] expected, long[] shape, int? split, DNDarray actual)
    {
        Assert.Equal(shape, actual.shape);
        Assert.Equal(split, actual.split);
        Assert.Equal(expected, actual.ToArray<double>());
        long local = actual.lshape.Aggregate(1L, (a, b) => a * b);
        Assert.Equal(local, actual.ToLocalArray<double>().LongLength);
        if (split is int s)
        {
            var map = actual.lshape_map;
            Assert.Equal(shape[s], Enumerable.Range(0, actual.comm.Size).Sum(r => map[r, s]));
        }
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Flip_EveryAxisSet_MatchesNumPy(int ranks, int? split)
    {
        var a = Iota(60);
        int[]?[] axesSets = [null, [0], [1], [2], [0, 2], [1, 2]];
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape3, split);
            foreach (var axes in axesSets)
            {
                using var f = axes is null ? ht.flip(x) : ht.flip(x, axes);
                var flipped = axes ?? [0, 1, 2];
                var expected = Build(Shape3, i => At(a, Shape3, i.Select((v,
                    d) => flipped.Contains(d) ? Shape3[d] - 1 - v : v).ToArray()));
                AssertResult(expected, Shape3, split, f);
                if (split is int s) Assert.Equal(x.lshape[s], f.lshape[s]); // the distribution is kept
            }
            using var ud = ht.flipud(x);
            using var lr = ht.fliplr(x);
            Assert.Equal(Build(Shape3, i => At(a, Shape3, With(i, 0, 4 - i[0]))), ud.ToArray<double>());
            Assert.Equal(Build(Shape3, i => At(a, Shape3, With(i, 1, 2 - i[1]))), lr.ToArray<double>());
            Assert.Equal(a, x.ToArray<double>()); // the input is unchanged
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Roll_ShiftsAlongAndAcrossTheSplit_MatchNumPy(int ranks, int? split)
    {
        var a = Iota(60);
        (long[] Shift, int[] Axes)[] cases =
            [([2], [0]), ([-1], [0]), ([7], [0]), ([1], [1]), ([-5], [2]), ([1, 2], [0, 2]), ([3, -2, 1], [0, 1, 2]),
                ([2, 3], [0, 0])];
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape3, split);
            foreach (var (shift, axes) in cases)
            {
                using var r = ht.roll(x, shift, axes);
                var total = new long[3];
                for (int k = 0; k < shift.Length; k++) total[axes[k]] += shift[k];
                var expected = Build(Shape3, i => At(a, Shape3, i.Select((v, d) => Mod(v - total[d],
                    Shape3[d])).ToArray()));
                AssertResult(expected, Shape3, split, r);
                if (split is int s) Assert.Equal(x.lshape[s], r.lshape[s]);
            }
            using var flat = ht.roll(x, 7);
            Assert.Equal(Enumerable.Range(0, 60).Select(i => a[Mod(i - 7, 60)]).ToArray(), flat.ToArray<double>());
            Assert.Equal(Shape3, flat.shape);
            using var one = ht.roll(x, 2, axis: 1);
            Assert.Equal(Build(Shape3, i => At(a, Shape3, With(i, 1, Mod(i[1] - 2, 3)))), one.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Rot90_EveryQuarterAndPlane_MatchesNumPy(int ranks, int? split)
    {
        var a = Iota(35);
        long[] shape = [5, 7];
        World.Run(ranks, () =>
        {
            using var m = Make(a, shape, split);
            for (int k = -1; k <= 4; k++)
            {
                foreach (var reversed in new[] { false, true })
                {
                    using var r = reversed ? ht.rot90(m, k, [1, 0]) : ht.rot90(m, k);
                    int q = (int)Mod(reversed ? -k : k, 4);
                    long[] outShape = q % 2 == 0 ? [5, 7] : [7, 5];
                    var expected = Build(outShape, i => q switch
                    {
                        0 => a[i[0] * 7 + i[1]],
                        1 => a[i[1] * 7 + 6 - i[0]],
                        2 => a[(4 - i[0]) * 7 + 6 - i[1]],
                        _ => a[(4 - i[1]) * 7 + i[0]],
                    });
                    Assert.Equal(outShape, r.shape);
                    Assert.Equal(expected, r.ToArray<double>());
                }
            }
            Assert.Throws<ArgumentException>(() => ht.rot90(m, 1, [0, 0]));
            Assert.Throws<ArgumentException>(() => ht.rot90(m, 1, [0, 1, 2]));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Pad_AnyAxisInclTheSplit_MatchesNumPy(int ranks, int? split)
    {
        var a = Iota(60, 1.5);
        (long, long)[][] widths = [[(1, 2)], [(0, 0), (2, 0), (1, 3)], [(3, 1), (0, 0), (0, 0)], [(0, 2), (1, 1)], [(4,
            4), (1, 0), (0, 1)]];
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape3, split);
            foreach (var w in widths)
            {
                using var p = ht.pad(x, w, constant_values: -7);
                var full = new (long B, long A)[3];
                for (int d = 0; d < 3; d++) full[d] = w.Length == 1 ? w[0] : d >= 3 - w.Length ? w[d - (3 - w.Length)] :
                    (0, 0);
                var outShape = Enumerable.Range(0, 3).Select(d => Shape3[d] + full[d].B + full[d].A).ToArray();
                var expected = Build(outShape, i =>
                {
                    var src = i.Select((v, d) => v - full[d].B).ToArray();
                    return src.Select((v, d) => v >= 0 && v < Shape3[d]).All(b => b) ? At(a, Shape3, src) : -7;
                });
                AssertResult(expected, outShape, split, p);
                if (split is int s && full[s] != (0, 0)) Assert.True(p.is_balanced(force_check: true));
            }
            using var all = ht.pad(x, 1);
            Assert.Equal([7L, 5L, 6L], all.shape);
            Assert.Equal(0.0, all.ToArray<double>()[0]);
            using var ints = ht.arange(6, split: split is null ? null : 0);
            using var padded = ht.pad(ints, [(2, 1)], constant_values: 9);
            Assert.Equal(ints.dtype, padded.dtype);
            Assert.Equal([9, 9, 0, 1, 2, 3, 4, 5, 9], padded.ToArray<int>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Pad_BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.pad(ht.zeros([4, 3], split: 0), -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.pad(ht.zeros([4, 3], split: 0), [(1, 1), (1, 1), (1,
            1)]));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.pad(ht.zeros([4, 3], split: 0), 1,
            mode: "nonsense"));
        AssertThrowsOnEveryRank<NotSupportedException>(ranks, () => ht.pad(ht.zeros([4, 3], split: 0), 1,
            mode: "reflect"));
    }

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

    [Theory, MemberData(nameof(RanksAndSplits1D))]
    public void Diag_VectorToMatrixAndBack_AnyOffset(int ranks, int? split)
    {
        var v = Iota(5, 2).Select(e => e + 1).ToArray();
        World.Run(ranks, () =>
        {
            using var x = Make(v, [5], split);
            for (long k = -3; k <= 3; k++)
            {
                using var d = ht.diag(x, k);
                long m = 5 + Math.Abs(k);
                var expected = Build([m, m], i => i[1] - i[0] == k ? v[Math.Min(i[0], i[1])] : 0);
                AssertResult(expected, [m, m], split is null ? null : 0, d);
                if (split is not null) Assert.True(d.is_balanced(force_check: true));
                using var back = ht.diag(d, k);
                Assert.Equal(v, back.ToArray<double>());
            }
            using var three = ht.zeros([2, 2, 2]);
            Assert.Throws<ArgumentException>(() => ht.diag(three));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Repeat_ScalarAndPerElement_AnyAxis(int ranks, int? split)
    {
        var a = Iota(15);
        long[] shape = [5, 3];
        World.Run(ranks, () =>
        {
            using var x = Make(a, shape, split);
            using var flat = ht.repeat(x, 2);
            Assert.Equal(a.SelectMany(e => new[] { e, e }).ToArray(), flat.ToArray<double>());
            using var zero = ht.repeat(x, 0, 0);
            Assert.Equal([0L, 3L], zero.shape);
            long[] rows = [1, 0, 3, 2, 1];
            long[] cols = [2, 0, 1];
            foreach (var axis in new[] { 0, 1 })
            {
                using var r = ht.repeat(x, 3, axis);
                var outShape = (long[])shape.Clone();
                outShape[axis] *= 3;
                AssertResult(Build(outShape, i => At(a, shape, With(i, axis, i[axis] / 3))), outShape, split, r);
                var reps = axis == 0 ? rows : cols;
                using var per = ht.repeat(x, reps, axis);
                var map = reps.SelectMany((c, j) => Enumerable.Repeat((long)j, (int)c)).ToArray();
                outShape = (long[])shape.Clone();
                outShape[axis] = map.Length;
                AssertResult(Build(outShape, i => At(a, shape, With(i, axis, map[i[axis]]))), outShape, split, per);
                if (split == axis) Assert.True(per.is_balanced(force_check: true));
            }
            using var perFlat = ht.repeat(x, Enumerable.Range(0, 15).Select(i => (long)(i % 3)).ToArray());
            Assert.Equal(a.SelectMany((e, i) => Enumerable.Repeat(e, i % 3)).ToArray(), perFlat.ToArray<double>());
            Assert.Throws<ArgumentException>(() => ht.repeat(x, -1));
            Assert.Throws<ArgumentException>(() => ht.repeat(x, [1, 2], 0));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Tile_AnyReps_MatchesNumPy(int ranks, int? split)
    {
        var a = Iota(15);
        long[] shape = [5, 3];
        long[][] repsSet = [[2], [2, 1], [1, 3], [2, 2], [3, 1, 2], [0, 2], [1, 1]];
        World.Run(ranks, () =>
        {
            using var x = Make(a, shape, split);
            foreach (var reps in repsSet)
            {
                using var t = ht.tile(x, reps);
                int rank = Math.Max(2, reps.Length);
                var r = Enumerable.Repeat(1L, rank - reps.Length).Concat(reps).ToArray();
                var s = Enumerable.Repeat(1L, rank - 2).Concat(shape).ToArray();
                var outShape = r.Select((v, d) => v * s[d]).ToArray();
                var expected = Build(outShape, i => At(a, shape, [i[rank - 2] % 5, i[rank - 1] % 3]));
                int? outSplit = split is int sp ? sp + rank - 2 : null;
                AssertResult(expected, outShape, outSplit, t);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Unfold_AnySizeAndStep_MatchesTorch(int ranks, int? split)
    {
        var a = Iota(22);
        long[] shape = [11, 2];
        World.Run(ranks, () =>
        {
            using var x = Make(a, shape, split);
            foreach (var size in new long[] { 1, 2, 3, 5, 11 })
                foreach (var step in new long[] { 1, 2, 3, 7 })
                {
                    using var u = ht.unfold(x, 0, size, step);
                    long windows = (11 - size) / step + 1;
                    long[] outShape = [windows, 2, size];
                    AssertResult(Build(outShape, i => a[(i[0] * step + i[2]) * 2 + i[1]]), outShape, split, u);
                }
            using var cols = ht.unfold(x, 1, 2);
            AssertResult(Build([11, 1, 2], i => a[i[0] * 2 + i[2]]), [11, 1, 2], split, cols);
            Assert.Throws<ArgumentException>(() => ht.unfold(x, 0, 12));
            Assert.Throws<ArgumentException>(() => ht.unfold(x, 0, 2, 0));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Split_SectionsAndIndices_AlongEveryAxis(int ranks, int? split)
    {
        var a = Iota(60);
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape3, split);
            foreach (var axis in new[] { 0, 1, 2 })
            {
                long n = Shape3[axis];
                long[][] indexSets = [[2], [1, 3], [3, 1], [-1], [0, 9]];
                foreach (var indices in indexSets)
                {
                    var parts = ht.split(x, indices, axis);
                    try
                    {
                        Assert.Equal(indices.Length + 1, parts.Length);
                        for (int p = 0; p < parts.Length; p++)
                        {
                            long start = Clip(p == 0 ? 0 : indices[p - 1], n);
                            long stop = p < indices.Length ? Clip(indices[p], n) : n;
                            long len = Math.Max(0, stop - start);
                            var outShape = With(Shape3, axis, len);
                            Assert.Equal(outShape, parts[p].shape);
                            Assert.Equal(Build(outShape, i => At(a, Shape3, With(i, axis, i[axis] + start))),
                                parts[p].ToArray<double>());
                        }
                    }
                    finally { foreach (var part in parts) part.Dispose(); }
                }
            }
            var halves = ht.split(x, 2, 2);
            Assert.Equal(Build([5, 3, 2], i => At(a, Shape3, i)), halves[0].ToArray<double>());
            var v = ht.vsplit(x, 5);
            Assert.Equal(5, v.Length);
            Assert.Equal(Build([1, 3, 4], i => At(a, Shape3, With(i, 0, 3))), v[3].ToArray<double>());
            var h = ht.hsplit(x, [1L]);
            Assert.Equal([5L, 2L, 4L], h[1].shape);
            var d = ht.dsplit(x, [1L, 2L]);
            Assert.Equal(Build([5, 3, 2], i => At(a, Shape3, With(i, 2, i[2] + 2))), d[2].ToArray<double>());
            Assert.Throws<ArgumentException>(() => ht.split(x, 2, 0));
            using var vec = ht.arange(6);
            Assert.Throws<ArgumentException>(() => ht.vsplit(vec, 2));
            Assert.Throws<ArgumentException>(() => ht.dsplit(vec, 2));
            Assert.Equal(3, ht.hsplit(vec, 3).Length);
        });

        static long Clip(long i, long n) => Math.Clamp(i < 0 ? i + n : i, 0, n);
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void BroadcastTo_AndBroadcastArrays(int ranks, int? split)
    {
        var a = Iota(5);
        World.Run(ranks, () =>
        {
            using var col = Make(a, [5, 1], split);
            using var b = ht.broadcast_to(col, [2, 5, 3]);
            AssertResult(Build([2, 5, 3], i => a[i[1]]), [2, 5, 3], split is int s ? s + 1 : null, b);
            using var row = Make(a, [1, 5], split);
            using var b2 = ht.broadcast_to(row, [4, 5]);
            AssertResult(Build([4, 5], i => a[i[1]]), [4, 5], split, b2);
            if (split == 0) Assert.True(b2.is_balanced(force_check: true));
            var both = ht.broadcast_arrays(col, row);
            Assert.Equal([5L, 5L], both[0].shape);
            Assert.Equal(Build([5, 5], i => a[i[0]]), both[0].ToArray<double>());
            Assert.Equal(Build([5, 5], i => a[i[1]]), both[1].ToArray<double>());
            Assert.Equal([5L, 1L], ht.shape(col));
            Assert.Throws<ArgumentException>(() => ht.broadcast_to(col, [5, 2, 3]));
            Assert.Throws<ArgumentException>(() => ht.broadcast_to(col, [5]));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void CollectRedistributeAndStacks(int ranks, int? split)
    {
        var a = Iota(15);
        World.Run(ranks, () =>
        {
            using var x = Make(a, [5, 3], split);
            int target = ranks - 1;
            using var c = ht.collect(x, target);
            Assert.Equal(a, c.ToArray<double>());
            if (split is int s)
            {
                Assert.Equal(x.comm.Rank == target ? x.shape[s] : 0, c.lshape[s]);
                var map = new long[ranks, 2];
                for (int r = 0; r < ranks; r++) { map[r, 0] = 5; map[r, 1] = 3; }
                for (int r = 0; r < ranks; r++) map[r, s] = r == 0 ? x.shape[s] : 0;
                var before = x.lshape;
                using var moved = ht.redistribute(x, target_map: map);
                Assert.Equal(a, moved.ToArray<double>());
                Assert.Equal(before, x.lshape); // out of place
                Assert.Equal(x.comm.Rank == 0 ? x.shape[s] : 0, moved.lshape[s]);
            }
            else Assert.Equal(x.lshape, c.lshape);
            Assert.Throws<ArgumentOutOfRangeException>(() => ht.collect(x, ranks));
            using var v = Make(Iota(5, -1), [5], split is null ? null : 0);
            using var cs = ht.column_stack([v, x, v]);
            Assert.Equal(Build([5, 5], i => i[1] == 0 || i[1] == 4 ? -i[0] : a[i[0] * 3 + i[1] - 1]),
                cs.ToArray<double>());
            using var w = ht.arange(3, dtype: ht.float64);
            using var rs = ht.row_stack([x, w]);
            Assert.Equal(a.Concat([0.0, 1, 2]).ToArray(), rs.ToArray<double>());
            using var reshaped = x.reshape([3, 5], new_split: 1);
            Assert.Equal(1, reshaped.split);
            Assert.Equal(a, reshaped.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Diff_PrependAppend_MatchNumPy(int ranks, int? split)
    {
        var a = Iota(15).Select(e => e * e).ToArray();
        World.Run(ranks, () =>
        {
            using var x = Make(a, [5, 3], split);
            foreach (var axis in new[] { 0, 1 })
            {
                using var d = ht.diff(x, 1, axis, prepend: 0.5, append: 100.0);
                var outShape = With([5, 3], axis, axis == 0 ? 6 : 4);
                var n = axis == 0 ? 5 : 3;
                double Ext(long[] i, long k) => k == 0 ? 0.5 : k == n + 1 ? 100 : At(a, [5, 3], With(i, axis, k - 1));
                AssertResult(Build(outShape, i => Ext(i, i[axis] + 1) - Ext(i, i[axis])), outShape, split, d);
                using var edge = x[axis == 0 ? ht.slice(0, 1) : ht.slice(), axis == 0 ? ht.slice() : ht.slice(0, 1)];
                using var d2 = ht.diff(x, 2, axis, prepend: edge);
                var outShape2 = With([5, 3], axis, n - 1);
                double Pre(long[] i, long k) => k == 0 ? At(a, [5, 3], With(i, axis, 0)) : At(a, [5, 3], With(i, axis,
                    k - 1));
                AssertResult(Build(outShape2, i => Pre(i, i[axis] + 2) - 2 * Pre(i, i[axis] + 1) + Pre(i, i[axis])),
                    outShape2, split, d2);
            }
        });
    }
}
