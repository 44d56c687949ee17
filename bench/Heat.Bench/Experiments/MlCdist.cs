// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>
/// Only the cdist part of <see cref="MlWorkloads"/> (<c>--only ml.cdist</c>): 20000 × 18 float32 against itself (8000 with
/// --quick), quadratic expansion, fresh result per call, against max(GEMM of X·Xᵀ, one write of the result into a reused
/// buffer); 1 rank × all threads and 2 ranks × half of them.
/// </summary>
public sealed class MlCdist : IExperiment
{
    /// <inheritdoc/>
    public string Name => "ml.cdist";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 8000 : 20000;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        var reference = MlWorkloads.CdistReference(n, cores);
        foreach (var (ranks, threads) in new[] { (1, cores), (2, Math.Max(1, cores / 2)) })
        {
            double t = InProcRanks.Run(ranks, threads, () =>
            {
                ht.random.seed(1);
                using var x = ht.random.randn([n, 18], split: 0);
                return InProcRanks.Timed(ht.get_comm(), 3, () => ht.spatial.cdist(x, quadratic_expansion: true).Dispose());
            });
            yield return new BenchResult("ml.cdist", ranks, threads, t, "max(GEMM, write)", reference, null, null, $"{n} x 18 float32 vs itself, quadratic expansion");
        }
    }
}
