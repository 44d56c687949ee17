// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Distributed mean and standard deviation (<c>ht.mean</c>, then <c>ht.mean(ht.square(x - mean))</c>) of a float64
/// array split along axis 0, on in-process ranks, against one thread's TensorPrimitives passes over the same data.
/// The same body runs under MPI (<c>--mpi</c>), so the two can be compared.
/// </summary>
public sealed class HtMoments : IExperiment
{
    /// <inheritdoc/>
    public string Name => "ht.moments";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = Elements(options);
        int reps = options.Quick ? 3 : 5;
        double reference = Reference(n, reps);
        foreach (int p in options.RankCounts)
        {
            var results = InProcWorld.Run(p, () => Measure(n, reps), TimeSpan.FromMinutes(5));
            yield return Result("inproc", p, results[0].Threads, results[0].Seconds, reference, n);
        }
    }

    /// <summary>Array length: 2^25 float64 (256 MiB), 2^23 with --quick.</summary>
    public static long Elements(BenchOptions options) => options.Quick ? 1L << 23 : 1L << 25;

    /// <summary>Builds the figure for <paramref name="mode"/> (<c>inproc</c> or <c>mpi</c>).</summary>
    public static BenchResult Result(string mode, int ranks, int threads, double seconds, double reference, long n) =>
        new($"{mode}.ht.moments.float64", ranks, threads, seconds, "TensorPrimitives 1t", reference, n * 8 / 1e9 / seconds, "GB/s",
            $"mean and std of {n >> 20} Mi float64 split 0 (2 passes, 2 Allreduce + 1 for the result); rate = array bytes / time");

    /// <summary>Runs on the current rank (in-process or MPI): best time over ranks of mean + std; every rank returns it.</summary>
    public static (double Seconds, int Threads) Measure(long n, int reps)
    {
        var comm = ht.get_comm();
        using var index = ht.arange(n, dtype: ht.float64, split: 0);
        using var x = ht.sin(index);
        double best = double.MaxValue;
        (double Mean, double Std) last = default;
        for (int i = 0; i <= reps; i++)
        {
            comm.Barrier();
            var sw = Stopwatch.StartNew();
            last = Moments(x);
            comm.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        var (mean, std) = ReferenceMoments(n);
        if (Math.Abs(last.Mean - mean) > 1e-9 || Math.Abs(last.Std - std) > 1e-9)
            throw new InvalidOperationException($"ht.moments: got mean {last.Mean}, std {last.Std}; expected {mean}, {std}.");
        return (comm.Allreduce(best, ReduceOp.Max), HeatContext.Current?.Backend.Threads ?? 1);
    }

    private static (double Mean, double Std) Moments(DNDarray x)
    {
        using var m = ht.mean(x);
        double mean = m.item<double>();
        using var d = x - mean;
        using var sq = ht.square(d);
        using var v = ht.mean(sq);
        return (mean, Math.Sqrt(v.item<double>()));
    }

    private static double[] Data(long n)
    {
        var a = new double[n];
        for (long i = 0; i < n; i++) a[i] = Math.Sin(i);
        return a;
    }

    private static (double Mean, double Std) ReferenceMoments(long n) => PlainMoments(Data(n), new double[n]);

    private static (double Mean, double Std) PlainMoments(double[] a, double[] tmp)
    {
        double mean = TensorPrimitives.Sum<double>(a) / a.Length;
        TensorPrimitives.Subtract(a, mean, tmp);
        return (mean, Math.Sqrt(TensorPrimitives.SumOfSquares<double>(tmp) / a.Length));
    }

    /// <summary>One thread's two passes (sum; subtract and sum of squares) over the same data.</summary>
    public static double Reference(long n, int reps)
    {
        var a = Data(n);
        var tmp = new double[n];  // allocated once: the reference pays no page faults
        return Timing.Best(reps, () => PlainMoments(a, tmp));
    }
}
