// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// The distributed general SVD (Golub–Kahan bidiagonalisation of the row-distributed matrix, bdsdc, blocked
/// back-transformations) of random 2,000 × 2,000 and 20,000 × 2,000 float64 matrices (400 and 4,000 × 400 with
/// --quick) on 2 in-process ranks × 1 thread, split 1 (so the tall matrix is not tall-skinny), U and Vᴴ computed,
/// against LAPACK dgesdd of the same whole matrix with 2 threads, same run.
/// </summary>
public sealed class LinalgDistributedSvd : IExperiment
{
    /// <inheritdoc/>
    public string Name => "linalg.svd.distributed";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 400 : 2000;
        foreach (long m in new[] { n, 10 * n })
        {
            var random = new Random(23);
            var values = new double[m * n];
            for (long i = 0; i < values.Length; i++) values[i] = random.NextDouble() * 2 - 1;
            double lapack = Lapack(values, m, n, threads: 2);
            foreach (int split in m == n ? new[] { 0, 1 } : new[] { 1 })
            {
                double t = InProcRanks.Run(2, 1, () =>
                {
                    using var a = ht.array(values, [m, n], split: split);
                    return InProcRanks.Timed(ht.get_comm(), 1, () =>
                    {
                        var (u, s, vt) = ht.linalg.svd(a);
                        u?.Dispose();
                        s.Dispose();
                        vt?.Dispose();
                    });
                });
                yield return new BenchResult("linalg.svd(distributed)", 2, 1, t, "dgesdd 1x2", lapack, null, null,
                    $"float64 {m}x{n} random, split {split}");
            }
        }
    }

    private static unsafe double Lapack(double[] values, long m, long n, int threads)
    {
        var backend = new ManagedBackend(threads);
        using var a = backend.Empty([m, n], DType.Float64);
        fixed (double* p = values) backend.CopyFromHost(p, a);
        using var s = backend.Empty([n], DType.Float64);
        using var u = backend.Empty([m, n], DType.Float64);
        using var vt = backend.Empty([n, n], DType.Float64);
        return Timing.Best(1, () => ((IDenseLinalgKernels)backend).Svd(a, u, s, vt));
    }
}
