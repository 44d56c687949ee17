// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Bench.Experiments;

/// <summary>
/// hsvd_rank(A, 10, compute_sv: true) of a 50,000 × 2,000 float64 matrix split 1 (10,000 × 500 with --quick) on 2
/// in-process ranks × 1 thread against LAPACK's SVD (gesdd, thin) of the gathered matrix with 2 threads, in the same
/// run, once each (no warm-up: the sizes are large). A is of rank 30 with singular values decaying like 0.8^i plus
/// Gaussian noise of 1e-3, so the rank-10 truncation error is substantial; the note gives hSVD's reported error bound,
/// its true relative error ‖A − U S Vt‖_F / ‖A‖_F and LAPACK's optimum ‖s[10:]‖ / ‖s‖.
/// <c>HEAT_BENCH_HSVD=m,n</c> overrides the size (for loaded machines).
/// </summary>
public sealed class LinalgHsvd : IExperiment
{
    /// <inheritdoc/>
    public string Name => "linalg.hsvd";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long m = options.Quick ? 10_000 : 50_000, n = options.Quick ? 500 : 2_000, r = 30;
        if (Environment.GetEnvironmentVariable("HEAT_BENCH_HSVD") is { } size)
        {
            var parts = size.Split(',').Select(long.Parse).ToArray();
            (m, n) = (parts[0], parts[1]);
        }
        var figures = InProcRanks.Run(2, 1, () =>
        {
            var comm = ht.get_comm();
            ht.random.seed(1);
            using var left = ht.random.randn([m, r], dtype: ht.float64);
            var decay = Enumerable.Range(0, (int)r).Select(i => Math.Pow(0.8, i)).ToArray();
            using var scale = ht.array(decay, [r, 1], dtype: ht.float64);
            using var right = ht.random.randn([r, n], dtype: ht.float64, split: 1);
            using var scaled = right * scale;
            using var signal = ht.matmul(left, scaled);
            using var noise = ht.random.randn([m, n], dtype: ht.float64, split: 1);
            using var a = signal + noise * 1e-3;
            comm.Barrier();
            var sw = Stopwatch.StartNew();
            var (u, s, vt, reported) = ht.linalg.hsvd_rank(a, 10, compute_sv: true);
            comm.Barrier();
            double hsvd = comm.Allreduce(sw.Elapsed.TotalSeconds, ReduceOp.Max);
            using var us = u * s!;
            using var approx = ht.matmul(us, vt!);
            using var residual = a - approx;
            double truth = ht.linalg.norm(residual).item<double>() / ht.linalg.norm(a).item<double>();
            u.Dispose(); s!.Dispose(); vt!.Dispose();
            using var whole = ht.resplit(a, null);
            double lapack = 0, optimum = 0;
            if (comm.Rank == 0) (lapack, optimum) = Lapack(whole.larray, m, n);
            comm.Barrier();
            return (hsvd, reported, truth, lapack, optimum);
        });
        var (t, reportedError, trueError, lapackSeconds, best) = figures;
        string note = string.Create(CultureInfo.InvariantCulture,
            $"float64 {m}x{n} split 1, rank-{r} 0.8^i spectrum + 1e-3 noise; reported error {reportedError:E6}, "
            + $"true error {trueError:E6}, optimum (LAPACK) {best:E6}; one run each");
        yield return new BenchResult("linalg.hsvd_rank(10)", 2, 1, t, "gesdd 1x2 gathered", lapackSeconds, null,
            null, note);
    }

    private static (double Seconds, double Optimum) Lapack(LocalTensor a, long m, long n)
    {
        var backend = new ManagedBackend(2);
        using var copy = backend.Empty([m, n], DType.Float64);
        backend.Copy(a, copy);
        using var u = backend.Empty([m, n], DType.Float64);
        using var s = backend.Empty([n], DType.Float64);
        using var vt = backend.Empty([n, n], DType.Float64);
        var sw = Stopwatch.StartNew();
        ((IDenseLinalgKernels)backend).Svd(copy, u, s, vt);
        double seconds = sw.Elapsed.TotalSeconds;
        var values = s.AsSpan<double>().ToArray();
        double tail = values.Skip(10).Sum(v => v * v), total = values.Sum(v => v * v);
        return (seconds, Math.Sqrt(tail / total));
    }
}
