// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat.Comm.InProc;
using Heat.Testing.Reliability;

namespace Heat.Bench.Experiments;

/// <summary>
/// The full long run: 100,000 mixed operations (10,000 with --quick; HEAT_BENCH_LONGRUN_OPS) on 4 in-process ranks of
/// <c>--backend</c> (managed, torch, opencl), the workload of <see cref="LongRun"/>, sampled every 10,000 operations;
/// the note gives the growth per 10,000 operations after the first 10,000 (warm-up) of pool live bytes, resident set,
/// managed heap and open file descriptors. Every sample goes to standard error.
/// </summary>
public sealed class ReliabilityLongRun : IExperiment
{
    /// <inheritdoc/>
    public string Name => "reliability.longrun";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long ops = long.TryParse(Environment.GetEnvironmentVariable("HEAT_BENCH_LONGRUN_OPS"), out var o) ? o
            : options.Quick ? 10_000 : 100_000;
        long every = Math.Max(LongRun.OpsPerRound, Math.Min(10_000, ops / 5));
        var clock = Stopwatch.StartNew();
        var samples = InProcWorld.Run(4, () => LongRun.Body(ops, every), TimeSpan.FromHours(3),
            backend: options.Backend)[0];
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (var s in samples) Console.Error.WriteLine(LongRun.Format(s));
        var g = LongRun.GrowthPer10k(samples, every);
        var inv = CultureInfo.InvariantCulture;
        string note = string.Format(inv, "{0} {1} ops; per 10,000 ops after {2} warm-up: pool live {3:+0;-0;0} B, ",
            options.Backend, samples[^1].Ops, every, g.PoolLiveBytes)
            + string.Format(inv, "RSS {0:+0;-0;0} KiB, heap {1:+0;-0;0} KiB, fds {2:+0;-0;0}; final: {3}",
                g.ResidentBytes / 1024, g.ManagedHeapBytes / 1024, g.Handles, LongRun.Format(samples[^1]));
        yield return new BenchResult(Name, 4, 0, seconds, "none", 0, samples[^1].Ops / seconds, "ops/s", note);
    }
}
