// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Heat.Testing.Core;

/// <summary><c>ToString()</c> in HeAT's format: exact small arrays, abbreviated large ones, the same text on every
/// rank.</summary>
public abstract class PrintingSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void SmallArrays_PrintExactly(int ranks, int? split)
    {
        var texts = World.Run(ranks, () =>
        {
            using var x = ht.array(new float[] { 0, 1, 2, 3 }, [2, 2], split: split);
            using var y = ht.array(new[] { 0.5, -1.25, 2 }, split: split is null ? null : 0);
            using var z = ht.arange(5, split: split is null ? null : 0);
            using var b = ht.array(new[] { true, false }, split: split is null ? null : 0);
            using var s = ht.array(new[] { 7.0 }, [])!;
            return $"{x}|{y}|{z}|{b}|{s}";
        });
        string sp = split is int v ? v.ToString(CultureInfo.InvariantCulture) : "None";
        string sp0 = split is null ? "None" : "0";
        string expected =
            $"DNDarray([[0., 1.],\n          [2., 3.]], dtype=ht.float32, device=cpu:0, split={sp})|" +
            $"DNDarray([0.5000, -1.2500, 2.0000], dtype=ht.float64, device=cpu:0, split={sp0})|" +
            $"DNDarray([0, 1, 2, 3, 4], dtype=ht.int32, device=cpu:0, split={sp0})|" +
            $"DNDarray([True, False], dtype=ht.bool, device=cpu:0, split={sp0})|" +
            "DNDarray(7., dtype=ht.float64, device=cpu:0, split=None)";
        Assert.All(texts, t => Assert.Equal(expected, t));
    }

    [Theory, MemberData(nameof(Ranks))]
    public void ComplexArrays_Print_SameOnEveryRank(int ranks)
    {
        var texts = World.Run(ranks, () =>
        {
            using var x = ht.array(Enumerable.Range(0, 1500).Select(i => new System.Numerics.Complex(i, -i)).ToArray(),
                split: 0);
            return x.ToString();
        });
        Assert.All(texts, t => Assert.Equal(texts[0], t));
        Assert.Equal("DNDarray([0.+0.j, 1.-1.j, 2.-2.j, ..., 1497.-1497.j, 1498.-1498.j, 1499.-1499.j], "
            + "dtype=ht.complex128, device=cpu:0, split=0)", texts[0]);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void LargeVector_IsAbbreviated(int ranks)
    {
        var texts = World.Run(ranks, () =>
        {
            using var x = ht.arange(2000, split: 0);
            return x.ToString();
        });
        Assert.All(texts, t => Assert.Equal("DNDarray([0, 1, 2, ..., 1997, 1998, 1999], dtype=ht.int32, "
            + "device=cpu:0, split=0)", t));
    }

    public static TheoryData<int, int?, bool> LargeCases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var unbalanced in new[] { false, true })
                        if (s is not null || !unbalanced) data.Add(r, s, unbalanced);
            return data;
        }
    }

    /// <summary>40 x 30 (1200 elements): 3 edge rows and columns each side; with 40 rows on up to 5 ranks, middle ranks
    /// contribute nothing.</summary>
    [Theory, MemberData(nameof(LargeCases))]
    public void LargeMatrix_IsAbbreviated_SameOnEveryRank(int ranks, int? split, bool unbalanced)
    {
        var texts = World.Run(ranks, () =>
        {
            var all = Enumerable.Range(0, 1200).Select(i => (long)i).ToArray();
            DNDarray x;
            if (!unbalanced) x = ht.array(all, [40, 30], split: split);
            else
            {
                // Rank r holds the r-th part of a skewed partition (rank 0 most, the last rank possibly nothing).
                int s = split!.Value, rank = ht.get_comm().Rank;
                long n = s == 0 ? 40 : 30;
                var counts = new long[ranks];
                long left = n;
                for (int r = 0; r < ranks; r++) { counts[r] = r == ranks - 1 ? left : left / 2; left -= counts[r]; }
                var (chunk, lshape) = IndexReference.Chunk(all.Select(v => (double)v).ToArray(), [40, 30], s, counts,
                    rank);
                using var f = ht.array(chunk, lshape, is_split: s);
                x = f.astype(ht.int64);
            }
            using (x) return x.ToString();
        });
        var sb = new StringBuilder("DNDarray([");
        long[] rows = [0, 1, 2, 37, 38, 39], cols = [0, 1, 2, 27, 28, 29];
        for (int i = 0; i < 6; i++)
        {
            if (i == 3) sb.Append("...,\n          ");
            sb.Append('[');
            for (int j = 0; j < 6; j++)
            {
                if (j == 3) sb.Append("..., ");
                sb.Append(rows[i] * 30 + cols[j]);
                if (j < 5) sb.Append(", ");
            }
            sb.Append(']');
            if (i < 5) sb.Append(",\n          ");
        }
        sb.Append($"], dtype=ht.int64, device=cpu:0, "
            + $"split={(split is int v ? v.ToString(CultureInfo.InvariantCulture) : "None")})");
        Assert.All(texts, t => Assert.Equal(sb.ToString(), t));
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Large3D_EqualsTheReplicatedText(int ranks)
    {
        var texts = World.Run(ranks, () =>
        {
            var data = Enumerable.Range(0, 11 * 10 * 12).Select(i => i * 0.5).ToArray();
            using var replicated = ht.array(data, [11, 10, 12]);
            string expected = replicated.ToString().Replace("split=None)", "", StringComparison.Ordinal);
            var got = new List<string>();
            foreach (int s in new[] { 0, 1, 2 })
            {
                using var x = ht.array(data, [11, 10, 12], split: s);
                var text = x.ToString();
                Assert.Equal(expected + $"split={s})", text);
                Assert.Contains("...", text, StringComparison.Ordinal);
                got.Add(text);
            }
            return string.Join("|", got);
        });
        Assert.All(texts, t => Assert.Equal(texts[0], t));
    }

    /// <summary>Runs <paramref name="body"/> with the process's printing options restored afterwards.</summary>
    private static T WithOptionsRestored<T>(Func<T> body)
    {
        var saved = ht.get_printoptions();
        try { return body(); }
        finally
        {
            ht.set_printoptions(saved);
            ht.global_printing();
        }
    }

    [Theory, MemberData(nameof(Ranks))]
    public void PrintOptions_PrecisionThresholdEdgeItemsSciMode(int ranks) => WithOptionsRestored(() =>
    {
        Assert.Equal(new PrintOptions(), ht.get_printoptions());
        ht.set_printoptions(precision: 2);
        Assert.Equal(2, ht.get_printoptions().Precision);
        var precise = World.Run(ranks, () =>
        {
            using var y = ht.array(new[] { 0.5, -1.25, 2, 3.14159 }, split: 0);
            return y.ToString();
        });
        Assert.All(precise, t => Assert.Equal("DNDarray([0.50, -1.25, 2.00, 3.14], dtype=ht.float64, device=cpu:0, "
            + "split=0)", t));

        ht.set_printoptions(threshold: 5, edgeitems: 1);
        var summarised = World.Run(ranks, () =>
        {
            using var x = ht.arange(10, split: 0);
            using var m = ht.array(Enumerable.Range(0, 12).ToArray(), [3, 4], split: 1);
            return x + "|" + m;
        });
        Assert.All(summarised, t => Assert.Equal("DNDarray([0, ..., 9], dtype=ht.int32, device=cpu:0, split=0)|"
            + "DNDarray([[0, ..., 3],\n          ...,\n          [8, ..., 11]], dtype=ht.int32, device=cpu:0, "
                + "split=1)", t));

        ht.set_printoptions(profile: "full");
        Assert.Equal(new PrintOptions(Threshold: long.MaxValue), ht.get_printoptions());
        var full = World.Run(ranks, () =>
        {
            using var x = ht.arange(1500, split: 0);
            return x.ToString();
        });
        Assert.All(full, t => Assert.DoesNotContain("...", t, StringComparison.Ordinal));
        Assert.All(full, t => Assert.Contains(", 1499]", t, StringComparison.Ordinal));

        ht.set_printoptions(profile: "short", sci_mode: true);
        var sci = World.Run(ranks, () =>
        {
            using var y = ht.array(new[] { 1234.5, 0.001, -2 }, split: 0);
            return y.ToString();
        });
        Assert.All(sci, t => Assert.Equal("DNDarray([1.23e+03, 1.00e-03, -2.00e+00], dtype=ht.float64, "
            + "device=cpu:0, split=0)", t));
        return 0;
    });

    [Theory, MemberData(nameof(Ranks))]
    public void PrintOptions_LineWidthWrapsRows(int ranks) => WithOptionsRestored(() =>
    {
        ht.set_printoptions(linewidth: 30);
        var texts = World.Run(ranks, () =>
        {
            using var x = ht.arange(14, split: 0);
            return x.ToString();
        });
        Assert.All(texts, t => Assert.Equal(
            "DNDarray([0, 1, 2, 3, 4, 5, 6,\n          7, 8, 9, 10, 11, 12,\n          13], dtype=ht.int32, "
                + "device=cpu:0, split=0)", t));
        Assert.Throws<ArgumentException>(() => ht.set_printoptions(profile: "wide"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ht.set_printoptions(edgeitems: 0));
        return 0;
    });

    [Theory, MemberData(nameof(Ranks))]
    public void LocalPrinting_PrintsEachRanksChunk_AndPrint0WritesOnRankZero(int ranks) => WithOptionsRestored(() =>
    {
        var writer = new StringWriter();
        var console = Console.Out;
        string[] texts;
        Console.SetOut(writer);
        try
        {
            texts = World.Run(ranks, () =>
            {
                ht.local_printing();
                using var x = ht.arange(7, split: 0);
                var mine = x.ToString();
                var expected = "[" + string.Join(", ", x.ToLocalArray<int>()) + "], device: cpu:0, split: 0";
                Assert.Equal(expected, mine);
                ht.get_comm().Barrier();
                ht.global_printing();
                ht.print0("sum", x);
                return mine;
            });
        }
        finally { Console.SetOut(console); }
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // In process every rank shares the console: rank 0's lines appear once; under MPI other ranks see none.
        Assert.InRange(lines.Count(l => l.StartsWith("sum DNDarray([0, 1, 2, 3, 4, 5, 6], "
            + "dtype=ht.int32", StringComparison.Ordinal)), World is InProcTestWorld ? 1 : 0, 1);
        Assert.Equal(ranks, texts.Length);
        return 0;
    });
}
