// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Local dense factorizations (LAPACK's): QR, SVD, the symmetric/Hermitian eigenproblem, LU solves, inverse,
/// log-determinant and triangular solves of float32, float64, complex64 and complex128 matrices. Operands are
/// contiguous with the matrix in the last two dimensions (row-major); leading dimensions are a batch, equal in every
/// operand, run one matrix after the other. Core distributes; these work on one rank's matrices.
/// </summary>
public interface IDenseLinalgKernels : IBackendCapability
{
    /// <summary>
    /// A = QR of <paramref name="a"/> (…, m, n). <paramref name="r"/> (…, kr, n) gets the upper triangle (kr =
    /// min(m, n), or m for the complete factorization: rows beyond min(m, n) are zero); <paramref name="q"/> (…, m,
    /// kq), null for R only, gets the orthonormal columns (kq = min(m, n) reduced, m complete).
    /// </summary>
    void Qr(LocalTensor a, [Destination] LocalTensor? q, [Destination] LocalTensor r);

    /// <summary>
    /// A = U diag(S) Vᴴ of <paramref name="a"/> (…, m, n): <paramref name="s"/> (…, k) real, descending, k =
    /// min(m,
    /// n); <paramref name="u"/> (…, m, k or m) and <paramref name="vt"/> (…, k or n, n) both null for values only.
    /// </summary>
    void Svd(LocalTensor a, [Destination] LocalTensor? u, [Destination] LocalTensor s, [Destination] LocalTensor? vt);

    /// <summary>
    /// The eigenvalues (ascending, real) into <paramref name="w"/> (…, n) and, unless null, the orthonormal
    /// eigenvectors as the columns of <paramref name="v"/> (…, n, n) of the symmetric/Hermitian <paramref name="a"/>
    /// (…, n, n),
    /// read from its lower triangle.
    /// </summary>
    void Eigh(LocalTensor a, [Destination] LocalTensor w, [Destination] LocalTensor? v);

    /// <summary>X with A X = B: <paramref name="a"/> (…, n, n), <paramref name="b"/> and <paramref name="x"/> (…,
    /// n,
    /// k).</summary>
    /// <exception cref="ArgumentException">A matrix is singular.</exception>
    void Solve(LocalTensor a, LocalTensor b, [Destination] LocalTensor x);

    /// <summary>The inverse of every matrix of <paramref name="a"/> (…, n, n) into <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">A matrix is singular.</exception>
    void Inv(LocalTensor a, [Destination] LocalTensor x);

    /// <summary>
    /// det(A) = sign · exp(logabsdet) through LU: <paramref name="sign"/> (…) of a's dtype (0 for a singular matrix,
    /// of modulus 1 otherwise), <paramref name="logabsdet"/> (…) real (−∞ for a singular matrix).
    /// </summary>
    void Slogdet(LocalTensor a, [Destination] LocalTensor sign, [Destination] LocalTensor logabsdet);

    /// <summary>
    /// X with A X = B for triangular <paramref name="a"/> (…, n, n; its <paramref name="upper"/> or lower triangle,
    /// with ones on the diagonal when <paramref name="unitDiagonal"/>), <paramref name="b"/> and <paramref name="x"/>
    /// (…, n, k).
    /// </summary>
    /// <exception cref="ArgumentException">A diagonal element is zero.</exception>
    void SolveTriangular(LocalTensor a, LocalTensor b, bool upper, bool unitDiagonal, [Destination] LocalTensor x);
}
