// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed;

/// <summary>
/// The reduction capability: the host kernels of the ml workloads (LocalReductions/), also the host implementation
/// other backends stage to.
/// </summary>
public sealed partial class ManagedBackend : IReductionKernels
{
    /// <inheritdoc/>
    void IReductionKernels.InnerProduct(LocalTensor a, LocalTensor b, LocalTensor result) => InnerProductKernel.Run(a, b, result);

    /// <inheritdoc/>
    void IReductionKernels.NearestRows(LocalTensor x, LocalTensor centres, LocalTensor labels) =>
        NearestRowsKernel.Run(this, x, centres, labels);

    /// <inheritdoc/>
    long IReductionKernels.SegmentSum(LocalTensor rows, LocalTensor ids, LocalTensor sums) => SegmentKernel.Sum(this, rows, ids, sums);

    /// <inheritdoc/>
    long IReductionKernels.Bincount(LocalTensor ids, LocalTensor counts) => SegmentKernel.Count(ids, counts);
}
