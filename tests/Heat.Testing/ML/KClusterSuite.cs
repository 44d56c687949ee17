// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// KMedians, KMedoids and <c>metrics.silhouette_*</c> on the world's rank counts and every split (None, 0, 1; uneven
/// and empty chunks) on jittered iris (tests/data/ml/kclusters.json, made by make_estimators.py): k-medians/k-medoids
/// from the samples 0, 50, 100 against HeAT's iterations written out in NumPy (labels equal, centres within 1e-10,
/// the same iteration count), silhouettes against scikit-learn within 1e-10.
/// </summary>
public abstract class KClusterSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/kclusters.json");

    public static TheoryData<int, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s);
            return data;
        }
    }

    private static DNDarray Initial(DNDarray x) => ht.resplit(ht.take(x, new long[] { 0, 50, 100 }, axis: 0), null);

    [Theory, MemberData(nameof(Cases))]
    public void KMedians_EqualsHeatIterations(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", split);
            var model = new KMedians(Initial(x)).fit(x);
            MlReference.Near(Reference.Flat("kmedians.cluster_centers_"), model.cluster_centers_!, 1e-10);
            Assert.Equal(Reference.Flat("kmedians.labels_"), model.labels_!.astype(ht.float64).ToArray<double>());
            Assert.Equal((int)Reference.Flat("kmedians.n_iter_")[0], model.n_iter_);
            Assert.Equal(Reference.Flat("kmedians.labels_"), model.predict(x).astype(ht.float64).ToArray<double>());
            Assert.True(model.inertia_ > 0);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void KMedoids_EqualsHeatIterations(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", split);
            var model = new KMedoids(Initial(x)).fit(x);
            MlReference.Near(Reference.Flat("kmedoids.cluster_centers_"), model.cluster_centers_!, 1e-12);
            Assert.Equal(Reference.Flat("kmedoids.labels_"), model.labels_!.astype(ht.float64).ToArray<double>());
            Assert.Equal((int)Reference.Flat("kmedoids.n_iter_")[0], model.n_iter_);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void RandomInit_DoesNotDependOnTheRanks(int ranks)
    {
        var serial = new KMedians(n_clusters: 3, random_state: 3).fit(Reference.Matrix("x", null)).labels_!
            .ToArray<long>();
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var labels = new KMedians(n_clusters: 3, random_state: 3).fit(Reference.Matrix("x", 0)).labels_!;
            Assert.Equal(serial, labels.ToArray<long>());
            var medoids = new KMedoids(n_clusters: 3, init: "kmedoids++", random_state: 5)
                .fit(Reference.Matrix("x", 0));
            Assert.Equal(3L, medoids.cluster_centers_!.shape[0]);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Silhouette_EqualsScikitLearn(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", split);
            var labels = Reference.Labels("silhouette.labels", split == 1 ? null : split) * 5 - 2;
            var samples = metrics.silhouette_samples(x, labels);
            MlReference.Near(Reference.Flat("silhouette.samples"), samples, 1e-10);
            Assert.Equal(Reference.Flat("silhouette.score")[0], metrics.silhouette_score(x, labels), 1e-10);
            MlReference.Near(Reference.Flat("silhouette.samples_manhattan"),
                metrics.silhouette_samples(x, labels, metric: "manhattan"), 1e-10);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMedians(n_clusters: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMedoids(init: "k-means"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMedians(n_clusters: 5).fit(ht.zeros([4, 2],
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMedoids(ht.zeros([2, 3])).fit(ht.zeros([6, 2],
            split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new KMedians().predict(ht.zeros([3, 2])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => metrics.silhouette_samples(ht.zeros([4, 2],
            split: 0), ht.zeros([4], dtype: ht.int64, split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => metrics.silhouette_samples(ht.zeros([4, 2],
            split: 0), ht.arange(4, dtype: ht.int64, split: 0), metric: "cosine"));
    }
}
