// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// <c>ht.signal.convolve(a, v, "same")</c> of a float32 signal split along axis 0 with a 101-tap filter on in-process
/// ranks, against one pass of the managed backend's local correlation (<see cref="IConvolutionKernels"/>) over the
/// whole zero-padded signal with the same total number of threads.
/// </summary>
public sealed class SignalConvolve : IExperiment
{
    private const int Taps = 101;

    /// <inheritdoc/>
    public string Name => "signal.convolve";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 10_000_000 : 100_000_000;
        int reps = options.Quick ? 2 : 3;
        int cores = Math.Max(1, CpuBudget.Cores);
        double reference = Reference(n, cores, reps);
        foreach (int p in options.RankCounts)
        {
            int threads = Math.Max(1, cores / p);
            double seconds = InProcRanks.Run(p, threads, () => Measure(n, reps));
            yield return new BenchResult("inproc.signal.convolve.float32", p, threads, seconds, $"local correlate "
                + $"{cores}t", reference,
                n * Taps * 2 / 1e9 / seconds, "GFLOP/s", $"{n / 1e6:F0} M float32, {Taps} taps, mode same, split 0 "
                    + $"(halo exchange + padded copy + local kernel)");
        }
    }

    private static double Measure(long n, int reps)
    {
        var comm = ht.get_comm();
        using var a = ht.ones([n], dtype: ht.float32, split: 0);
        using var v = ht.full([Taps], 0.01, dtype: ht.float32);
        return InProcRanks.Timed(comm, reps, () => { using var c = ht.signal.convolve(a, v, "same"); });
    }

    private static double Reference(long n, int threads, int reps)
    {
        using var backend = new ManagedBackend(threads);
        using var signal = backend.Empty([1, n + Taps - 1], DType.Float32);
        backend.Fill(signal, Scalar.FromDouble(1));
        using var kernel = backend.Empty([1, Taps], DType.Float32);
        backend.Fill(kernel, Scalar.FromDouble(0.01));
        using var output = backend.Empty([1, n], DType.Float32);
        var kernels = (IConvolutionKernels)backend;
        return Timing.Best(reps, () => kernels.Correlate1d(signal, kernel, 1, output));
    }
}
