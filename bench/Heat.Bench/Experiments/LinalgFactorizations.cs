// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// Dense factorizations beside LAPACK in the same run: TS-QR (Q and R) of a 1,000,000 × 100 float64 matrix split 0 on
/// 2 in-process ranks × 1 thread against dgeqrf + dorgqr of the whole matrix with 2 threads (100,000 rows with
/// --quick); eigh of a 2000 × 2000 symmetric float64 matrix (500 with --quick) on 1 and 2 ranks against dsyevd on the
/// whole matrix.
/// </summary>
public sealed class LinalgFactorizations : IExperiment
{
    /// <inheritdoc/>
    public string Name => "linalg.factorizations";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long m = options.Quick ? 100_000 : 1_000_000, n = 100;
        int reps = options.Quick ? 1 : 2;
        double qrFlops = 4.0 * m * n * n - 4.0 / 3 * n * n * n; // geqrf + orgqr
        double lapackQr = LapackQr(m, n, threads: 2, reps);
        double tsqr = InProcRanks.Run(2, 1, () =>
        {
            using var a = ht.random.randn([m, n], dtype: ht.float64, split: 0);
            return InProcRanks.Timed(ht.get_comm(), reps, () =>
            {
                var (q, r) = ht.linalg.qr(a);
                q!.Dispose();
                r.Dispose();
            });
        });
        yield return new BenchResult("linalg.qr(tsqr)", 2, 1, tsqr, "dgeqrf+dorgqr "
            + "1x2", lapackQr, qrFlops / tsqr / 1e9, "GFLOP/s",
            $"float64 {m}x{n} split 0, procs_to_merge 2");

        long e = options.Quick ? 500 : 2000;
        double lapackEigh = LapackEigh(e, threads: 2, reps);
        foreach (int ranks in new[] { 1, 2 })
        {
            double t = InProcRanks.Run(ranks, Math.Max(1, 2 / ranks), () =>
            {
                using var x = ht.random.randn([e, e], dtype: ht.float64, split: 0);
                using var xt = x.T;
                using var a = ht.add(x, xt);
                return InProcRanks.Timed(ht.get_comm(), reps, () =>
                {
                    var (w, v) = ht.linalg.eigh(a);
                    w.Dispose();
                    v.Dispose();
                });
            });
            yield return new BenchResult("linalg.eigh", ranks, Math.Max(1, 2 / ranks), t, "dsyevd "
                + "1x2", lapackEigh, null, null,
                ranks == 1
                    ? $"float64 {e}x{e} split 0 (one rank: LAPACK)"
                    : $"float64 {e}x{e} split 0 (distributed tridiagonalisation)");
        }
    }

    private static double LapackQr(long m, long n, int threads, int reps)
    {
        var backend = new ManagedBackend(threads);
        using var a = backend.Empty([m, n], DType.Float64);
        backend.Fill(a, 0.5);
        using var diagonal = a.View([n], [n + 1], 0);
        backend.Fill(diagonal, 2.0);
        using var q = backend.Empty([m, n], DType.Float64);
        using var r = backend.Empty([n, n], DType.Float64);
        return Timing.Best(reps, () => ((IDenseLinalgKernels)backend).Qr(a, q, r));
    }

    private static double LapackEigh(long n, int threads, int reps)
    {
        var backend = new ManagedBackend(threads);
        using var a = backend.Empty([n, n], DType.Float64);
        backend.Fill(a, 0.25);
        using var diagonal = a.View([n], [n + 1], 0);
        backend.Arange(diagonal, 1.0, 1.0);
        using var w = backend.Empty([n], DType.Float64);
        using var v = backend.Empty([n, n], DType.Float64);
        return Timing.Best(reps, () => ((IDenseLinalgKernels)backend).Eigh(a, w, v));
    }
}
