// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Distributed.Sorting;

/// <summary>
/// The managed sort kernels for a backend that has neither its own nor a host backend to stage to (Torch): operands
/// that are not contiguous host memory are copied to the host, destinations written through host tensors and copied
/// back (tensors in host memory are used in place).
/// </summary>
internal sealed class StagedSortKernels(ManagedBackend host) : ISortKernels
{
    private readonly ISortKernels _host = host;

    public void Sort(LocalTensor x, int axis, bool descending, bool stable, LocalTensor values, LocalTensor indices)
    {
        using var hx = HostStaging.Readable(x);
        using var hv = Destination(values);
        using var hi = Destination(indices);
        _host.Sort(hx, axis, descending, stable, hv, hi);
        HostStaging.WriteBack(hv, values);
        HostStaging.WriteBack(hi, indices);
    }

    public void SortSegments(LocalTensor x, LocalTensor? order, long orderBase, LocalTensor starts, bool descending,
        LocalTensor values, LocalTensor sortedOrder)
    {
        using var hx = HostStaging.Readable(x);
        using var ho = order is null ? null : HostStaging.Readable(order);
        using var hs = HostStaging.Readable(starts);
        using var hv = Destination(values);
        using var hr = Destination(sortedOrder);
        _host.SortSegments(hx, ho, orderBase, hs, descending, hv, hr);
        HostStaging.WriteBack(hv, values);
        HostStaging.WriteBack(hr, sortedOrder);
    }

    public void MergeSegments(LocalTensor x, LocalTensor order, LocalTensor runStarts, long runsPerSegment, bool descending,
        LocalTensor values, LocalTensor sortedOrder)
    {
        using var hx = HostStaging.Readable(x);
        using var ho = HostStaging.Readable(order);
        using var hs = HostStaging.Readable(runStarts);
        using var hv = Destination(values);
        using var hr = Destination(sortedOrder);
        _host.MergeSegments(hx, ho, hs, runsPerSegment, descending, hv, hr);
        HostStaging.WriteBack(hv, values);
        HostStaging.WriteBack(hr, sortedOrder);
    }

    public void PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts, LocalTensor splitValues,
        LocalTensor splitOrder, bool descending, LocalTensor counts)
    {
        using var hv = HostStaging.Readable(values);
        using var ho = HostStaging.Readable(order);
        using var hs = HostStaging.Readable(starts);
        using var hsv = HostStaging.Readable(splitValues);
        using var hso = HostStaging.Readable(splitOrder);
        using var hc = Destination(counts);
        _host.PartitionCounts(hv, ho, hs, hsv, hso, descending, hc);
        HostStaging.WriteBack(hc, counts);
    }

    public void GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths, LocalTensor destination)
    {
        using var hsrc = HostStaging.Readable(source);
        using var hs = HostStaging.Readable(starts);
        using var hl = HostStaging.Readable(lengths);
        using var hd = Destination(destination);
        _host.GatherSegments(hsrc, hs, hl, hd);
        HostStaging.WriteBack(hd, destination);
    }

    public void SearchSorted(LocalTensor sorted, LocalTensor v, bool right, bool descending, LocalTensor positions)
    {
        using var ha = HostStaging.Readable(sorted);
        using var hv = HostStaging.Readable(v);
        using var hp = Destination(positions);
        _host.SearchSorted(ha, hv, right, descending, hp);
        HostStaging.WriteBack(hp, positions);
    }

    public long Runs(LocalTensor sorted, LocalTensor values, LocalTensor counts, LocalTensor runIds)
    {
        using var ha = HostStaging.Readable(sorted);
        using var hv = Destination(values);
        using var hc = Destination(counts);
        using var hr = Destination(runIds);
        long runs = _host.Runs(ha, hv, hc, hr);
        HostStaging.WriteBack(hv, values);
        HostStaging.WriteBack(hc, counts);
        HostStaging.WriteBack(hr, runIds);
        return runs;
    }

    private static LocalTensor Destination(LocalTensor t) =>
        HostStaging.IsHostContiguous(t) ? t.Share() : HostStaging.Empty(t.Shape, t.DType);
}
