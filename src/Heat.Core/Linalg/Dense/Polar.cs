// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// The polar decomposition A = U H by QDWH (Nakatsukasa, Bai and Gygi 2010; Zolotarev's iteration with r = 1): X₀ =
/// A/α with α ≥ σ_max (the Frobenius norm), ℓ₀ = 1/κ, then X ← (b/c) X + (a − b/c)/√c · Q₁Q₂ᴴ
/// with [√c X; I] =
/// [Q₁; Q₂] R by the distributed QR (TS-QR for split 0, block Gram–Schmidt for split 1); cubic convergence, at
/// most six
/// iterations for κ ≤ 10¹⁶. H = sym(Uᴴ A).
/// </summary>
internal static class Polar
{
    private const int MaxIterations = 20;

    public static (DNDarray U, DNDarray? H) Decompose(
        DNDarray a, int? r, bool calcH, double condition_estimate, int r_max)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim != 2)
            throw new ArgumentException($"polar: A must be a 2-d matrix, not {a.ndim}-d.", nameof(a));
        if (a.GShapeRef[0] < a.GShapeRef[1])
            throw new ArgumentException(
                $"polar: A must have at least as many rows as columns, not shape {Shapes.Format(a.GShapeRef)}.",
                nameof(a));
        if (a.dtype != DType.Float32 && a.dtype != DType.Float64)
            throw new ArgumentException($"polar: A must be float32 or float64, not {a.dtype}.", nameof(a));
        if (r is int rv && (rv < 1 || rv > 8))
            throw new ArgumentException($"polar: r must be between 1 and 8, not {rv}.", nameof(r));
        if (r_max < 1 || r_max > 8)
            throw new ArgumentException($"polar: r_max must be between 1 and 8, not {r_max}.", nameof(r_max));
        if (double.IsNaN(condition_estimate))
            throw new ArgumentException("polar: condition_estimate must be a number.", nameof(condition_estimate));
        using var scope = DisposeScope.Begin();
        long m = a.GShapeRef[0], n = a.GShapeRef[1];
        if (!a.is_distributed())
        {
            // One rank holds A: U = W Vᴴ and H = V Σ Vᴴ from LAPACK's SVD (HeAT's early out).
            var (w, s, vt) = ht.svd(a);
            var u = ht.matmul(w!, vt!);
            if (u.split != a.split) u = ht.resplit(u, a.split);
            if (!calcH) return (scope.MoveToOuter(u), null);
            var vs = ht.transpose(vt!) * s;
            var hs = ht.matmul(vs, vt!);
            return (scope.MoveToOuter(u), scope.MoveToOuter(Symmetrized(hs, a.split)));
        }
        double eps = a.dtype == DType.Float32 ? 1.1920929e-7 : 2.220446049250313e-16;
        double alpha = ht.matrix_norm(a, ord: "fro").item<double>();
        if (alpha == 0)
        {
            // U of the zero matrix: any matrix with orthonormal columns; H = 0.
            var u0 = ht.eye([m, n], dtype: a.dtype, split: a.split);
            var h0 = ht.zeros([n, n], dtype: a.dtype, split: a.split);
            return (scope.MoveToOuter(u0), calcH ? scope.MoveToOuter(h0) : null);
        }
        double kappa = condition_estimate > 1 ? condition_estimate : Condest.Estimate(a, null, "randomized", null)
            .item<double>();
        double ell = Math.Clamp(1 / kappa, eps, 1);
        var x = a / alpha;
        var identity = ht.eye([n, n], dtype: a.dtype, split: a.split);
        for (int it = 0; it < MaxIterations; it++)
        {
            using var inner = DisposeScope.Begin();
            var (ak, bk, ck) = Weights(ell);
            var stacked = ht.concatenate([x * Math.Sqrt(ck), identity], axis: 0);
            var (q, _) = Factorizations.Qr(stacked, "reduced", 2);
            var q1 = ht.resplit(q![0..(int)m], a.split);
            var q2 = ht.resplit(q[(int)m..], a.split);
            var product = ht.matmul(q1, ht.transpose(q2));
            if (product.split != x.split) product = ht.resplit(product, x.split);
            var next = x * (bk / ck) + product * ((ak - bk / ck) / Math.Sqrt(ck));
            double change = ht.matrix_norm(next - x, ord: "fro").item<double>()
                / ht.matrix_norm(next, ord: "fro").item<double>();
            ell = Math.Min(1, ell * (ak + bk * ell * ell) / (1 + ck * ell * ell));
            x = scope.MoveToOuter(inner.MoveToOuter(next));
            // Cubic convergence: once a step changes X by less than ε^⅓ the next error is below ε.
            if (change <= Math.Cbrt(5 * eps) && 1 - ell <= 10 * eps) break;
        }
        if (!calcH) return (scope.MoveToOuter(x), null);
        var h = ht.matmul(ht.transpose(x), a);
        return (scope.MoveToOuter(x), scope.MoveToOuter(Symmetrized(h, a.split)));
    }

    // (H + Hᴴ)/2 with the split of A.
    private static DNDarray Symmetrized(DNDarray h, int? split)
    {
        var ht2 = ht.transpose(h);
        if (ht2.split != h.split) ht2 = ht.resplit(ht2, h.split);
        var sym = (h + ht2) * 0.5;
        return sym.split == split ? sym : ht.resplit(sym, split);
    }

    // QDWH's dynamic weights a, b, c for the current lower bound ℓ of σ_min(X).
    private static (double A, double B, double C) Weights(double ell)
    {
        double l2 = ell * ell;
        double gamma = Math.Cbrt(4 * (1 - l2) / (l2 * l2));
        double sq = Math.Sqrt(1 + gamma);
        double a = sq + 0.5 * Math.Sqrt(8 - 4 * gamma + 8 * (2 - l2) / (l2 * sq));
        double b = (a - 1) * (a - 1) / 4;
        return (a, b, a + b - 1);
    }
}
