// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// In-process Alltoallv bandwidth against one thread's memcpy of the same bytes, and the latency of an 8-byte
/// Allreduce against a Barrier, on 2 and 4 in-process ranks.
/// </summary>
public sealed unsafe class CommAlltoallvBandwidth : IExperiment
{
    /// <inheritdoc/>
    public string Name => "comm.alltoallv";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long perRank = (options.Quick ? 64L : 256L) << 20;
        int reps = options.Quick ? 3 : 5;
        foreach (int p in new[] { 2, 4 })
        {
            double memcpy = ReferenceMemory.Memcpy(perRank, p, reps);
            double alltoallv = Alltoallv(perRank, p, reps);
            double gb = (double)perRank * p / 1e9;
            yield return new BenchResult("inproc.alltoallv", p, 1, alltoallv, "memcpy 1 thread", memcpy, gb / alltoallv, "GB/s",
                $"{perRank >> 20} MiB per rank, {perRank / p >> 20} MiB per block; rate = all ranks' received bytes / time");
        }
        int iterations = options.Quick ? 2_000 : 20_000;
        foreach (int p in new[] { 2, 4 })
        {
            var (allreduce, barrier) = Latency(p, iterations);
            yield return new BenchResult("inproc.allreduce.8B", p, 1, allreduce, "barrier", barrier, null, null,
                $"best mean of {iterations} Allreduce(sum, 1 x Int64) calls");
        }
    }

    private static double Alltoallv(long perRank, int ranks, int reps)
    {
        var best = InProcWorld.RunCommunicators(ranks, c =>
        {
            long block = perRank / c.Size;
            byte* send = ReferenceMemory.Touched(perRank), recv = ReferenceMemory.Touched(perRank);
            try
            {
                var counts = Enumerable.Repeat(block, c.Size).ToArray();
                var displs = Enumerable.Range(0, c.Size).Select(i => i * block).ToArray();
                var s = new CommBuffer<byte>(send, perRank);
                var r = new CommBuffer<byte>(recv, perRank);
                return Timed(c, reps + 1, () => c.Alltoallv(s, counts, displs, r, counts, displs));
            }
            finally { NativeMemory.AlignedFree(send); NativeMemory.AlignedFree(recv); }
        }, TimeSpan.FromMinutes(5));
        return best[0];
    }

    private static (double Allreduce, double Barrier) Latency(int ranks, int iterations)
    {
        var best = InProcWorld.RunCommunicators(ranks, c =>
        {
            long value = c.Rank;
            double allreduce = Timed(c, 5, () => { for (int i = 0; i < iterations; i++) value = c.Allreduce(value, ReduceOp.Sum) % 1000; });
            double barrier = Timed(c, 5, () => { for (int i = 0; i < iterations; i++) c.Barrier(); });
            return (allreduce / iterations, barrier / iterations);
        }, TimeSpan.FromMinutes(5));
        return best[0];
    }

    // Best time over repetitions, from a common start (Barrier) until every rank has finished (Barrier).
    private static double Timed(ICommunicator c, int reps, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            c.Barrier();
            var sw = Stopwatch.StartNew();
            action();
            c.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);  // the first run warms up
        }
        return c.Allreduce(best, ReduceOp.Max);
    }
}
