// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Distributed.Sorting;

/// <summary>
/// The managed unique kernels for a backend that has neither its own nor a host backend to stage to (Torch): operands
/// that are not contiguous host memory are copied to the host and destinations written back, as
/// <see cref="StagedSortKernels"/>.
/// </summary>
internal sealed class StagedUniqueKernels(ManagedBackend host) : IUniqueKernels
{
    private readonly IUniqueKernels _host = host;

    public long Distinct(LocalTensor x, LocalTensor? weights, LocalTensor values, LocalTensor counts)
    {
        using var hx = HostStaging.Readable(x);
        using var hw = weights is null ? null : HostStaging.Readable(weights);
        using var hv = Destination(values);
        using var hc = Destination(counts);
        long d = _host.Distinct(hx, hw, hv, hc);
        HostStaging.WriteBack(hv, values);
        HostStaging.WriteBack(hc, counts);
        return d;
    }

    public void Lookup(LocalTensor keys, LocalTensor? ids, long idBase, LocalTensor x, LocalTensor result)
    {
        using var hk = HostStaging.Readable(keys);
        using var hi = ids is null ? null : HostStaging.Readable(ids);
        using var hx = HostStaging.Readable(x);
        using var hr = Destination(result);
        _host.Lookup(hk, hi, idBase, hx, hr);
        HostStaging.WriteBack(hr, result);
    }

    private static LocalTensor Destination(LocalTensor t) =>
        HostStaging.IsHostContiguous(t) ? t.Share() : HostStaging.Empty(t.Shape, t.DType);
}
