// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Cluster;

namespace Heat.Bench.Experiments;

/// <summary>
/// The kernels of issue 21 (performance against scikit-learn, torch and dask), on 1 rank × all threads and 2 ranks ×
/// half of them: one k-means (Lloyd) iteration on 1e6 × 18 float32, k = 8 (fits of 10 and 1 iterations); the exact
/// cdist (<c>quadratic_expansion: false</c>) of 20,000 and 40,000 × 18 float32 against itself; mean and sum along axis
/// 0 of 4,096 × 65,536 float32 (1 GiB, split 0). Sizes shrink with --quick. The peers' figures (NumPy, dask, torch,
/// scikit-learn on this machine) are in bench/RESULTS.md.
/// </summary>
public sealed class MlKernels : IExperiment
{
    /// <inheritdoc/>
    public string Name => "ml.kernels";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        bool quick = options.Quick;
        long kmN = quick ? 200_000 : 1_000_000, rows = quick ? 512 : 4096;
        long[] cdistN = quick ? [4000, 8000] : [20000, 40000];
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        foreach (var (ranks, threads) in new[] { (1, cores), (2, Math.Max(1, cores / 2)) })
        {
            var t = InProcRanks.Run(ranks, threads, () =>
            {
                var comm = ht.get_comm();
                ht.random.seed(1);
                double km10, km1;
                using (var k = ht.random.randn([kmN, 18], split: 0))
                {
                    km10 = InProcRanks.Timed(comm, 2, () => Fit(k, 10));
                    km1 = InProcRanks.Timed(comm, 2, () => Fit(k, 1));
                }
                var exact = new double[cdistN.Length];
                for (int i = 0; i < cdistN.Length; i++)
                {
                    using var x = ht.random.randn([cdistN[i], 18], split: 0);
                    exact[i] = InProcRanks.Timed(comm, 2,
                        () => ht.spatial.cdist(x, quadratic_expansion: false).Dispose());
                }
                using var wide = ht.random.rand([rows, 65536], split: 0);
                double mean = InProcRanks.Timed(comm, 5, () => ht.mean(wide, 0).Dispose());
                double sum = InProcRanks.Timed(comm, 5, () => ht.sum(wide, 0).Dispose());
                return (km10 > km1 ? (km10 - km1) / 9 : km10 / 10, exact, mean, sum);
            });
            yield return new BenchResult("ml.kernels.kmeans.iteration", ranks, threads, t.Item1, "none", 0, null, null,
                $"{kmN} x 18 float32, k = 8");
            for (int i = 0; i < cdistN.Length; i++)
                yield return new BenchResult("ml.kernels.cdist.exact", ranks, threads, t.exact[i], "none", 0, null,
                    null, $"{cdistN[i]} x 18 float32 vs itself, quadratic_expansion: false");
            double gb = rows * 65536 * 4 / 1e9;
            yield return new BenchResult("ml.kernels.mean(axis 0)", ranks, threads, t.mean, "none", 0, gb / t.mean,
                "GB/s", $"{rows} x 65536 float32 split 0");
            yield return new BenchResult("ml.kernels.sum(axis 0)", ranks, threads, t.sum, "none", 0, gb / t.sum, "GB/s",
                $"{rows} x 65536 float32 split 0");
        }
    }

    private static void Fit(DNDarray x, int iterations)
    {
        var model = new KMeans(8, "random", max_iter: iterations, tol: 0, random_state: 2).fit(x);
        model.cluster_centers_!.Dispose();
        model.labels_!.Dispose();
    }
}
