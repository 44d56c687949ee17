// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed;

/// <summary>
/// The cluster capability: the fused k-means assignment step (LocalReductions/), also the host implementation other
/// backends stage to.
/// </summary>
public sealed partial class ManagedBackend : IClusterKernels
{
    /// <inheritdoc/>
    void IClusterKernels.NearestRowsSums(LocalTensor x, LocalTensor centres, LocalTensor labels, LocalTensor sums,
        LocalTensor counts) => NearestRowsSumsKernel.Run(this, x, centres, labels, sums, counts);
}
