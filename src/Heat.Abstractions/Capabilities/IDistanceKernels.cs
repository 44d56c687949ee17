// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>The pairwise metrics of cdist.</summary>
public enum DistanceMetric
{
    /// <summary>sqrt(Σ (x - y)²).</summary>
    Euclidean,
    /// <summary>exp(-Σ (x - y)² / (2 σ²)).</summary>
    Rbf,
    /// <summary>Σ |x - y|.</summary>
    Manhattan,
}

/// <summary>What a distance block computes.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="QuadraticExpansion">Euclidean and rbf by |x|² + |y|² − 2 x·y clamped at 0 (faster, less exact); else
/// the exact difference form.</param>
/// <param name="Sigma">The rbf kernel's width.</param>
public readonly record struct DistanceKind(DistanceMetric Metric, bool QuadraticExpansion, double Sigma = 1);

/// <summary>
/// The local blocks of cdist (Core runs the distributed algorithms, the ring and the symmetric half ring, over them).
/// Operands are float32 or float64 (one dtype for all); x (a × f) and y (b × f) are any views; destinations are views
/// with non-negative strides (slices of a larger result).
/// </summary>
public interface IDistanceKernels : IBackendCapability
{
    /// <summary>Distances of the rows of <paramref name="x"/> to the rows of <paramref name="y"/> into
    /// <paramref name="destination"/> (a × b).</summary>
    void Block(LocalTensor x, LocalTensor y, [Destination] LocalTensor destination, DistanceKind kind);

    /// <summary>
    /// The rows of <paramref name="x"/> against themselves into <paramref name="destination"/> (a × a): exactly
    /// symmetric,
    /// with a zero diagonal (one for rbf).
    /// </summary>
    void SymmetricBlock(LocalTensor x, [Destination] LocalTensor destination, DistanceKind kind);

    /// <summary>Like <see cref="Block"/>, and the transpose of the block into <paramref name="mirror"/> (b ×
    /// a).</summary>
    void MirroredBlock(LocalTensor x, LocalTensor y, [Destination] LocalTensor destination, [Destination] LocalTensor mirror, DistanceKind kind);

    /// <summary>
    /// Copies a finished block (another rank's mirror) into its place in a result: a plain element copy, which a
    /// backend
    /// may write past its caches (the result is far larger than they are).
    /// </summary>
    void CopyBlock(LocalTensor block, [Destination] LocalTensor destination);
}
