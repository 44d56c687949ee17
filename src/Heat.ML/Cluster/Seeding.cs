// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Cluster;

/// <summary>Initial centroids: k distinct random samples, or k-means++ (D² sampling), identical for every rank count.</summary>
internal static class Seeding
{
    public static double[] Choose(LloydData data, int k, string init, long? randomState)
    {
        var saved = ht.random.get_state();
        if (randomState is long seed) ht.random.seed(seed);
        try { return init == "k-means++" ? PlusPlus(data, k) : Random(data, k); }
        finally { if (randomState is not null) ht.random.set_state(saved); }
    }

    private static double[] Random(LloydData data, int k)
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

    private static unsafe double[] PlusPlus(LloydData data, int k)
    {
        long f = data.Features, n = data.LocalSamples;
        var centers = new double[k * f];
        using (var first = ht.random.randint(0, data.Samples, [1], ht.int64))
            data.Sample(first.item<long>()).CopyTo(centers, 0);
        var d2 = new double[n];
        for (long i = 0; i < n; i++) d2[i] = Squared(data, i, centers, 0);
        for (int c = 1; c < k; c++)
        {
            double local = d2.Sum();
            double total = data.Replicated ? local : data.Comm.Allreduce(local, ReduceOp.Sum);
            double before = data.Replicated ? 0 : data.Comm.Exscan(local, ReduceOp.Sum);
            using var u = ht.random.rand([1], ht.float64);
            double target = u.item<double>() * total;
            long candidate = -1;
            if (target >= before && target < before + local)
            {
                double running = before;
                for (long i = 0; i < n; i++)
                {
                    running += d2[i];
                    if (running > target) { candidate = data.Offset + i; break; }
                }
                if (candidate < 0 && n > 0) candidate = data.Offset + n - 1;
            }
            long chosen = data.Replicated ? candidate : data.Comm.Allreduce(candidate, ReduceOp.Max);
            if (chosen < 0) chosen = 0; // every sample coincides with a centroid: any sample will do
            data.Sample(chosen).CopyTo(centers, c * f);
            for (long i = 0; i < n; i++) d2[i] = Math.Min(d2[i], Squared(data, i, centers, c));
        }
        return centers;
    }

    private static unsafe double Squared(LloydData data, long local, double[] centers, int c)
    {
        double s = 0;
        var row = data.Row(local);
        for (long j = 0; j < data.Features; j++) { double d = row[j] - centers[c * data.Features + j]; s += d * d; }
        return s;
    }
}
