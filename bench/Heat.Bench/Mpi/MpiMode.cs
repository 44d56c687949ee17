// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Bench.Experiments;
using Heat.Comm.Mpi;

namespace Heat.Bench.Mpi;

/// <summary>
/// The benchmarks under MPI: <c>mpiexec.mpich -n P dotnet Heat.Bench.dll --mpi [--quick]</c>. Every rank measures;
/// rank 0 prints and returns the figures: Allreduce of 8 bytes against a Barrier, Alltoallv bandwidth against one
/// thread's memcpy of the same bytes, and the distributed moments (as the in-process <c>ht.moments</c>).
/// </summary>
public static unsafe class MpiMode
{
    /// <summary>Runs the MPI experiments on the world of this process; returns the figures on rank 0, none elsewhere.</summary>
    public static List<BenchResult> Run(BenchOptions options, string[] args)
    {
        using var runtime = ht.init([.. args, "--Heat:Communicator=mpi"]);
        var comm = ht.get_comm();
        string mode = comm is MpiCommunicator m ? m.WaitMode.ToString().ToLowerInvariant() : "?";
        int p = comm.Size;
        var results = new List<BenchResult>();

        int iterations = options.Quick ? 2_000 : 20_000;
        var (allreduce, barrier) = Latency(comm, iterations);
        results.Add(new BenchResult("mpi.allreduce.8B", p, 1, allreduce, "barrier", barrier, null, null,
            $"best mean of {iterations} Allreduce(sum, 1 x Int64) calls; wait mode {mode}"));

        long perRank = (options.Quick ? 64L : 256L) << 20;
        int reps = options.Quick ? 3 : 5;
        double alltoallv = Alltoallv(comm, perRank, reps);
        double memcpy = OnRankZeroAlone(comm, () => ReferenceMemory.Memcpy(perRank, p, reps));
        double gb = (double)perRank * p / 1e9;
        results.Add(new BenchResult("mpi.alltoallv", p, 1, alltoallv, "memcpy 1 thread", memcpy, gb / alltoallv, "GB/s",
            $"{perRank >> 20} MiB per rank, {perRank / p >> 20} MiB per block; rate = all ranks' received bytes / time; wait mode {mode}"));

        // resplit 0 -> 1 of float32 (perRank bytes per rank, 1024 columns): one Alltoallw of strided boxes, no pack buffer.
        long rows = perRank * p / sizeof(float) / 1024;
        using (var x = ht.ones([rows, 1024], ht.float32, split: 0))
        {
            double resplit = InProcRanks.Timed(comm, reps, () => ht.resplit(x, 1).Dispose());
            results.Add(new BenchResult("mpi.resplit(0->1)", p, 1, resplit, "memcpy 1 thread", memcpy, gb / resplit, "GB/s",
                $"float32 ({rows} x 1024) split 0, {perRank >> 20} MiB per rank; MPI_Alltoallw with hvector types; wait mode {mode}"));
        }

        long n = HtMoments.Elements(options);
        double reference = OnRankZeroAlone(comm, () => HtMoments.Reference(n, reps));
        var (seconds, threads) = HtMoments.Measure(n, reps);
        results.Add(HtMoments.Result("mpi", p, threads, seconds, reference, n));

        results.AddRange(Matmul(comm, options, runtime.Backend.Threads));
        return comm.Rank == 0 ? results : [];
    }

    /// <summary>As the in-process <c>core.matmul</c>: float32 n x n products for three split pairs, beside one GEMM on all cores.</summary>
    private static IEnumerable<BenchResult> Matmul(ICommunicator comm, BenchOptions options, int threads)
    {
        long n = options.Quick ? 1024 : 4096;
        int reps = options.Quick ? 2 : 3;
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        double flops = 2.0 * n * n * n;
        double reference = OnRankZeroAlone(comm, () =>
        {
            using var gemm = new Heat.Backend.Managed.ManagedBackend(cores);
            using var a = gemm.Empty([n, n], DType.Float32);
            using var b = gemm.Empty([n, n], DType.Float32);
            using var c = gemm.Empty([n, n], DType.Float32);
            gemm.Fill(a, 0.5f);
            gemm.Fill(b, 0.25f);
            return Timing.Best(reps, () => gemm.Matmul(a, b, c));
        });
        var results = new List<BenchResult>();
        foreach (var (sa, sb) in new (int? A, int? B)[] { (0, null), (0, 1), (null, 1) })
        {
            using var a = ht.full([n, n], 0.5, ht.float32, sa);
            using var b = ht.full([n, n], 0.25, ht.float32, sb);
            double t = Timed(comm, reps + 1, () => ht.matmul(a, b).Dispose());
            results.Add(new BenchResult($"mpi.matmul({sa?.ToString() ?? "None"},{sb?.ToString() ?? "None"})", comm.Size, threads, t, $"GEMM 1x{cores}", reference,
                flops / t / 1e9, "GFLOP/s", $"float32 {n}x{n} @ {n}x{n}"));
        }
        return results;
    }

    /// <summary>
    /// Measures a single-process reference on rank 0 while the other ranks sleep (a Barrier would have them poll and
    /// take cores from it); returns the figure on rank 0, 0 elsewhere.
    /// </summary>
    private static double OnRankZeroAlone(ICommunicator comm, Func<double> measure)
    {
        const int tag = 77;
        if (comm.Rank == 0)
        {
            double seconds = measure();
            for (int r = 1; r < comm.Size; r++) comm.Send(ReadOnlySpan<byte>.Empty, r, tag);
            return seconds;
        }
        var done = comm.Irecv(Memory<byte>.Empty, 0, tag);
        while (!done.Test()) Thread.Sleep(5);
        done.Wait();
        return 0;
    }

    private static double Alltoallv(ICommunicator c, long perRank, int reps)
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
    }

    private static (double Allreduce, double Barrier) Latency(ICommunicator c, int iterations)
    {
        long value = c.Rank;
        double allreduce = Timed(c, 5, () => { for (int i = 0; i < iterations; i++) value = c.Allreduce(value, ReduceOp.Sum) % 1000; });
        double barrier = Timed(c, 5, () => { for (int i = 0; i < iterations; i++) c.Barrier(); });
        return (allreduce / iterations, barrier / iterations);
    }

    // Best time over repetitions, from a common start (Barrier) until every rank has finished (Barrier); the maximum over ranks.
    private static double Timed(ICommunicator c, int reps, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            c.Barrier();
            var sw = Stopwatch.StartNew();
            action();
            c.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return c.Allreduce(best, ReduceOp.Max);
    }
}
