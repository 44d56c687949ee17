// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// The randomized estimate of the 2-norm condition number (Gudmundsson, Kenney and Laub 1995, as HeAT): R from a QR of
/// A (of Aᵀ when A is wide), Q with k orthonormal random columns, and κ ≈ (n/k) ‖R Q‖_F ‖R⁻¹ Q‖_F, an
/// estimate of
/// the Frobenius-norm condition number, which bounds the 2-norm one from above.
/// </summary>
internal static class Condest
{
    public static DNDarray Estimate(
        DNDarray a, object? p, string algorithm, IReadOnlyDictionary<string, object>? @params)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim != 2)
            throw new ArgumentException($"condest: A must be a 2-d matrix, not {a.ndim}-d.", nameof(a));
        if (a.dtype != DType.Float32 && a.dtype != DType.Float64)
            throw new ArgumentException($"condest: A must be float32 or float64, not {a.dtype}.", nameof(a));
        if (p is not null && !(p is int pi && pi == 2) && !(p is double pd && pd == 2))
            throw new ArgumentException($"condest: only p = 2 is implemented, not {p}.", nameof(p));
        if (algorithm != "randomized")
            throw new ArgumentException(
                $"condest: only algorithm 'randomized' is implemented, not '{algorithm}'.", nameof(algorithm));
        int nsamples = 10;
        if (@params is not null)
        {
            if (!@params.TryGetValue("nsamples", out var value) || value is not int k || k <= 0)
                throw new ArgumentException(
                    "condest: params must hold a positive int under the key 'nsamples'.", nameof(@params));
            nsamples = k;
        }
        using var scope = DisposeScope.Begin();
        if (a.GShapeRef[1] > a.GShapeRef[0])
            return scope.MoveToOuter(Estimate(ht.transpose(a), p, algorithm, @params));
        long n = a.GShapeRef[1];
        var (_, r) = Factorizations.Qr(a, "r", 2);
        if (r.split is not null) r = ht.resplit(r, null);
        long samples = Math.Min(nsamples, n);
        var g = ht.random.randn([n, samples], dtype: a.dtype, split: null);
        var (q, _) = Factorizations.Qr(g, "reduced", 2);
        double forward = ht.matrix_norm(ht.matmul(r, q!), ord: "fro").item<double>();
        double backward = ht.matrix_norm(ht.solve_triangular(r, q!), ord: "fro").item<double>();
        double estimate = (double)n / samples * forward * backward;
        return scope.MoveToOuter(ht.full([], estimate, dtype: a.dtype));
    }
}
