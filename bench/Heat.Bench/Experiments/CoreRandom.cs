// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// ht.random.randn and rand of 1 GiB of float32 (64 MiB with --quick) on 1, 2 and 4 in-process ranks, against a
/// plain copy of the same bytes with as many threads as the configuration uses cores, measured in the same run.
/// </summary>
public sealed unsafe class CoreRandom : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.random";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long bytes = (options.Quick ? 64L : 1024L) << 20;
        long n = bytes / sizeof(float);
        int reps = options.Quick ? 2 : 3;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        foreach (int ranks in options.RankCounts)
        {
            int threads = Math.Max(1, cores / ranks);
            int used = Math.Min(cores, ranks * threads);
            double copy = Copy(bytes, used, reps);
            var (randn, rand) = Measure(n, ranks, threads, reps);
            string note = $"{bytes >> 20} MiB float32 split 0; copy on {used} thread(s)";
            yield return new BenchResult("random.randn", ranks, threads, randn, "copy", copy, bytes / 1e9 / randn, "GB/s", note);
            yield return new BenchResult("random.rand", ranks, threads, rand, "copy", copy, bytes / 1e9 / rand, "GB/s", note);
        }
    }

    private static (double Randn, double Rand) Measure(long n, int ranks, int threads, int reps)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", threads.ToString());
        try
        {
            return InProcWorld.Run(ranks, () =>
            {
                var comm = ht.get_comm();
                ht.random.seed(1);
                double randn = Timed(comm, reps, () => ht.random.randn([n], split: 0).Dispose());
                double rand = Timed(comm, reps, () => ht.random.rand([n], split: 0).Dispose());
                return (randn, rand);
            }, TimeSpan.FromMinutes(20))[0];
        }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    private static double Timed(ICommunicator c, int reps, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i <= reps; i++)
        {
            c.Barrier();
            var sw = Stopwatch.StartNew();
            action();
            c.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return c.Allreduce(best, ReduceOp.Max);
    }

    private static double Copy(long bytes, int threads, int reps)
    {
        var a = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        var b = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        try
        {
            NativeMemory.Fill(a, (nuint)bytes, 1);
            NativeMemory.Fill(b, (nuint)bytes, 2);
            return Timing.Best(reps, () => System.Threading.Tasks.Parallel.For(0, threads, t =>
            {
                long s = bytes * t / threads, e = bytes * (t + 1) / threads;
                NativeMemory.Copy(a + s, b + s, (nuint)(e - s));
            }));
        }
        finally { NativeMemory.AlignedFree(a); NativeMemory.AlignedFree(b); }
    }
}
