// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// Initial centroids: k distinct random samples, or k-means++ (D² sampling), identical for every rank count.
/// </summary>
internal static class Seeding
{
    public static double[] Choose(Lloyd data, int k, string init, long? randomState)
    {
        var saved = ht.random.get_state();
        if (randomState is long seed) ht.random.seed(seed);
        try { return init is "k-means++" or "kmeans++" or "probability_based" ? PlusPlus(data, k) : Random(data, k); }
        finally { if (randomState is not null) ht.random.set_state(saved); }
    }

    private static double[] Random(Lloyd data, int k)
    {
        var chosen = new List<long>();
        while (chosen.Count < k)
        {
            using var draw = ht.random.randint(0, data.Samples, [k], ht.int64);
            foreach (var index in draw.ToArray<long>())
                if (chosen.Count < k && !chosen.Contains(index)) chosen.Add(index);
        }
        var centers = new double[k * data.Features];
        for (int c = 0; c < k; c++) data.Sample(chosen[c]).CopyTo(centers, c * data.Features);
        return centers;
    }

    // D² sampling: the next centroid is the first sample whose running sum of squared distances exceeds u × their
    // total.
    private static double[] PlusPlus(Lloyd data, int k)
    {
        long f = data.Features;
        var centers = new double[k * f];
        using (var first = ht.random.randint(0, data.Samples, [1], ht.int64))
            data.Sample(first.item<long>()).CopyTo(centers, 0);
        var d2 = data.SquaredDistances(centers[..(int)f]);
        try
        {
            for (int c = 1; c < k; c++)
            {
                using var total = ht.sum(d2);
                using var u = ht.random.rand([1], ht.float64);
                double target = u.item<double>() * total.item<double>();
                using var running = ht.cumsum(d2, 0);
                using var below = running <= target;
                using var count = ht.sum(below);
                long chosen = Math.Min(count.item<long>(), data.Samples - 1);
                var center = data.Sample(chosen);
                center.CopyTo(centers, c * f);
                if (c == k - 1) break;
                using var next = data.SquaredDistances(center);
                var nearest = ht.minimum(d2, next);
                d2.Dispose();
                d2 = nearest;
            }
        }
        finally { d2.Dispose(); }
        return centers;
    }
}
