// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

/// <summary>Where Core finds the local reductions of the ml workloads (<see cref="IReductionKernels"/>).</summary>
internal static class ReductionKernels
{
    /// <summary>
    /// The backend's own kernels, or its host backend's staged through host copies; null for a backend with neither
    /// (Torch: its ATen matmul, element-wise ops and arg-reductions run these ops instead).
    /// </summary>
    public static IReductionKernels? Of(ITensorBackend backend) =>
        backend is IReductionKernels || backend is IHostFallback ? backend.Capability<IReductionKernels>() : null;
}
