// SPDX-License-Identifier: MIT
using static Heat.Testing.Core.AKey;

namespace Heat.Testing.Core;

/// <summary>
/// Advanced indexing (boolean masks, integer arrays, mixed with basic keys), its setter, <c>nonzero</c>, one-argument
/// <c>where</c> and <c>take</c>, on 1..5 ranks, every split incl. None, balanced, unbalanced and empty chunks, keys
/// distributed differently from the array, against <see cref="AdvancedIndexReference"/> (NumPy's rules).
/// </summary>
public abstract class AdvancedIndexingSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly long[] Shape75 = [7, 5];
    private static readonly long[] Shape453 = [4, 5, 3];

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

    private static bool[] Pattern(int n, Func<int, bool> f) => Enumerable.Range(0, n).Select(f).ToArray();

    /// <summary>Keys on a 7 x 5 array: masks (whole, rows, columns; nothing, everything, one block of rows), integer
    /// arrays with repeats and negatives in every form, mixed with slices, integers and new axes.</summary>
    private static AKey[][] Keys75()
    {
        var rowsHalf = Pattern(7, i => i % 2 == 0);
        var whole = Pattern(35, i => i % 3 != 1);
        AKey[][] list =
        [
            [Msk(whole, [7, 5])], [Msk(whole, [7, 5]) with { Split = 0 }], [Msk(whole, [7, 5]) with { Split = 1 }],
            [Msk(Pattern(35, _ => false), [7, 5]) with { Split = 0 }], [Msk(Pattern(35, _ => true), [7, 5])],
            [Msk(rowsHalf)], [Msk(rowsHalf) with { Form = 1 }], [Msk(rowsHalf) with { Split = 0 }],
            [Msk(Pattern(7, _ => false)) with { Split = 0 }], [Msk(Pattern(7, _ => true))], [Msk(Pattern(7,
                i => i is 2 or 3))],
            [Msk(Pattern(7, i => i == 6)) with { Split = 0 }], [Msk(Pattern(7, i => i < 2))],
            [Sl(), Msk(Pattern(5, i => i != 2))], [Sl(), Msk(Pattern(5, i => i == 4)) with { Split = 0 }],
            [Sl(1, null, 2), Msk(Pattern(5, i => i % 2 == 1)) with { Form = 1 }], [Msk(rowsHalf), Int(-1)],
                [Msk(rowsHalf), Sl(null, null, -2)],
            [Arr([0, 6, 6, -1, 3])], [Arr([0, 6, 6, -1, 3]) with { Form = 1 }], [Arr([0, 6, 6, -1,
                3]) with { Form = 2 }],
            [Arr([0, 6, 6, -1, 3]) with { Split = 0 }], [Arr([-7, 2, 2, 5]) with { Form = 3, Split = 0 }], [Arr([])],
                [Arr([]) with { Split = 0 }],
            [Arr([1, 0, 1, 5, 6, 2], [2, 3]) with { Split = 0 }], [Arr([1, 0, 1, 5, 6, 2], [2, 3]) with { Split = 1 }],
            [Sl(), Arr([4, -5, 2, 2])], [Sl(), Arr([4, -5, 2, 2]) with { Split = 0 }], [Sl(null, null, -1), Arr([0,
                4])],
            [Sl(2, 6), Arr([3, 1]) with { Form = 1 }], [Arr([2, 0, -1]), Arr([4, 4, 0]) with { Split = 0 }], [Arr([6,
                1]) with { Split = 0 }, Int(2)],
            [Int(-2), Arr([1, 3, 1])], [Arr([5, 1]), Sl(1, 4)], [Arr([3], [1, 1]), Arr([0, 1, 2], [3])], [Arr([1, 2],
                [2, 1]) with { Split = 0 }, Arr([0, 4, 3])],
            [Arr([0, 5]), New, Arr([1, 2])], [New, Arr([0, 5]), Arr([1, 2])], [Ell, Arr([1, -1])], [Arr([1, 0]), Ell],
                [Arr([4, 4]), Ell, Arr([0, 0])],
        ];
        return list;
    }

    private static AKey[][] Keys453() =>
    [
        [Arr([0, 2]), Sl(), Arr([1, -1])], [Sl(), Arr([1, 1, -1]), Int(0)], [Int(1), Sl(), Arr([0, 2])], [Sl(), Int(0),
            Arr([1, 2])],
        [Arr([3, 0]), Int(4)], [Arr([1, 0]), New, Arr([0, 1])], [Ell, Arr([2, 0]) with { Split = 0 }], [Sl(), Sl(),
            Msk(Pattern(3, i => i != 1))],
        [Msk(Pattern(20, i => i % 3 == 0), [4, 5]) with { Split = 0 }], [Msk(Pattern(20, i => i % 3 == 0), [4,
            5]) with { Split = 1 }],
        [Int(2), Msk(Pattern(15, i => i % 4 == 1), [5, 3])], [Sl(), Msk(Pattern(15, i => i > 9), [5,
            3]) with { Split = 1 }],
        [Sl(null, null, -1), Arr([4, 0, 4]), Sl(0, 2)], [Arr([0, 1, 2, 3], [2, 2]) with { Split = 0 }, Sl(1, 3),
            Arr([2, 0], [1, 2])],
        [Sl(), Arr([0, 1]), Ell, Arr([2, 2])], [Arr([-1]) with { Split = 0 }, Arr([-1]), Arr([-1])], [Msk(Pattern(4,
            i => i == 3)) with { Split = 0 }, Int(1), Sl(1, null)],
    ];

    /// <summary>The array of the tests: balanced (layout 0), all rows on the last rank (1), or random uneven rows with
    /// empty ranks (2).</summary>
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

    /// <summary>Asserts the global shape and data, that every rank's chunk is its part of the expected array, and that
    /// a known <c>balanced</c> is right.</summary>
    private static void AssertResult(DNDarray r, long[] shape, double[] expected, string what)
    {
        Assert.True(shape.SequenceEqual(r.shape), $"{what}: shape ({string.Join(",", r.shape)}), expected "
            + $"({string.Join(",", shape)})");
        var got = r.ToArray<double>();
        Assert.True(expected.SequenceEqual(got), $"{what}: got [{string.Join(", ", got)}], expected "
            + $"[{string.Join(", ", expected)}]");
        var local = r.ToLocalArray<double>();
        if (r.split is int s)
        {
            var (counts, _) = r.counts_displs();
            var (chunk, lshape) = IndexReference.Chunk(expected, shape, s, counts, ht.get_comm().Rank);
            Assert.True(lshape.SequenceEqual(r.lshape), $"{what}: lshape");
            Assert.True(chunk.SequenceEqual(local), $"{what}: local chunk");
            if (r.balanced is bool b) Assert.Equal(counts.SequenceEqual(Enumerable.Range(0,
                counts.Length).Select(i => shape[s] / counts.Length + (i < shape[s] % counts.Length ? 1 : 0))), b);
        }
        else Assert.True(expected.SequenceEqual(local), $"{what}: replicated local data");
    }

    private static void CheckGet(DNDarray x, double[] data, long[] shape, AKey[] keys, string what)
    {
        var (eshape, positions) = AdvancedIndexReference.Resolve(keys, shape);
        using var scope = DisposeScope.Begin();
        using var r = x[keys.Select(k => k.ToIndexKey()).ToArray()];
        AssertResult(r, eshape, positions.Select(p => data[p]).ToArray(), $"{what}, x[{AKey.Format(keys)}]");
    }

    private static void CheckSet(double[] data, long[] shape, int? split, int layout, int ranks, AKey[] keys,
        int valueKind, string what)
    {
        var (eshape, positions) = AdvancedIndexReference.Resolve(keys, shape);
        using var scope = DisposeScope.Begin();
        using var x = Build(data, shape, split, layout, ranks);
        var lshape = x.lshape;
        var expected = (double[])data.Clone();
        string desc = $"{what}, x[{AKey.Format(keys)}] = value {valueKind}";
        var ikeys = keys.Select(k => k.ToIndexKey()).ToArray();
        switch (valueKind)
        {
            case 0:
                x[ikeys] = -2.5;
                foreach (var p in positions) expected[p] = -2.5;
                break;
            default:
                // A value of the selection's shape (split along its first axis for kind 2, its last for 3), or its last
                // axis only (broadcast, kind 4).
                var vshape = valueKind == 4 && eshape.Length > 0 ? [eshape[^1]] : eshape;
                long vn = vshape.Aggregate(1L, (a, b) => a * b);
                var vdata = Enumerable.Range(0, (int)vn).Select(i => -1.0 - i).ToArray();
                int? vsplit = vshape.Length == 0 ? null : valueKind switch { 2 => 0, 3 => vshape.Length - 1,
                    _ => null };
                using (var value = ht.array(vdata, vshape, split: vsplit)) x[ikeys] = value;
                for (long e = 0; e < positions.Length; e++) expected[positions[e]] = vdata[e % vn];
                break;
        }
        var got = x.ToArray<double>();
        Assert.True(expected.SequenceEqual(got), $"{desc}: got [{string.Join(", ", got)}], expected "
            + $"[{string.Join(", ", expected)}]");
        Assert.Equal(split, x.split);
        Assert.Equal(lshape, x.lshape);
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Getter_MasksAndIntegerArrays_MatchNumPy(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            foreach (var layout in new[] { 0, 1, 2 })
            {
                using var x = Build(data, Shape75, split, layout, ranks);
                foreach (var keys in Keys75()) CheckGet(x, data, Shape75, keys, $"ranks {ranks}, split {split}, "
                    + $"layout {layout}");
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Getter_MixedKeys3D_MatchNumPy(int ranks, int? split)
    {
        var data = Iota(60, 0.5);
        World.Run(ranks, () =>
        {
            foreach (var layout in new[] { 0, 2 })
            {
                using var x = Build(data, Shape453, split, layout, ranks);
                foreach (var keys in Keys453()) CheckGet(x, data, Shape453, keys, $"ranks {ranks}, split {split}, "
                    + $"layout {layout}");
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Setter_MatchesNumPy(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            foreach (var layout in new[] { 0, 2 })
                foreach (var keys in Keys75())
                    for (int kind = 0; kind < 5; kind++)
                        CheckSet(data, Shape75, split, layout, ranks, keys, kind, $"ranks {ranks}, split {split}, "
                            + $"layout {layout}");
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Setter_MixedKeys3D_MatchesNumPy(int ranks, int? split)
    {
        var data = Iota(60, 0.5);
        World.Run(ranks, () =>
        {
            foreach (var keys in Keys453())
                for (int kind = 0; kind < 5; kind += 2)
                    CheckSet(data, Shape453, split, 2, ranks, keys, kind, $"ranks {ranks}, split {split}");
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Setter_RepeatedIndices_LastWriteWins(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.zeros([6, 3], split: split);
            using var idx = ht.array(new long[] { 1, 4, 1, -5, 4 }, split: 0);
            using var v = ht.array(new double[] { 10, 20, 30, 40, 50 }, split: 0);
            x[idx, 1] = v;
            var got = x.ToArray<double>();
            Assert.Equal(40.0, got[1 * 3 + 1]);
            Assert.Equal(50.0, got[4 * 3 + 1]);
            Assert.Equal(2, got.Count(g => g != 0));
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Results_AreSplitAsHeat(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = ht.array(data, Shape75, split: split);
            var masked = x[x > 10.0];
            Assert.Equal(split is null ? null : 0, masked.split);
            var rows = x[ht.array(new long[] { 6, 0, 3, 3, 2, 1 })];
            Assert.Equal(split, rows.split);
            if (split == 0) Assert.True(rows.balanced);
            var cols = x[ht.slice(), new long[] { 4, 0 }];
            Assert.Equal(split, cols.split);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Nonzero_Where_OnUnbalancedArrays(int ranks, int? split)
    {
        var data = Iota(35).Select(v => v % 4 == 1 ? v : 0).ToArray();
        var coordinates = new List<double>();
        var flatNonzero = new List<double>();
        for (int f = 0; f < 35; f++)
            if (data[f] != 0) { coordinates.Add(f / 5); coordinates.Add(f % 5); flatNonzero.Add(f); }
        World.Run(ranks, () =>
        {
            foreach (var layout in new[] { 0, 1, 2 })
            {
                using var scope = DisposeScope.Begin();
                var x = Build(data, Shape75, split, layout, ranks);
                var nz = ht.nonzero(x);
                Assert.Equal(DType.Int64, nz.dtype);
                AssertResult(nz.astype(DType.Float64), [flatNonzero.Count, 2], coordinates.ToArray(), $"nonzero, "
                    + $"layout {layout}");
                AssertResult(ht.where(x != 0.0).astype(DType.Float64), [flatNonzero.Count, 2], coordinates.ToArray(),
                    "where");
                var flat = Build(data, [35], split is null ? null : 0, layout, ranks);
                AssertResult(flat.nonzero().astype(DType.Float64), [flatNonzero.Count], flatNonzero.ToArray(),
                    "1-d nonzero");
                Assert.Equal(split is null ? null : 0, nz.split);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Take_AlongEveryAxis(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Build(data, Shape75, split, 2, ranks);
            AssertResult(ht.take(x, new long[] { 6, -7, 3 }, axis: 0), [3, 5], [.. data[30..35], .. data[0..5],
                .. data[15..20]], "take axis 0");
            var idx = ht.array(new long[] { 4, -1, 0 }, split: 0);
            AssertResult(ht.take(x, idx, axis: -1), [7, 3], Enumerable.Range(0,
                7).SelectMany(r => new[] { data[r * 5 + 4], data[r * 5 + 4], data[r * 5] }).ToArray(), "take axis -1");
            AssertResult(ht.take(x, new long[] { 34, 0, -1, 17 }), [4], [34, 0, 34, 17], "take flat");
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadKeys_RaiseOnEveryRank(int ranks)
    {
        var data = Iota(35);
        void With(Action<DNDarray> body) => AssertThrowsOnEveryRank<IndexOutOfRangeException>(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            body(ht.array(data, Shape75, split: 0));
        });
        With(x => _ = x[ht.array(new bool[6], split: 0)]);                                  // wrong mask length
        With(x => _ = x[ht.array(new bool[35], [5, 7])]);                                   // wrong mask shape
        With(x => _ = x[ht.array(new[] { 1.0, 2.0 })]);                                     // float index array
        With(x => _ = x[new long[] { 0, 7 }]);                                              // out of bounds
        With(x => _ = x[ht.slice(), new long[] { -6 }]);                                    // out of bounds, negative
        With(x => _ = x[ht.array(new long[] { 0, 1, 2, 3, 4, 5, 9 }, split: 0)]);           // out of bounds on one rank
        With(x => _ = x[new long[] { 0, 1 }, new long[] { 0, 1, 2 }]);                      // shapes do not broadcast
        With(x => x[ht.array(new long[] { 0, 1, 2, 3, 4, 5, 6, -8 }, split: 0)] = 1.0);     // setter, out of bounds
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = ht.array(data, Shape75, split: 0);
            x[new long[] { 0, 1 }] = ht.ones([3, 5]);                                       // value does not broadcast
        });
    }

    public static TheoryData<int> PropertySeeds => [11, 23];

    /// <summary>A few hundred random index expressions (getter and setter) on random shapes and splits against the
    /// reference.</summary>
    [Theory, MemberData(nameof(PropertySeeds))]
    public void RandomExpressions_MatchReference(int seed)
    {
        var rng = new Random(seed);
        var cases = new List<(long[] Shape, int? Split, int Layout, AKey[] Keys, int ValueKind)>();
        while (cases.Count < 150)
        {
            int nd = rng.Next(1, 4);
            var shape = Enumerable.Range(0, nd).Select(_ => (long)rng.Next(0, 6)).ToArray();
            int? split = rng.Next(nd + 1) is var s && s == nd ? null : s;
            var keys = RandomKeys(rng, shape);
            try { AdvancedIndexReference.Resolve(keys, shape); }
            catch (IndexOutOfRangeException) { continue; }
            cases.Add((shape, split, rng.Next(3), keys, rng.Next(4)));
        }
        foreach (var ranks in RankSample)
        {
            World.Run(ranks, () =>
            {
                foreach (var (shape, split, layout, keys, kind) in cases)
                {
                    var data = Iota((int)shape.Aggregate(1L, (a, b) => a * b));
                    string what = $"seed {seed}, ranks {ranks}, shape ({string.Join(",", shape)}), split {split}, "
                        + $"layout {layout}";
                    using (var x = Build(data, shape, split, layout, ranks)) CheckGet(x, data, shape, keys, what);
                    CheckSet(data, shape, split, layout, ranks, keys, kind, what);
                }
            });
        }
    }

    private static AKey[] RandomKeys(Random rng, long[] shape)
    {
        var keys = new List<AKey>();
        int axis = 0;
        bool ellipsis = false;
        int count = rng.Next(1, shape.Length + 2);
        for (int i = 0; i < count && axis <= shape.Length; i++)
        {
            int left = shape.Length - axis;
            int pick = rng.Next(10);
            if (left == 0 && pick < 8) pick = 8 + rng.Next(2);
            int? keySplit = rng.Next(3) switch { 0 => null, 1 => 0, _ => -2 };
            switch (pick)
            {
                case 0 or 1 or 2:
                    {
                        long e = shape[axis];
                        if (e == 0 && rng.Next(2) == 0) { keys.Add(Arr([]) with { Split = keySplit ?? -1 }); axis++;
                            break; }
                        int nd = rng.Next(1, 3);
                        var ishape = Enumerable.Range(0, nd).Select(_ => (long)rng.Next(1, 4)).ToArray();
                        long n = ishape.Aggregate(1L, (a, b) => a * b);
                        var values = Enumerable.Range(0, (int)n).Select(_ => e == 0 ? 0 : rng.NextInt64(-e,
                            e)).ToArray();
                        int form = nd == 1 ? rng.Next(4) : rng.Next(2) * 3;
                        keys.Add(Arr(values, ishape) with { Form = form,
                            Split = form is 1 or 2 ? -1 : keySplit == -2 ? nd - 1 : keySplit ?? -1 });
                        axis++;
                        break;
                    }
                case 3 or 4:
                    {
                        int k = rng.Next(1, Math.Min(2, left) + 1);
                        var mshape = shape[axis..(axis + k)];
                        long n = mshape.Aggregate(1L, (a, b) => a * b);
                        double density = rng.NextDouble();
                        var mask = Enumerable.Range(0, (int)n).Select(_ => rng.NextDouble() < density).ToArray();
                        int form = k == 1 ? rng.Next(2) : 0;
                        keys.Add(Msk(mask, mshape) with { Form = form,
                            Split = form == 1 ? -1 : keySplit == -2 ? k - 1 : keySplit ?? -1 });
                        axis += k;
                        break;
                    }
                case 5:
                    keys.Add(shape[axis] == 0 ? Sl() : Int(rng.NextInt64(-shape[axis], shape[axis])));
                    axis++;
                    break;
                case 6 or 7:
                    {
                        long e = shape[axis] + 1;
                        long? Part() => rng.Next(3) == 0 ? null : rng.NextInt64(-e, e + 1);
                        long? step = rng.Next(3) == 0 ? null : (rng.Next(2) == 0 ? 1 : -1) * rng.Next(1, 3);
                        keys.Add(Sl(Part(), Part(), step));
                        axis++;
                        break;
                    }
                case 8:
                    keys.Add(New);
                    break;
                default:
                    if (ellipsis) { keys.Add(New); break; }
                    ellipsis = true;
                    keys.Add(Ell);
                    axis = shape.Length;
                    break;
            }
        }
        return keys.ToArray();
    }
}
