// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;
using Heat.Linalg.Dense;

namespace Heat.Linalg.SvdTools;

/// <summary>
/// One node of the hierarchical SVD (HeAT's <c>_compute_local_truncated_svd</c>): the thin SVD of a local matrix
/// (LAPACK through the dense kernels), truncated to a rank or an absolute tolerance, with the squared Frobenius norm of
/// what was cut.
/// </summary>
internal static class Truncation
{
    /// <summary>The kept left singular vectors (rows × kept; one zero column when nothing is above the noise level),
    /// the kept singular values, and the squared truncation error counted for the error estimate.</summary>
    public readonly record struct Result(LocalTensor U, LocalTensor Sigma, double ErrorSquared);

    /// <summary>
    /// Truncates the SVD of <paramref name="x"/> (rows × columns): singular values under <paramref name="noise"/>
    /// are cut, then the rank is the smaller of <paramref name="maxrank"/> and, with a tolerance, the least rank
    /// whose tail has a norm under <paramref name="atol"/>; <paramref name="safetyshift"/> more columns are kept. The
    /// counted error is exactly what was cut (HeAT counts from the rank before the shift, which overstates the error
    /// by the kept shift columns, and by kept columns when the shift is capped by the matrix size).
    /// </summary>
    public static Result Compute(
        ITensorBackend backend, LocalTensor x, long maxrank, double? atol, int safetyshift, double noise,
        Action<string>? warn)
    {
        long rows = x.Shape[0], columns = x.Shape[1];
        if (rows == 0 || columns == 0) return Zero(backend, x, rows, 0);
        var (u, s, vt) = Factorizations.LocalSvd(backend, x, full: false, computeUv: true);
        vt!.Dispose();
        try
        {
            double[] sigma = Doubles(s);
            long cut = sigma.Count(v => v >= noise && v > 0);
            if (cut == 0)
            {
                u!.Dispose(); s.Dispose();
                return Zero(backend, x, rows, sigma.Sum(v => v * v));
            }
            long rank = Math.Min(maxrank, cut);
            if (atol is double tolerance)
            {
                long ideal = Ideal(sigma, tolerance);
                if (ideal > maxrank)
                    warn?.Invoke($"abs tol = {tolerance:E2} requires truncation to rank {ideal}, but maxrank = "
                        + $"{maxrank}. Loss of desired precision (rtol) very likely!");
                rank = Math.Min(rank, ideal);
            }
            long kept = Math.Min(sigma.Length, rank + safetyshift);
            double error = 0;
            for (long i = kept; i < sigma.Length; i++) error += sigma[i] * sigma[i];
            if (kept == sigma.Length) return new Result(u!, s, error);
            using (u)
            using (s)
            {
                using var uv = u!.Slice(1, 0, kept);
                using var sv = s.Slice(0, 0, kept);
                return new Result(backend.Copy(uv), backend.Copy(sv), error);
            }
        }
        catch { u?.Dispose(); s.Dispose(); throw; }
    }

    /// <summary><paramref name="u"/> · diag(<paramref name="sigma"/>) as a new tensor.</summary>
    public static LocalTensor Scale(ITensorBackend backend, LocalTensor u, LocalTensor sigma)
    {
        var result = backend.Empty(u.Shape, u.DType, u.Device);
        if (u.Numel == 0) return result;
        using var row = sigma.BroadcastTo(u.Shape);
        backend.Binary(BinaryOp.Multiply, u, row, result);
        return result;
    }

    /// <summary>The values of a real 1-d tensor as doubles (on the host).</summary>
    public static double[] Doubles(LocalTensor t) => t.DType.Code switch
    {
        DTypeCode.Float32 => Array.ConvertAll(HostStaging.Read<float>(t), v => (double)v),
        DTypeCode.Float64 => HostStaging.Read<double>(t),
        _ => throw new ArgumentException($"Expected float32 or float64 values, not {t.DType}.", nameof(t)),
    };

    // The least k with ‖σ[k:]‖² < atol² (σ's length when none: a zero tolerance keeps everything).
    private static long Ideal(double[] sigma, double atol)
    {
        double tail = 0, bound = atol * atol;
        long k = sigma.Length;
        for (long i = sigma.Length - 1; i >= 0 && tail + sigma[i] * sigma[i] < bound; i--)
        {
            tail += sigma[i] * sigma[i];
            k = i;
        }
        return k;
    }

    private static Result Zero(ITensorBackend backend, LocalTensor x, long rows, double errorSquared)
    {
        var u = backend.Zeros([rows, 1], x.DType, x.Device);
        var s = backend.Zeros([1], x.DType, x.Device);
        return new Result(u, s, errorSquared);
    }
}
