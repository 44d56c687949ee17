// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// The iterations shared by <see cref="KMedians"/> and <see cref="KMedoids"/> (HeAT's <c>_KCluster</c> with the
/// Manhattan metric): assign every sample to its nearest centre (<c>ht.spatial.manhattan</c>, the first of equals),
/// then move every centre to the per-feature median of its samples (<c>x[labels == c]</c>, <c>ht.median</c>, exact
/// and distributed) — snapped to the nearest sample for medoids. A cluster without samples keeps its centre (HeAT
/// draws a random sample instead, which makes results depend on the random stream).
/// </summary>
internal static class MedianClustering
{
    /// <summary>The outcome of a fit.</summary>
    public sealed record Result(DNDarray Centers, DNDarray Labels, double Inertia, int Iterations);

    /// <summary>
    /// Runs at most <paramref name="maxIter"/> iterations on <paramref name="data"/> from <paramref name="initial"/>
    /// centres (k × features, replicated); <paramref name="medoids"/> snaps centres to samples and stops when they no
    /// longer change, else the iterations stop when the squared centre shift is at most <paramref name="tol"/>.
    /// </summary>
    public static Result Fit(Lloyd data, DNDarray initial, int maxIter, double tol, bool medoids)
    {
        using var scope = DisposeScope.Begin();
        var x = data.X;
        int k = checked((int)initial.shape[0]);
        var centers = initial.astype(x.dtype);
        DNDarray labels = null!;
        int iterations = 0;
        while (iterations < maxIter)
        {
            iterations++;
            labels = ht.argmin(ht.spatial.manhattan(x, centers), axis: 1);
            var rows = new DNDarray[k];
            for (int c = 0; c < k; c++)
            {
                var members = x[labels == c];
                if (members.shape[0] == 0) { rows[c] = centers[ht.slice(c, c + 1)]; continue; }
                var median = ht.median(members, axis: 0, keepdims: true).astype(x.dtype);
                rows[c] = medoids ? Nearest(x, median) : median;
            }
            var next = ht.resplit(ht.concatenate(rows, axis: 0), null);
            var step = centers - next;
            double shift = ht.sum(step * step).item<double>();
            centers = next;
            if (medoids ? shift == 0 : shift <= tol) break;
        }
        var distances = ht.spatial.manhattan(x, centers);
        double inertia = ht.sum(ht.min(distances, axis: 1)).astype(ht.float64).item<double>();
        return new Result(scope.MoveToOuter(centers), scope.MoveToOuter(labels), inertia, iterations);
    }

    /// <summary>The nearest centre of every sample of <paramref name="x"/> (int64, split like x).</summary>
    public static DNDarray Predict(DNDarray x, DNDarray centers)
    {
        using var scope = DisposeScope.Begin();
        return scope.MoveToOuter(ht.argmin(ht.spatial.manhattan(x, centers.astype(x.dtype)), axis: 1));
    }

    /// <summary>The sample nearest (Manhattan, the first of equals) to <paramref name="point"/> (1 × features),
    /// replicated.</summary>
    private static DNDarray Nearest(DNDarray x, DNDarray point)
    {
        long index = ht.argmin(ht.spatial.manhattan(x, point)).item<long>();
        return ht.resplit(x[ht.slice(index, index + 1)], null);
    }

    /// <summary>The initial centres: given ones (checked), or <see cref="Seeding"/>'s choice.</summary>
    public static DNDarray Initial(Lloyd data, int k, string init, DNDarray? given, long? randomState)
    {
        if (given is not null)
        {
            if (given.shape[1] != data.Features)
                throw new ArgumentException($"init centres have {given.shape[1]} features, x has {data.Features}.",
                    nameof(init));
            return ht.resplit(given.astype(data.X.dtype), null);
        }
        if (data.Samples < k)
            throw new ArgumentException($"x has {data.Samples} samples, fewer than n_clusters = {k}.", "x");
        return data.Centers(Seeding.Choose(data, k, init == "random" ? "random" : "k-means++", randomState));
    }
}
