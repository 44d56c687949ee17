// SPDX-License-Identifier: MIT
using Heat.Preprocessing;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// RobustScaler on the world's rank counts and every split (None, 0, 1; uneven and empty chunks) against scikit-learn
/// on iris with a constant feature and an all-zero sample (tests/data/ml/robust_scaler.json, made by
/// make_estimators.py): float64 within 1e-12 relative, float32 within 1e-5.
/// </summary>
public abstract class RobustScalerSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/robust_scaler.json");

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
            double tol = single ? 1e-5 : 1e-12;
            var x = Reference.Matrix("x", split, single ? ht.float32 : ht.float64);
            foreach (var (name, scaler) in new[]
                     {
                         ("default", new RobustScaler()),
                         ("range_10_90_unit_variance", new RobustScaler(quantile_range: (10, 90), unit_variance: true)),
                         ("scaling_only", new RobustScaler(with_centering: false)),
                     })
            {
                scaler.fit(x);
                if (Reference[$"{name}.center_"].ValueKind == System.Text.Json.JsonValueKind.Null)
                    Assert.Null(scaler.center_);
                else MlReference.Near(Reference.Flat($"{name}.center_"), scaler.center_!, tol);
                MlReference.Near(Reference.Flat($"{name}.scale_"), scaler.scale_!, tol);
                Assert.Equal(5L, scaler.n_features_in_);
                var z = scaler.transform(x);
                Assert.Equal(x.split, z.split);
                Assert.Equal(x.dtype, z.dtype);
                MlReference.Near(Reference.Flat($"{name}.transform"), z, tol);
                MlReference.Near(Reference.Flat("x"), scaler.inverse_transform(z), tol);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void CopyFalse_WritesIntoTheInput(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x", 0);
            var z = new RobustScaler(copy: false).fit(x).transform(x);
            Assert.Same(x, z);
            MlReference.Near(Reference.Flat("default.transform"), x, 1e-12);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new RobustScaler(quantile_range: (75, 25)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new RobustScaler(quantile_range: (-1, 50)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new RobustScaler().fit(ht.zeros([6], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new RobustScaler().fit(ht.zeros([6, 2], split: 0)).transform(ht.zeros([6, 3], split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new RobustScaler().transform(ht.zeros([3, 2])));
    }
}
