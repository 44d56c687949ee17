// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// ht.fft on the managed backend (FFTW): the 2-d transform of an 8192² complex64 array split along 0 on 2 ranks × 1
/// thread (two local batched passes and two Alltoallv), beside the same transform of the undistributed array on 1 rank
/// with 2 FFTW threads (the same two batched FFTW passes, no communication) in the same run; and the 1-d transform of
/// 2^26 complex64 split along 0 (four-step: three slab transposes) on 1, 2 and 4 ranks, with the peak of live tensor
/// memory per rank (sampled every millisecond from the managed pool, divided by the ranks) in units of the rank's
/// input chunk. --quick: 2048² and 2^22.
/// </summary>
public sealed class CoreFft : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.fft";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long side = options.Quick ? 2048 : 8192;
        int reps = options.Quick ? 2 : 3;
        double reference = Measure([side, side], 1, 2, reps, null, twoD: true).Seconds;
        double flops2 = 5.0 * side * side * Math.Log2((double)side * side);
        var two = Measure([side, side], 2, 1, reps, 0, twoD: true);
        yield return new BenchResult("fft2.complex64(split 0)", 2, 1, two.Seconds, "fft2 1 rank x 2 thr", reference,
            flops2 / two.Seconds / 1e9, "GFLOP/s",
            $"{side}x{side}; peak live memory per rank {two.PeakPerRank / 1048576.0:F0} MiB "
                + $"({two.PeakPerRank / (side * side * 8.0 / 2):F1}x the input chunk)");

        long n = options.Quick ? 1L << 22 : 1L << 26;
        double flops1 = 5.0 * n * Math.Log2(n);
        double single = Measure([n], 1, 1, reps, 0, twoD: false).Seconds;
        foreach (int ranks in options.RankCounts)
        {
            var r = Measure([n], ranks, 1, reps, 0, twoD: false);
            yield return new BenchResult("fft.complex64(split 0)", ranks, 1, r.Seconds, "fft 1 rank x 1 thr", single,
                flops1 / r.Seconds / 1e9, "GFLOP/s",
                $"n = 2^{Math.Log2(n):F0}; peak live memory per rank {r.PeakPerRank / 1048576.0:F0} MiB "
                    + $"({r.PeakPerRank / (n * 8.0 / ranks):F1}x the input chunk)");
        }
    }

    private static (double Seconds, double PeakPerRank) Measure(long[] shape, int ranks, int threads, int reps,
        int? split, bool twoD)
    {
        var pool = ManagedMemoryPool.Shared;
        long peak = 0;
        double seconds = InProcRanks.Run(ranks, threads, () =>
        {
            var comm = ht.get_comm();
            using var x = ht.full(shape, 0.5, ht.complex64, split);
            double best = double.MaxValue;
            for (int i = 0; i <= reps; i++)
            {
                comm.Barrier();
                long baseline = pool.LiveBytes;
                using var stop = new CancellationTokenSource();
                Thread? sampler = null;
                if (comm.Rank == 0)
                {
                    sampler = new Thread(() =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            long live = pool.LiveBytes - baseline;
                            if (live > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, live);
                            Thread.Sleep(1);
                        }
                    }) { IsBackground = true };
                    sampler.Start();
                }
                var sw = Stopwatch.StartNew();
                (twoD ? ht.fft.fft2(x) : ht.fft.fft(x)).Dispose();
                comm.Barrier();
                stop.Cancel();
                sampler?.Join();
                if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return comm.Allreduce(best, ReduceOp.Max);
        });
        // The input (allocated before the baseline) counts too: it is live throughout.
        double inputBytes = shape.Aggregate(1.0, (a, b) => a * b) * 8;
        return (seconds, (peak + inputBytes) / ranks);
    }
}
