// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat;
using Heat.Regression;

namespace HeatExamples;

/// <summary>LASSO on the diabetes data set (column 0 of x is all ones: the intercept), as HeAT's lasso demo.</summary>
public static class LassoDiabetes
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        // <lasso>
        string file = Path.Combine(data, "diabetes.h5");
        using var x = ht.load_hdf5(file, "x", dtype: ht.float64, split: 0);
        using var y = ht.load_hdf5(file, "y", dtype: ht.float64, split: 0);
        var lasso = new Lasso(lam: 0.1, max_iter: 100, tol: 1e-6).fit(x, y);
        double[] theta = lasso.theta!.ToArray<double>();
        int nonZero = theta.Skip(1).Count(t => t != 0);
        // </lasso>
        return string.Create(CultureInfo.InvariantCulture,
            $"lasso-diabetes: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s): "
            + $"{lasso.n_iter_} sweeps, objective {lasso.objective(x, y):F6}, {nonZero} non-zero coefficients");
    }
}
