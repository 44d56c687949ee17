// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// Managed backend GEMM (float32, float64; 1 and 2 threads) against a single-thread dot-product GEMM on a transposed
/// copy of B (vectorised by TensorPrimitives.Dot, no blocking) measured in the same run.
/// </summary>
public sealed class ManagedGemm : IExperiment
{
    /// <inheritdoc/>
    public string Name => "managed.gemm";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        int n = options.Quick ? 1024 : 2048;
        int reps = options.Quick ? 2 : 3;
        foreach (var r in Measure<float>(n, reps)) yield return r;
        foreach (var r in Measure<double>(n, reps)) yield return r;
    }

    private static unsafe List<BenchResult> Measure<T>(int n, int reps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dtype = DType.Of<T>();
        var rng = new Random(1);
        var a = new T[(long)n * n]; var b = new T[(long)n * n];
        for (long i = 0; i < a.LongLength; i++) { a[i] = T.CreateTruncating(rng.NextDouble() - 0.5); b[i] = T.CreateTruncating(rng.NextDouble() - 0.5); }
        double flops = 2.0 * n * n * n;

        // Reference: C[i,j] = dot(A[i,:], Bt[j,:]) on one thread.
        var bt = new T[(long)n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) bt[(long)j * n + i] = b[(long)i * n + j];
        var cr = new T[(long)n * n];
        double refSeconds = Timing.Best(reps == 3 ? 2 : 1, () =>
        {
            for (int i = 0; i < n; i++)
            {
                var row = new ReadOnlySpan<T>(a, i * n, n);
                for (int j = 0; j < n; j++) cr[(long)i * n + j] = TensorPrimitives.Dot(row, new ReadOnlySpan<T>(bt, j * n, n));
            }
        });

        var results = new List<BenchResult>();
        foreach (int threads in new[] { 1, 2 })
        {
            using var backend = new ManagedBackend(threads);
            using var ta = backend.FromSpan<T>(a, [n, n]);
            using var tb = backend.FromSpan<T>(b, [n, n]);
            using var tc = backend.Empty([n, n], dtype);
            double seconds = Timing.Best(reps, () => backend.Matmul(ta, tb, tc));
            var c = tc.ToArray<T>();
            double maxErr = 0;
            for (long i = 0; i < c.LongLength; i += 4099) maxErr = Math.Max(maxErr, Math.Abs(double.CreateTruncating(c[i] - cr[i])));
            results.Add(new BenchResult($"managed.gemm.{dtype.Name}", 1, threads, seconds, "dot-product gemm 1t", refSeconds,
                flops / seconds / 1e9, "GFLOP/s", $"{n}x{n}x{n}; reference {flops / refSeconds / 1e9:F1} GFLOP/s; max |diff| {maxErr:G2}"));
        }
        return results;
    }
}
