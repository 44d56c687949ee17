// SPDX-License-Identifier: MIT
using Heat.Decomposition;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// PCA on the world's rank counts and every split (None, 0, 1; uneven and empty chunks) against scikit-learn on iris
/// (tests/data/ml/pca.json, made by make_estimators.py): components and projections within 1e-10 up to sign (float32
/// within 1e-4), variances within 1e-10 relative.
/// </summary>
public abstract class PcaSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/pca.json");

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
    public void Fit_EqualsScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            double tol = single ? 1e-4 : 1e-10;
            var x = Reference.Matrix("x", split, single ? ht.float32 : ht.float64);
            foreach (var (name, pca) in new[]
                     {
                         ("two", new PCA(n_components: 2)), ("share_95", new PCA(n_components: 0.95)),
                         ("all", new PCA()), ("two_whiten", new PCA(n_components: 2, whiten: true)),
                     })
            {
                pca.fit(x);
                long k = (long)Reference.Flat($"{name}.n_components_")[0];
                Assert.Equal(k, pca.n_components_);
                Assert.Equal(new[] { k, 4L }, pca.components_!.shape);
                // Components are rows: compare the transposed matrices column by column.
                MlReference.NearUpToColumnSign(Transposed(Reference.Flat($"{name}.components_"), (int)k, 4),
                    Transposed(pca.components_.astype(ht.float64).ToArray<double>(), (int)k, 4), (int)k, tol);
                MlReference.Near(Reference.Flat($"{name}.explained_variance_"), pca.explained_variance_!, tol);
                MlReference.Near(Reference.Flat($"{name}.explained_variance_ratio_"), pca.explained_variance_ratio_!,
                    tol);
                MlReference.Near(Reference.Flat($"{name}.singular_values_"), pca.singular_values_!, tol);
                MlReference.Near(Reference.Flat($"{name}.mean_"), pca.mean_!, tol);
                Assert.Equal(Reference.Flat($"{name}.noise_variance_")[0], pca.noise_variance_, single ? 1e-4 : 1e-10);
                var projected = pca.transform(x);
                Assert.Equal(new[] { 150L, k }, projected.shape);
                if (split == 0) Assert.Equal(0, projected.split);
                MlReference.NearUpToColumnSign(Reference.Flat($"{name}.transform"),
                    projected.astype(ht.float64).ToArray<double>(), (int)k, tol);
                MlReference.Near(Reference.Flat($"{name}.inverse_transform"), pca.inverse_transform(projected),
                    tol);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Results_DoNotDependOnTheRanks(int ranks)
    {
        double[] serial = new PCA(n_components: 3).fit(Reference.Matrix("x", null)).components_!.ToArray<double>();
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var distributed = new PCA(n_components: 3).fit(Reference.Matrix("x", 0)).components_!.ToArray<double>();
            MlReference.Near(serial, distributed, 1e-10);
            for (int i = 0; i < serial.Length; i++) Assert.Equal(Math.Sign(serial[i]), Math.Sign(distributed[i]));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(n_components: 1.5));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(n_components: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "arpack"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(svd_solver: "hierarchical", tol: 1e-3));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA(n_components: 5).fit(ht.zeros([6, 4],
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new PCA().fit(ht.zeros([6], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new PCA().fit(ht.random.randn([6, 2], split: 0)).transform(ht.zeros([6, 3], split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new PCA().transform(ht.zeros([3, 2])));
    }

    private static double[] Transposed(double[] m, int rows, int columns)
    {
        var t = new double[m.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) t[c * rows + r] = m[r * columns + c];
        return t;
    }
}
