// SPDX-License-Identifier: MIT
using Heat.Regression;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// LASSO on scikit-learn's diabetes data (with a ones column for the intercept) on the world's rank counts, every
/// split of X and y, uneven and empty chunks, against plain coordinate descent on the host run to tight convergence.
/// </summary>
public abstract class LassoSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var (sx, sy) in new (int?, int?)[] { (null, null), (0, 0), (0, null), (1, 0), (null,
                    0) }) data.Add(r, sx, sy);
            return data;
        }
    }

    private static DNDarray Load(string name, int? split)
        => ht.load_hdf5(MlTestData.Path("diabetes.h5"), name, dtype: ht.float64, split: split);

    /// <summary>Coordinate descent on the undistributed data (the same objective), run to tight convergence.</summary>
    private static (double[] Theta, double Objective) ReferenceFit(double[] x, double[] y, int n, int f, double lam)
    {
        var theta = new double[f];
        var r = (double[])y.Clone();
        var z = new double[f];
        for (int j = 0; j < f; j++) for (int i = 0; i < n; i++) z[j] += x[i * f + j] * x[i * f + j] / n;
        for (int sweep = 0; sweep < 100_000; sweep++)
        {
            double largest = 0;
            for (int j = 0; j < f; j++)
            {
                double rho = 0;
                for (int i = 0; i < n; i++) rho += x[i * f + j] * r[i];
                rho = rho / n + z[j] * theta[j];
                double t = j == 0 ? rho / z[j] : (rho > lam ? rho - lam : rho < -lam ? rho + lam : 0) / z[j];
                double d = t - theta[j];
                for (int i = 0; i < n; i++) r[i] -= d * x[i * f + j];
                theta[j] = t;
                largest = Math.Max(largest, Math.Abs(d));
            }
            if (largest < 1e-12) break;
        }
        double objective = r.Sum(v => v * v) / (2.0 * n) + lam * theta.Skip(1).Sum(Math.Abs);
        return (theta, objective);
    }

    [Theory, MemberData(nameof(Cases))]
    public void Diabetes_ReachesTheReferenceObjective(int ranks, int? xSplit, int? ySplit)
    {
        const double lam = 1.0;
        World.Run(ranks, () =>
        {
            using var x = Load("x", xSplit);
            using var y = Load("y", ySplit);
            MlTestData.Unbalance(x);
            var (theta, objective) = ReferenceFit(x.ToArray<double>(), y.ToArray<double>(), 442, 11, lam);
            // Both ways: the Gram matrix (the default for 11 features) and the residual.
            foreach (var precompute in new bool?[] { null, false })
            {
                var model = new Lasso(lam: lam, max_iter: 20_000, tol: 1e-9, precompute: precompute).fit(x, y);
                Assert.Equal([10L], model.coef_!.shape);
                Assert.Null(model.coef_.split);
                using var prediction = model.predict(x);
                Assert.Equal([442L], prediction.shape);
                double fitted = model.objective(x, y);
                Assert.True(Math.Abs(fitted - objective) <= 1e-6 * objective, $"objective {fitted} vs reference "
                    + $"{objective} (precompute {precompute})");
                Assert.Equal(theta[0], model.intercept_, 1e-4 * Math.Abs(theta[0]));
                Assert.Equal([11L], model.theta!.shape);
                Assert.Null(model.theta.split);
                var fittedTheta = model.theta.ToArray<double>();
                Assert.Equal(theta.Select(t => t == 0), fittedTheta.Select(t => Math.Abs(t) < 1e-8));
                Reference.AssertClose(theta, fittedTheta, 1e-3);
            }
        });
    }

    /// <summary>
    /// float32 data are fitted in float32 (Gram matrix and residual path alike; no float64 copy of X): the objective
    /// (evaluated in float64) within 1e-5 relative and θ within 1e-3 · max|θ| of the float64 fit.
    /// </summary>
    [Theory, MemberData(nameof(Cases))]
    public void Float32_MatchesTheFloat64Fit(int ranks, int? xSplit, int? ySplit)
    {
        const double lam = 1.0;
        World.Run(ranks, () =>
        {
            using var x = Load("x", xSplit);
            using var y = Load("y", ySplit);
            MlTestData.Unbalance(x);
            using var x32 = x.astype(ht.float32);
            using var y32 = y.astype(ht.float32);
            foreach (var precompute in new bool?[] { null, false })
            {
                var wide = new Lasso(lam: lam, max_iter: 300, tol: 1e-6, precompute: precompute).fit(x, y);
                var narrow = new Lasso(lam: lam, max_iter: 300, tol: 1e-6, precompute: precompute).fit(x32, y32);
                using var prediction = narrow.predict(x32);
                Assert.Equal(ht.float32, prediction.dtype);
                double expected = wide.objective(x, y), fitted = narrow.objective(x, y);
                Assert.True(Math.Abs(fitted - expected) <= 1e-5 * expected, $"float32 objective {fitted} vs float64 "
                    + $"{expected} (precompute {precompute})");
                var want = wide.theta!.ToArray<double>();
                var got = narrow.theta!.ToArray<double>();
                double scale = want.Max(Math.Abs);
                for (int j = 0; j < want.Length; j++)
                    Assert.True(Math.Abs(got[j] - want[j]) <= 1e-3 * scale, $"theta[{j}] {got[j]} vs {want[j]} "
                        + $"(precompute {precompute})");
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void LargePenalty_GivesZeroCoefficients_AndTheMeanAsIntercept(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = Load("x", 0);
            using var y = Load("y", 0);
            var model = new Lasso(lam: 1e6).fit(x, y);
            Assert.All(model.coef_!.ToArray<double>(), c => Assert.Equal(0.0, c));
            using var mean = ht.mean(y);
            Assert.Equal(mean.item<double>(), model.intercept_, 1e-6);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(lam: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(max_iter: 0));
        var threw = World.Run(ranks, () =>
        {
            int count = 0;
            using var x = ht.ones([6, 3], split: 0);
            using var wrong = ht.ones([5], split: 0);
            try { new Lasso().fit(x, wrong); } catch (ArgumentException) { count++; }
            using var flat = ht.ones([6], split: 0);
            try { new Lasso().fit(flat, flat); } catch (ArgumentException) { count++; }
            try { new Lasso().predict(x); } catch (InvalidOperationException) { count++; }
            return count;
        });
        Assert.All(threw, c => Assert.Equal(3, c));
    }
}
