// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>
/// The chosen backend (<c>--backend</c>) against the managed backend on the same data in the same run: element-wise
/// add and exp, float32 sum, moments (mean and M2), and matmul, on 1 and 2 threads.
/// </summary>
public sealed class BackendOps : IExperiment
{
    /// <inheritdoc/>
    public string Name => "backend.ops";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        var results = new List<BenchResult>();
        foreach (int threads in new[] { 1, 2 })
        {
            using var backend = BackendFactory.Create(options.Backend, threads);
            using var reference = BackendFactory.Create("managed", threads);
            results.AddRange(Elementwise(backend, reference, threads, options.Quick));
            results.AddRange(Reductions(backend, reference, threads, options.Quick));
            results.AddRange(Matmul(backend, reference, threads, options.Quick));
        }
        return results;
    }

    private static IEnumerable<BenchResult> Elementwise(ITensorBackend b, ITensorBackend r, int threads, bool quick)
    {
        long n = quick ? 1L << 22 : 1L << 24; // 16 M float32: 64 MB per operand
        int reps = quick ? 3 : 5;
        double gb = 3.0 * n * 4 / 1e9;
        double add = Time(b, n, reps, (x, y, d) => b.Binary(BinaryOp.Add, x, y, d));
        double addRef = Time(r, n, reps, (x, y, d) => r.Binary(BinaryOp.Add, x, y, d));
        double exp = Time(b, n, reps, (x, _, d) => b.Unary(UnaryOp.Exp, x, d));
        double expRef = Time(r, n, reps, (x, _, d) => r.Unary(UnaryOp.Exp, x, d));
        return
        [
            new BenchResult($"{b.Name}.add.float32", 1, threads, add, "managed add", addRef, gb / add, "GB/s", $"{n} elements, a + b into d; managed {gb / addRef:F1} GB/s"),
            new BenchResult($"{b.Name}.exp.float32", 1, threads, exp, "managed exp", expRef, n / exp / 1e9, "Gelem/s", $"{n} elements; managed {n / expRef / 1e9:F2} Gelem/s"),
        ];
    }

    private static double Time(ITensorBackend be, long n, int reps, Action<LocalTensor, LocalTensor, LocalTensor> op)
    {
        using var x = be.Empty([n], DType.Float32);
        using var y = be.Empty([n], DType.Float32);
        using var d = be.Empty([n], DType.Float32);
        be.Arange(x, Scalar.FromDouble(-1), Scalar.FromDouble(2.0 / n));
        be.Fill(y, 0.5f);
        return Timing.Best(reps, () => op(x, y, d));
    }

    private static IEnumerable<BenchResult> Reductions(ITensorBackend b, ITensorBackend r, int threads, bool quick)
    {
        long n = quick ? 1L << 24 : 1L << 26; // 64 M float32: 256 MB
        int reps = quick ? 3 : 5;
        var results = new List<BenchResult>();
        foreach (var dt in new[] { DType.Float32, DType.Float64 })
        {
            double gb = (double)n * dt.ItemSize / 1e9;
            var (sum, sumValue) = Sum(b, dt, n, reps);
            var (sumRef, sumRefValue) = Sum(r, dt, n, reps);
            results.Add(new BenchResult($"{b.Name}.sum.{dt}", 1, threads, sum, "managed sum", sumRef, gb / sum, "GB/s",
                $"{gb:F2} GB; managed {gb / sumRef:F1} GB/s; sums {sumValue:G9} vs {sumRefValue:G9}"));
            var (mom, m2) = Moments(b, dt, n, reps);
            var (momRef, m2Ref) = Moments(r, dt, n, reps);
            results.Add(new BenchResult($"{b.Name}.moments.{dt}", 1, threads, mom, "managed moments", momRef, gb / mom, "GB/s",
                $"{gb:F2} GB; managed {gb / momRef:F1} GB/s; M2 {m2:G9} vs {m2Ref:G9}"));
        }
        return results;
    }

    private static (double, double) Sum(ITensorBackend be, DType dt, long n, int reps)
    {
        using var x = be.Empty([n], dt);
        be.Fill(x, 0.1);
        using var d = be.Empty([1], dt);
        double t = Timing.Best(reps, () => be.Reduce(ReduceOp.Sum, x, [0], d));
        using var host = be.Copy(d, DType.Float64);
        return (t, host.ToArray<double>()[0]);
    }

    private static (double, double) Moments(ITensorBackend be, DType dt, long n, int reps)
    {
        using var x = be.Empty([n], dt);
        be.Arange(x, Scalar.FromDouble(0), Scalar.FromDouble(1.0 / n));
        using var mean = be.Empty([1], DType.Float64);
        using var m2 = be.Empty([1], DType.Float64);
        double t = Timing.Best(reps, () => be.Moments(x, [0], mean, m2));
        return (t, m2.ToArray<double>()[0]);
    }

    private static IEnumerable<BenchResult> Matmul(ITensorBackend b, ITensorBackend r, int threads, bool quick)
    {
        long n = quick ? 1024 : 2048;
        int reps = quick ? 2 : 3;
        var results = new List<BenchResult>();
        foreach (var dt in new[] { DType.Float32, DType.Float64 })
        {
            double flops = 2.0 * n * n * n;
            double t = Gemm(b, dt, n, reps), tRef = Gemm(r, dt, n, reps);
            results.Add(new BenchResult($"{b.Name}.matmul.{dt}", 1, threads, t, "managed matmul", tRef, flops / t / 1e9, "GFLOP/s",
                $"{n}x{n}x{n}; managed {flops / tRef / 1e9:F1} GFLOP/s"));
        }
        return results;
    }

    private static double Gemm(ITensorBackend be, DType dt, long n, int reps)
    {
        using var a = be.Empty([n, n], dt);
        using var bb = be.Empty([n, n], dt);
        using var c = be.Empty([n, n], dt);
        be.Fill(a, 0.5);
        be.Fill(bb, 0.25);
        return Timing.Best(reps, () => be.Matmul(a, bb, c));
    }
}
