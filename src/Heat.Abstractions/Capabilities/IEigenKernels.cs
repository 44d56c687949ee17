// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local eigendecomposition of general (non-symmetric) square matrices (LAPACK's geev). Operands are contiguous,
/// the matrix in the last two dimensions (row-major), leading dimensions a batch run one matrix after the other.
/// </summary>
public interface IEigenKernels : IBackendCapability
{
    /// <summary>
    /// The eigenvalues of <paramref name="a"/> (…, n, n; float32, float64, complex64 or complex128) into
    /// <paramref name="w"/> (…, n) and, unless null, the right eigenvectors (unit 2-norm, LAPACK's phase) as the
    /// columns of <paramref name="v"/> (…, n, n); both complex64 for float32/complex64 input, else complex128.
    /// </summary>
    /// <exception cref="ArithmeticException">The QR algorithm did not converge.</exception>
    void Eig(LocalTensor a, [Destination] LocalTensor w, [Destination] LocalTensor? v);
}
