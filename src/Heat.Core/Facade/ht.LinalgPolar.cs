// SPDX-License-Identifier: MIT
using Heat.Linalg.Dense;

namespace Heat;

// HeAT: heat/core/linalg/polar.py (polar), basics.py (condest, matrix_exp, expm); star-imported into heat.
public static partial class ht
{
    /// <summary>The polar decomposition A = U H: U with orthonormal columns, H symmetric positive
    /// semi-definite.</summary>
    /// <param name="A">A real (float32/float64) m × n matrix with m ≥ n, any split.</param>
    /// <param name="r">HeAT's Zolotarev order (1..8); validated, the iteration here is always QDWH (r = 1).</param>
    /// <param name="calcH">False: H is not formed (null).</param>
    /// <param name="condition_estimate">An estimate of κ(A) when above 1; otherwise <see cref="condest"/> is
    /// called. The default 10¹⁶ is the worst case (at most six iterations).</param>
    /// <param name="silent">Kept for HeAT compatibility (nothing is printed).</param>
    /// <param name="r_max">HeAT's bound for an automatic r (1..8); validated only.</param>
    /// <remarks>
    /// Distributed A: QDWH iterations, each a distributed QR of [√c X; I] (TS-QR for split 0, block Gram–Schmidt
    /// for
    /// split 1) and one distributed product; U and H are split like A. Not distributed: LAPACK's SVD (U = W Vᴴ, H =
    /// V Σ Vᴴ), as HeAT.
    /// </remarks>
    /// <exception cref="ArgumentException">A is not a 2-d float32/float64 matrix with m ≥ n, or r, r_max are out of
    /// range.</exception>
    public static (DNDarray U, DNDarray? H) polar(DNDarray A, int? r = null, bool calcH = true,
        double condition_estimate = 1.0e16, bool silent = true, int r_max = 8) =>
        Polar.Decompose(A, r, calcH, condition_estimate, r_max);

    /// <summary>A randomized upper estimate of the 2-norm condition number of a 2-d matrix (a 0-d array).</summary>
    /// <param name="A">A real matrix, any split.</param>
    /// <param name="p">The norm: null or 2 (the only one implemented, as HeAT).</param>
    /// <param name="algorithm">"randomized" (Gudmundsson, Kenney and Laub 1995).</param>
    /// <param name="params">Optional: the number of random samples under "nsamples" (default 10).</param>
    /// <remarks>
    /// R from a distributed QR of A (Aᵀ when wide), Q from k random orthonormal columns (<c>ht.random</c>), and κ
    /// ≈
    /// (n/k) ‖RQ‖_F ‖R⁻¹Q‖_F. HeAT scales by √(m/k) instead, which is no estimate of either norm; fixed
    /// here.
    /// </remarks>
    /// <exception cref="ArgumentException">Not a real 2-d matrix, p other than 2, another algorithm, or bad
    /// params.</exception>
    public static DNDarray condest(DNDarray A, object? p = null, string algorithm = "randomized",
        IReadOnlyDictionary<string, object>? @params = null) =>
        Condest.Estimate(A, p, algorithm, @params);

    /// <summary>The matrix exponential of a square matrix (or batch in the last two dimensions).</summary>
    /// <remarks>
    /// Scaling and squaring with the [13/13] Padé approximant; a matrix split along a matrix axis uses distributed
    /// products and the distributed solve (HeAT only allows batch splits). The result is split like A.
    /// </remarks>
    /// <exception cref="ArgumentException">Not square or not float/complex.</exception>
    public static DNDarray matrix_exp(DNDarray A) => MatrixExp.Exp(A);

    /// <summary>Alias of <see cref="matrix_exp"/> (SciPy's name, as HeAT).</summary>
    /// <exception cref="ArgumentException">Not square or not float/complex.</exception>
    public static DNDarray expm(DNDarray A) => MatrixExp.Exp(A);
}
