// SPDX-License-Identifier: MIT
using Heat.Classification;
using Heat.Cluster;
using Heat.Decomposition;
using Heat.NaiveBayes;
using Heat.Preprocessing;
using Heat.Regression;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// The common estimator surface (<see cref="BaseEstimator"/>) on every estimator and the world's rank counts:
/// get_params returns the constructor's parameters, set_params changes them (validated, the model reset), and a fitted
/// estimator saved to HDF5 and loaded again has the same parameters, learned attributes and predictions.
/// </summary>
public abstract class EstimatorSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Blobs = new("ml/blobs.json");

    /// <summary>Fits an estimator and returns what it predicts / transforms on the data.</summary>
    private sealed record Case(Func<BaseEstimator> Create, Func<BaseEstimator, DNDarray, DNDarray, DNDarray?> Fit,
        Func<BaseEstimator, DNDarray, DNDarray, DNDarray> Use);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["KMeans"] = new(() => new KMeans(n_clusters: 4, init: "k-means++", random_state: 1),
            (e, x, _) => ((KMeans)e).fit(x).labels_, (e, x, _) => ((KMeans)e).predict(x)),
        ["KMedians"] = new(() => new KMedians(n_clusters: 4, random_state: 2),
            (e, x, _) => ((KMedians)e).fit(x).labels_, (e, x, _) => ((KMedians)e).predict(x)),
        ["KMedoids"] = new(() => new KMedoids(n_clusters: 4, random_state: 2),
            (e, x, _) => ((KMedoids)e).fit(x).labels_, (e, x, _) => ((KMedoids)e).predict(x)),
        ["BatchParallelKMeans"] = new(() => new BatchParallelKMeans(n_clusters: 4, random_state: 1),
            (e, x, _) => ((BatchParallelKMeans)e).fit(x).labels_, (e, x, _) => ((BatchParallelKMeans)e).predict(x)),
        ["Spectral"] = new(() => new Spectral(n_clusters: 4, gamma: 0.001, n_lanczos: 40),
            (e, x, _) => ((Spectral)e).fit(x[..60]).labels_, (e, _, _) => ((Spectral)e).labels_!),
        ["KNeighborsClassifier"] = new(() => new KNeighborsClassifier(n_neighbors: 3, weights: "distance"),
            (e, x, y) => { ((KNeighborsClassifier)e).fit(x, y); return null; },
            (e, x, _) => ((KNeighborsClassifier)e).predict(x)),
        ["GaussianNB"] = new(() => new GaussianNB(var_smoothing: 1e-8),
            (e, x, y) => { ((GaussianNB)e).fit(x, y); return null; }, (e, x, _) => ((GaussianNB)e).predict(x)),
        ["StandardScaler"] = new(() => new StandardScaler(with_mean: false),
            (e, x, _) => { ((StandardScaler)e).fit(x); return null; }, (e, x, _) => ((StandardScaler)e).transform(x)),
        ["MinMaxScaler"] = new(() => new MinMaxScaler(feature_range: (-2, 3)),
            (e, x, _) => { ((MinMaxScaler)e).fit(x); return null; }, (e, x, _) => ((MinMaxScaler)e).transform(x)),
        ["MaxAbsScaler"] = new(() => new MaxAbsScaler(),
            (e, x, _) => { ((MaxAbsScaler)e).fit(x); return null; }, (e, x, _) => ((MaxAbsScaler)e).transform(x)),
        ["Normalizer"] = new(() => new Normalizer(norm: "l1"),
            (e, x, _) => { ((Normalizer)e).fit(x); return null; }, (e, x, _) => ((Normalizer)e).transform(x)),
        ["RobustScaler"] = new(() => new RobustScaler(quantile_range: (10, 90)),
            (e, x, _) => { ((RobustScaler)e).fit(x); return null; }, (e, x, _) => ((RobustScaler)e).transform(x)),
        ["Lasso"] = new(() => new Lasso(lam: 0.01, max_iter: 50),
            (e, x, y) => { ((Lasso)e).fit(x, y.astype(ht.float64)); return null; },
            (e, x, _) => ((Lasso)e).predict(x)),
        ["PCA"] = new(() => new PCA(n_components: 2),
            (e, x, _) => { ((PCA)e).fit(x); return null; }, (e, x, _) => ((PCA)e).transform(x)),
        ["IncrementalPCA"] = new(() => new IncrementalPCA(n_components: 2, batch_size: 30),
            (e, x, _) => { ((IncrementalPCA)e).fit(x); return null; }, (e, x, _) => ((IncrementalPCA)e).transform(x)),
        ["DMD"] = new(() => new DMD(svd_rank: 3),
            (e, x, _) => { ((DMD)e).fit(x[..40].T); return null; }, (e, x, _) => ((DMD)e).predict(x[..2].T, 4)),
        ["DMDc"] = new(() => new DMDc(svd_rank: 2),
            (e, x, _) => { ((DMDc)e).fit(x[..40, ..3].T, x[..40, 3..].T); return null; },
            (e, x, _) => ((DMDc)e).predict(x[..2, ..3], x[..5, 3..].T)),
    };

    public static TheoryData<int, string> RanksAndEstimators
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var r in RankSample)
                foreach (var name in Cases.Keys) data.Add(r, name);
            return data;
        }
    }

    // A file name every rank (and every MPI process) of one test case agrees on, unique across cases and worlds.
    private static string Shared(string name) =>
        Path.Combine(Path.GetTempPath(), $"heat-estimator-{typeof(TWorld).Name}-{name}-{Environment.UserName}.h5");

    [Theory, MemberData(nameof(RanksAndEstimators))]
    public void SaveLoad_RoundTrips(int ranks, string estimator)
    {
        var c = Cases[estimator];
        var path = Shared($"{estimator}-{ranks}");
        try
        {
            World.Run(ranks, () =>
            {
                using var scope = DisposeScope.Begin();
                var x = Blobs.Matrix("x", 0).balance_();
                var y = Blobs.Labels("truth", 0).balance_();
                var model = c.Create();
                c.Fit(model, x, y);
                var expected = c.Use(model, x, y).astype(ht.float64).ToArray<double>();
                model.save(path);
                var loaded = BaseEstimator.load(path);
                Assert.IsType(model.GetType(), loaded);
                Assert.Equal(model.get_params(), loaded.get_params());
                Assert.Equal(expected, c.Use(loaded, x, y).astype(ht.float64).ToArray<double>());
                foreach (var property in model.GetType().GetProperties().Where(p => p.Name.EndsWith('_')))
                {
                    var before = property.GetValue(model);
                    var after = property.GetValue(loaded);
                    if (before is DNDarray a)
                    {
                        var b = Assert.IsType<DNDarray>(after);
                        Assert.Equal(a.shape, b.shape);
                        Assert.Equal(a.dtype, b.dtype);
                        Assert.Equal(a.split, b.split);
                        Assert.True(ht.equal(a, b), property.Name);
                    }
                    else Assert.Equal(before, after);
                }
            });
        }
        finally { File.Delete(path); }
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Params_GetAndSet(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var kmeans = new KMeans(n_clusters: 3, init: "k-means++", max_iter: 7, tol: 0.5, random_state: 9);
            var expected = new Dictionary<string, object?>
            {
                ["n_clusters"] = 3, ["init"] = "k-means++", ["max_iter"] = 7, ["tol"] = 0.5, ["random_state"] = 9L,
            };
            Assert.Equal(expected, kmeans.get_params());
            var x = Blobs.Matrix("x", 0);
            kmeans.fit(x);
            Assert.Same(kmeans, kmeans.set_params(("n_clusters", 4), ("max_iter", 300L)));
            Assert.Equal(4, kmeans.n_clusters);
            Assert.Equal(300, kmeans.max_iter);
            Assert.Equal(9L, kmeans.random_state);
            Assert.Null(kmeans.cluster_centers_);
            Assert.Equal(4L, kmeans.fit(x).cluster_centers_!.shape[0]);
            var scaler = new MinMaxScaler(feature_range: (1, 2));
            Assert.Equal((1.0, 2.0), scaler.get_params()["feature_range"]);
            Assert.Equal(new[] { "copy", "with_mean", "with_std" },
                new StandardScaler().get_params().Keys.Order().ToArray());
            foreach (var c in Cases.Values) Assert.NotEmpty(c.Create().get_params());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMeans().set_params(("n_cluster", 3)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KMeans().set_params(("n_clusters", 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Lasso().set_params(("max_iter", "many")));
        var missing = Path.Combine(Path.GetTempPath(), $"heat-missing-{Guid.NewGuid():N}.h5");
        AssertThrowsOnEveryRank<FileNotFoundException>(ranks, () => BaseEstimator.load(missing));
        var plain = Shared($"plain-{ranks}");
        try
        {
            World.Run(ranks, () => ht.save_hdf5(ht.arange(4, split: 0), plain, "x"));
            AssertThrowsOnEveryRank<InvalidDataException>(ranks, () => BaseEstimator.load(plain));
        }
        finally { File.Delete(plain); }
    }
}
