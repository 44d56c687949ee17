// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// The distributed eigh (Householder tridiagonalisation of the row-distributed matrix, stedc, ormtr per column block)
/// of a random symmetric 2000 × 2000 float64 matrix (400 with --quick) on 2 in-process ranks × 1 thread, split 0 and
/// split 1, against LAPACK dsyevd of the same whole matrix with 2 threads, same run.
/// </summary>
public sealed class LinalgDistributedEigh : IExperiment
{
    /// <inheritdoc/>
    public string Name => "linalg.eigh.distributed";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 400 : 2000;
        var values = Symmetric(n);
        double lapack = Lapack(values, n, threads: 2);
        foreach (int split in new[] { 0, 1 })
        {
            double t = InProcRanks.Run(2, 1, () =>
            {
                using var a = ht.array(values, [n, n], split: split);
                return InProcRanks.Timed(ht.get_comm(), 1, () =>
                {
                    var (w, v) = ht.linalg.eigh(a);
                    w.Dispose();
                    v.Dispose();
                });
            });
            yield return new BenchResult("linalg.eigh(distributed)", 2, 1, t, "dsyevd 1x2", lapack, null, null,
                $"float64 {n}x{n} random symmetric, split {split}");
        }
    }

    private static double[] Symmetric(long n)
    {
        var random = new Random(17);
        var x = new double[n * n];
        for (long i = 0; i < n; i++)
            for (long j = 0; j <= i; j++) x[i * n + j] = x[j * n + i] = random.NextDouble() * 2 - 1;
        return x;
    }

    private static unsafe double Lapack(double[] values, long n, int threads)
    {
        var backend = new ManagedBackend(threads);
        using var a = backend.Empty([n, n], DType.Float64);
        fixed (double* p = values) backend.CopyFromHost(p, a);
        using var w = backend.Empty([n], DType.Float64);
        using var v = backend.Empty([n, n], DType.Float64);
        return Timing.Best(1, () => ((IDenseLinalgKernels)backend).Eigh(a, w, v));
    }
}
