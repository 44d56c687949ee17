// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Dense;

namespace Heat.Backend.Managed;

/// <summary>The symmetric eigensolver's local steps through LAPACK (Dense/TridiagonalKernels).</summary>
public sealed partial class ManagedBackend : ITridiagonalKernels
{
    /// <inheritdoc/>
    void ITridiagonalKernels.Reflector(LocalTensor x, LocalTensor v, LocalTensor tau, LocalTensor beta) =>
        TridiagonalKernels.Reflector(x, v, tau, beta);

    /// <inheritdoc/>
    void ITridiagonalKernels.MatrixVector(LocalTensor a, LocalTensor x, LocalTensor y) =>
        TridiagonalKernels.MatrixVector(Threads, a, x, y);

    /// <inheritdoc/>
    void ITridiagonalKernels.TridiagonalEigh(LocalTensor d, LocalTensor e, LocalTensor w, LocalTensor z) =>
        TridiagonalKernels.TridiagonalEigh(Threads, d, e, w, z);

    /// <inheritdoc/>
    void ITridiagonalKernels.ApplyReflectors(LocalTensor reflectors, LocalTensor tau, LocalTensor c,
        LocalTensor result) => TridiagonalKernels.ApplyReflectors(Threads, reflectors, tau, c, result);
}
