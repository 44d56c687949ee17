// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// HeAT's <c>_kmex</c> and <c>_initialize_plus_plus</c> (heat/cluster/batchparallelclustering.py): k-means (p = 2) or
/// k-medians (p = 1) of one rank's samples, run with <c>ht</c> on a one-rank communicator
/// (<see cref="BatchParallelKCluster"/> enters it). Seeding draws the first centre uniformly and every further one with
/// probability proportional to the p-norm distance to its nearest chosen centre (HeAT weights by the distance, not its
/// square); an update moves every centre to the mean (p = 2) or per-feature median (p = 1) of its samples, an empty
/// cluster keeps its centre, and the iterations stop when <c>torch.allclose(centers, old, atol: tol)</c> holds.
/// </summary>
internal static class LocalKClustering
{
    /// <summary>The centres (k × features, row-major) and the iterations run, from a fresh seed.</summary>
    public static (double[] Centers, int Iterations) Fit(DNDarray x, int p, int k, int maxIter, double tol, long seed)
    {
        ht.random.seed(seed);
        using var data = Lloyd.From(x, nameof(x));
        var centers = PlusPlus(data, p, k);
        long f = data.Features;
        for (int iteration = 1; ; iteration++)
        {
            var old = (double[])centers.Clone();
            using (var scope = DisposeScope.Begin())
            {
                var labels = Assign(data, p, centers);
                if (p == 2)
                {
                    var (sums, counts) = data.Totals(labels, k);
                    for (int c = 0; c < k; c++)
                        if (counts[c] > 0)
                            for (long j = 0; j < f; j++) centers[c * f + j] = sums[c * f + j] / counts[c];
                }
                else
                {
                    for (int c = 0; c < k; c++)
                    {
                        var members = data.X[labels == c];
                        if (members.shape[0] == 0) continue;
                        ht.median(members, axis: 0).astype(ht.float64).ToArray<double>().CopyTo(centers, c * f);
                    }
                }
            }
            // Centres in the samples' precision, as HeAT's torch tensors hold them.
            if (data.X.dtype == ht.float32) for (int i = 0; i < centers.Length; i++) centers[i] = (float)centers[i];
            if (iteration >= maxIter || AllClose(centers, old, tol)) return (centers, iteration);
        }
    }

    /// <summary>The nearest centre (p-norm, the first of equals) of every sample.</summary>
    public static DNDarray Assign(Lloyd data, int p, double[] centers)
    {
        if (p == 2) return data.Assign(centers);
        using var c = data.Centers(centers);
        using var d = ht.spatial.manhattan(data.X, c);
        return ht.argmin(d, axis: 1);
    }

    private static double[] PlusPlus(Lloyd data, int p, int k)
    {
        long f = data.Features;
        var centers = new double[k * f];
        using (var first = ht.random.randint(0, data.Samples, [1], ht.int64))
            data.Sample(first.item<long>()).CopyTo(centers, 0);
        var nearest = Distances(data, p, centers[..(int)f]);
        try
        {
            for (int c = 1; c < k; c++)
            {
                using var scope = DisposeScope.Begin();
                double total = ht.sum(nearest).item<double>();
                double target = ht.random.rand([1], ht.float64).item<double>() * total;
                long chosen = Math.Min(ht.sum(ht.cumsum(nearest, 0) <= target).item<long>(), data.Samples - 1);
                var center = data.Sample(chosen);
                center.CopyTo(centers, c * f);
                if (c == k - 1) break;
                var next = ht.minimum(nearest, Distances(data, p, center));
                nearest.Dispose();
                nearest = scope.MoveToOuter(next);
            }
        }
        finally { nearest.Dispose(); }
        return centers;
    }

    // The p-norm distances (float64) of every sample to one centre.
    private static DNDarray Distances(Lloyd data, int p, double[] center)
    {
        using var scope = DisposeScope.Begin();
        if (p == 2) return scope.MoveToOuter(ht.sqrt(data.SquaredDistances(center)));
        var c = ht.array(center, [center.Length], dtype: data.X.dtype, device: data.X.device);
        return scope.MoveToOuter(ht.sum(ht.abs(data.X - c).astype(ht.float64), 1));
    }

    // torch.allclose(a, b, rtol: 1e-5, atol: tol): |a − b| ≤ atol + rtol·|b| everywhere.
    private static bool AllClose(double[] a, double[] b, double tol)
    {
        for (int i = 0; i < a.Length; i++)
            if (!(Math.Abs(a[i] - b[i]) <= tol + 1e-5 * Math.Abs(b[i]))) return false;
        return true;
    }
}
