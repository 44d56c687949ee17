// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// BatchParallelKMeans, BatchParallelKMedians and the <c>"batchparallel"</c> seeding of KMeans/KMedians on 4
/// well-separated blobs (tests/data/ml/blobs.json, made by make_blobs.py) on the world's rank counts: labels equal to
/// scikit-learn's KMeans up to a permutation (the blob centres are 100 apart, the spread 0.8). HeAT's algorithm
/// clusters every rank's chunk on its own, so its centres
/// depend on the number of ranks by design: every rank count is checked for quality (labels, centres near
/// scikit-learn's) and for determinism (the same seed gives the same centres), not for equality across rank counts.
/// </summary>
public abstract class BatchParallelSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/blobs.json");

    public static TheoryData<int, int?> RanksAndMerges
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var m in new int?[] { null, 2 }) data.Add(r, m);
            return data;
        }
    }

    // The blobs, split 0, with uneven chunks of at least 40 samples (300 samples on at most 5 ranks).
    private static DNDarray Blobs(DType? dtype = null)
    {
        var x = Reference.Matrix("x", 0, dtype);
        int p = x.comm.Size;
        var map = x.lshape_map;
        long left = x.shape[0];
        for (int r = 0; r < p; r++)
        {
            map[r, 0] = r == p - 1 ? left : 40 + 7 * r;
            left -= map[r, 0];
        }
        x.redistribute_(target_map: map);
        return x;
    }

    /// <summary>Asserts that <paramref name="labels"/> equal scikit-learn's up to a permutation of the clusters and
    /// returns it (ours → scikit-learn's).</summary>
    private static int[] AssertSameClusters(DNDarray labels)
    {
        var expected = Reference.Flat("kmeans.labels_").Select(v => (int)v).ToArray();
        var actual = labels.astype(ht.int64).ToArray<long>();
        Assert.Equal(expected.Length, actual.Length);
        var map = Enumerable.Repeat(-1, 4).ToArray();
        for (int i = 0; i < actual.Length; i++)
        {
            if (map[actual[i]] < 0) map[actual[i]] = expected[i];
            Assert.True(map[actual[i]] == expected[i], $"sample {i}: cluster {actual[i]} maps to both "
                + $"{map[actual[i]]} and {expected[i]}");
        }
        Assert.Equal(4, map.Distinct().Count());
        return map;
    }

    private static void AssertCentresNear(DNDarray centres, int[] map, double tolerance)
    {
        var expected = Reference.Flat("kmeans.cluster_centers_");
        var actual = centres.astype(ht.float64).ToArray<double>();
        for (int c = 0; c < 4; c++)
            for (int j = 0; j < 5; j++)
                Assert.True(Math.Abs(expected[map[c] * 5 + j] - actual[c * 5 + j]) < tolerance,
                    $"centre {c}, feature {j}: expected {expected[map[c] * 5 + j]}, got {actual[c * 5 + j]}");
    }

    [Theory, MemberData(nameof(RanksAndMerges))]
    public void KMeans_FindsScikitLearnClusters(int ranks, int? merge)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Blobs();
            var model = new BatchParallelKMeans(n_clusters: 4, random_state: 3, n_procs_to_merge: merge);
            model.fit(x);
            var map = AssertSameClusters(model.labels_!);
            // The merge averages local centroids without weights: one rank whose local k-means (seeded by HeAT's
            // distance-weighted sampling, one try) ends in a local minimum pulls a centroid by up to a tenth of the
            // blob distance (100); KClusterInit_Batchparallel checks that Lloyd's iterations then recover
            // scikit-learn's centroids exactly.
            AssertCentresNear(model.cluster_centers_!, map, 12);
            Assert.Null(model.cluster_centers_!.split);
            Assert.Equal(0, model.labels_!.split);
            Assert.InRange(model.n_iter_, 1, 1 + ranks * model.max_iter);
            var again = new BatchParallelKMeans(n_clusters: 4, random_state: 3, n_procs_to_merge: merge).fit(x);
            Assert.Equal(model.cluster_centers_!.ToArray<double>(), again.cluster_centers_!.ToArray<double>());
            Assert.Equal(model.n_iter_, again.n_iter_);
            Assert.Equal(model.labels_!.ToArray<long>(), model.predict(x).ToArray<long>());
            // The real sum of squared distances: at least about n · features · σ², at most what the offset allows.
            Assert.InRange(model.functional_value_, 0.5 * 300 * 5 * 0.64, 300 * 5 * 12.0 * 12.0);
        });
    }

    [Theory, MemberData(nameof(RanksAndMerges))]
    public void KMedians_FindsScikitLearnClusters(int ranks, int? merge)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Blobs(ht.float32);
            var model = new BatchParallelKMedians(n_clusters: 4, random_state: 11, n_procs_to_merge: merge);
            var labels = model.fit_predict(x);
            var map = AssertSameClusters(labels);
            AssertCentresNear(model.cluster_centers_!, map, 0.6);
            Assert.Equal(ht.float32, model.cluster_centers_!.dtype);
            Assert.True(model.functional_value_ > 0);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void KClusterInit_Batchparallel(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Blobs();
            var kmeans = new KMeans(n_clusters: 4, init: "batchparallel", random_state: 5).fit(x);
            var map = AssertSameClusters(kmeans.labels_!);
            AssertCentresNear(kmeans.cluster_centers_!, map, 1e-8);
            var kmedians = new KMedians(n_clusters: 4, init: "batchparallel", random_state: 5).fit(x);
            AssertSameClusters(kmedians.labels_!);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_clusters: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(init: "k-medians++"));
        AssertThrowsOnEveryRank<NotSupportedException>(ranks, () => new BatchParallelKMedians(init: "random"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMedians(tol: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(max_iter: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_procs_to_merge: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_clusters: 2)
            .fit(ht.zeros([12, 2])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_clusters: 2)
            .fit(ht.zeros([12, 2], split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_clusters: 4)
            .fit(ht.zeros([3, 2], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new BatchParallelKMeans(n_clusters: 2)
            .fit(ht.zeros([12], split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new BatchParallelKMedians()
            .predict(ht.zeros([3, 2], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMeans(init: "batchparallel", n_clusters: 2)
            .fit(ht.zeros([12, 2])));
    }
}
