// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/linalg/qr.py, svd.py, eigh.py, solver.py, basics.py
public sealed partial class LinalgModule
{
    /// <inheritdoc cref="ht.qr(DNDarray, string, int)"/>
    public (DNDarray? Q, DNDarray R) qr(DNDarray a, string mode = "reduced", int procs_to_merge = 2) =>
        ht.qr(a, mode, procs_to_merge);

    /// <inheritdoc cref="ht.svd(DNDarray, bool, bool)"/>
    public (DNDarray? U, DNDarray S, DNDarray? Vt) svd(
        DNDarray a, bool full_matrices = false, bool compute_uv = true) =>
        ht.svd(a, full_matrices, compute_uv);

    /// <inheritdoc cref="ht.eigh(DNDarray)"/>
    public (DNDarray eigenvalues, DNDarray eigenvectors) eigh(DNDarray a) => ht.eigh(a);

    /// <inheritdoc cref="ht.solve(DNDarray, DNDarray)"/>
    public DNDarray solve(DNDarray A, DNDarray b) => ht.solve(A, b);

    /// <inheritdoc cref="ht.solve_triangular(DNDarray, DNDarray, bool, bool)"/>
    public DNDarray solve_triangular(DNDarray A, DNDarray b, bool lower = false, bool unit_diagonal = false) =>
        ht.solve_triangular(A, b, lower, unit_diagonal);

    /// <inheritdoc cref="ht.inv(DNDarray)"/>
    public DNDarray inv(DNDarray a) => ht.inv(a);

    /// <inheritdoc cref="ht.det(DNDarray)"/>
    public DNDarray det(DNDarray a) => ht.det(a);

    /// <inheritdoc cref="ht.slogdet(DNDarray)"/>
    public (DNDarray sign, DNDarray logabsdet) slogdet(DNDarray a) => ht.slogdet(a);

    /// <inheritdoc cref="ht.norm(DNDarray, Axis?, bool, object?)"/>
    public DNDarray norm(DNDarray x, Axis? axis = null, bool keepdims = false, object? ord = null) =>
        ht.norm(x, axis, keepdims, ord);

    /// <inheritdoc cref="ht.vector_norm(DNDarray, Axis?, bool, object?)"/>
    public DNDarray vector_norm(DNDarray x, Axis? axis = null, bool keepdims = false, object? ord = null) =>
        ht.vector_norm(x, axis, keepdims, ord);

    /// <inheritdoc cref="ht.matrix_norm(DNDarray, int[], bool, object?)"/>
    public DNDarray matrix_norm(DNDarray x, int[]? axis = null, bool keepdims = false, object? ord = null) =>
        ht.matrix_norm(x, axis, keepdims, ord);
}
