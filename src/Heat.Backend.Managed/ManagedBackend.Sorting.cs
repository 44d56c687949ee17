// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Sorting;

namespace Heat.Backend.Managed;

/// <summary>The sort capability (Sorting/): radix sorts of (key, value, order) items, also the host implementation
/// other backends stage to.</summary>
public sealed partial class ManagedBackend : ISortKernels
{
    /// <inheritdoc/>
    void ISortKernels.Sort(LocalTensor x, int axis, bool descending, bool stable, LocalTensor values, LocalTensor indices) =>
        SortKernel.Sort(this, x, axis, descending, values, indices);

    /// <inheritdoc/>
    void ISortKernels.SortSegments(LocalTensor x, LocalTensor? order, long orderBase, LocalTensor starts, bool descending,
        LocalTensor values, LocalTensor sortedOrder) =>
        SortKernel.SortSegments(this, x, order, orderBase, starts, descending, values, sortedOrder);

    /// <inheritdoc/>
    void ISortKernels.MergeSegments(LocalTensor x, LocalTensor order, LocalTensor runStarts, long runsPerSegment, bool descending,
        LocalTensor values, LocalTensor sortedOrder) =>
        MergeKernel.Merge(this, x, order, runStarts, runsPerSegment, descending, values, sortedOrder);

    /// <inheritdoc/>
    void ISortKernels.PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts, LocalTensor splitValues,
        LocalTensor splitOrder, bool descending, LocalTensor counts) =>
        SortSearch.PartitionCounts(values, order, starts, splitValues, splitOrder, descending, counts);

    /// <inheritdoc/>
    void ISortKernels.GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths, LocalTensor destination) =>
        SortSearch.GatherSegments(source, starts, lengths, destination);

    /// <inheritdoc/>
    void ISortKernels.SearchSorted(LocalTensor sorted, LocalTensor v, bool right, bool descending, LocalTensor positions) =>
        SortSearch.SearchSorted(this, sorted, v, right, descending, positions);

    /// <inheritdoc/>
    long ISortKernels.Runs(LocalTensor sorted, LocalTensor values, LocalTensor counts, LocalTensor runIds) =>
        SortSearch.Runs(sorted, values, counts, runIds);
}
