// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

public abstract class DistributionSuite(ITestWorld world) : DndarraySuiteBase(world)
{
    public static TheoryData<int, int?, int?> ResplitCases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in new[] { 1, 2, 3, 4, 5 })
                foreach (var from in new int?[] { null, 0, 1, 2 })
                    foreach (var to in new int?[] { null, 0, 1, 2 }) data.Add(r, from, to);
            return data;
        }
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
