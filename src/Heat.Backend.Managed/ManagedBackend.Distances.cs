// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Distances;

namespace Heat.Backend.Managed;

/// <summary>The distance capability: the local blocks of cdist (Distances/), also the host implementation other
/// backends stage to.</summary>
public sealed partial class ManagedBackend : IDistanceKernels
{
    /// <inheritdoc/>
    void IDistanceKernels.Block(LocalTensor x, LocalTensor y, LocalTensor destination, DistanceKind kind) =>
        DistanceBlocks.Block(this, x, y, destination, kind);

    /// <inheritdoc/>
    void IDistanceKernels.SymmetricBlock(LocalTensor x, LocalTensor destination, DistanceKind kind) =>
        DistanceBlocks.Symmetric(this, x, destination, kind);

    /// <inheritdoc/>
    void IDistanceKernels.MirroredBlock(LocalTensor x, LocalTensor y, LocalTensor destination, LocalTensor mirror, DistanceKind kind) =>
        DistanceBlocks.Mirrored(this, x, y, destination, mirror, kind);

    /// <inheritdoc/>
    void IDistanceKernels.CopyBlock(LocalTensor block, LocalTensor destination) => DistanceBlocks.Copy(this, block, destination);
}
