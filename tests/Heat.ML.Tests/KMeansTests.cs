// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Testing;

namespace Heat.ML.Tests;

public sealed class KMeansTests
{
    private static readonly InProcTestWorld World = new();

    public static TheoryData<int> Ranks => new() { 1, 2, 3, 4, 5 };

    /// <summary>Four tight spherical blobs around (±10, ±10), 25 points each, interleaved so every rank sees every blob.</summary>
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

    [Theory, MemberData(nameof(Ranks))]
    public void SeparatedBlobs_AreRecoveredExactly(int ranks)
    {
        var data = Blobs(out var truth);
        foreach (var init in new[] { "k-means++" })
        {
            var labels = World.Run(ranks, () =>
            {
                using var x = ht.array(data, [100, 2], split: 0);
                var km = new KMeans(n_clusters: 4, init: init, random_state: 3);
                km.fit(x);
                Assert.Equal(ht.int64, km.labels_!.dtype);
                Assert.Equal(0, km.labels_.split);
                Assert.True(km.inertia_ < 100 * 0.5, $"inertia {km.inertia_}");
                return km.labels_.ToArray<long>();
            })[0];
            // A bijection between found and true clusters.
            var mapping = new Dictionary<long, int>();
            for (int i = 0; i < 100; i++)
            {
                if (mapping.TryGetValue(labels[i], out var t)) Assert.Equal(t, truth[i]);
                else mapping[labels[i]] = truth[i];
            }
            Assert.Equal(4, mapping.Values.Distinct().Count());
        }
    }

    [Fact]
    public void Iris_SameLabelsOnEveryRankCount_AndTrueInertia()
    {
        var path = TestData.Path("iris.h5");
        long[]? reference = null;
        foreach (int ranks in new[] { 1, 2, 3, 4, 5 })
        {
            var (labels, inertia, recomputed, iterations) = World.Run(ranks, () =>
            {
                using var x = ht.load_hdf5(path, "data", dtype: ht.float64, split: 0);
                var km = new KMeans(n_clusters: 3, init: "k-means++", random_state: 1);
                km.fit(x);
                var centers = km.cluster_centers_!.ToArray<double>();
                var all = x.ToArray<double>();
                var l = km.labels_!.ToArray<long>();
                double ssd = 0;
                for (int i = 0; i < 150; i++)
                    for (int j = 0; j < 4; j++) { double d = all[i * 4 + j] - centers[l[i] * 4 + j]; ssd += d * d; }
                using var predicted = km.predict(x);
                Assert.Equal(l, predicted.ToArray<long>());
                return (l, km.inertia_, ssd, km.n_iter_);
            })[0];
            Assert.Equal(recomputed, inertia, 1e-9 * recomputed);
            Assert.InRange(inertia, 78.85, 78.95); // the well-known optimum of k = 3 on iris is 78.851...(sklearn: 78.85)
            Assert.True(iterations >= 1);
            reference ??= labels;
            Assert.Equal(reference, labels);
        }
    }

    [Fact]
    public void KMeansPlusPlus_SeedsFarApart_MoreOftenThanRandom()
    {
        // Two far blobs of 50 points: D² sampling puts the second seed in the other blob almost surely; uniform seeding about half the time.
        var data = new double[100];
        for (int i = 0; i < 50; i++) { data[i] = i * 0.01; data[50 + i] = 1000 + i * 0.01; }
        int plusPlusSplit = 0, randomSplit = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var (pp, rnd) = World.Run(2, () =>
            {
                using var x = ht.array(data, [100, 1], split: 0);
                using var samples = LloydData.From(x, "x");
                return (Seeding.Choose(samples, 2, "k-means++", seed), Seeding.Choose(samples, 2, "random", seed));
            })[0];
            if ((pp[0] < 500) != (pp[1] < 500)) plusPlusSplit++;
            if ((rnd[0] < 500) != (rnd[1] < 500)) randomSplit++;
        }
        Assert.True(plusPlusSplit >= 38, $"k-means++ separated the blobs {plusPlusSplit}/40 times");
        Assert.InRange(randomSplit, 8, 32);
    }

    [Fact]
    public void BadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(0));
        Assert.Throws<ArgumentException>(() => new KMeans(3, "kmeans||"));
        World.Run(2, () =>
        {
            using var few = ht.ones([2, 3], split: 0);
            Assert.Throws<ArgumentException>(() => new KMeans(3).fit(few));
            using var flat = ht.ones([6]);
            Assert.Throws<ArgumentException>(() => new KMeans(2).fit(flat));
            Assert.Throws<InvalidOperationException>(() => new KMeans(2).predict(few));
        });
    }
}
