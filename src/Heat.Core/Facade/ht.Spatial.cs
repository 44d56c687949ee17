// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Spatial;

namespace Heat;

// HeAT: heat/spatial/distance.py
public static partial class ht
{
    /// <summary>Pairwise distances and kernels: <c>ht.spatial.cdist</c>, <c>rbf</c>, <c>manhattan</c>.</summary>
    public static readonly SpatialModule spatial = new();
}

/// <summary>
/// <c>ht.spatial</c>: pairwise metrics between the rows of X (split 0 or replicated) and Y (split 0, replicated, or X
/// itself when null). The result is split 0 when X is split (split 1 for a replicated X against a split Y).
/// </summary>
public sealed partial class SpatialModule
{
    internal SpatialModule() { }

    /// <summary>Euclidean distances; <paramref name="quadratic_expansion"/> uses |x|² + |y|² − 2 x·y through matmul
    /// (faster, clamped at 0).</summary>
    public DNDarray cdist(DNDarray X, DNDarray? Y = null, bool quadratic_expansion = false)
        => Distances.Compute(X, Y, DistanceMetric.Euclidean, quadratic_expansion);

    /// <summary>The Gaussian kernel exp(−|x − y|² / (2 σ²)).</summary>
    public DNDarray rbf(DNDarray X, DNDarray? Y = null, double sigma = 1.0, bool quadratic_expansion = false)
    {
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be > 0.");
        return Distances.Compute(X, Y, DistanceMetric.Rbf, quadratic_expansion, sigma);
    }

    /// <summary>Manhattan (city-block) distances Σ |x − y|.</summary>
    public DNDarray manhattan(DNDarray X, DNDarray? Y = null)
        => Distances.Compute(X, Y, DistanceMetric.Manhattan, quadratic: false);
}
