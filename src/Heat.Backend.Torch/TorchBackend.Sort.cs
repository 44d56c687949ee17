// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>
/// The sort capability: sorts, segment sorts and merges through ATen's stable sort (native/heat_torch/hts_sort.cpp);
/// the binary searches and run scans (partition counts, searchsorted, runs, segment gathers) on the managed kernels,
/// in place for CPU tensors and through host copies for device ones, as <see cref="IIndexKernels"/>.
/// </summary>
public sealed unsafe partial class TorchBackend : ISortKernels
{
    private ISortKernels SortHost => (ISortKernels)IndexHost;

    /// <inheritdoc/>
    void ISortKernels.Sort(LocalTensor x, int axis, bool descending, bool stable, LocalTensor values,
        LocalTensor indices)
    {
        RequireSortable(x.DType);
        axis = x.NDim == 0 ? 0 : Shapes.NormalizeAxis(axis, x.NDim);
        Call("sort", v => TorchNative.hts_sort(v, axis, descending ? 1 : 0, v + 1, v + 2), x, values, indices);
    }

    /// <inheritdoc/>
    void ISortKernels.SortSegments(LocalTensor x, LocalTensor? order, long orderBase, LocalTensor starts,
        bool descending, LocalTensor values, LocalTensor sortedOrder)
    {
        RequireSortable(x.DType);
        Call("sort segments", v => TorchNative.hts_sort_segments(v, Optional(v + 1), orderBase, v + 2,
            descending ? 1 : 0, v + 3, v + 4), x, order, starts, values, sortedOrder);
    }

    /// <inheritdoc/>
    /// <remarks>A stable sort of each segment: runs sorted with their ties in order's sequence stay so, and ties
    /// between runs keep the earlier run first.</remarks>
    void ISortKernels.MergeSegments(LocalTensor x, LocalTensor order, LocalTensor runStarts, long runsPerSegment,
        bool descending, LocalTensor values, LocalTensor sortedOrder)
    {
        RequireSortable(x.DType);
        ArgumentOutOfRangeException.ThrowIfLessThan(runsPerSegment, 1);
        if ((runStarts.Numel - 1) % runsPerSegment != 0)
            throw new ArgumentException($"Torch backend: {runStarts.Numel} run starts do not make segments of "
                + $"{runsPerSegment} runs.", nameof(runStarts));
        using var starts = runStarts.Slice(0, 0, (runStarts.Numel - 1) / runsPerSegment + 1, runsPerSegment);
        Call("merge segments", v => TorchNative.hts_sort_segments(v, v + 1, 0, v + 2, descending ? 1 : 0, v + 3,
            v + 4), x, order, starts, values, sortedOrder);
    }

    /// <inheritdoc/>
    void ISortKernels.PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts,
        LocalTensor splitValues, LocalTensor splitOrder, bool descending, LocalTensor counts)
    {
        using var v = In(values);
        using var o = In(order);
        using var s = In(starts);
        using var sv = In(splitValues);
        using var so = In(splitOrder);
        using var c = Out(counts);
        SortHost.PartitionCounts(v, o, s, sv, so, descending, c);
        Back(c, counts);
    }

    /// <inheritdoc/>
    void ISortKernels.GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths,
        LocalTensor destination)
    {
        using var x = In(source);
        using var s = In(starts);
        using var l = In(lengths);
        using var d = Out(destination);
        SortHost.GatherSegments(x, s, l, d);
        Back(d, destination);
    }

    /// <inheritdoc/>
    void ISortKernels.SearchSorted(LocalTensor sorted, LocalTensor v, bool right, bool descending,
        LocalTensor positions)
    {
        using var a = In(sorted);
        using var q = In(v);
        using var p = Out(positions);
        SortHost.SearchSorted(a, q, right, descending, p);
        Back(p, positions);
    }

    /// <inheritdoc/>
    long ISortKernels.Runs(LocalTensor sorted, LocalTensor values, LocalTensor counts, LocalTensor runIds)
    {
        using var a = In(sorted);
        using var v = Out(values);
        using var c = Out(counts);
        using var r = Out(runIds);
        long runs = SortHost.Runs(a, v, c, r);
        Back(v, values);
        Back(c, counts);
        Back(r, runIds);
        return runs;
    }

    private static void RequireSortable(DType dtype)
    {
        if (!SortKeys.IsSortable(dtype.Code))
            throw new ArgumentException($"Torch backend: {dtype} values have no sort order.", nameof(dtype));
    }
}
