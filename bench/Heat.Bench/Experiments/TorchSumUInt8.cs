// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// Issue #15 item 8: the sum of a 2.2e9-element uint8 array on the torch backend against the managed backend on the
/// same values, into int64 (<c>sum</c>) and into float64 (what <c>mean</c> computes). One array lives at a time
/// (2.2 GB each), so it fits a 24 GiB machine.
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
        var managed = Measure(new ManagedBackend(threads), n, reps);
        var torch = Measure(BackendFactory.Create("torch", threads), n, reps);
        double gb = n / 1e9;
        for (int i = 0; i < Into.Length; i++)
        {
            string note = $"{n:E2} uint8 into {Into[i].Name}; torch/managed time {torch[i] / managed[i]:F2}x; " +
                $"managed {gb / managed[i]:F1} GB/s";
            yield return new BenchResult($"torch.sum_uint8.{Into[i].Name}", 1, threads, torch[i], "managed sum",
                managed[i], gb / torch[i], "GB/s", note);
        }
    }

    private static readonly DType[] Into = [DType.Int64, DType.Float64];

    private static double[] Measure(ITensorBackend backend, long n, int reps)
    {
        using (backend)
        {
            using var x = backend.Empty([n], DType.UInt8);
            backend.Fill(x, Scalar.FromInt(3));
            var seconds = new double[Into.Length];
            for (int i = 0; i < Into.Length; i++)
            {
                using var d = backend.Empty([1], Into[i]);
                seconds[i] = Timing.Best(reps, () => backend.Reduce(ReduceOp.Sum, x, [0], d));
                double got = Into[i] == DType.Int64 ? d.ToArray<long>()[0] : d.ToArray<double>()[0];
                if (got != 3.0 * n)
                    throw new InvalidOperationException($"{backend.Name}: sum of {n} threes into {Into[i]} is {got}.");
            }
            return seconds;
        }
    }
}
