// SPDX-License-Identifier: MIT
using Heat.Regression;
using Heat.Testing;

namespace Heat.ML.Tests;

public sealed class LassoTests
{
    private static readonly InProcTestWorld World = new();

    /// <summary>Plain coordinate descent (the same objective) on the undistributed data, run to tight convergence.</summary>
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

    [Theory, InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5)]
    public void Diabetes_ReachesTheReferenceObjective(int ranks)
    {
        var path = TestData.Path("diabetes.h5");
        var (xs, ys) = World.Run(1, () =>
        {
            using var x = ht.load_hdf5(path, "x", dtype: ht.float64);
            using var y = ht.load_hdf5(path, "y", dtype: ht.float64);
            return (x.ToArray<double>(), y.ToArray<double>());
        })[0];
        foreach (var lam in new[] { 0.1, 1.0 })
        {
            var (theta, objective) = ReferenceFit(xs, ys, 442, 11, lam);
            var results = World.Run(ranks, () =>
            {
                using var x = ht.load_hdf5(path, "x", dtype: ht.float64, split: 0);
                using var y = ht.load_hdf5(path, "y", dtype: ht.float64, split: 0);
                var model = new Lasso(lam: lam, max_iter: 20_000, tol: 1e-10).fit(x, y);
                Assert.Equal([10L], model.coef_!.shape);
                using var prediction = model.predict(x);
                Assert.Equal([442L], prediction.shape);
                return (model.objective(x, y), model.intercept_, model.Theta);
            });
            foreach (var (obj, intercept, fitted) in results)
            {
                Assert.True(Math.Abs(obj - objective) <= 1e-4 * objective, $"objective {obj} vs reference {objective}");
                Assert.Equal(theta[0], intercept, 1e-3 * Math.Abs(theta[0]));
                Assert.Equal(theta.Select(t => t == 0), fitted.Select(t => Math.Abs(t) < 1e-8));
            }
        }
    }

    [Fact]
    public void LargePenalty_GivesZeroCoefficients_AndTheMeanAsIntercept()
    {
        var path = TestData.Path("diabetes.h5");
        World.Run(3, () =>
        {
            using var x = ht.load_hdf5(path, "x", dtype: ht.float64, split: 0);
            using var y = ht.load_hdf5(path, "y", dtype: ht.float64, split: 0);
            var model = new Lasso(lam: 1e6).fit(x, y);
            Assert.All(model.coef_!.ToArray<double>(), c => Assert.Equal(0.0, c));
            Assert.Equal(ht.mean(y).item<double>(), model.intercept_, 1e-6);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(lam: -1));
            using var wrong = ht.ones([441]);
            Assert.Throws<ArgumentException>(() => new Lasso().fit(x, wrong));
        });
    }
}
