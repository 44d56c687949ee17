// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// ptp, skew, kurtosis, cov and average(returned) on the world's rank counts: every split of a 5 × 7 array incl. None
/// against scipy.stats / NumPy fixtures (within 1e-12 relative) and the undistributed result.
/// </summary>
public abstract class MomentSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static double[] Data() => Enumerable.Range(0, 35).Select(i => (7 * i % 13 - 6) + 0.125 * (i % 5)).ToArray();

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void SkewKurtosis_EqualScipy(int ranks, int? split)
    {
        var a = Data();
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, [5, 7], s) : ht.array(a, [5, 7]);
            using var all = ht.skew(x);
            Assert.Equal(0.04044150707214818, all.item<double>(), 1e-12);
            using var biased = ht.skew(x, unbiased: false);
            Assert.Equal(0.038687243823632526, biased.item<double>(), 1e-12);
            using var columns = ht.skew(x, axis: 0);
            Assert.Equal(split == 1 ? 0 : null, columns.split);
            Reference.AssertClose([0.3426973947406539, -0.3527658250056438, 0.43477819574892257, -0.1429167505534699,
                0.449476036071756, -0.4471514120118223, 0.18252325730899865], columns.ToArray<double>(), 1e-12);
            using var rows = ht.skew(x, axis: 1, unbiased: false);
            Reference.AssertClose([0.13439223322465102, -0.22084195342222893, -0.2593485497381827,
                -0.004628018756366695, 0.15658606018392654], rows.ToArray<double>(), 1e-12);
            using var k = ht.kurtosis(x);
            Assert.Equal(-1.220150631788021, k.item<double>(), 1e-12);
            using var pearson = ht.kurtosis(x, unbiased: false, Fischer: false);
            Assert.Equal(1.7806543568887658, pearson.item<double>(), 1e-12);
            using var kr = ht.kurtosis(x, axis: -1);
            Reference.AssertClose([-2.0861557727950726, -1.0837082393861786, -2.0407541554323303, -0.275775462879146,
                -2.1741752804445698], kr.ToArray<double>(), 1e-12);
            using var f = x.astype(ht.float32);
            using var kf = ht.kurtosis(f);
            Assert.Equal(ht.float32, kf.dtype);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void CovPtpAverage_EqualNumPy(int ranks, int? split)
    {
        var a = Data();
        World.Run(ranks, () =>
        {
            using var x = split is int s ? Reference.Unbalanced(a, [5, 7], s) : ht.array(a, [5, 7]);
            using var c = ht.cov(x);
            Assert.Equal([5L, 5], c.shape);
            Reference.AssertClose([13.14285714285714, -8.065104166666666, -10.802827380952381, 3.5606398809523805,
                13.280505952380953, -8.065104166666666, 18.71875, 4.627604166666667, -6.690104166666666, -8.8203125,
                    -10.802827380952381, 4.627604166666667, 13.243303571428571, -5.818824404761906,
                        -10.996279761904761, 3.5606398809523805, -6.690104166666666, -5.818824404761906,
                            17.79017857142857, 3.155133928571429, 13.280505952380953, -8.8203125, -10.996279761904761,
                                3.155133928571429, 13.529761904761905], c.ToArray<double>(), 1e-12);
            using var cb = ht.cov(x, rowvar: false, bias: true);
            Assert.Equal([7L, 7], cb.shape);
            Reference.AssertClose([14.42125, -7.905, 14.474374999999998, -8.195625, 13.840000000000002,
                -6.183750000000001, -0.49499999999999844, -7.905, 12.341250000000002, -7.480000000000001,
                    12.344375000000003, -7.820625, -0.8199999999999993, -1.8287500000000003],
                        cb.ToArray<double>().Take(14).ToArray(), 1e-12);
            using var row0 = ht.array(a.Take(7).ToArray(), split: split is null ? null : 0);
            using var row1 = ht.array(a.Skip(7).Take(7).ToArray(), split: split is null ? null : 0);
            using var pair = ht.cov(row0, row1);
            Reference.AssertClose([13.14285714285714, -8.065104166666666, -8.065104166666666, 18.71875],
                pair.ToArray<double>(), 1e-12);
            Assert.Throws<ArgumentException>(() => ht.cov(x, ddof: 7));

            using var p = ht.ptp(x, axis: 0);
            Assert.Equal(new[] { 10.25, 10.25, 10.25, 10.25, 9.625, 10.25, 9.625 }, p.ToArray<double>());
            using var pAll = ht.ptp(x);
            Assert.Equal(a.Max() - a.Min(), pAll.item<double>());

            var (avg, sumW) = ht.average(x, axis: new[] { 0, 1 }, weights: null, returned: true);
            using (avg)
            using (sumW)
            {
                Assert.Equal(a.Average(), avg.item<double>(), 1e-12);
                Assert.Equal(35.0, sumW.item<double>());
            }
            using var w = ht.arange(7, dtype: ht.float64, split: split is null ? null : 0);
            var (wavg, wsum) = ht.average(x, 1, w, returned: true);
            using (wavg)
            using (wsum)
            {
                Assert.Equal([5L], wsum.shape);
                Assert.All(wsum.ToArray<double>(), v => Assert.Equal(21.0, v));
                var expected = Enumerable.Range(0, 5).Select(r => Enumerable.Range(0,
                    7).Sum(j => a[r * 7 + j] * j) / 21.0).ToArray();
                Reference.AssertClose(expected, wavg.ToArray<double>(), 1e-12);
            }
            Assert.Throws<ArgumentException>(() => ht.average(x, 1, w, returned: false));
        });
    }
}
