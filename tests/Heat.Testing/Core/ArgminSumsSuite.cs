// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// ht.spatial.pairwise_distances_argmin_sums (the fused k-means assignment step) on the world's rank counts against
/// the unfused result of the undistributed data (pairwise_distances_argmin, segment_sum, bincount): every split of X
/// incl. None, a split Y, uneven and empty chunks, float32/float64/integer data, more features than one product block,
/// and many centres × features (the unfused kernels behind the same op).
/// </summary>
public abstract class ArgminSumsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var uneven in new[] { false, true })
                        if (!uneven || s == 0) data.Add(r, s, uneven);
            return data;
        }
    }

    // Deterministic pseudo-random values: integers in [-6, 6] (every product and sum exact in float32), or reals.
    private static double[] Values(int n, int seed, bool integers)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => integers ? rng.Next(-6, 7) : rng.NextDouble() * 4 - 2).ToArray();
    }

    private static void Unbalance(DNDarray x)
    {
        var counts = Reference.UnbalancedCounts(x.shape[0], x.comm.Size);
        var map = x.lshape_map;
        for (int r = 0; r < counts.Length; r++) map[r, 0] = counts[r];
        x.redistribute_(target_map: map);
    }

    // The fused op on (rows × f) against (k × f) equals the unfused one on the replicated data: labels and counts
    // exactly, sums within tolerance (exactly for integer data).
    private void Check(int ranks, int? split, bool uneven, int rows, int f, int k, DType dtype, bool integers,
        int? ySplit = null)
    {
        var xs = Values(rows * f, 1 + rows + f, integers);
        var ys = Values(k * f, 2 + k + f, integers);
        World.Run(ranks, () =>
        {
            using var x = ht.array(xs, [rows, f], dtype: dtype, split: split);
            if (uneven) Unbalance(x);
            using var y = ht.array(ys, [k, f], dtype: dtype, split: ySplit);
            using var full = ht.array(xs, [rows, f], dtype: dtype);
            using var centres = ht.array(ys, [k, f], dtype: dtype);
            using var expectedLabels = ht.spatial.pairwise_distances_argmin(full, centres);
            using var expectedSums = ht.segment_sum(full, expectedLabels, k);
            using var expectedCounts = ht.bincount(expectedLabels, minlength: k);
            var (labels, sums, counts) = ht.spatial.pairwise_distances_argmin_sums(x, y);
            using (labels) using (sums) using (counts)
            {
                Assert.Equal(split == 1 ? 0 : split, labels.split);
                Assert.Equal([(long)rows], labels.shape);
                Assert.Equal(ht.int64, labels.dtype);
                Assert.Equal(expectedLabels.ToArray<long>(), labels.ToArray<long>());
                Assert.Null(sums.split);
                Assert.Equal([(long)k, f], sums.shape);
                Assert.Equal(dtype == ht.float64 ? ht.float64 : ht.float32, sums.dtype);
                double tolerance = integers ? 0 : dtype == ht.float64 ? 1e-12 : 1e-5;
                Reference.AssertClose(expectedSums.ToArray<double>(), sums.ToArray<double>(), tolerance);
                Assert.Null(counts.split);
                Assert.Equal(ht.int64, counts.dtype);
                Assert.Equal(expectedCounts.ToArray<long>(), counts.ToArray<long>());
                Assert.Equal((long)rows, counts.ToArray<long>().Sum());
            }
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void EqualsTheUnfusedStep_ForEverySplit(int ranks, int? split, bool uneven)
    {
        Check(ranks, split, uneven, 37, 5, 4, ht.float32, integers: true);
        Check(ranks, split, uneven, 37, 5, 4, ht.float64, integers: true);
        Check(ranks, split, uneven, 23, 3, 9, ht.int32, integers: true);
        Check(ranks, split, uneven, 41, 6, 8, ht.float32, integers: false);
        Check(ranks, split, uneven, 41, 6, 3, ht.float64, integers: false);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void FewerRowsThanRanks_AndASplitY(int ranks)
    {
        Check(ranks, 0, false, 3, 4, 2, ht.float32, integers: true);
        Check(ranks, 0, true, 2, 4, 5, ht.float64, integers: false, ySplit: 0);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void ManyFeatures_AndManyCentres(int ranks)
    {
        Check(ranks, 0, false, 19, 300, 3, ht.float32, integers: true);   // two blocks of features in the products
        Check(ranks, 0, false, 19, 200, 180, ht.float64, integers: true);   // k × f beyond the fused kernel
        Check(ranks, 0, false, 9000, 3, 8, ht.float32, integers: false);   // several threads' parts per rank
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.ones([7, 3], split: 0);
            using var y = ht.ones([2, 4]);
            ht.spatial.pairwise_distances_argmin_sums(x, y);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.ones([7, 3], split: 0);
            using var y = ht.ones([0, 3]);
            ht.spatial.pairwise_distances_argmin_sums(x, y);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.ones([7], split: 0);
            using var y = ht.ones([2, 1]);
            ht.spatial.pairwise_distances_argmin_sums(x, y);
        });
    }
}
