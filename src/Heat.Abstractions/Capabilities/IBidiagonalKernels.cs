// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local steps of the distributed SVD: the singular value decomposition of a real upper bidiagonal matrix
/// (LAPACK's bdsdc), replicated on every rank (O(n) input), and the bidiagonalisation's vector-matrix product. Core
/// distributes the bidiagonalisation and the back-transformations around them.
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

    /// <summary>
    /// <paramref name="y"/> (c) = xᵀ A = Σ_i x_i A[i, :] for <paramref name="x"/> (r) and <paramref name="a"/>
    /// (r × c, rows contiguous, any row stride): the reduction's vector-matrix product, one pass over A.
    /// </summary>
    void VectorMatrix(LocalTensor x, LocalTensor a, [Destination] LocalTensor y);
}
