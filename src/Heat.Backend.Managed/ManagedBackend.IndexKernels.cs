// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Indexing;

namespace Heat.Backend.Managed;

/// <summary>The advanced-indexing capability (Indexing/), also the host implementation other backends stage
/// to.</summary>
public sealed partial class ManagedBackend : IIndexKernels
{
    /// <inheritdoc/>
    long IIndexKernels.CountNonzero(LocalTensor mask) => IndexKernels.CountNonzero(mask);

    /// <inheritdoc/>
    void IIndexKernels.Nonzero(LocalTensor mask, LocalTensor coordinates) => IndexKernels.Nonzero(mask, coordinates);

    /// <inheritdoc/>
    void IIndexKernels.RavelIndex(LocalTensor keys, long[] extents, LocalTensor flat) => IndexKernels.RavelIndex(keys,
        extents, flat);

    /// <inheritdoc/>
    long[] IIndexKernels.Partition(LocalTensor values, long[] bounds, LocalTensor grouped, LocalTensor positions) =>
        IndexKernels.Partition(values, bounds, grouped, positions);

    /// <inheritdoc/>
    void IIndexKernels.Gather(LocalTensor source, int axes, LocalTensor index, LocalTensor destination) =>
        IndexKernels.Gather(Threads, source, axes, index, destination);

    /// <inheritdoc/>
    void IIndexKernels.Scatter(LocalTensor values, int axes, LocalTensor index, LocalTensor? source,
        LocalTensor destination) =>
        IndexKernels.Scatter(this, values, axes, index, source, destination);
}
