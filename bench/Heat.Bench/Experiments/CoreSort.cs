// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// ht.sort of random float32 split along 0 (2^26 elements; 2^22 with --quick; 2^28 with HEAT_BENCH_SORT_LOG2=28) on
/// 2 ranks × 1 thread and 1 rank × 2 threads, beside a single-threaded MemoryExtensions.Sort of the same data in the
/// same run; and ht.unique_counts of int64 with 10^3 distinct values (10^7; 10^6 with --quick; HEAT_BENCH_UNIQUE_N)
/// beside one read pass over the same data. Peak extra memory per rank is the process's peak resident set above its
/// resident set before the call (Linux VmHWM, reset through /proc/self/clear_refs), divided by the ranks; beside it
/// the managed pool's high-water mark of live tensor bytes above those live before the call (inputs excluded,
/// results and every scratch buffer included), per rank.
/// </summary>
public sealed class CoreSort : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.sort";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        int log2 = int.TryParse(Environment.GetEnvironmentVariable("HEAT_BENCH_SORT_LOG2"),
            out var l) ? l : options.Quick ? 22 : 26;
        long n = 1L << log2;
        var random = new Random(1);
        var data = new float[n];
        for (long i = 0; i < n; i++) data[i] = random.NextSingle() * 2 - 1;
        var copy = new float[n];
        double reference = double.MaxValue;
        for (int rep = 0; rep < 2; rep++)
        {
            data.AsSpan().CopyTo(copy);
            var sw = Stopwatch.StartNew();
            copy.AsSpan().Sort();
            reference = Math.Min(reference, sw.Elapsed.TotalSeconds);
        }
        copy = null;
        var results = new List<BenchResult>();
        foreach (var (ranks, threads) in new[] { (2, 1), (1, 2), (1, 1) })
        {
            var (seconds, peak, pool) = InProcRanks.Run(ranks, threads, () =>
            {
                var comm = ht.get_comm();
                using var x = ht.array(data, [n], split: 0);
                double best = double.MaxValue;
                long extra = 0, poolExtra = 0;
                for (int rep = 0; rep < 2; rep++)
                {
                    comm.Barrier();
                    var (before, poolBefore) = ResetPeak(comm);
                    var sw = Stopwatch.StartNew();
                    var (values, indices) = ht.sort(x);
                    comm.Barrier();
                    best = Math.Min(best, sw.Elapsed.TotalSeconds);
                    extra = Math.Max(extra, Peak() - before);
                    poolExtra = Math.Max(poolExtra, ManagedMemoryPool.Shared.PeakLiveBytes - poolBefore);
                    values.Dispose();
                    indices.Dispose();
                }
                return (comm.Allreduce(best, ReduceOp.Max), extra / comm.Size, poolExtra / comm.Size);
            });
            results.Add(new BenchResult("core.sort.float32", ranks, threads, seconds, "Span.Sort 1t", reference,
                n / seconds / 1e6, "Melem/s",
                $"2^{log2} float32 split 0; values + int64 indices; peak extra memory per rank ≈ {peak / 1e9:F2} GB "
                    + $"(process VmHWM), {pool / 1e9:F2} GB (pool high-water, {(double)pool / (4 * n / ranks):F1}x "
                    + $"the chunk, results included); machine shared, noisy"));
        }

        long un = long.TryParse(Environment.GetEnvironmentVariable("HEAT_BENCH_UNIQUE_N"),
            out var u) ? u : options.Quick ? 1_000_000 : 10_000_000;
        var ints = new long[un];
        for (long i = 0; i < un; i++) ints[i] = random.Next(1000) * 7919L;
        // CPU seconds beside wall seconds: on a loaded machine the short read pass is rarely preempted, the longer
        // unique often, so the ratio of CPU times is the steadier one.
        var cpu = Process.GetCurrentProcess();
        cpu.Refresh();
        var cpuBefore = cpu.TotalProcessorTime;
        double pass = Timing.Best(4, () =>
        {
            long total = 0;
            foreach (var v in ints) total += v;
            GC.KeepAlive(total);
        });
        cpu.Refresh();
        double passCpu = (cpu.TotalProcessorTime - cpuBefore).TotalSeconds / 5;
        foreach (var (ranks, threads) in new[] { (2, 1), (1, 2) })
        {
            double uniqueCpu = 0;
            double seconds = InProcRanks.Run(ranks, threads, () =>
            {
                var comm = ht.get_comm();
                using var x = ht.array(ints, [un], split: 0);
                void Once()
                {
                    var (values, counts) = ht.unique_counts(x);
                    values.Dispose();
                    counts.Dispose();
                }
                double wall = InProcRanks.Timed(comm, 2, Once);
                comm.Barrier();
                cpu.Refresh();
                var before = cpu.TotalProcessorTime;
                for (int rep = 0; rep < 3; rep++) Once();
                comm.Barrier();
                cpu.Refresh();
                if (comm.Rank == 0) uniqueCpu = (cpu.TotalProcessorTime - before).TotalSeconds / 3;
                return wall;
            });
            results.Add(new BenchResult("core.unique_counts.int64", ranks, threads, seconds, "one read pass 1t", pass,
                un / seconds / 1e6, "Melem/s",
                $"{un:N0} int64, 10^3 distinct, split 0; process CPU per call {uniqueCpu * 1e3:F1} ms (all ranks and "
                    + $"threads) vs {passCpu * 1e3:F1} ms per read pass; machine shared, noisy"));
        }
        return results;
    }

    private static (long Resident, long Pool) ResetPeak(ICommunicator comm)
    {
        long pool = 0;
        if (comm.Rank == 0)
        {
            if (OperatingSystem.IsLinux()) File.WriteAllText("/proc/self/clear_refs", "5");
            pool = ManagedMemoryPool.Shared.ResetPeak();
        }
        comm.Barrier();
        return (Status("VmRSS:"), comm.Allreduce(pool, ReduceOp.Max));
    }

    private static long Peak() => Status("VmHWM:");

    private static long Status(string key)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(s => s.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
