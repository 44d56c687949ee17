// SPDX-License-Identifier: MIT
using Heat.Cluster;
using Heat.Regression;

using Heat.Abstractions;

namespace Heat.Cli.Paper;

/// <summary>
/// The four workloads of the HeAT paper (Götz et al., IEEE Big Data 2020) on synthetic data shaped like the paper's:
/// statistical moments on short-fat data (Cityscapes-like), cdist on 18 features (SUSY-like), k-means on 18 features,
/// LASSO on 100 features (EURAD-like). Each runs on the calling rank and returns the timed seconds of the workload
/// (data generation excluded); <c>scale</c> multiplies the number of samples.
/// </summary>
internal static class PaperWorkloads
{
    public sealed record Workload(string Name, string Shape, Func<double, bool, double> Run, bool Quadratic = false);

    /// <summary>The workloads with their base sizes (quick or full).</summary>
    public static Workload[] All(bool quick) =>
    [
        new("moments", quick ? "256 x 65536 float32" : "1024 x 65536 float32", (scale, _) => Moments((long)((quick ? 256 : 1024) * scale), 65536)),
        new("cdist", quick ? "3000 x 18 float32 vs itself" : "10000 x 18 float32 vs itself", (scale, weak) => Cdist((long)((quick ? 3000 : 10000) * (weak ? Math.Sqrt(scale) : 1)), 18)),
        new("kmeans", quick ? "100000 x 18 float32, k=8, 10 iterations" : "400000 x 18 float32, k=8, 10 iterations", (scale, _) => KMeansRun((long)((quick ? 100_000 : 400_000) * scale), 18, 8, 10)),
        new("lasso", quick ? "50000 x 100 float64, 10 sweeps" : "200000 x 100 float64, 10 sweeps", (scale, _) => LassoRun((long)((quick ? 50_000 : 200_000) * scale), 100, 10)),
    ];

    private static double Timed(Action action)
    {
        var comm = ht.get_comm();
        comm.Barrier();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        action();
        comm.Barrier();
        return comm.Allreduce(sw.Elapsed.TotalSeconds, ReduceOp.Max);
    }

    private static double Moments(long rows, long cols)
    {
        ht.random.seed(1);
        using var x = ht.random.randn([rows, cols], split: 0);
        return Timed(() =>
        {
            ht.mean(x, 0).Dispose(); ht.std(x, 0).Dispose();
            ht.mean(x).Dispose(); ht.std(x).Dispose();
        });
    }

    private static double Cdist(long n, long features)
    {
        ht.random.seed(2);
        using var x = ht.random.randn([n, features], split: 0);
        return Timed(() => ht.spatial.cdist(x, quadratic_expansion: true).Dispose());
    }

    private static double KMeansRun(long n, long features, int k, int iterations)
    {
        ht.random.seed(3);
        using var x = ht.random.randn([n, features], split: 0);
        return Timed(() => new KMeans(k, "random", max_iter: iterations, tol: 0, random_state: 4).fit(x));
    }

    private static double LassoRun(long n, long features, int sweeps)
    {
        ht.random.seed(5);
        using var noise = ht.random.randn([n, features], ht.float64, 0);
        using var ones = ht.ones([n, 1], ht.float64, 0);
        using var x = ht.concatenate([ones, noise[.., 1..]], 1);
        using var w = ht.random.randn([features], ht.float64);
        using var signal = ht.matmul(x, w);
        using var eps = ht.random.randn([n], ht.float64, 0);
        using var y = signal + eps;
        return Timed(() => new Lasso(lam: 0.01, max_iter: sweeps, tol: 0).fit(x, y));
    }
}
