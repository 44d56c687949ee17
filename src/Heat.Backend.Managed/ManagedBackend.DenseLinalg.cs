// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Dense;

namespace Heat.Backend.Managed;

/// <summary>
/// The dense factorizations through LAPACK (LAPACKE over OpenBLAS, Native/), with OpenBLAS running
/// <see cref="Threads"/> threads; also the host implementation other backends stage to.
/// </summary>
public sealed partial class ManagedBackend : IDenseLinalgKernels
{
    /// <inheritdoc/>
    void IDenseLinalgKernels.Qr(LocalTensor a, LocalTensor? q, LocalTensor r) => DenseKernels.Qr(Threads, a, q, r);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Svd(LocalTensor a, LocalTensor? u, LocalTensor s, LocalTensor? vt) =>
        DenseKernels.Svd(Threads, a, u, s, vt);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Eigh(LocalTensor a, LocalTensor w, LocalTensor? v) => DenseKernels.Eigh(Threads, a, w, v);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Solve(LocalTensor a, LocalTensor b, LocalTensor x) => DenseKernels.Solve(Threads, a, b, x);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Inv(LocalTensor a, LocalTensor x) => DenseKernels.Inv(Threads, a, x);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Slogdet(LocalTensor a, LocalTensor sign, LocalTensor logabsdet) =>
        DenseKernels.Slogdet(Threads, a, sign, logabsdet);

    /// <inheritdoc/>
    void IDenseLinalgKernels.SolveTriangular(
        LocalTensor a, LocalTensor b, bool upper, bool unitDiagonal, LocalTensor x) =>
        DenseKernels.SolveTriangular(Threads, a, b, upper, unitDiagonal, x);
}
