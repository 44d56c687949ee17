// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Selection;

namespace Heat.Backend.Managed;

/// <summary>The selection capability: the local kernels of percentile and median (Selection/), also the host
/// implementation other backends stage to.</summary>
public sealed partial class ManagedBackend : ISelectionKernels
{
    /// <inheritdoc/>
    void ISelectionKernels.SelectRanks(LocalTensor values, long[] offsets, long[] ranks, LocalTensor result) =>
        SelectionKernel.Select(this, values, offsets, ranks, result);

    /// <inheritdoc/>
    void ISelectionKernels.Count(LocalTensor values, long[] offsets, LocalTensor lower, LocalTensor upper,
        LocalTensor counts) => SelectionKernel.Count(this, values, offsets, lower, upper, counts);

    /// <inheritdoc/>
    void ISelectionKernels.Compact(LocalTensor values, long[] offsets, LocalTensor lower, LocalTensor upper,
        byte[] strict, long[] destinationOffsets, LocalTensor candidates) =>
        SelectionKernel.Compact(this, values, offsets, lower, upper, strict, destinationOffsets, candidates);

    /// <inheritdoc/>
    void ISelectionKernels.Sample(LocalTensor values, long[] offsets, long seed, LocalTensor samples) =>
        SelectionKernel.Sample(values, offsets, seed, samples);
}
