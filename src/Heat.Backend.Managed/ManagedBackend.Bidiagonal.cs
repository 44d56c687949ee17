// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Dense;

namespace Heat.Backend.Managed;

/// <summary>The distributed SVD's bidiagonal step through LAPACK (Dense/BidiagonalKernels).</summary>
public sealed partial class ManagedBackend : IBidiagonalKernels
{
    /// <inheritdoc/>
    void IBidiagonalKernels.BidiagonalSvd(LocalTensor d, LocalTensor e, LocalTensor s, LocalTensor? u,
        LocalTensor? vt) => BidiagonalKernels.BidiagonalSvd(Threads, d, e, s, u, vt);

    /// <inheritdoc/>
    void IBidiagonalKernels.VectorMatrix(LocalTensor x, LocalTensor a, LocalTensor y) =>
        BidiagonalKernels.VectorMatrix(Threads, x, a, y);
}
