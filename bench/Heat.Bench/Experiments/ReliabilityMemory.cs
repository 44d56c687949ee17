// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Memory ceilings: the managed pool's high-water mark during each major distributed op on 4 in-process ranks (managed
/// backend), for an input of 1 GiB in all (64 MiB with --quick; HEAT_BENCH_MEMORY_BYTES): resplit (2-d, 0 to 1),
/// matmul (tall n x 64 times 64 x 64, both split 0: the ring), sort, percentile, unique (int64, 1,000 distinct), a
/// bool mask, fft, save_npy and load_npy. The figure is (peak live bytes during the op - live bytes before) / ranks,
/// the op's output included, reported as a multiple of the input per rank (the rate column). The pool is the
/// process's, so with in-process ranks the per-rank figure is the ranks' mean; arrays below the pool and scratch from
/// ArrayPool are not counted.
/// </summary>
public sealed class ReliabilityMemory : IExperiment
{
    private const int Ranks = 4;

    /// <inheritdoc/>
    public string Name => "reliability.memory";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long bytes = long.TryParse(Environment.GetEnvironmentVariable("HEAT_BENCH_MEMORY_BYTES"), out var b) ? b
            : options.Quick ? 64L << 20 : 1L << 30;
        long n = bytes / sizeof(double);
        string file = Path.Combine(Path.GetTempPath(), $"heat-bench-memory-{Environment.ProcessId}.npy");
        var results = new List<BenchResult>();
        Func<DNDarray> random = () => ht.random.rand([n], dtype: ht.float64, split: 0);
        var ops = new (string Name, Func<DNDarray> Input, Action<DNDarray> Op)[]
        {
            ("resplit", () => ht.ones([n / 1024, 1024], dtype: ht.float64, split: 0), x => ht.resplit(x, 1).Dispose()),
            ("matmul", () => ht.ones([n / 64, 64], dtype: ht.float64, split: 0), x =>
            {
                using var w = ht.ones([64, 64], dtype: ht.float64, split: 0);
                ht.matmul(x, w).Dispose();
            }),
            ("sort", random, x => { var (v, i) = ht.sort(x); v.Dispose(); i.Dispose(); }),
            ("percentile", random, x => ht.percentile(x, 50.0).Dispose()),
            ("unique", () => { using var r = ht.arange(n, dtype: ht.int64, split: 0); return r % 1000; },
                x => ht.unique(x).Dispose()),
            ("mask", random, x => { using var m = x > 0.5; x[m].Dispose(); }),
            ("fft", random, x => ht.fft.fft(x).Dispose()),
            ("save_npy", random, x => ht.save_npy(x, file)),
            ("load_npy", () => ht.zeros([1], split: 0), _ => ht.load_npy(file, split: 0).Dispose()),  // save_npy's
        };
        try
        {
            foreach (var (name, input, op) in ops)
            {
                var (seconds, peak) = InProcWorld.Run(Ranks, () =>
                {
                    var comm = ht.get_comm();
                    using var x = input();
                    comm.Barrier();
                    long before = 0;
                    if (comm.Rank == 0)
                    {
                        ManagedMemoryPool.Shared.ResetPeak();
                        before = ManagedMemoryPool.Shared.LiveBytes;
                    }
                    comm.Barrier();
                    var clock = Stopwatch.StartNew();
                    op(x);
                    comm.Barrier();
                    long peak = comm.Rank == 0 ? ManagedMemoryPool.Shared.PeakLiveBytes - before : 0;
                    return (clock.Elapsed.TotalSeconds, peak);
                }, TimeSpan.FromHours(1), backend: "managed")[0];
                double perRank = (double)peak / Ranks;
                double ratio = perRank / ((double)bytes / Ranks);
                results.Add(new BenchResult($"{Name}.{name}", Ranks, 0, seconds, "input per rank", 0, ratio, "x input",
                    string.Create(CultureInfo.InvariantCulture, $"input {bytes >> 20} MiB in all; pool high-water "
                        + $"above the input {perRank / (1 << 20):F0} MiB per rank")));
                Console.Error.WriteLine(results[^1]);
            }
        }
        finally { File.Delete(file); }
        return results;
    }
}
