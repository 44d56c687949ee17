// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// DNDarray operations on a float32 array of 1 GiB (64 MiB with --quick) on 1, 2 and 4 in-process ranks and 1 or 2
/// threads per rank: mean(None), std(None), mean(axis 0), a*b+c and resplit 0→1, each beside a plain multi-threaded
/// SIMD sum and a plain copy of the same bytes with as many threads as the configuration uses cores, measured in the same run.
/// </summary>
public sealed unsafe class CoreDndarray : IExperiment
{
    private const long Columns = 1024;

    /// <inheritdoc/>
    public string Name => "core.dndarray";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long bytes = (options.Quick ? 64L : 1024L) << 20;
        long rows = bytes / sizeof(float) / Columns;
        int reps = options.Quick ? 2 : 3;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        var configurations = new List<(int Ranks, int Threads)>();
        foreach (int p in options.RankCounts)
        {
            if (p == 1) { configurations.Add((1, 1)); if (cores > 1) configurations.Add((1, Math.Min(2, cores))); }
            else configurations.Add((p, 1));
        }
        var referenceCache = new Dictionary<int, (double Sum, double Copy, double Fma)>();
        foreach (var (ranks, threads) in configurations)
        {
            int referenceThreads = Math.Min(cores, ranks * threads);
            if (!referenceCache.TryGetValue(referenceThreads, out var reference))
                referenceCache[referenceThreads] = reference = References(bytes, referenceThreads, reps);
            var t = Measure(rows, ranks, threads, reps);
            string note = $"float32 ({rows} x {Columns}) = {bytes >> 20} MiB split 0; reference on {referenceThreads} thread(s)";
            double gb = bytes / 1e9;
            yield return new BenchResult("dndarray.mean(None)", ranks, threads, t.Mean, "SIMD sum", reference.Sum, gb / t.Mean, "GB/s", note);
            yield return new BenchResult("dndarray.std(None)", ranks, threads, t.Std, "SIMD sum", reference.Sum, gb / t.Std, "GB/s", note);
            yield return new BenchResult("dndarray.mean(axis 0)", ranks, threads, t.MeanAxis0, "SIMD sum", reference.Sum, gb / t.MeanAxis0, "GB/s", note);
            yield return new BenchResult("dndarray.a*b+c", ranks, threads, t.Fma, "SIMD a*b+c (fused)", reference.Fma, 4 * gb / t.Fma, "GB/s", note + "; rate counts 3 reads + 1 write");
            yield return new BenchResult("dndarray.resplit(0->1)", ranks, threads, t.Resplit, "copy", reference.Copy, gb / t.Resplit, "GB/s", note);
        }
    }

    private sealed record Times(double Mean, double Std, double MeanAxis0, double Fma, double Resplit);

    private static Times Measure(long rows, int ranks, int threads, int reps)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", threads.ToString());
        try
        {
            var results = InProcWorld.Run(ranks, () =>
            {
                var comm = ht.get_comm();
                using var x = ht.empty([rows, Columns], ht.float32, split: 0);
                Ramp(x.larray);
                double mean = Timed(comm, reps, () => ht.mean(x).Dispose());
                double std = Timed(comm, reps, () => ht.std(x).Dispose());
                double mean0 = Timed(comm, reps, () => ht.mean(x, 0).Dispose());
                using var b = ht.ones([rows, Columns], ht.float32, split: 0);
                using var c = ht.full([rows, Columns], 0.5, ht.float32, split: 0);
                double fma = Timed(comm, reps, () => { using var ab = x * b; (ab + c).Dispose(); });
                b.Dispose(); c.Dispose();
                double resplit = Timed(comm, reps, () => ht.resplit(x, 1).Dispose());
                return new Times(mean, std, mean0, fma, resplit);
            }, TimeSpan.FromMinutes(20));
            return results[0];
        }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    // Values in [0, 1) that are not all equal (the bandwidth does not depend on them).
    private static void Ramp(LocalTensor local)
    {
        var dst = (float*)local.HostPointer;
        for (long i = 0; i < local.Numel; i++) dst[i] = (i % 4099) * (1f / 4099);
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

    private static (double Sum, double Copy, double Fma) References(long bytes, int threads, int reps)
    {
        long n = bytes / sizeof(float);
        var a = (float*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        var b = (float*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        var c = (float*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        var d = (float*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        try
        {
            Parallel(threads, n, (s, e) =>
            {
                for (long i = s; i < e; i++) { a[i] = (i % 4099) * (1f / 4099); b[i] = 1; c[i] = 0.5f; d[i] = 0; }
            });
            var partial = new double[threads];
            double sum = Timing.Best(reps, () => Parallel(threads, n, (s, e) =>
            {
                float total = 0;
                for (long i = s; i < e; i += 1 << 28) total += TensorPrimitives.Sum(new ReadOnlySpan<float>(a + i, (int)Math.Min(1 << 28, e - i)));
                partial[(int)(s * threads / n)] = total;
            }));
            double copy = Timing.Best(reps, () => Parallel(threads, n, (s, e) => NativeMemory.Copy(a + s, d + s, (nuint)((e - s) * sizeof(float)))));
            double fma = Timing.Best(reps, () => Parallel(threads, n, (s, e) =>
            {
                for (long i = s; i < e; i += 1 << 28)
                {
                    int len = (int)Math.Min(1 << 28, e - i);
                    TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<float>(a + i, len), new ReadOnlySpan<float>(b + i, len), new ReadOnlySpan<float>(c + i, len), new Span<float>(d + i, len));
                }
            }));
            return (sum, copy, fma);
        }
        finally { NativeMemory.AlignedFree(a); NativeMemory.AlignedFree(b); NativeMemory.AlignedFree(c); NativeMemory.AlignedFree(d); }
    }

    private static void Parallel(int threads, long n, Action<long, long> body)
    {
        if (threads == 1) { body(0, n); return; }
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            long s = n * t / threads, e = n * (t + 1) / threads;
            workers[t] = new Thread(() => body(s, e));
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
    }
}
