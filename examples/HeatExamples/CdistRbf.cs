// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat;

namespace HeatExamples;

/// <summary>Pairwise distances and the Gaussian (RBF) kernel of a random sample, checked against each other.</summary>
public static class CdistRbf
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        // <cdist>
        ht.random.seed(42);
        using var x = ht.random.randn([1000, 8], dtype: ht.float64, split: 0);
        using var d = ht.spatial.cdist(x);                      // 1000 x 1000, split like x
        using var k = ht.spatial.rbf(x, sigma: 2.0);            // exp(-d² / (2 σ²))
        using var expected = ht.exp(-(d * d) / 8.0);
        bool same = ht.allclose(k, expected, rtol: 1e-10, atol: 1e-12);
        // </cdist>
        using var mean = ht.mean(d);
        return string.Create(CultureInfo.InvariantCulture,
            $"cdist-rbf: {d.shape[0]} x {d.shape[1]} on {x.comm.Size} rank(s): mean distance {mean.item<double>():F6}, "
            + $"rbf == exp(-d^2/(2 sigma^2)): {same}");
    }
}
