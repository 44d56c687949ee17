// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// KMeans on the world's rank counts and every split (None, 0, 1; uneven and empty chunks) against Lloyd on host
/// arrays and the known optimum of iris (scikit-learn: inertia 78.851 for k = 3).
/// </summary>
public abstract class KMeansSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{

    private static DNDarray LoadIris(int? split)
        => ht.load_hdf5(MlTestData.Path("iris.h5"), "data", dtype: ht.float64, split: split);

    /// <summary>
    /// Four tight blobs around (±10, ±10), 25 points each, interleaved so every rank sees every blob.
    /// </summary>
    private static double[] Blobs(out int[] truth)
    {
        var rng = new Random(5);
        var centers = new[] { (-10.0, -10.0), (-10.0, 10.0), (10.0, -10.0), (10.0, 10.0) };
        var data = new double[100 * 2];
        truth = new int[100];
        for (int i = 0; i < 100; i++)
        {
            int c = i % 4;
            truth[i] = c;
            data[2 * i] = centers[c].Item1 + rng.NextDouble() - 0.5;
            data[2 * i + 1] = centers[c].Item2 + rng.NextDouble() - 0.5;
        }
        return data;
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void GivenCenters_Iris_EqualsLloydOnTheHost(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = LoadIris(split);
            var all = x.ToArray<double>();
            var init = new double[3 * 4];
            foreach (var (row, c) in new[] { (0, 0), (50, 1), (100, 2) }) Array.Copy(all, row * 4, init, c * 4, 4);
            var (centers, labels, inertia, iterations) = KMeansReference.Fit(all, 150, 4, init, 300, 1e-4);
            using var start = ht.array(init, [3, 4]);
            var km = new KMeans(start).fit(x);
            Assert.Equal(ht.int64, km.labels_!.dtype);
            Assert.Equal(split is null ? null : 0, km.labels_.split);
            Assert.Equal(labels, km.labels_.ToArray<long>());
            Reference.AssertClose(centers, km.cluster_centers_!.ToArray<double>(), 1e-12);
            Assert.Equal(iterations, km.n_iter_);
            Assert.Equal(inertia, km.inertia_, 1e-9 * inertia);
            Assert.InRange(km.inertia_, 78.85, 78.95);
            using var predicted = km.predict(x);
            Assert.Equal(labels, predicted.ToArray<long>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void KMeansPlusPlus_Iris_ReachesTheKnownOptimum_WithTrueInertia(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = LoadIris(split);
            MlTestData.Unbalance(x);
            var km = new KMeans(n_clusters: 3, init: "k-means++", random_state: 1).fit(x);
            var all = x.ToArray<double>();
            var centers = km.cluster_centers_!.ToArray<double>();
            var labels = km.labels_!.ToArray<long>();
            double ssd = 0;
            for (int i = 0; i < 150; i++)
                for (int j = 0; j < 4; j++) { double d = all[i * 4 + j] - centers[labels[i] * 4 + j]; ssd += d * d; }
            Assert.Equal(ssd, km.inertia_, 1e-9 * ssd);
            Assert.InRange(km.inertia_, 78.85, 78.95);   // scikit-learn: 78.851 (78.85144142614601)
            Assert.Equal(KMeansReference.Assign(all, 150, 4, centers, out _), labels);
            using var predicted = km.predict(x);
            Assert.Equal(labels, predicted.ToArray<long>());
            if (split == 0) Assert.Equal(x.counts_displs().counts,
                km.labels_.counts_displs().counts);   // chunks like x
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void SeparatedBlobs_Float32_AreRecoveredExactly(int ranks, int? split)
    {
        var data = Blobs(out var truth);
        var labels = World.Run(ranks, () =>
        {
            using var x = ht.array(data, [100, 2], dtype: ht.float32, split: split);
            var km = new KMeans(n_clusters: 4, init: "k-means++", random_state: 3).fit(x);
            Assert.Equal(ht.float32, km.cluster_centers_!.dtype);
            Assert.True(km.inertia_ < 100 * 0.5, $"inertia {km.inertia_}");
            return km.labels_!.ToArray<long>();
        });
        foreach (var l in labels)
        {
            var mapping = new Dictionary<long, int>();   // a bijection between found and true clusters
            for (int i = 0; i < 100; i++)
            {
                if (mapping.TryGetValue(l[i], out var t)) Assert.Equal(t, truth[i]);
                else mapping[l[i]] = truth[i];
            }
            Assert.Equal(4, mapping.Values.Distinct().Count());
        }
    }

    [Theory, MemberData(nameof(Ranks))]
    public void FewerSamplesThanRanks_EmptyChunks_EqualLloydOnTheHost(int ranks)
    {
        double[] data = [0, 0, 0.5, 0, 10, 10, 10.5, 9, 4, 4];
        double[] init = [0, 0, 4, 4];
        var expected = KMeansReference.Fit(data, 5, 2, init, 300, 1e-4);
        World.Run(ranks, () =>
        {
            foreach (var split in new int?[] { null, 0, 1 })
            {
                using var x = ht.array(data, [5, 2], split: split);
                using var start = ht.array(init, [2, 2]);
                var km = new KMeans(start).fit(x);
                Assert.Equal(expected.Labels, km.labels_!.ToArray<long>());
                Reference.AssertClose(expected.Centers, km.cluster_centers_!.ToArray<double>(), 1e-12);
                Assert.Equal(expected.Inertia, km.inertia_, 1e-12);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void KMeansPlusPlus_SeedsFarApart_MoreOftenThanRandom(int ranks)
    {
        // Two far blobs of 50 points. Seeds in different blobs converge in 2 iterations (means, then no change); seeds
        // in one blob need 3. D² sampling separates the seeds almost surely, uniform seeding about half the time.
        var data = new double[100];
        for (int i = 0; i < 50; i++) { data[i] = i * 0.01; data[50 + i] = 1000 + i * 0.01; }
        var (plusPlus, uniform) = World.Run(ranks, () =>
        {
            using var x = ht.array(data, [100, 1], split: 0);
            int pp = 0, rnd = 0;
            for (int seed = 0; seed < 40; seed++)
            {
                if (new KMeans(2, "k-means++", tol: 0, random_state: seed).fit(x).n_iter_ == 2) pp++;
                if (new KMeans(2, "random", tol: 0, random_state: seed).fit(x).n_iter_ == 2) rnd++;
            }
            return (pp, rnd);
        })[0];
        Assert.True(plusPlus >= 38, $"k-means++ separated the blobs {plusPlus}/40 times");
        Assert.InRange(uniform, 8, 32);
    }

    [Theory, MemberData(nameof(Ranks))]
    public void HeatInitSpellings_SeedLikeKMeansPlusPlus(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = LoadIris(0);
            var reference = new KMeans(n_clusters: 3, init: "k-means++", random_state: 5).fit(x);
            var expected = reference.cluster_centers_!.ToArray<double>();
            foreach (var init in new[] { "kmeans++", "probability_based" })
            {
                var km = new KMeans(n_clusters: 3, init: init, random_state: 5).fit(x);
                Assert.Equal(expected, km.cluster_centers_!.ToArray<double>());
                Assert.Equal(reference.n_iter_, km.n_iter_);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(0));
        Assert.Throws<ArgumentException>(() => new KMeans(3, "kmeans||"));
        var threw = World.Run(ranks, () =>
        {
            int count = 0;
            using var few = ht.ones([2, 3], split: 0);
            try { new KMeans(3).fit(few); } catch (ArgumentException) { count++; }
            using var flat = ht.ones([6], split: 0);
            try { new KMeans(2).fit(flat); } catch (ArgumentException) { count++; }
            try { new KMeans(2).predict(few); } catch (InvalidOperationException) { count++; }
            using var other = ht.ones([4, 2], split: 0);
            var km = new KMeans(2, random_state: 0).fit(few);
            try { km.predict(other); } catch (ArgumentException) { count++; }
            return count;
        });
        Assert.All(threw, c => Assert.Equal(4, c));
    }
}
