// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Graph;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// Heat.Graph.Laplacian and Spectral on the world's rank counts and splits (None, 0; uneven and empty chunks):
/// Laplacians equal to the undistributed ones within 1e-12 (simple: zero row sums), spectral labels equal to
/// scikit-learn's SpectralClustering up to a permutation on three blobs (tests/data/ml/spectral.json, made by
/// make_estimators.py), the eigengap finding the three clusters.
/// </summary>
public abstract class SpectralSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/spectral.json");

    public static TheoryData<int, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0 }) data.Add(r, s);
            return data;
        }
    }

    /// <summary>Asserts that two labellings agree up to a one-to-one renaming of the clusters.</summary>
    private static void SamePartition(double[] expected, long[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var forward = new Dictionary<long, long>();
        var backward = new Dictionary<long, long>();
        for (int i = 0; i < actual.Length; i++)
        {
            long e = (long)expected[i];
            Assert.Equal(forward.TryAdd(e, actual[i]) ? actual[i] : forward[e], actual[i]);
            Assert.Equal(backward.TryAdd(actual[i], e) ? e : backward[actual[i]], e);
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Spectral_EqualsScikitLearnUpToPermutation(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", split);
            var model = new Spectral(n_clusters: 3, gamma: 1.0, random_state: 0).fit(x);
            SamePartition(Reference.Flat("labels_"), model.labels_!.ToArray<long>());
            var found = new Spectral(gamma: 1.0).fit(x);
            Assert.Equal(3, found.n_clusters_);
            SamePartition(Reference.Flat("labels_"), found.labels_!.ToArray<long>());
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Laplacian_EqualsTheUndistributedOne(int ranks, int? split)
    {
        var serial = new[] { "norm_sym", "simple" }.Select(d => new Laplacian(a => ht.spatial.rbf(a),
            definition: d, mode: "eNeighbour", threshold_key: "lower", threshold_value: 0.5)
            .construct(Reference.Matrix("x", null)).ToArray<double>()).ToArray();
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", split);
            for (int i = 0; i < 2; i++)
            {
                var l = new Laplacian(a => ht.spatial.rbf(a), definition: i == 0 ? "norm_sym" : "simple",
                    mode: "eNeighbour", threshold_key: "lower", threshold_value: 0.5).construct(x);
                Assert.Equal(new[] { 60L, 60L }, l.shape);
                MlReference.Near(serial[i], l, 1e-12);
            }
            var simple = new Laplacian(a => ht.spatial.rbf(a), definition: "simple").construct(x);
            MlReference.Near(new double[60], ht.sum(simple, axis: 1), 1e-12);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Spectral(n_clusters: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Spectral(gamma: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Spectral(metric: "cosine"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Spectral(laplacian: "knn"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Spectral(n_clusters: 9).fit(ht.zeros([4, 2],
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Laplacian(a => a, definition: "random_walk"));
    }
}
