// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// Issue #15 item 8: the sum of a 2.2e9-element uint8 array (into int64) on the torch backend against the managed
/// backend on the same values. One array lives at a time (2.2 GB each), so it fits a 24 GiB machine.
/// </summary>
public sealed class TorchSumUInt8 : IExperiment
{
    /// <inheritdoc/>
    public string Name => "torch.sum_uint8";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 1L << 28 : 2_200_000_000L;
        int reps = options.Quick ? 3 : 5;
        const int threads = 2;
        double managed = Measure(new ManagedBackend(threads), n, reps);
        double torch = Measure(BackendFactory.Create("torch", threads), n, reps);
        double gb = n / 1e9;
        yield return new BenchResult("torch.sum_uint8", 1, threads, torch, "managed sum", managed, gb / torch, "GB/s",
            $"{n:E2} uint8 into int64; torch/managed time {torch / managed:F2}x; managed {gb / managed:F1} GB/s");
    }

    private static double Measure(ITensorBackend backend, long n, int reps)
    {
        using (backend)
        {
            using var x = backend.Empty([n], DType.UInt8);
            backend.Fill(x, Scalar.FromInt(3));
            using var d = backend.Empty([1], DType.Int64);
            double seconds = Timing.Best(reps, () => backend.Reduce(ReduceOp.Sum, x, [0], d));
            long got = d.ToArray<long>()[0];
            if (got != 3 * n)
                throw new InvalidOperationException($"{backend.Name}: sum of {n} threes is {got}, not {3 * n}.");
            return seconds;
        }
    }
}
