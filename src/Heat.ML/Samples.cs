// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>The input checks every estimator applies to a samples × features array (written once).</summary>
internal static class Samples
{
    /// <summary>Checks that <paramref name="x"/> is a 2-d real array (samples × features).</summary>
    /// <exception cref="ArgumentException">x is not 2-d, or is complex.</exception>
    public static void CheckMatrix(DNDarray x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ndim != 2)
            throw new ArgumentException(
                $"{name} must be 2-d (samples x features), got shape ({string.Join(", ", x.shape)}).", name);
        if (x.dtype.IsComplex) throw new ArgumentException($"{name} must be real, got {x.dtype}.", name);
    }

    /// <summary>Checks that <paramref name="x"/> has the <paramref name="features"/> the estimator was fitted on.
    /// </summary>
    /// <exception cref="ArgumentException">The feature count differs.</exception>
    public static void CheckFeatures(DNDarray x, long features, string name)
    {
        if (x.shape[1] != features)
            throw new ArgumentException(
                $"{name} has {x.shape[1]} features, but the estimator was fitted on {features}.", name);
    }

    /// <summary>Checks that <paramref name="y"/> is 1-d with one entry per sample of <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">y has another shape.</exception>
    public static void CheckTargets(DNDarray x, DNDarray y, string name)
    {
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.ndim != 1 || y.shape[0] != x.shape[0])
            throw new ArgumentException($"{name} must be 1-d with one entry per sample ({x.shape[0]}), got shape "
                + $"({string.Join(", ", y.shape)}).", name);
    }
}
