// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>
/// Element-wise fusion (issue 21): <c>a*b+c</c> on a float32 array of 1 GiB (64 MiB with --quick), split 0, op by op
/// (a temporary for a*b) and through <c>ht.fuse</c>, beside a hand-fused single pass (TensorPrimitives.MultiplyAdd,
/// rounded twice like the op-by-op result) on as many threads as the configuration uses cores, in the same run.
/// </summary>
public sealed unsafe class CoreFusion : IExperiment
{
    private const long Columns = 1024;

    /// <inheritdoc/>
    public string Name => "core.fusion";

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
        var references = new Dictionary<int, double>();
        foreach (var (ranks, threads) in configurations)
        {
            int referenceThreads = Math.Min(cores, ranks * threads);
            if (!references.TryGetValue(referenceThreads, out double reference))
                references[referenceThreads] = reference = HandFused(bytes, referenceThreads, reps);
            var (unfused, fused, identical) = Measure(rows, ranks, threads, reps);
            string note = $"float32 ({rows} x {Columns}) = {bytes >> 20} MiB split 0; reference on {referenceThreads} "
                + $"thread(s); rate counts 3 reads + 1 write; fused == op by op bit for bit: {identical}";
            double gb = 4 * bytes / 1e9;
            yield return new BenchResult("fusion.a*b+c op by op", ranks, threads, unfused, "hand-fused pass", reference,
                gb / unfused, "GB/s", note);
            yield return new BenchResult("fusion.a*b+c ht.fuse", ranks, threads, fused, "hand-fused pass", reference,
                gb / fused, "GB/s", note);
        }
    }

    private static (double Unfused, double Fused, bool Identical) Measure(long rows, int ranks, int threads, int reps)
    {
        var results = InProcRanks.Run(ranks, threads, () =>
        {
            var comm = ht.get_comm();
            using var a = ht.empty([rows, Columns], ht.float32, split: 0);
            Ramp(a.larray);
            using var b = ht.full([rows, Columns], 1.25, ht.float32, split: 0);
            using var c = ht.full([rows, Columns], 0.5, ht.float32, split: 0);
            double unfused = InProcRanks.Timed(comm, reps, () => { using var ab = a * b; (ab + c).Dispose(); });
            double fused = InProcRanks.Timed(comm, reps, () =>
            {
                using var scope = DisposeScope.Begin();
                ht.fuse(() => a * b + c);
            });
            using var e = ht.add(ht.mul(a, b), c);
            using var f = ht.fuse(() => a * b + c);
            bool identical = e.larray.AsSpan<float>().SequenceEqual(f.larray.AsSpan<float>());
            return (unfused, fused, identical);
        });
        return results;
    }

    private static void Ramp(LocalTensor local)
    {
        var dst = (float*)local.HostPointer;
        for (long i = 0; i < local.Numel; i++) dst[i] = (i % 4099) * (1f / 4099);
    }

    /// <summary>One pass of d = a*b + c (multiply, then add: two roundings) over raw buffers.</summary>
    private static double HandFused(long bytes, int threads, int reps)
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
                for (long i = s; i < e; i++) { a[i] = (i % 4099) * (1f / 4099); b[i] = 1.25f; c[i] = 0.5f; d[i] = 0; }
            });
            return Timing.Best(reps, () => Parallel(threads, n, (s, e) =>
            {
                for (long i = s; i < e; i += 1 << 28)
                {
                    int len = (int)Math.Min(1 << 28, e - i);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(a + i, len),
                        new ReadOnlySpan<float>(b + i, len), new ReadOnlySpan<float>(c + i, len),
                        new Span<float>(d + i, len));
                }
            }));
        }
        finally
        {
            NativeMemory.AlignedFree(a); NativeMemory.AlignedFree(b); NativeMemory.AlignedFree(c);
            NativeMemory.AlignedFree(d);
        }
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
