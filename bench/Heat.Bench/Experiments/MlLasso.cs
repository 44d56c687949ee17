// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Regression;

namespace Heat.Bench.Experiments;

/// <summary>
/// LASSO on 1,000,000 × 100 float32 (200,000 with --quick), split along samples, computed in float32: 20 sweeps by
/// default (the Gram matrix), 20 sweeps and 1 sweep of the residual path (precompute: false), each against NumPy-style
/// coordinate descent (a dot and an axpy per column of a column-major float32 copy, one thread) run for as many
/// sweeps; 1 rank × all threads and 2 ranks × half of them. scikit-learn's 20 sweeps take 0.43 s on a quiet machine.
/// </summary>
public sealed class MlLasso : IExperiment
{
    /// <inheritdoc/>
    public string Name => "ml.lasso";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 200_000 : 1_000_000;
        const int f = 100;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        double sweep = SweepReference(n, f);
        foreach (var (ranks, threads) in new[] { (1, cores), (2, Math.Max(1, cores / 2)) })
        {
            var t = InProcRanks.Run(ranks, threads, () =>
            {
                var comm = ht.get_comm();
                ht.random.seed(1);
                using var x = ht.random.randn([n, f], ht.float32, 0);
                using var y = ht.random.randn([n], ht.float32, 0);
                double gram = InProcRanks.Timed(comm, 2, () => new Lasso(0.01, max_iter: 20, tol: 0).fit(x, y));
                double twenty = InProcRanks.Timed(comm, 2,
                    () => new Lasso(0.01, max_iter: 20, tol: 0, precompute: false).fit(x, y));
                double one = InProcRanks.Timed(comm, 2,
                    () => new Lasso(0.01, max_iter: 1, tol: 0, precompute: false).fit(x, y));
                return (gram, twenty, one);
            });
            string size = $"{n} x {f} float32";
            yield return new BenchResult("ml.lasso.gram20", ranks, threads, t.gram, "20 NumPy CD sweeps", 20 * sweep,
                null, null, $"{size}, 20 sweeps, default (Gram matrix)");
            yield return new BenchResult("ml.lasso.residual20", ranks, threads, t.twenty, "20 NumPy CD sweeps",
                20 * sweep, null, null, $"{size}, 20 sweeps, precompute: false");
            yield return new BenchResult("ml.lasso.residual1", ranks, threads, t.one, "1 NumPy CD sweep", sweep,
                null, null, $"{size}, 1 sweep (setup included), precompute: false");
        }
    }

    // One sweep of plain coordinate descent over a column-major float32 copy: a dot and an axpy per column.
    private static double SweepReference(long n, int f)
    {
        var columns = new float[n * f];
        var r = new float[n];
        for (long i = 0; i < columns.Length; i++) columns[i] = (i % 7) * 0.1f;
        return Timing.Best(3, () =>
        {
            for (int j = 0; j < f; j++)
            {
                var col = columns.AsSpan((int)(j * n), (int)n);
                float step = TensorPrimitives.Dot<float>(col, r) * 1e-9f + 1e-12f;
                TensorPrimitives.MultiplyAdd<float>(col, step, r, r);
            }
        });
    }
}
