// SPDX-License-Identifier: MIT
using Heat.Linalg;

namespace Heat;

// HeAT: heat/core/linalg/basics.py (cross, vecdot, matrix_transpose, projection, trace, diagonal) and solver.py (cg,
// lanczos)
public sealed partial class LinalgModule
{
    /// <summary>
    /// Solves A x = b for a symmetric positive-definite A by conjugate gradients, starting at <paramref name="x0"/>.
    /// </summary>
    /// <param name="A">Square matrix, any split.</param>
    /// <param name="b">Right-hand side (length n), any split.</param>
    /// <param name="x0">Start vector (length n).</param>
    /// <param name="out">Receives the solution when given (and is returned).</param>
    /// <param name="tol">Stop once the residual's 2-norm falls below this (HeAT: 1e-10).</param>
    /// <param name="max_iter">At most this many iterations (HeAT: n).</param>
    /// <remarks>Each iteration: one distributed matrix-vector product and two dot products (one Allreduce
    /// each).</remarks>
    /// <exception cref="ArgumentException">Shapes do not fit, A is not real floating point, or out has another
    /// shape.</exception>
    public DNDarray cg(DNDarray A, DNDarray b, DNDarray x0, DNDarray? @out = null, double tol = 1e-10,
        int? max_iter = null)
        => IterativeSolvers.Cg(A, b, x0, @out, tol, max_iter);

    /// <summary>
    /// m Lanczos iterations with full re-orthogonalisation: V (n × m, orthonormal columns spanning the Krylov space,
    /// replicated as HeAT returns it) and the real tridiagonal T (m × m) with Vᴴ A V = T.
    /// </summary>
    /// <param name="A">Symmetric (Hermitian) n × n matrix, any split.</param>
    /// <param name="m">Iterations, 1..n.</param>
    /// <param name="v0">Start vector of norm 1; a random one (ht.random) when null.</param>
    /// <param name="V_out">Receives V when given.</param>
    /// <param name="T_out">Receives T when given.</param>
    /// <exception cref="ArgumentException">Shapes do not fit or A is not floating point.</exception>
    public (DNDarray V, DNDarray T) lanczos(DNDarray A, int m, DNDarray? v0 = null, DNDarray? V_out = null,
        DNDarray? T_out = null)
        => IterativeSolvers.Lanczos(A, m, v0, V_out, T_out);

    /// <summary>
    /// The cross product of 3-vectors (2-vectors get a zero third component; two 2-vectors give the z component
    /// only), with NumPy's broadcasting of the other axes.
    /// </summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="axisa">The vector axis of a.</param>
    /// <param name="axisb">The vector axis of b.</param>
    /// <param name="axisc">The vector axis of the result.</param>
    /// <param name="axis">When given, overrides the three others.</param>
    /// <exception cref="ArgumentException">A vector length is not 2 or 3, an axis is out of range, or the other
    /// axes do not broadcast.</exception>
    public DNDarray cross(DNDarray a, DNDarray b, int axisa = -1, int axisb = -1, int axisc = -1, int? axis = null) =>
        VectorProducts.Cross(a, b, axisa, axisb, axisc, axis);

    /// <summary>The dot products along <paramref name="axis"/> of the broadcast operands (x1 conjugated when complex,
    /// as the Array API).</summary>
    /// <exception cref="ArgumentException">The operands do not broadcast or the axis is out of range.</exception>
    public DNDarray vecdot(DNDarray x1, DNDarray x2, int axis = -1, bool keepdims = false) =>
        VectorProducts.Vecdot(x1, x2, axis, keepdims);

    /// <summary>Swaps the last two axes (a matrix or a stack of matrices).</summary>
    /// <exception cref="ArgumentException">x has fewer than 2 dimensions.</exception>
    public DNDarray matrix_transpose(DNDarray x) => VectorProducts.MatrixTranspose(x);

    /// <summary>The projection of the vector a onto the vector b: (a·b / b·b) b.</summary>
    /// <exception cref="ArgumentException">a or b is not 1-d, or their lengths differ.</exception>
    public DNDarray projection(DNDarray a, DNDarray b) => VectorProducts.Projection(a, b);

    /// <inheritdoc cref="ht.trace(DNDarray, int, int, long, DType?)"/>
    public DNDarray trace(DNDarray a, int axis1, int axis2, long offset = 0, DType? dtype = null) =>
        ht.trace(a, axis1, axis2, offset, dtype);

    /// <inheritdoc cref="ht.diagonal(DNDarray, long, int, int)"/>
    public DNDarray diagonal(DNDarray a, long offset = 0, int dim1 = 0, int dim2 = 1)
        => ht.diagonal(a, offset, dim1, dim2);
}
