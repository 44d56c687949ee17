// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>searchsorted, digitize and bucketize: sorted arrays replicated, split and unbalanced; queries of every
/// split.</summary>
public abstract partial class SortSuite<TWorld>
{
    public static TheoryData<int, int?, int?> SearchCases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sa in new int?[] { null, 0, -1 })
                    foreach (var sv in new int?[] { null, 0, 1 }) data.Add(r, sa, sv);
            return data;
        }
    }

    private static readonly double[] Edges = [-2, -1, -1, 0, 0.5, 0.5, 0.5, 2, 3];

    private static DNDarray Edge(double[] edges, int? split) =>
        split == -1 ? Reference.Unbalanced(edges, [edges.Length], 0) : ht.array(edges, [edges.Length], split: split);

    [Theory, MemberData(nameof(SearchCases))]
    public void Searchsorted_Digitize_Bucketize_EqualTheHostCounts(int ranks, int? aSplit, int? vSplit)
    {
        var queries = SortReference.Mixed(20, seed: 5).Select(v => double.IsNaN(v) ? 3 : v).ToArray();
        var left = SortReference.Count(Edges, queries, right: false);
        var right = SortReference.Count(Edges, queries, right: true);
        World.Run(ranks, () =>
        {
            using var a = Edge(Edges, aSplit);
            using var v = ht.array(queries, [4, 5], split: vSplit);
            using var l = ht.searchsorted(a, v);
            using var r = ht.searchsorted(a, v, side: "right");
            Assert.Equal(left, l.ToArray<long>());
            Assert.Equal(right, r.ToArray<long>());
            Assert.Equal(vSplit, l.split);
            Assert.Equal([4L, 5L], l.shape);
            using var sorter = ht.arange(Edges.Length, dtype: ht.int64);
            using var withSorter = ht.searchsorted(a, v, sorter: sorter);
            Assert.Equal(left, withSorter.ToArray<long>());

            // digitize: increasing bins count "not greater" (right=false) or "less" (right=true).
            using var d0 = ht.digitize(v, a);
            using var d1 = ht.digitize(v, a, right: true);
            Assert.Equal(right, d0.ToArray<long>());
            Assert.Equal(left, d1.ToArray<long>());
            // decreasing bins: n - (count not greater), n - (count less).
            var reversed = Edges.Reverse().ToArray();
            using var b = Edge(reversed, aSplit);
            using var d2 = ht.digitize(v, b);
            using var d3 = ht.digitize(v, b, right: true);
            Assert.Equal(right.Select(c => Edges.Length - c), d2.ToArray<long>());
            Assert.Equal(left.Select(c => Edges.Length - c), d3.ToArray<long>());

            using var k0 = ht.bucketize(v, a);
            using var k1 = ht.bucketize(v, a, right: true, out_int32: true);
            Assert.Equal(left, k0.ToArray<long>());
            Assert.Equal(ht.int32, k1.dtype);
            Assert.Equal(right, k1.ToArray<long>());
        });
    }

    [Fact]
    public void Digitize_MatchesNumPy()
    {
        // numpy.digitize([0.2, 6.4, 3.0, 1.6], [0.0, 1.0, 2.5, 4.0, 10.0]) == [1, 4, 3, 2]; right=True the same here;
        // numpy.digitize([1, 2, 3], [3, 2, 1]) == [2, 1, 0] (decreasing bins).
        World.Run(1, () =>
        {
            using var x = ht.array(new[] { 0.2, 6.4, 3.0, 1.6 }, [4]);
            using var bins = ht.array(new[] { 0.0, 1.0, 2.5, 4.0, 10.0 }, [5]);
            using var d = ht.digitize(x, bins);
            Assert.Equal([1L, 4, 3, 2], d.ToArray<long>());
            using var y = ht.array(new[] { 1.0, 2, 3 }, [3]);
            using var down = ht.array(new[] { 3.0, 2, 1 }, [3]);
            using var e = ht.digitize(y, down);
            Assert.Equal([2L, 1, 0], e.ToArray<long>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Search_BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.searchsorted(ht.arange(5, split: 0), ht.arange(3), side: "middle"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.searchsorted(ht.zeros([2, 2], split: 0), ht.arange(3)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.digitize(ht.arange(3), ht.zeros([2, 2], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.searchsorted(ht.arange(5, split: 0), ht.arange(3), sorter: ht.arange(4)));
    }
}
