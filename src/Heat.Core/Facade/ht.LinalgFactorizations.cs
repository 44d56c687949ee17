// SPDX-License-Identifier: MIT
using Heat.Linalg;
using Heat.Linalg.Dense;
using Solvers = Heat.Linalg.Dense.Solvers;

namespace Heat;

// HeAT: heat/core/linalg/qr.py, svd.py, eigh.py, solver.py, basics.py (det, inv, norms); star-imported into heat.
public static partial class ht
{
    /// <summary>QR factorization A = QR of a matrix (or a batch in the last two dimensions).</summary>
    /// <param name="a">float32, float64, complex64 or complex128.</param>
    /// <param name="mode">"reduced" (Q m × k, R k × n, k = min(m, n)), "r" (R only, Q null) or "complete" (Q m × m,
    /// R m × n).</param>
    /// <param name="procs_to_merge">Ranks merged per level of the TS-QR tree (split 0); 0 merges all at once.</param>
    /// <remarks>
    /// split 0: tall-skinny QR (local QR, then a merge tree of the R factors, Q formed back down the tree); Q split 0,
    /// R replicated when the largest chunk has at least n rows, else split 0 (HeAT). split 1: block Gram–Schmidt with
    /// re-orthogonalisation over the ranks' column panels, one broadcast per panel; Q and R split 1. split null or a
    /// batch axis: LAPACK on every rank's matrices. Batches split in a matrix dimension are moved to a batch split
    /// first; "complete" with m &gt; n on a split matrix gathers it (Q has m² elements).
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than 2 dimensions, a non-float dtype, an unknown mode, or
    /// procs_to_merge 1 or negative.</exception>
    public static (DNDarray? Q, DNDarray R) qr(DNDarray a, string mode = "reduced", int procs_to_merge = 2) =>
        Factorizations.Qr(a, mode, procs_to_merge);

    /// <summary>Singular value decomposition A = U diag(S) Vᴴ (S descending, real).</summary>
    /// <param name="a">A matrix (or batch) of float32, float64, complex64 or complex128.</param>
    /// <param name="full_matrices">U m × m and Vᴴ n × n instead of m × k and k × n.</param>
    /// <param name="compute_uv">False: only S (U and Vt null).</param>
    /// <remarks>
    /// split 0 with a chunk of at least n rows (tall-skinny): TS-QR, then the SVD of the replicated R; U split 0, S and
    /// Vᴴ replicated. split 1 with a chunk of at least m columns (short-fat): the same on Aᴴ; U replicated, Vᴴ
    /// split 1 (a tall matrix split 1, or a wide one split 0, is moved to the split where it would be so). Otherwise
    /// (and for full_matrices) distributed Golub–Kahan bidiagonalisation of A or Aᴴ (two
    /// Allreduces per column), LAPACK's bdsdc on the replicated bidiagonal, and distributed back-transformations
    /// (pdgesvd's scheme, backward stable); U split 0 for split 0, Vᴴ split 1 for split 1, the other factors
    /// replicated. Batches split in a matrix dimension are gathered and factored by LAPACK.
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than 2 dimensions or a non-float dtype.</exception>
    public static (DNDarray? U, DNDarray S, DNDarray? Vt) svd(
        DNDarray a, bool full_matrices = false, bool compute_uv = true) =>
        Factorizations.Svd(a, full_matrices, compute_uv);

    /// <summary>
    /// Eigenvalues (descending, as HeAT) and orthonormal eigenvectors (the columns, in the same order) of a symmetric
    /// or Hermitian matrix, read from its lower triangle.
    /// </summary>
    /// <remarks>Split 0 or 1: Householder tridiagonalisation of the row-distributed matrix (blocked; one broadcast
    /// and one Allreduce per column), LAPACK's divide and conquer (stedc) on the replicated tridiagonal, and the
    /// back-transformation (ormtr/unmtr) of each rank's block of eigenvector columns; both triangles of A are read
    /// (A must be Hermitian), and every rank holds O(n²) replicated data (the reflectors and the tridiagonal's
    /// eigenvectors). Not distributed: LAPACK syevd/heevd on the lower triangle. Eigenvalues come back split 0
    /// (HeAT), eigenvectors split like <paramref name="a"/>.</remarks>
    /// <exception cref="ArgumentException">Not a square 2-d matrix of a float or complex dtype.</exception>
    public static (DNDarray eigenvalues, DNDarray eigenvectors) eigh(DNDarray a) => Factorizations.Eigh(a);

    /// <summary>X with A X = B for square A (…, n, n) and b (…, n) or (…, n, k) (b without batch dimensions is
    /// broadcast).</summary>
    /// <remarks>A 2-d A split 0 or 1: distributed QR by block Gram–Schmidt over column panels (split 0 is moved to
    /// 1), y = Qᴴ b and a block back-substitution (b and X replicated on the way); otherwise A and b are gathered on
    /// every rank (LU by LAPACK). X is split like b.</remarks>
    /// <exception cref="ArgumentException">Shapes or dtypes do not fit, or A is singular.</exception>
    public static DNDarray solve(DNDarray A, DNDarray b) => Solvers.Solve(A, b);

    /// <summary>X with A X = b for triangular A (…, n, n) (upper unless <paramref name="lower"/>) and b (…, n,
    /// k).</summary>
    /// <remarks>A 2-d A split 0 or 1: block substitution over the ranks' column panels (split 0 is moved to 1), the
    /// owner of each panel solving its diagonal block (LAPACK trtrs) and broadcasting its piece of X with its update
    /// of the remaining rows (b and X replicated on the way); otherwise A and b are gathered on every rank (LAPACK
    /// trtrs). X is split like b.</remarks>
    /// <exception cref="ArgumentException">Shapes or dtypes do not fit, or a diagonal element is zero.</exception>
    public static DNDarray solve_triangular(DNDarray A, DNDarray b, bool lower = false, bool unit_diagonal = false) =>
        Solvers.Solve(A, b, triangular: true, lower, unit_diagonal);

    /// <summary>The inverse of a square matrix (or batch).</summary>
    /// <remarks>Gathered on every rank (LAPACK getrf/getri); the result is split like <paramref name="a"/>.</remarks>
    /// <exception cref="ArgumentException">Not square, not float/complex, or singular.</exception>
    public static DNDarray inv(DNDarray a) => Solvers.Inv(a);

    /// <summary>The determinant of a square matrix (or batch), from the LU factors as sign · exp(log|det|), so that
    /// the product of the pivots cannot overflow on the way.</summary>
    /// <exception cref="ArgumentException">Not square or not float/complex.</exception>
    public static DNDarray det(DNDarray a) => Solvers.Det(a);

    /// <summary>Sign (0 for a singular matrix; a unit complex number for complex input) and natural log of |det|
    /// (−∞ when singular), as NumPy's slogdet.</summary>
    /// <exception cref="ArgumentException">Not square or not float/complex.</exception>
    public static (DNDarray sign, DNDarray logabsdet) slogdet(DNDarray a) => Solvers.Slogdet(a);

    /// <summary>Vector or matrix norm, as NumPy: axis null and ord null is the 2-norm of all elements; an int axis a
    /// vector norm; an axis pair a matrix norm (in the pair's order); with ord and no axis, 1-d is a vector and 2-d a
    /// matrix.</summary>
    /// <param name="x">The array.</param>
    /// <param name="axis">null, one axis or two axes.</param>
    /// <param name="keepdims">Keep the reduced axes with size 1.</param>
    /// <param name="ord">A number (inf, -inf, 0, 1, 2, any p for vectors; ±1, ±2, ±inf for matrices), "fro" or
    /// "nuc".</param>
    /// <remarks>Scaled by the largest magnitude, so values near 1e300 or 1e-300 neither overflow nor
    /// underflow.</remarks>
    /// <exception cref="ArgumentException">An ord that does not fit the axes.</exception>
    public static DNDarray norm(DNDarray x, Axis? axis = null, bool keepdims = false, object? ord = null) =>
        Norms.Norm(x, axis, keepdims, ord);

    /// <summary>The vector norm over <paramref name="axis"/> (all axes when null): ord 2 (default), any p, inf,
    /// -inf, 0 (the count of non-zeros).</summary>
    /// <exception cref="ArgumentException">ord is not a number.</exception>
    public static DNDarray vector_norm(DNDarray x, Axis? axis = null, bool keepdims = false, object? ord = null) =>
        Norms.Vector(x, axis, keepdims, ord);

    /// <summary>The matrix norm over the axis pair (the last two when null, order kept): "fro" (default), "nuc", ±1,
    /// ±2, ±inf.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 dimensions, not 2 axes, or an ord that is no matrix
    /// norm.</exception>
    public static DNDarray matrix_norm(DNDarray x, int[]? axis = null, bool keepdims = false, object? ord = null) =>
        Norms.Matrix(x, axis, keepdims, ord);
}
