// SPDX-License-Identifier: MIT
using Heat.Decomposition;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// PCA with the hierarchical and randomized solvers, and IncrementalPCA, on the world's rank counts and every split
/// (uneven chunks, rank 0 empty) in float64 and float32 against scikit-learn (tests/data/ml/decomposition.json, made
/// by make_decomposition.py): components up to sign within 1e-8 (float32 1e-4) where the solver is exact (a rank at
/// least the data's), the hierarchical error estimate honest where it truncates.
/// </summary>
public abstract class DecompositionSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/decomposition.json");

    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var single in new[] { false, true }) data.Add(r, s, single);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void PcaSolvers_EqualScikitLearnWhereExact(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            var dtype = single ? ht.float32 : ht.float64;
            double tol = single ? 1e-4 : 1e-8;
            foreach (var (data, k, solver) in new[]
                     {
                         ("iris", 4, "hierarchical"), ("lowrank", 4, "hierarchical"), ("iris", 2, "randomized"),
                         ("iris", 4, "randomized"), ("lowrank", 4, "randomized"), ("lowrank", 2, "randomized"),
                     })
            {
                using var scope = DisposeScope.Begin();
                var x = Reference.Matrix(data, split, dtype);
                var pca = new PCA(n_components: k, svd_solver: solver, random_state: 3);
                if (solver == "hierarchical" && split == 1 && x.is_distributed())
                {
                    Assert.Throws<ArgumentException>(() => pca.fit(x));
                    continue;
                }
                pca.fit(x);
                string name = $"pca_{data}_{k}";
                Compare(name, pca.n_components_, pca.components_!, pca.explained_variance_!,
                    pca.singular_values_!, pca.mean_!, pca.transform(x), tol);
                MlReference.Near(Reference.Flat($"{name}.explained_variance_ratio_"), pca.explained_variance_ratio_!,
                    tol);
                Assert.Equal(Reference.Flat($"{name}.explained_variance_ratio_").Sum(),
                    pca.total_explained_variance_ratio_!.Value, single ? 1e-4 : 1e-8);
                // Four components span these data: the round trip is the identity.
                if (k == 4) MlReference.Near(Reference.Flat(data), pca.inverse_transform(pca.transform(x)), tol);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void HierarchicalPca_Truncating_IsHonest(int ranks)
    {
        double[] iris = Reference.Flat("iris");
        double total = Variance(iris, 150, 4).Sum();
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("iris", 0);
            foreach (var pca in new[]
                     {
                         new PCA(n_components: 2, svd_solver: "hierarchical"),
                         new PCA(n_components: 0.95, svd_solver: "hierarchical"),
                         new PCA(n_components: 1, svd_solver: "hierarchical"),
                     })
            {
                pca.fit(x);
                long k = pca.n_components_;
                // The variance the fitted components really capture is at least the reported lower estimate, and
                // at most the optimum (scikit-learn's leading k ratios).
                double captured = Variance(pca.transform(x).ToArray<double>(), 150, (int)k).Sum() / total;
                double best = Reference.Flat("pca_iris_4.explained_variance_ratio_").Take((int)k).Sum();
                Assert.True(captured >= pca.total_explained_variance_ratio_!.Value - 1e-10,
                    $"captured {captured} < reported {pca.total_explained_variance_ratio_}");
                Assert.True(captured <= best + 1e-10, $"captured {captured} beats the optimum {best}");
                Assert.True(pca.total_explained_variance_ratio_ > 0.5);
                if (pca.n_components is 0.95) Assert.True(k >= 2);
                var c = pca.components_!.ToArray<double>();
                Assert.True(KnownSpectrum.Orthogonality(KnownSpectrum.Transpose(c, (int)k, 4), 4, (int)k) < 1e-10);
            }
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void IncrementalPca_EqualsScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            var dtype = single ? ht.float32 : ht.float64;
            double tol = single ? 1e-4 : 1e-8;
            foreach (var (data, k, batch) in new[]
                     {
                         ("iris", 2, 30), ("iris", 3, 40), ("iris", 4, 50), ("lowrank", 4, 25),
                     })
            {
                using var scope = DisposeScope.Begin();
                var x = Reference.Matrix(data, split, dtype);
                var ipca = new IncrementalPCA(n_components: k, batch_size: batch).fit(x);
                string name = $"ipca_{data}_{k}_{batch}";
                Assert.Equal((long)Reference.Flat($"{name}.n_samples_seen_")[0], ipca.n_samples_seen_);
                Compare(name, ipca.n_components_, ipca.components_!, ipca.explained_variance_!,
                    ipca.singular_values_!, ipca.mean_!, ipca.transform(x), tol);
                MlReference.Near(Reference.Flat($"{name}.explained_variance_ratio_"), ipca.explained_variance_ratio_!,
                    tol);
                MlReference.Near(Reference.Flat($"{name}.var_"), ipca.var_!, tol);
                Assert.Equal(Reference.Flat($"{name}.noise_variance_")[0], ipca.noise_variance_, single ? 1e-4 : 1e-8);
                MlReference.Near(Reference.Flat($"{name}.inverse_transform"),
                    ipca.inverse_transform(ipca.transform(x)), tol);
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void IncrementalPca_PartialFitOverBatches_EqualsFit(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("iris", split);
            var ipca = new IncrementalPCA(n_components: 4);
            foreach (var (start, stop) in new[] { (0L, 50L), (50L, 100L), (100L, 150L) })
                ipca.partial_fit(x[ht.slice(start, stop)]);
            Assert.Equal(150L, ipca.n_samples_seen_);
            Compare("ipca_iris_4_50", ipca.n_components_, ipca.components_!, ipca.explained_variance_!,
                ipca.singular_values_!, ipca.mean_!, ipca.transform(x), 1e-8);
            var refit = new IncrementalPCA(n_components: 4, batch_size: 50).fit(x);
            MlReference.Near(ipca.components_!.ToArray<double>(), refit.components_!, 1e-10);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "arpack"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "randomized", tol: 0.1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "randomized",
            iterated_power: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "randomized",
            n_oversamples: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(power_iteration_normalizer: "LU"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new PCA(n_components: 0.5, svd_solver: "randomized").fit(ht.random.randn([12, 3], split: 0)));
        if (ranks > 1)
            AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
                new PCA(n_components: 2, svd_solver: "hierarchical").fit(ht.random.randn([12, 6], split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA(n_components: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA(batch_size: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA().partial_fit(ht.zeros([6],
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new IncrementalPCA().partial_fit(ht.random.randn([6, 2], split: 0)).partial_fit(ht.zeros([6, 3],
                split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () =>
            new IncrementalPCA().transform(ht.zeros([3, 2])));
    }

    [Theory, MemberData(nameof(Ranks))]
    public void IncrementalPca_FitFromHdf5File_EqualsScikitLearnAndPartialFits(int ranks)
    {
        // A file name every rank (and every MPI process) of this case agrees on, unique across worlds.
        var path = Path.Combine(Path.GetTempPath(),
            $"heat-ipca-{typeof(TWorld).Name}-{ranks}-{Environment.UserName}.h5");
        try
        {
            World.Run(ranks, () =>
            {
                using var scope = DisposeScope.Begin();
                var x = Reference.Matrix("iris", 0, ht.float32);
                ht.save_hdf5(x, path, "DATA");
                // Chunks of 50: scikit-learn's batches of 50 (float32, as HeAT reads the file).
                var ipca = new IncrementalPCA(n_components: 4).fit(path, 50);
                Assert.Equal(150L, ipca.n_samples_seen_);
                Assert.Equal(ht.float32, ipca.components_!.dtype);
                Compare("ipca_iris_4_50", ipca.n_components_, ipca.components_!, ipca.explained_variance_!,
                    ipca.singular_values_!, ipca.mean_!, ipca.transform(x), 1e-4);
                // Chunks of 40 (the last one 30 rows, HeAT's chunking): the partial fits of the same rows.
                var chunked = new IncrementalPCA(n_components: 3).fit(path, 40, dataset: "DATA");
                var partial = new IncrementalPCA(n_components: 3);
                foreach (var (start, stop) in new[] { (0L, 40L), (40L, 80L), (80L, 120L), (120L, 150L) })
                    partial.partial_fit(x[ht.slice(start, stop)]);
                Assert.Equal(150L, chunked.n_samples_seen_);
                MlReference.Near(partial.singular_values_!.astype(ht.float64).ToArray<double>(),
                    chunked.singular_values_!, 1e-4);
                MlReference.NearUpToColumnSign(
                    partial.transform(x).astype(ht.float64).ToArray<double>(),
                    chunked.transform(x).astype(ht.float64).ToArray<double>(), 3, 1e-3);
            });
            AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA().fit(path, 151));
            AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA().fit(path, 0));
            AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new IncrementalPCA().fit(
                Path.ChangeExtension(path, ".npy"), 10));
            AssertThrowsOnEveryRank<FileNotFoundException>(ranks, () => new IncrementalPCA().fit(
                Path.Combine(Path.GetTempPath(), $"heat-missing-{Guid.NewGuid():N}.h5"), 10));
        }
        finally { File.Delete(path); }
    }

    private static void Compare(string name, long k, DNDarray components, DNDarray variance, DNDarray singular,
        DNDarray mean, DNDarray projected, double tol)
    {
        long expected = (long)Reference.Flat($"{name}.n_components_")[0];
        Assert.Equal(expected, k);
        long f = components.shape[1];
        MlReference.NearUpToColumnSign(KnownSpectrum.Transpose(Reference.Flat($"{name}.components_"), (int)k, (int)f),
            KnownSpectrum.Transpose(components.astype(ht.float64).ToArray<double>(), (int)k, (int)f), (int)k, tol);
        MlReference.Near(Reference.Flat($"{name}.explained_variance_"), variance, tol);
        MlReference.Near(Reference.Flat($"{name}.singular_values_"), singular, tol);
        MlReference.Near(Reference.Flat($"{name}.mean_"), mean, tol);
        MlReference.NearUpToColumnSign(Reference.Flat($"{name}.transform"),
            projected.astype(ht.float64).ToArray<double>(), (int)k, tol);
    }

    // The variance (ddof 1) of each column of a row-major rows × columns matrix.
    private static double[] Variance(double[] x, int rows, int columns)
    {
        var v = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double mean = 0;
            for (int r = 0; r < rows; r++) mean += x[r * columns + c] / rows;
            for (int r = 0; r < rows; r++) v[c] += (x[r * columns + c] - mean) * (x[r * columns + c] - mean);
            v[c] /= rows - 1;
        }
        return v;
    }
}
