// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using static Heat.Testing.Core.TestKey;

namespace Heat.Testing.Core;

/// <summary>
/// Distributed basic indexing (getter and setter) against a plain C# reference of NumPy's rules on 1..5 ranks, every
/// split, uneven, empty and unbalanced chunks, negative steps, the C# (Index/Range), <c>ht.slice</c> and string forms.
/// </summary>
public abstract class IndexingSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly long[] Shape57 = [5, 7];

    /// <summary>Keys on a 5 x 7 array: ints, ranges, negative steps, new axes, ellipsis, out-of-range slice
    /// ends.</summary>
    private static readonly TestKey[][] Keys57 =
    [
        [Int(1)], [Int(-1)], [Int(4)], [Sl(1, -1)], [Sl(null, null, -1)], [Sl(4, 0, -2), Int(3)], [New, Sl(1, 3)],
        [Ell, Int(-1)], [Sl(null, null, 2), Sl(null, null, -3)], [Int(2), Int(3)], [Int(0), New, Sl(6, null, -1)],
        [Sl(10, 20)], [Sl(-10, 2)], [Sl(3, 3)], [Ell], [Sl(null, null, -2), Ell, New], [Int(1), Ell, Int(-2)],
        [Sl(3, null, -1), Sl(1, 6, 2)], [Sl(-1, -4, -1)], [Sl(null, null, -7)], [New, Ell, New, Int(-5)], [Sl(2, null)],
    ];

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Getter_MatchesNumPy_OnEverySplit(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, Shape57, split: split);
            foreach (var keys in Keys57)
                for (int form = 0; form < 3; form++)
                    CheckGet(x, data, Shape57, split, keys, form, $"ranks {ranks}, split {split}");
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Getter_UnbalancedAndEmptyChunks(int ranks, int? split)
    {
        // 3 x 6 with all rows (or columns) on the last rank but one, or on rank 0; 3 rows leave ranks empty on 4-5
        // ranks.
        var data = Iota(18, 0.5);
        long[] shape = [3, 6];
        foreach (var layout in new[] { 0, 1 })
        {
            World.Run(ranks, () =>
            {
                using var x = Build(data, shape, split, layout, ranks);
                foreach (var keys in new[] { new[] { Int(2) }, [Sl(null, null, -1)], [Sl(1, null)], [Ell, Int(-1)],
                    [Sl(null, null, -2), Sl(5, 0, -2)], [Int(0), Int(5)], [New, Sl(2, 0, -1), Ell] })
                    CheckGet(x, data, shape, split, keys, 0, $"ranks {ranks}, split {split}, layout {layout}");
            });
        }
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Setter_Scalar_RoundTrip(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            foreach (var keys in Keys57)
            {
                using var x = ht.array(data, Shape57, split: split);
                var lshape = x.lshape;
                x[keys.Select(k => k.ToIndexKey()).ToArray()] = -2.5;
                var expected = (double[])data.Clone();
                foreach (var i in IndexReference.Map(keys, Shape57, out _, out _)) expected[i] = -2.5;
                string what = $"ranks {ranks}, split {split}, x[{TestKey.Format(keys)}] = -2.5";
                Assert.True(expected.SequenceEqual(x.ToArray<double>()), what);
                Assert.Equal(split, x.split);
                Assert.Equal(lshape, x.lshape);
            }
        });
    }

    public static TheoryData<int, int?, int> SetterDistributions
    {
        get
        {
            var data = new TheoryData<int, int?, int>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    for (int v = 0; v < 4; v++) data.Add(r, s, v);
            return data;
        }
    }

    /// <summary>Values of every distribution: replicated (0), split on axis 0 (1), on the last axis (2), unbalanced on
    /// axis 0 (3).</summary>
    [Theory, MemberData(nameof(SetterDistributions))]
    public void Setter_DNDarrayValue_OfAnyDistribution(int ranks, int? split, int valueLayout)
    {
        var data = Iota(35);
        TestKey[][] cases =
        [
            [Sl(1, 4), Sl(null, null, -2)], [Sl(null, null, -1)], [Int(2)], [Ell, Int(3)], [Sl(4, null, -3), New,
                Int(1)],
            [Sl(null, null, -2), Sl(1, 6)], [Int(-1), Sl(6, 0, -1)],
        ];
        World.Run(ranks, () =>
        {
            foreach (var keys in cases)
            {
                IndexReference.Map(keys, Shape57, out var outShape, out _);
                // The full value, and a broadcast one (a row of the last extent).
                foreach (bool broadcast in new[] { false, true })
                {
                    long[] vshape = broadcast ? [outShape[^1]] : outShape;
                    long vn = vshape.Aggregate(1L, (p, d) => p * d);
                    var vdata = Enumerable.Range(0, (int)vn).Select(i => 100.0 + i).ToArray();
                    using var x = ht.array(data, Shape57, split: split);
                    using var value = MakeValue(vdata, vshape, valueLayout, ranks);
                    x[keys.Select(k => k.ToIndexKey()).ToArray()] = value;
                    var expected = (double[])data.Clone();
                    var map = IndexReference.Map(keys, Shape57, out _, out _);
                    for (long e = 0; e < map.Length; e++) expected[map[e]] = IndexReference.BroadcastValue(vdata,
                        vshape, outShape, e);
                    string what = $"ranks {ranks}, split {split}, x[{TestKey.Format(keys)}] = value "
                        + $"{Shapes.Format(vshape)} split {value.split} layout {valueLayout}";
                    Assert.True(expected.SequenceEqual(x.ToArray<double>()),
                        what + $": got {string.Join(",", x.ToArray<double>())}");
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Setter_SelfAssignment_AndDtypeConversion(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, Shape57, split: split);
            x[ht.slice(null, null, -1)] = x;
            var expected = Enumerable.Range(0, 35).Select(i => data[(4 - i / 7) * 7 + i % 7]).ToArray();
            Assert.Equal(expected, x.ToArray<double>());
            // Leading extents of 1 beyond the selection's dimensions broadcast away, as in NumPy.
            using var row = ht.full([1, 1, 7], 9.0, split: split is null ? null : 2);
            x[2] = row;
            for (int j = 0; j < 7; j++) expected[2 * 7 + j] = 9.0;
            Assert.Equal(expected, x.ToArray<double>());
            using var ints = ht.array(Enumerable.Range(0, 35).ToArray(), Shape57, split: split);
            ints[1..3, ^2] = 7.9;   // converted to int32 as a C cast
            ints[ht.ellipsis, 0] = ht.array(new[] { 1.5, 2.5, 3.5, 4.5, 5.5 }, split: split is null ? null : 0);
            var got = ints.ToArray<int>();
            Assert.Equal(7, got[1 * 7 + 5]);
            Assert.Equal(7, got[2 * 7 + 5]);
            Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(r => got[r * 7]).ToArray());
            Assert.Equal(ht.int32, ints.dtype);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Getter_IntOnSplitAxis_IsReplicated_AndShiftsSplit(int ranks)
    {
        var data = Iota(60);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [3, 4, 5], split: 1);
            using var a = x[1];            // int before the split: split 1 -> 0
            Assert.Equal(0, a.split);
            using var b = x[ht.ellipsis, 2, ht.slice(null, null, -1)];  // int on the split: replicated
            Assert.Null(b.split);
            Assert.Equal(b.shape, b.lshape);
            using var c = x[ht.newaxis, 1..];  // newaxis before the split: split 1 -> 2
            Assert.Equal(2, c.split);
            using var d = x[.., ^1, 4];
            Assert.Null(d.split);
            Assert.Equal([19.0, 39.0, 59.0], d.ToArray<double>());
            using var e = x[2, 3, 4];
            Assert.Equal(0, e.ndim);
            Assert.Equal(59.0, e.item<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadKeys_ThrowOnEveryRank(int ranks)
    {
        var data = Iota(35);
        DNDarray Make() => ht.array(data, Shape57, split: 0);
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[1, 2, 3].Dispose(); });
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[5].Dispose(); });
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[0, -8].Dispose(); });
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[^0].Dispose(); });
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[7] = 1; });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Make(); x[ht.slice(null, null,
            0)].Dispose(); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Make(); x[ht.ellipsis, 1,
            ht.ellipsis].Dispose(); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Make(); x["1:2:3:4"].Dispose(); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Make(); x["a"].Dispose(); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Make(); using var v = ht.zeros([4],
            split: 0); x[.., 1..4] = v; });
        // Advanced keys: bad ones raise alike (the rest is AdvancedIndexingSuite's).
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[new long[] { 0,
            5 }].Dispose(); });
        AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () => { using var x = Make(); x[new[] { true, false,
            true, false }] = 0; });
        var messages = World.Run(ranks, () =>
        {
            using var x = Make();
            try { x[1, 2, 3].Dispose(); return ""; }
            catch (IndexOutOfRangeException e) { return e.Message; }
        });
        Assert.All(messages, m => Assert.Contains("too many indices", m, StringComparison.OrdinalIgnoreCase));
    }

    public static TheoryData<int> Seeds
    {
        get
        {
            var data = new TheoryData<int>();
            for (int seed = 0; seed < 200; seed += TWorld.SeedStride) data.Add(seed);
            return data;
        }
    }

    /// <summary>Random shapes (0-4 dims, extents 0-6), splits, layouts, rank counts and keys; getter and setter against
    /// the reference.</summary>
    [Theory, MemberData(nameof(Seeds))]
    public void RandomKeys_DistributedEqualsReference(int seed)
    {
        var rng = new Random(seed);
        int ranks = rng.Next(1, 6);
        int ndim = rng.Next(0, 5);
        var shape = Enumerable.Range(0, ndim).Select(_ => (long)rng.Next(0, 7)).ToArray();
        int? split = ndim == 0 || rng.Next(4) == 0 ? null : rng.Next(ndim);
        int layout = split is null ? 0 : rng.Next(3);   // 0 balanced, 1 and 2 unbalanced
        var keys = RandomKeys(rng, shape);
        int form = rng.Next(3);
        long n = shape.Aggregate(1L, (p, d) => p * d);
        var data = Enumerable.Range(0, (int)n).Select(i => (double)i).ToArray();
        IndexReference.Map(keys, shape, out var outShape, out _);
        int? valueSplit = outShape.Length == 0 || rng.Next(3) == 0 ? null : rng.Next(outShape.Length);
        string description = $"seed {seed}: ranks {ranks}, shape {Shapes.Format(shape)}, split "
            + $"{split?.ToString() ?? "None"}, layout {layout}, " +
                             $"key [{TestKey.Format(keys)}] (form {form}), value split "
                                 + $"{valueSplit?.ToString() ?? "None"}";
        World.Run(ranks, () =>
        {
            try
            {
                using var x = Build(data, shape, split, layout, ranks);
                CheckGet(x, data, shape, split, keys, form, description);
                long vn = outShape.Aggregate(1L, (p, d) => p * d);
                var vdata = Enumerable.Range(0, (int)vn).Select(i => -1.0 - i).ToArray();
                using var value = ht.array(vdata, outShape, split: valueSplit);
                if (form == 2) x[TestKey.Format(keys)] = value;
                else x[keys.Select(k => k.ToIndexKey(form)).ToArray()] = value;
                var expected = (double[])data.Clone();
                var map = IndexReference.Map(keys, shape, out _, out _);
                for (long e = 0; e < map.Length; e++) expected[map[e]] = vdata[e];
                Assert.True(expected.SequenceEqual(x.ToArray<double>()), $"{description}: setter gave "
                    + $"[{string.Join(", ", x.ToArray<double>())}], expected [{string.Join(", ", expected)}]");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"{description}: {e.GetType().Name}: {e.Message}", e);
            }
        });
    }

    private static List<TestKey> RandomKeys(Random rng, long[] shape)
    {
        int ndim = shape.Length;
        int consumed = rng.Next(0, ndim + 1);
        bool ellipsis = rng.Next(3) == 0;
        int ellipsisAt = rng.Next(consumed + 1);
        var keys = new List<TestKey>();
        // The keys consume the first `consumed` axes, or (with an ellipsis) axes on both sides of it.
        var axes = Enumerable.Range(0, ellipsisAt).Concat(Enumerable.Range(ndim - (consumed - ellipsisAt),
            consumed - ellipsisAt)).ToArray();
        if (!ellipsis) axes = Enumerable.Range(0, consumed).ToArray();
        for (int i = 0; i < consumed; i++)
        {
            if (ellipsis && i == ellipsisAt) keys.Add(Ell);
            while (rng.Next(6) == 0) keys.Add(New);
            long extent = shape[axes[i]];
            if (extent > 0 && rng.Next(3) == 0)
            {
                long v = rng.Next((int)extent);
                keys.Add(Int(rng.Next(2) == 0 ? v : v - extent));
            }
            else
            {
                long? Bound() => rng.Next(3) == 0 ? null : rng.Next(-8, 9);
                long?[] steps = [null, 1, 2, 3, -1, -2, -3, 5, -5];
                keys.Add(Sl(Bound(), Bound(), steps[rng.Next(steps.Length)]));
            }
        }
        if (ellipsis && ellipsisAt == consumed) keys.Add(Ell);
        while (rng.Next(5) == 0) keys.Add(New);
        return keys;
    }

    private static void CheckGet(DNDarray x, double[] data, long[] shape, int? split, IReadOnlyList<TestKey> keys,
        int form, string context)
    {
        string what = $"{context}: x[{TestKey.Format(keys)}] (form {form})";
        using var r = form == 2 ? x[TestKey.Format(keys)] : x[keys.Select(k => k.ToIndexKey(form)).ToArray()];
        var map = IndexReference.Map(keys, shape, out var outShape, out var outToIn);
        Assert.True(outShape.SequenceEqual(r.shape), $"{what}: shape {Shapes.Format(r.shape)}, expected "
            + $"{Shapes.Format(outShape)}");
        var expectedSplit = IndexReference.ExpectedSplit(outToIn, split);
        Assert.True(expectedSplit == r.split, $"{what}: split {r.split}, expected {expectedSplit}");
        var actual = r.ToArray<double>();
        var expected = map.Select(i => data[i]).ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{what}: got [{string.Join(", ", actual)}], expected "
            + $"[{string.Join(", ", expected)}]");
        if (r.split is int s)
        {
            var counts = r.comm.Allgather(r.lshape[s]);
            Assert.True(counts.Sum() == outShape[s], $"{what}: local extents {string.Join(",", counts)} do not sum "
                + $"to {outShape[s]}");
            if (r.balanced is bool b) Assert.True(b == r.is_balanced(force_check: true), $"{what}: balanced flag "
                + $"{b} is wrong");
        }
        else Assert.True(r.lshape.SequenceEqual(r.shape), $"{what}: replicated result has local shape "
            + $"{Shapes.Format(r.lshape)}");
    }

    /// <summary>Layout 0: balanced; 1: everything on the last rank; 2: pseudo-random counts (some ranks
    /// empty).</summary>
    private static DNDarray Build(double[] data, long[] shape, int? split, int layout, int ranks)
    {
        if (split is not int s || layout == 0) return ht.array(data, shape, split: split);
        var counts = new long[ranks];
        if (layout == 1) counts[ranks - 1] = shape[s];
        else
        {
            var rng = new Random((int)shape[s] * 31 + ranks);
            for (long i = 0; i < shape[s]; i++) counts[rng.Next(ranks)]++;
        }
        var (chunk, lshape) = IndexReference.Chunk(data, shape, s, counts, ht.get_comm().Rank);
        return ht.array(chunk, lshape, is_split: s);
    }

    private static DNDarray MakeValue(double[] data, long[] shape, int layout, int ranks) => layout switch
    {
        0 => ht.array(data, shape),
        1 => ht.array(data, shape, split: 0),
        2 => ht.array(data, shape, split: shape.Length - 1),
        _ => Build(data, shape, 0, 2, ranks),
    };
}
