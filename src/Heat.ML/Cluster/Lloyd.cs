// SPDX-License-Identifier: MIT
namespace Heat.Cluster;

/// <summary>
/// The samples of one k-means problem (split 0 or replicated, float32 or float64) and Lloyd's steps on them through the
/// public <c>ht</c> API: assignment and per-cluster sums and counts in one pass by
/// <c>ht.spatial.pairwise_distances_argmin_sums</c> (one Allreduce each when distributed), or by
/// <c>pairwise_distances_argmin</c>, <c>segment_sum</c> and <c>bincount</c>. Only the centroids (k × features) and
/// scalars reach the host.
/// </summary>
internal sealed class Lloyd : IDisposable
{
    private readonly bool _owned;

    private Lloyd(DNDarray x, bool owned)
    {
        X = x; _owned = owned;
        Samples = x.shape[0]; Features = x.shape[1];
    }

    /// <summary>The samples, split 0 or replicated, in the dtype of the computation.</summary>
    public DNDarray X { get; }
    public long Samples { get; }
    public long Features { get; }

    /// <summary>
    /// Validates <paramref name="x"/>; a copy when it is split along features or not float32/float64.
    /// </summary>
    public static Lloyd From(DNDarray x, string paramName)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.ndim != 2) throw new ArgumentException($"{paramName} must be 2-d (samples x features), got shape "
            + $"({string.Join(", ", x.shape)}).", paramName);
        if (x.dtype.IsComplex) throw new ArgumentException($"{paramName} must be real, got {x.dtype}.", paramName);
        var type = x.dtype == ht.float64 ? ht.float64 : ht.float32;
        if (x.split != 1 && x.dtype == type) return new Lloyd(x, owned: false);
        if (x.split != 1) return new Lloyd(x.astype(type), owned: true);
        var rows = ht.resplit(x, 0);
        if (rows.dtype == type) return new Lloyd(rows, owned: true);
        using (rows) return new Lloyd(rows.astype(type), owned: true);
    }

    /// <summary>
    /// Row-major centroids as an array of the computation's dtype on the samples' device (replicated).
    /// </summary>
    public DNDarray Centers(double[] centers)
        => ht.array(centers, [centers.Length / Features, Features], dtype: X.dtype, device: X.device);

    /// <summary>The nearest centroid of every sample (int64, split like the samples).</summary>
    public DNDarray Assign(double[] centers)
    {
        using var c = Centers(centers);
        return ht.spatial.pairwise_distances_argmin(X, c);
    }

    /// <summary>
    /// The per-cluster sums (k × features, row-major) and counts of the samples assigned to their nearest centroid,
    /// in one pass over the samples (<c>ht.spatial.pairwise_distances_argmin_sums</c>).
    /// </summary>
    public (double[] Sums, long[] Counts) AssignTotals(double[] centers)
    {
        using var c = Centers(centers);
        var (labels, sums, counts) = ht.spatial.pairwise_distances_argmin_sums(X, c);
        using (labels) using (sums) using (counts) return (sums.ToArray<double>(), counts.ToArray<long>());
    }

    /// <summary>
    /// The per-cluster sums (k × features, row-major) and counts of the samples labelled <paramref name="labels"/>.
    /// </summary>
    public (double[] Sums, long[] Counts) Totals(DNDarray labels, int k)
    {
        using var sums = ht.segment_sum(X, labels, k);
        using var counts = ht.bincount(labels, minlength: k);
        return (sums.ToArray<double>(), counts.ToArray<long>());
    }

    /// <summary>
    /// The sum of squared distances of the samples to their centroids (exact differences, summed in float64).
    /// </summary>
    public double Inertia(DNDarray labels, double[] centers)
    {
        int k = centers.Length / (int)Features;
        using var c = Centers(centers);
        using var range = ht.arange(k, dtype: ht.int64, device: X.device);
        using var column = ht.expand_dims(labels, 1);
        using var hot = ht.eq(column, range);
        using var weights = hot.astype(X.dtype);
        using var assigned = ht.matmul(weights, c);   // every sample's centroid
        using var difference = X - assigned;
        using var wide = difference.astype(ht.float64);
        using var squared = wide * wide;
        using var total = ht.sum(squared);
        return total.item<double>();
    }

    /// <summary>Sample <paramref name="index"/> on every rank.</summary>
    public double[] Sample(long index)
    {
        using var row = X[index];
        return row.ToArray<double>();
    }

    /// <summary>
    /// Squared distances of every sample to <paramref name="center"/> (float64, split like the samples).
    /// </summary>
    public DNDarray SquaredDistances(double[] center)
    {
        using var c = ht.array(center, [Features], dtype: X.dtype, device: X.device);
        using var difference = X - c;
        using var wide = difference.astype(ht.float64);
        using var squared = wide * wide;
        return ht.sum(squared, 1);
    }

    /// <summary>The mean over features of the per-feature variance (scikit-learn scales tol by it).</summary>
    public double MeanFeatureVariance()
    {
        using var v = ht.var(X, 0);
        using var m = ht.mean(v);
        return m.item<double>();
    }

    public void Dispose()
    {
        if (_owned) X.Dispose();
    }
}
