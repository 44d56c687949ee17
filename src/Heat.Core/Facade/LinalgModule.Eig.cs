// SPDX-License-Identifier: MIT
using Heat.Linalg.Dense;

namespace Heat;

// NumPy: numpy.linalg.eig (HeAT has none; its DMD calls torch.linalg.eig on the local tensor).
public sealed partial class LinalgModule
{
    /// <summary>
    /// Eigenvalues and right eigenvectors (the columns, unit 2-norm) of a general square matrix, as
    /// <c>numpy.linalg.eig</c> / <c>torch.linalg.eig</c>; always complex (complex64 for float32/complex64 input, else
    /// complex128), in LAPACK's order.
    /// </summary>
    /// <remarks>The matrix is gathered on every rank and solved by LAPACK's geev (moderate n); both results are
    /// replicated.</remarks>
    /// <exception cref="ArgumentException">Not a square 2-d matrix of a float or complex dtype.</exception>
    public (DNDarray eigenvalues, DNDarray eigenvectors) eig(DNDarray a) => Eigen.Eig(a);
}
