// SPDX-License-Identifier: MIT
namespace Heat.Linalg.Dense;

/// <summary>
/// The matrix exponential by scaling and squaring with the [13/13] Padé approximant (Higham 2005, SciPy's and
/// torch's top degree): A is scaled by 2⁻ˢ so that ‖A‖₁ ≤ θ₁₃, r₁₃ = (V − U)⁻¹ (V + U) from
/// six distributed matrix
/// products and one distributed solve, then squared s times. Batches use the largest norm of the batch for s.
/// </summary>
internal static class MatrixExp
{
    private const double Theta13 = 5.371920351148152;

    private static readonly double[] B =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    public static DNDarray Exp(DNDarray a)
    {
        Checks.Matrix(a, "matrix_exp", square: true);
        using var scope = DisposeScope.Begin();
        long n = a.GShapeRef[^1];
        if (a.size == 0) return scope.MoveToOuter(ht.array(a));
        double norm = ht.max(ht.matrix_norm(a, ord: 1)).item<double>();
        if (double.IsNaN(norm) || double.IsInfinity(norm))
            return scope.MoveToOuter(ht.full(a.shape, double.NaN, dtype: a.dtype, split: a.split));
        int s = norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
        var x = s > 0 ? a * Math.Pow(2, -s) : a;
        int? eyeSplit = a.ndim == 2 ? a.split : null;
        var eye = ht.eye([n, n], dtype: a.dtype, split: eyeSplit);
        var x2 = ht.matmul(x, x);
        var x4 = ht.matmul(x2, x2);
        var x6 = ht.matmul(x4, x2);
        var inner = ht.matmul(x6, x6 * B[13] + x4 * B[11] + x2 * B[9]) + x6 * B[7] + x4 * B[5] + x2 * B[3] + eye * B[1];
        var u = ht.matmul(x, inner);
        var v = ht.matmul(x6, x6 * B[12] + x4 * B[10] + x2 * B[8]) + x6 * B[6] + x4 * B[4] + x2 * B[2] + eye * B[0];
        var r = ht.solve(v - u, v + u);
        for (int i = 0; i < s; i++) r = ht.matmul(r, r);
        return scope.MoveToOuter(r.split == a.split ? r : ht.resplit(r, a.split));
    }
}
