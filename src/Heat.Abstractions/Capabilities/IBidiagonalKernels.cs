// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local step of the distributed SVD (LAPACK's bdsdc): the singular value decomposition of a real upper
/// bidiagonal matrix, replicated on every rank (O(n) input). Core distributes the bidiagonalisation and the
/// back-transformations around it.
/// </summary>
public interface IBidiagonalKernels : IBackendCapability
{
    /// <summary>
    /// B = U diag(S) Vᵀ of the n × n upper bidiagonal B with diagonal <paramref name="d"/> (n) and superdiagonal
    /// <paramref name="e"/> (n − 1), float32 or float64: <paramref name="s"/> (n) gets the singular values
    /// (descending), <paramref name="u"/> (n × n) the left singular vectors as columns and <paramref name="vt"/>
    /// (n × n) the right ones as rows; u and vt both null for values only (divide and conquer).
    /// </summary>
    void BidiagonalSvd(LocalTensor d, LocalTensor e, [Destination] LocalTensor s, [Destination] LocalTensor? u,
        [Destination] LocalTensor? vt);
}
