// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

public abstract class FactorySuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    [Theory, MemberData(nameof(Ranks))]
    public void Arange_ChunksCanonically_IncludingEmptyChunks(int ranks)
    {
        var shapes = World.Run(ranks, () =>
        {
            using var x = ht.arange(3, split: 0);
            Assert.Equal(ht.int32, x.dtype);
            Assert.Equal([0, 1, 2], x.ToArray<int>());
            Assert.True(x.balanced);
            var (counts, displs) = x.counts_displs();
            Assert.Equal(Heat.Distributed.Chunking.Counts(3, ranks), counts);
            Assert.Equal(displs[x.comm.Rank], displs[x.comm.Rank]);
            return x.lshape[0];
        });
        var expected = Enumerable.Range(0, ranks).Select(r => (long)(3 / ranks + (r < 3 % ranks ? 1 : 0))).ToArray();
        Assert.Equal(expected, shapes);
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Array_FromFlatData_KeepsEachRanksChunk(int ranks, int? split)
    {
        var data = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [5, 7], split: split);
            Assert.Equal([5L, 7L], x.shape);
            Assert.Equal(split, x.split);
            Assert.Equal(data, x.ToArray<double>());
            var map = x.lshape_map;
            long rows = 0;
            for (int r = 0; r < ranks; r++) rows += map[r, 0];
            Assert.Equal(split == 0 ? 5 : 5 * ranks, rows);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Array_FromMultidimensionalArray_TakesItsShape(int ranks)
    {
        var data = new float[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, split: 1);
            Assert.Equal([2L, 3L], x.shape);
            Assert.Equal(ht.float32, x.dtype);
            Assert.Equal([1f, 2, 3, 4, 5, 6], x.ToArray<float>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Array_IsSplit_SumsLocalChunks_AndBalances(int ranks)
    {
        World.Run(ranks, () =>
        {
            int rank = ht.get_comm().Rank;
            // Rank r contributes r + 1 rows of 2 columns: unbalanced for ranks > 1.
            var local = Enumerable.Range(0, 2 * (rank + 1)).Select(i => (long)(rank * 100 + i)).ToArray();
            using var x = ht.array(local, [rank + 1, 2], is_split: 0);
            long rows = ranks * (ranks + 1) / 2;
            Assert.Equal([rows, 2L], x.shape);
            Assert.Equal(ranks == 1, x.is_balanced());
            var before = x.ToArray<long>();
            x.balance_();
            Assert.True(x.is_balanced(force_check: true));
            Assert.Equal(before, x.ToArray<long>());
            Assert.Equal(Heat.Distributed.Chunking.Counts(rows, ranks)[rank], x.lshape[0]);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Array_IsSplit_WithMismatchedChunks_FailsOnEveryRank(int ranks)
    {
        if (ranks == 1) return;
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            int rank = ht.get_comm().Rank;
            ht.array(new double[2 * (rank + 2)], [2, rank + 2], is_split: 0).Dispose();
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Factories_FillAndValidate(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var z = ht.zeros([4, 3], split: 1);
            Assert.All(z.ToArray<float>(), v => Assert.Equal(0f, v));
            using var o = ht.ones([3, 2], dtype: ht.int64, split: 0);
            Assert.All(o.ToArray<long>(), v => Assert.Equal(1L, v));
            using var f = ht.full([2, 2], 7.5, split: 0);
            Assert.Equal(ht.float32, f.dtype);
            Assert.All(f.ToArray<double>(), v => Assert.Equal(7.5, v));
            using var l = ht.linspace(0, 1, 5, split: 0);
            Assert.Equal([0, 0.25, 0.5, 0.75, 1], l.ToArray<double>());
            using var a = ht.arange(1.0, 2.0, 0.25, split: 0);
            Assert.Equal(ht.float32, a.dtype);
            Assert.Equal([1, 1.25, 1.5, 1.75], a.ToArray<double>());
            using var like = ht.zeros_like(o);
            Assert.Equal((ht.int64, (int?)0), (like.dtype, like.split));
        });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => ht.zeros([2, 3], split: 2).Dispose());
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.zeros([2, -3]).Dispose());
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.arange(0, 5, 0).Dispose());
    }

    [Theory, MemberData(nameof(Ranks))]
    public void ItemAndToArray_ConvertNumPyStyle(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(new[] { 300.0 }, split: 0);
            Assert.Equal(300, x.item<int>());
            Assert.Throws<OverflowException>(() => x.item<byte>());
            using var y = ht.arange(4, split: 0);
            Assert.Throws<InvalidOperationException>(() => y.item<int>());
        });
    }
}
