// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Dense;

namespace Heat.Backend.Managed;

/// <summary>The general eigenproblem through LAPACK's geev (Dense/EigenKernels.cs).</summary>
public sealed partial class ManagedBackend : IEigenKernels
{
    /// <inheritdoc/>
    void IEigenKernels.Eig(LocalTensor a, LocalTensor w, LocalTensor? v) => EigenKernels.Eig(Threads, a, w, v);
}
