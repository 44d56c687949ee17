// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat;
using Heat.Cluster;

namespace HeatExamples;

/// <summary>k-means on the iris data set, as HeAT's clustering tutorial.</summary>
public static class KMeansIris
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        // <kmeans>
        using var iris = ht.load_csv(Path.Combine(data, "iris.csv"), sep: ";", dtype: ht.float64, split: 0);
        var kmeans = new KMeans(n_clusters: 3, init: "kmeans++", random_state: 1);
        kmeans.fit(iris);
        using var sizes = ht.bincount(kmeans.labels_!);
        // </kmeans>
        var counts = sizes.ToArray<long>().Order();
        return string.Create(CultureInfo.InvariantCulture,
            $"kmeans-iris: {iris.shape[0]} samples on {iris.comm.Size} rank(s): inertia {kmeans.inertia_:F4}, "
            + $"cluster sizes {string.Join(" ", counts)}");
    }
}
