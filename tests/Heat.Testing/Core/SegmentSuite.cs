// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// segment_sum, bincount and the inner product of vectors (dot) on the world's rank counts against host loops: every
/// split of the rows and of the labels, uneven and empty chunks, the fused host path (float) and the one-hot matmul
/// path (integers).
/// </summary>
public abstract class SegmentSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sd in new int?[] { null, 0, 1 })
                    foreach (var si in new int?[] { null, 0 }) data.Add(r, sd, si);
            return data;
        }
    }

    // 7 rows × 3 columns, labels in [0, 4) with label 2 unused.
    private static readonly double[] Rows = Enumerable.Range(0, 21).Select(i => (i * 7 % 11) - 4.5).ToArray();
    private static readonly long[] Labels = [3, 0, 1, 3, 0, 0, 1];

    private static double[] Expected(double[] rows, long[] labels, int segments, int inner)
    {
        var sums = new double[segments * inner];
        for (int i = 0; i < labels.Length; i++)
            for (int j = 0; j < inner; j++) sums[labels[i] * inner + j] += rows[i * inner + j];
        return sums;
    }

    /// <summary>
    /// Moves a split-0 array to <see cref="Reference.UnbalancedCounts"/> (empty chunks on several ranks).
    /// </summary>
    private static void Unbalance(DNDarray x)
    {
        var counts = Reference.UnbalancedCounts(x.shape[0], x.comm.Size);
        var map = x.lshape_map;
        for (int r = 0; r < counts.Length; r++) map[r, 0] = counts[r];
        x.redistribute_(target_map: map);
    }

    [Theory, MemberData(nameof(Cases))]
    public void SegmentSum_EqualsTheHostLoop_ForEverySplitAndDtype(int ranks, int? dataSplit, int? idsSplit)
    {
        var expected = Expected(Rows, Labels, 4, 3);
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.float64, ht.float32, ht.int32 })
            {
                using var data = ht.array(Rows.Select(v => dtype == ht.int32 ? Math.Floor(v) : v).ToArray(), [7, 3], dtype: dtype, split: dataSplit);
                using var ids = ht.array(Labels, [7], split: idsSplit);
                if (idsSplit == 0) Unbalance(ids);
                using var sums = ht.segment_sum(data, ids, 4);
                Assert.Equal([4L, 3L], sums.shape);
                Assert.Equal(dataSplit == 1 ? 1 : null, sums.split);
                Assert.Equal(dtype == ht.int32 ? ht.int64 : dtype, sums.dtype);
                var reference = dtype == ht.int32 ? Expected(Rows.Select(Math.Floor).ToArray(), Labels, 4, 3) : expected;
                Reference.AssertClose(reference, sums.ToArray<double>(), dtype == ht.float32 ? 1e-6 : 0);
            }
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Bincount_CountsAndWeights(int ranks, int? xSplit, int? weightSplit)
    {
        if (xSplit == 1) return;   // 1-d input: split 1 does not exist (the case is the split-None one)
        World.Run(ranks, () =>
        {
            using var x = ht.array(Labels, [7], split: xSplit);
            using var counts = ht.bincount(x);
            Assert.Equal(new long[] { 3, 2, 0, 2 }, counts.ToArray<long>());
            Assert.Equal(ht.int64, counts.dtype);
            Assert.Null(counts.split);
            using var longer = ht.bincount(x, minlength: 6);
            Assert.Equal(new long[] { 3, 2, 0, 2, 0, 0 }, longer.ToArray<long>());
            using var w = ht.array(Enumerable.Range(0, 7).Select(i => 0.5 * i).ToArray(), [7], split: weightSplit);
            using var weighted = ht.bincount(x, w);
            Assert.Equal(ht.float64, weighted.dtype);
            Assert.Equal(new[] { 0.5 + 2.0 + 2.5, 1.0 + 3.0, 0, 0 + 1.5 }, weighted.ToArray<double>());
            using var none = ht.array(Array.Empty<long>(), [0], split: xSplit);
            using var empty = ht.bincount(none, minlength: 2);
            Assert.Equal(new long[] { 0, 0 }, empty.ToArray<long>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadLabels_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var data = ht.ones([7, 2], split: 0);
            using var ids = ht.array(Labels, [7], split: 0);
            using var sums = ht.segment_sum(data, ids, 3);   // label 3 is out of range (on one rank only)
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var data = ht.ones([7, 2], dtype: ht.int64, split: 0);
            using var ids = ht.array(Labels.Select(l => l - 1).ToArray(), [7], split: 0);
            using var sums = ht.segment_sum(data, ids, 4);   // -1 on the integer (one-hot) path
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var x = ht.array(new long[] { 1, -1, 2 }, [3], split: 0);
            using var counts = ht.bincount(x);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var data = ht.ones([7, 2], split: 0);
            using var ids = ht.ones([6], dtype: ht.int64, split: 0);
            using var sums = ht.segment_sum(data, ids, 2);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Dot_OfVectors_IsTheInnerProduct(int ranks, int? aSplit, int? bSplit)
    {
        if (aSplit == 1) aSplit = 0;   // vectors: split None or 0; the uneven chunks below cover the rest
        var a = Enumerable.Range(0, 9).Select(i => i * 0.25 - 1).ToArray();
        var b = Enumerable.Range(0, 9).Select(i => 3.0 - i).ToArray();
        double expected = a.Zip(b, (p, q) => p * q).Sum();
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.float64, ht.float32, ht.int64 })
            {
                using var x = ht.array(a.Select(v => dtype == ht.int64 ? Math.Round(v * 4) : v).ToArray(), [9], dtype: dtype, split: aSplit);
                using var y = ht.array(b, [9], dtype: dtype, split: bSplit);
                if (aSplit == 0) Unbalance(x);
                using var d = ht.dot(x, y);
                Assert.Empty(d.shape);
                Assert.Null(d.split);
                Assert.Equal(dtype, d.dtype);
                double want = dtype == ht.int64 ? a.Zip(b, (p, q) => Math.Round(p * 4) * q).Sum() : expected;
                Assert.Equal(want, d.item<double>(), 1e-9);
                using var m = ht.matmul(x, y);
                Assert.Equal(want, m.item<double>(), 1e-9);
            }
            using var shorter = ht.ones([8], split: 0);
            using var nine = ht.ones([9], split: 0);
            Assert.Throws<ArgumentException>(() => ht.dot(shorter, nine));
        });
    }
}
