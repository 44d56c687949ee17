// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.Torch;

/// <summary>
/// The advanced-indexing kernels run on the managed backend (the shim has none yet): CPU tensors in place (their memory
/// is host-addressable), device tensors through host copies, operands copied in and destinations copied back.
/// </summary>
/// <remarks>Only this family and the searches of <see cref="ISortKernels"/> are staged: Torch is no
/// <see cref="IHostFallback"/>, so the ml reductions keep their ATen path.</remarks>
public sealed unsafe partial class TorchBackend : IIndexKernels
{
    private IIndexKernels? _indexHost;
    private ITensorBackend? _hostBackend;

    private IIndexKernels IndexHost => LazyInitializer.EnsureInitialized(ref _indexHost, () =>
    {
        _hostBackend = new ProviderContext(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance,
            1).HostBackend;
        return _hostBackend as IIndexKernels
            ?? throw new NotSupportedException($"The host backend {_hostBackend.Name} does not implement "
                + $"{nameof(IIndexKernels)}.");
    });

    /// <inheritdoc/>
    long IIndexKernels.CountNonzero(LocalTensor mask)
    {
        using var m = In(mask);
        return IndexHost.CountNonzero(m);
    }

    /// <inheritdoc/>
    void IIndexKernels.Nonzero(LocalTensor mask, LocalTensor coordinates)
    {
        using var m = In(mask);
        using var c = Out(coordinates);
        IndexHost.Nonzero(m, c);
        Back(c, coordinates);
    }

    /// <inheritdoc/>
    void IIndexKernels.RavelIndex(LocalTensor keys, long[] extents, LocalTensor flat)
    {
        using var k = In(keys);
        using var f = Out(flat);
        IndexHost.RavelIndex(k, extents, f);
        Back(f, flat);
    }

    /// <inheritdoc/>
    long[] IIndexKernels.Partition(LocalTensor values, long[] bounds, LocalTensor grouped, LocalTensor positions)
    {
        using var v = In(values);
        using var g = Out(grouped);
        using var p = Out(positions);
        var counts = IndexHost.Partition(v, bounds, g, p);
        Back(g, grouped);
        Back(p, positions);
        return counts;
    }

    /// <inheritdoc/>
    void IIndexKernels.Gather(LocalTensor source, int axes, LocalTensor index, LocalTensor destination)
    {
        using var s = In(source);
        using var i = In(index);
        using var d = Out(destination);
        IndexHost.Gather(s, axes, i, d);
        Back(d, destination);
    }

    /// <inheritdoc/>
    void IIndexKernels.Scatter(LocalTensor values, int axes, LocalTensor index, LocalTensor? source,
        LocalTensor destination)
    {
        using var v = In(values);
        using var i = In(index);
        bool inPlace = destination.HostPointer != 0 || destination.Numel == 0;
        // A host destination is written in place (source may be the same view); a device one through a host copy of
        // the source.
        using var s = source is null ? null : inPlace && ReferenceEquals(source,
            destination) ? source.Share() : In(source);
        using var d = Out(destination);
        IndexHost.Scatter(v, axes, i, s, d);
        Back(d, destination);
    }

    // An operand the host kernels can read: the tensor itself on the CPU, else a host copy.
    private LocalTensor In(LocalTensor t)
    {
        if (t.HostPointer != 0 || t.Numel == 0) { Synchronize(); return t.Share(); }
        _ = IndexHost;
        var h = _hostBackend!.Empty(t.Shape, t.DType);
        CopyToHost(t, (void*)h.HostPointer);
        return h;
    }

    // A destination the host kernels can write: the tensor itself on the CPU, else an uninitialised host tensor.
    private LocalTensor Out(LocalTensor t)
    {
        if (t.HostPointer != 0 || t.Numel == 0) { Synchronize(); return t.Share(); }
        _ = IndexHost;
        return _hostBackend!.Empty(t.Shape, t.DType);
    }

    private void Back(LocalTensor staged, LocalTensor destination)
    {
        if (ReferenceEquals(staged.Storage, destination.Storage)) return;
        CopyFromHost((void*)staged.HostPointer, destination);
    }
}
