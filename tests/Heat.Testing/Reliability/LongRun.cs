// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Testing.Reliability;

/// <summary>What the process holds after a number of operations (rank 0 measures, after a full garbage
/// collection, while the other ranks wait in a Barrier).</summary>
/// <param name="Ops">Operations done so far.</param>
/// <param name="PoolLiveBytes">Bytes rented from the managed backend's pool and not returned.</param>
/// <param name="PoolKeptBytes">Bytes the pool keeps for reuse.</param>
/// <param name="ResidentBytes">The process's resident set (native memory of the pool, libtorch and OpenCL
/// included).</param>
/// <param name="ManagedHeapBytes">The managed heap after a full collection.</param>
/// <param name="Handles">Open file descriptors (<c>/proc/self/fd</c>).</param>
public sealed record LongRunSample(long Ops, long PoolLiveBytes, long PoolKeptBytes, long ResidentBytes,
    long ManagedHeapBytes, int Handles);

/// <summary>
/// The long-run workload: rounds of <see cref="OpsPerRound"/> mixed distributed calls (factories, element-wise,
/// Allreduce, resplit, sort, unique, a bool mask, matmul, percentile, cumsum) on small uneven arrays, every 25th round
/// on 2.4 MB ones (pooled blocks), measured every <c>sampleEvery</c> operations. Used by each backend's
/// <see cref="LongRunSuite"/> and by the bench experiment <c>reliability.longrun</c>.
/// </summary>
public static class LongRun
{
    /// <summary>Heat calls per round.</summary>
    public const int OpsPerRound = 12;

    /// <summary>Runs <paramref name="ops"/> operations (rounded up to whole rounds) on the ambient rank, or fewer
    /// when <paramref name="budget"/> has passed at a sample (rank 0 decides for all); returns rank 0's samples (empty
    /// on other ranks), the first at 0 operations.</summary>
    public static List<LongRunSample> Body(long ops, long sampleEvery, TimeSpan? budget = null)
    {
        var comm = ht.get_comm();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var samples = new List<LongRunSample>();
        Measure(comm, 0, samples);
        for (long done = 0, round = 0; done < ops; round++)
        {
            Round(round);
            long before = done;
            done += OpsPerRound;
            if (done / sampleEvery == before / sampleEvery && done < ops) continue;
            Measure(comm, done, samples);
            bool over = comm.Rank == 0 && budget is { } b && clock.Elapsed > b;
            if (comm.Bcast(over ? 1 : 0, 0) == 1) break;
        }
        return samples;
    }

    /// <summary>One round: <see cref="OpsPerRound"/> collective calls, every result disposed.</summary>
    public static void Round(long round)
    {
        long n = round % 25 == 24 ? 300_007 : 1_000 + round % 7;
        using var scope = DisposeScope.Begin();
        var x = ht.arange(n, dtype: ht.float64, split: 0);                      // 1
        var y = ht.sin(x);                                                       // 2
        var z = x * y;                                                           // 3
        _ = ht.sum(z).item<double>();                                            // 4 (Allreduce)
        _ = ht.resplit(z, null);                                                 // 5 (Allgatherv)
        _ = ht.sort(y).values;                                                   // 6
        _ = ht.unique(x % 17.0);                                                 // 7, 8
        _ = y[y > 0.0];                                                          // 9, 10
        var a = ht.ones([40, 24 + round % 3], dtype: ht.float32, split: 0);
        var b = ht.ones([24 + round % 3, 30], dtype: ht.float32, split: 0);
        _ = ht.matmul(a, b);                                                     // 11
        _ = ht.percentile(x, 50.0);                                              // 12
        _ = ht.cumsum(z, axis: 0);
    }

    private static void Measure(ICommunicator comm, long ops, List<LongRunSample> samples)
    {
        comm.Barrier();
        if (comm.Rank == 0)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            samples.Add(new LongRunSample(ops, ManagedMemoryPool.Shared.LiveBytes, ManagedMemoryPool.Shared.PooledBytes,
                ResidentBytes(), GC.GetTotalMemory(forceFullCollection: true), Handles()));
        }
        comm.Barrier();
    }

    /// <summary>Growth per 10,000 operations of each measure between the sample at <paramref name="warmOps"/> (or
    /// the first after it) and the last sample: (last - warm) / (ops between) * 10,000.</summary>
    public static LongRunSample GrowthPer10k(IReadOnlyList<LongRunSample> samples, long warmOps)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var warm = samples.First(s => s.Ops >= warmOps);
        var last = samples[^1];
        double f = 10_000.0 / Math.Max(1, last.Ops - warm.Ops);
        return new LongRunSample(10_000, (long)((last.PoolLiveBytes - warm.PoolLiveBytes) * f),
            (long)((last.PoolKeptBytes - warm.PoolKeptBytes) * f),
            (long)((last.ResidentBytes - warm.ResidentBytes) * f),
            (long)((last.ManagedHeapBytes - warm.ManagedHeapBytes) * f),
            (int)Math.Round((last.Handles - warm.Handles) * f));
    }

    /// <summary>One line per sample, for logs and the bench note.</summary>
    public static string Format(LongRunSample s) => string.Create(CultureInfo.InvariantCulture,
        $"ops {s.Ops}: pool live {s.PoolLiveBytes / 1024.0:F0} KiB, pool kept {s.PoolKeptBytes >> 20} MiB, "
        + $"RSS {s.ResidentBytes >> 20} MiB, heap {s.ManagedHeapBytes / 1024.0:F0} KiB, fds {s.Handles}");

    /// <summary>The resident set from <c>/proc/self/statm</c> (0 where there is none).</summary>
    public static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>Open file descriptors of this process (0 where <c>/proc</c> is missing).</summary>
    public static int Handles()
    {
        try { return Directory.GetFileSystemEntries("/proc/self/fd").Length; }
        catch (IOException) { return 0; }
    }
}
