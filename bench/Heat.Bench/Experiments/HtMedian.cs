// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>
/// <c>ht.median</c> of a float32 vector split along axis 0 (exact distributed selection: sampled pivots, counts,
/// compaction) on in-process ranks, against one thread's <c>MemoryExtensions.Sort</c> of the same number of floats
/// (what a sort-based median costs at least, without any communication). With HEAT_BENCH_MEDIAN_SORT=1 each rank
/// count also times <c>ht.sort</c> of the same array (the distributed sort the median must beat by 4x); HEAT_BENCH_
/// MEDIAN_LOG2 sets the size.
/// </summary>
public sealed class HtMedian : IExperiment
{
    /// <inheritdoc/>
    public string Name => "ht.median";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = int.TryParse(Environment.GetEnvironmentVariable("HEAT_BENCH_MEDIAN_LOG2"), out var log2)
            ? 1L << log2
            : options.Quick ? 1L << 24 : 1L << 28;
        bool withSort = Environment.GetEnvironmentVariable("HEAT_BENCH_MEDIAN_SORT") == "1";
        int reps = options.Quick ? 3 : 1;
        double reference = Reference(n, reps);
        foreach (int p in options.RankCounts)
        {
            var (seconds, threads) = InProcRanks.Run(p, Math.Max(1, Environment.ProcessorCount / p), () => Measure(n,
                reps));
            yield return new BenchResult($"inproc.ht.median.float32", p, threads, seconds, "Span.Sort 1t", reference,
                n / 1e6 / seconds, "Melem/s", $"median of {n >> 20} Mi float32 split 0 (uniform random)");
            if (!withSort) continue;
            double sort = InProcRanks.Run(p, threads, () => SortTime(n));
            yield return new BenchResult($"inproc.ht.median.float32", p, threads, seconds, "ht.sort same ranks", sort,
                n / 1e6 / seconds, "Melem/s", $"median vs the distributed sort of the same {n >> 20} Mi float32");
        }
    }

    /// <summary>Best time of the median on this rank's world; every rank returns it.</summary>
    public static (double Seconds, int Threads) Measure(long n, int reps)
    {
        var comm = ht.get_comm();
        ht.random.seed(1);
        using var x = ht.random.rand([n], dtype: ht.float32, split: 0);
        double value = 0;
        double best = InProcRanks.Timed(comm, reps, () =>
        {
            using var m = ht.median(x);
            value = m.item<double>();
        });
        if (Math.Abs(value - 0.5) > 0.01) throw new InvalidOperationException($"ht.median of uniform [0, 1) data "
            + $"gave {value}.");
        return (best, HeatContext.Current?.Backend.Threads ?? 1);
    }

    /// <summary>One <c>ht.sort</c> of the median's array on this rank's world (the slowest rank's time).</summary>
    public static double SortTime(long n)
    {
        var comm = ht.get_comm();
        ht.random.seed(1);
        using var x = ht.random.rand([n], dtype: ht.float32, split: 0);
        return InProcRanks.Timed(comm, 1, () =>
        {
            var (values, indices) = ht.sort(x);
            values.Dispose();
            indices.Dispose();
        });
    }

    /// <summary>One thread's sort of n uniform floats (a fresh copy each time).</summary>
    public static double Reference(long n, int reps)
    {
        var random = new Random(1);
        var data = new float[n];
        for (long i = 0; i < n; i++) data[i] = random.NextSingle();
        var work = new float[n];
        double best = double.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            data.CopyTo(work, 0);
            var sw = Stopwatch.StartNew();
            work.AsSpan().Sort();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }
}
