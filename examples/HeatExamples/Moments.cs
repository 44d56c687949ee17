// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat;

namespace HeatExamples;

/// <summary>Mean, standard deviation, skewness and kurtosis of a large standard-normal sample.</summary>
public static class Moments
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        // <moments>
        ht.random.seed(7);
        using var x = ht.random.randn([4_000_000], dtype: ht.float64, split: 0);   // each rank draws its chunk
        using var mean = ht.mean(x);
        using var std = ht.std(x);
        using var skew = ht.skew(x);
        using var kurtosis = ht.kurtosis(x);
        // </moments>
        return string.Create(CultureInfo.InvariantCulture,
            $"moments: {x.shape[0]} samples on {x.comm.Size} rank(s): mean {mean.item<double>():F3}, "
            + $"std {std.item<double>():F3}, skew {skew.item<double>():F3}, kurtosis {kurtosis.item<double>():F3}");
    }
}
