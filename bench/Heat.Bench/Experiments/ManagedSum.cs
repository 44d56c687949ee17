// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>Managed backend float32 sum (Reduce into float32, accumulated in float64) against a plain SIMD float32 sum of the same 1 GiB.</summary>
public sealed class ManagedSum : IExperiment
{
    /// <inheritdoc/>
    public string Name => "managed.sum";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 1L << 26 : 1L << 28; // 256 MiB or 1 GiB of float32
        int reps = options.Quick ? 3 : 5;
        double gb = n * 4 / 1e9;
        var results = new List<BenchResult>();
        foreach (int threads in new[] { 1, 2 })
        {
            using var backend = new ManagedBackend(threads);
            using var x = backend.Empty([n], DType.Float32);
            backend.Fill(x, 0.1f);
            double refSeconds = Timing.Best(reps, () => PlainSum(x.HostPointer, n));
            using var d = backend.Empty([1], DType.Float32);
            double seconds = Timing.Best(reps, () => backend.Reduce(ReduceOp.Sum, x, [0], d));
            double exact = (double)0.1f * n;
            float got = d.ToArray<float>()[0];
            float plain = PlainSum(x.HostPointer, n);
            results.Add(new BenchResult("managed.sum.float32", 1, threads, seconds, "simd float32 sum 1t", refSeconds, gb / seconds, "GB/s",
                $"{gb:F2} GB; reference {gb / refSeconds:F1} GB/s; rel. error backend {Math.Abs(got - exact) / exact:G2}, plain {Math.Abs(plain - exact) / exact:G2}"));
        }
        return results;
    }

    private static unsafe float PlainSum(nint p, long n)
    {
        float total = 0;
        for (long start = 0; start < n; start += 1 << 28)
            total += TensorPrimitives.Sum(new ReadOnlySpan<float>((float*)p + start, (int)Math.Min(1 << 28, n - start)));
        return total;
    }
}
