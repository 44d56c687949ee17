// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

public abstract class DistributionSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> ResplitCases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var from in new int?[] { null, 0, 1, 2 })
                    foreach (var to in new int?[] { null, 0, 1, 2 }) data.Add(r, from, to);
            return data;
        }
    }

    [Theory, MemberData(nameof(ResplitCases))]
    public void Resplit_OfChunksWithNegativeStrides_GoesThroughAHostCopy(int ranks, int? from, int? to)
    {
        // Each rank's chunk is a reversed view of a reversed copy (negative strides along every axis): the box exchange
        // stages such chunks through a contiguous host copy on that rank alone, and every rank still makes one call.
        var data = Iota(30);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [3, 5, 2], split: from);
            var local = x.larray;
            using var reversed = local.Slice(0, local.Shape[0] - 1, local.Shape[0], -1);
            using var r1 = reversed.Slice(1, local.Shape[1] - 1, local.Shape[1], -1);
            using var flipped = x.Backend.Empty(r1.Shape, r1.DType);
            x.Backend.Copy(r1, flipped);
            using var back0 = flipped.Slice(0, local.Shape[0] - 1, local.Shape[0], -1);
            var view = back0.Slice(1, local.Shape[1] - 1, local.Shape[1], -1);
            Assert.True(view.Numel == 0 || view.Strides[0] < 0);
            using var negative = new DNDarray(view, x.shape, x.split, x.Context, x.balanced);
            Assert.Equal(data, negative.ToArray<double>());
            using var y = ht.resplit(negative, to);
            Assert.Equal(data, y.ToArray<double>());
            if (from is int f)
            {
                // Every row along the split axis onto the last rank, straight out of the negative-stride chunks.
                var map = new long[ranks, 3];
                for (int r = 0; r < ranks; r++)
                    for (int d = 0; d < 3; d++) map[r, d] = d != f ? x.shape[d] : r == ranks - 1 ? x.shape[f] : 0;
                negative.redistribute_(target_map: map);
                Assert.Equal(x.comm.Rank == ranks - 1 ? x.shape[f] : 0, negative.lshape[f]);
                Assert.Equal(data, negative.ToArray<double>());
            }
        });
    }

    [Theory, MemberData(nameof(ResplitCases))]
    public void Resplit_MovesDataExactly_AndBalances(int ranks, int? from, int? to)
    {
        // 3 x 5 x 2: 3 rows give empty chunks on 4-5 ranks, 5 columns are uneven on 2-4 ranks.
        var data = Iota(30);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [3, 5, 2], split: from);
            using var y = ht.resplit(x, to);
            Assert.Equal(from, x.split);
            Assert.Equal(to, y.split);
            Assert.Equal(data, y.ToArray<double>());
            Assert.True(y.is_balanced(force_check: true));
            if (to is int t)
                Assert.Equal(Heat.Distributed.Chunking.Counts(y.shape[t], ranks)[y.comm.Rank], y.lshape[t]);
            else
                Assert.Equal(y.shape, y.lshape);
            x.resplit_(to);
            Assert.Equal(to, x.split);
            Assert.Equal(data, x.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Redistribute_ToAnyMap_KeepsTheGlobalArray(int ranks)
    {
        var data = Iota(14);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [7, 2], split: 0);
            var target = new long[ranks, 2];
            // Everything on the last rank.
            for (int r = 0; r < ranks; r++) { target[r, 0] = r == ranks - 1 ? 7 : 0; target[r, 1] = 2; }
            x.redistribute_(target_map: target);
            Assert.Equal(x.comm.Rank == ranks - 1 ? 7 : 0, x.lshape[0]);
            Assert.Equal(ranks == 1, x.is_balanced(force_check: true));
            Assert.Equal(data, x.ToArray<double>());
            x.balance_();
            Assert.Equal(Heat.Distributed.Chunking.Counts(7, ranks)[x.comm.Rank], x.lshape[0]);
            Assert.Equal(data, x.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Redistribute_RejectsMapsThatDoNotFit(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.zeros([4, 2], split: 0);
            var target = new long[ranks, 2];
            for (int r = 0; r < ranks; r++) { target[r, 0] = 1; target[r, 1] = 2; }
            target[0, 0] = 0; // sums to ranks - 1, not 4 (unless ranks == 5, where it sums to 4: use a wrong column then)
            if (ranks == 5) target[1, 1] = 3;
            x.redistribute_(target_map: target);
        });
    }
}
