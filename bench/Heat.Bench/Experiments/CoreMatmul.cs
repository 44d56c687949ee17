// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Distributed float32 matmul of two 4096² matrices (1024² with --quick) for the split pairs (0, None), (0, 1) and
/// (None, 1) on 1, 2 and 4 in-process ranks, beside the managed GEMM of one undistributed product on all cores in the
/// same run.
/// </summary>
public sealed class CoreMatmul : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.matmul";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 1024 : 4096;
        int reps = options.Quick ? 2 : 3;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        double flops = 2.0 * n * n * n;
        double reference = Measure(n, 1, cores, reps, null, null);
        var pairs = new (int? A, int? B)[] { (0, null), (0, 1), (null, 1) };
        foreach (int ranks in options.RankCounts)
        {
            int threads = Math.Max(1, cores / ranks);
            foreach (var (sa, sb) in pairs)
            {
                double t = Measure(n, ranks, threads, reps, sa, sb);
                yield return new BenchResult($"matmul({SplitName(sa)},{SplitName(sb)})", ranks, threads, t, $"GEMM 1x{cores}", reference, flops / t / 1e9, "GFLOP/s",
                    $"float32 {n}x{n} @ {n}x{n}");
            }
        }
    }

    private static string SplitName(int? split) => split?.ToString() ?? "None";

    private static double Measure(long n, int ranks, int threads, int reps, int? sa, int? sb)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", threads.ToString());
        try
        {
            return InProcWorld.Run(ranks, () =>
            {
                var comm = ht.get_comm();
                using var a = ht.full([n, n], 0.5, ht.float32, sa);
                using var b = ht.full([n, n], 0.25, ht.float32, sb);
                double best = double.MaxValue;
                for (int i = 0; i <= reps; i++)
                {
                    comm.Barrier();
                    var sw = Stopwatch.StartNew();
                    ht.matmul(a, b).Dispose();
                    comm.Barrier();
                    if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
                }
                return comm.Allreduce(best, ReduceOp.Max);
            }, TimeSpan.FromMinutes(20))[0];
        }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }
}
