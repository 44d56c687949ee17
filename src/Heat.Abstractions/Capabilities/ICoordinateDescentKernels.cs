// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local kernels of coordinate descent (LASSO) on a chunk of samples: the Gram matrix, a column-major copy of the
/// chunk, and the fused residual update. Operands are float32 or float64 (one dtype for x, y, columns and residuals),
/// computed in that precision with float64 accumulators; the scalar results and the Gram matrix are float64. Sums are
/// over this chunk only (Core or the estimator adds them across ranks).
/// </summary>
public interface ICoordinateDescentKernels : IBackendCapability
{
    /// <summary>
    /// XᵀX into <paramref name="gram"/> (f × f, float64) and Xᵀy into <paramref name="xty"/> (f, float64) for the
    /// rows of <paramref name="x"/> (n × f, any strides) and <paramref name="y"/> (n).
    /// </summary>
    void Gram(LocalTensor x, LocalTensor y, [Destination] LocalTensor gram, [Destination] LocalTensor xty);

    /// <summary>
    /// The columns of <paramref name="x"/> (n × f, any strides) into <paramref name="columns"/> (f × n, contiguous,
    /// x's dtype) and the sum of squares of each column into <paramref name="squares"/> (f, float64).
    /// </summary>
    void Columns(LocalTensor x, [Destination] LocalTensor columns, [Destination] LocalTensor squares);

    /// <summary>The dot product of row <paramref name="nextColumn"/> of <paramref name="columns"/> (f × n, contiguous)
    /// with <paramref name="residual"/> (n, contiguous).</summary>
    double Dot(LocalTensor columns, long nextColumn, LocalTensor residual);

    /// <summary>
    /// One pass for two coordinates: <c>updated = residual − delta · columns[previous]</c>, and the dot product of
    /// <c>columns[nextColumn]</c> with <paramref name="updated"/> as the result (all contiguous, n long).
    /// </summary>
    double Update(LocalTensor columns, LocalTensor residual, [Destination] LocalTensor updated, long previous,
        double delta, long nextColumn);
}
