// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local steps of the distributed symmetric/Hermitian eigensolver (LAPACK's larfg, stedc and ormtr/unmtr):
/// Householder reflectors, the real symmetric tridiagonal eigenproblem and the back-transformation with stored
/// reflectors. Operands are contiguous, of float32, float64, complex64 or complex128 (real parts in the matching real
/// dtype); Core distributes, these work on one rank's replicated vectors and blocks.
/// </summary>
public interface ITridiagonalKernels : IBackendCapability
{
    /// <summary>
    /// The reflector H = I − τ v vᴴ with Hᴴ x = β e₀ (β real) of the vector <paramref name="x"/> (n ≥ 1):
    /// <paramref name="v"/> (n) gets v with v[0] = 1, <paramref name="tau"/> (1) τ, <paramref name="beta"/> (1, real)
    /// β.
    /// </summary>
    void Reflector(LocalTensor x, [Destination] LocalTensor v, [Destination] LocalTensor tau,
        [Destination] LocalTensor beta);

    /// <summary>
    /// <paramref name="y"/> (r) = A x for <paramref name="a"/> (r × c, rows contiguous, any row stride) and
    /// <paramref name="x"/> (c): the reduction's matrix-vector product, one pass over A.
    /// </summary>
    void MatrixVector(LocalTensor a, LocalTensor x, [Destination] LocalTensor y);

    /// <summary>
    /// The eigenvalues (ascending) into <paramref name="w"/> (n) and the orthonormal eigenvectors (the columns) into
    /// <paramref name="z"/> (n × n) of the real symmetric tridiagonal matrix with diagonal <paramref name="d"/> (n)
    /// and off-diagonal <paramref name="e"/> (n − 1), all of one real dtype (divide and conquer).
    /// </summary>
    void TridiagonalEigh(LocalTensor d, LocalTensor e, [Destination] LocalTensor w, [Destination] LocalTensor z);

    /// <summary>
    /// <paramref name="result"/> = Q C for <paramref name="c"/> (n × k), Q = H₀ H₁ ⋯ H_{n−2}, H_i = I − τ_i
    /// v_i v_iᴴ,
    /// v_i stored in column i of <paramref name="reflectors"/> (n × n) from row i + 2 on (v_i is zero above row i + 1
    /// and 1 at row i + 1; the other elements are not read), τ in <paramref name="tau"/> (n − 1).
    /// </summary>
    void ApplyReflectors(LocalTensor reflectors, LocalTensor tau, LocalTensor c, [Destination] LocalTensor result);
}
