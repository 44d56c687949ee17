// SPDX-License-Identifier: MIT
using Heat.Bench.Peers;
using Heat.Classification;
using Heat.Cluster;
using Heat.Decomposition;
using Heat.NaiveBayes;
using Heat.Preprocessing;

namespace Heat.Bench.Experiments;

/// <summary>
/// Issue 20: every estimator at a representative size against scikit-learn (2 threads, <c>/usr/bin/python3</c>) in
/// the same run (<c>--only peers.ml</c>): Heat on 1 rank × 2 threads and 2 ranks × 1 thread, the ratio and whether
/// Heat is faster. Clusterings fit (fixed initial centroids where both sides take them), decompositions fit, scalers
/// fit_transform, GaussianNB fit + predict, k nearest neighbours fit + predict; the same .npy files on both sides.
/// </summary>
public sealed class PeersMl : IExperiment
{
    private static readonly (int Ranks, int Threads)[] Layouts = [(1, 2), (2, 1)];
    private const int PeerThreads = 2, K = 8, Components = 10;

    /// <inheritdoc/>
    public string Name => "peers.ml";

    /// <summary>The sizes of one run.</summary>
    private sealed record Sizes(long Clustering, long Spectral, long Table, long Features, long Train, long Query,
        int Iterations, long Batch, int Reps, int PeerReps);

    /// <summary>One estimator: its name (as in bench/peers/ml.py), the size it runs on, and what Heat times; the peer
    /// is scikit-learn's estimator of the same name unless <see cref="Peer"/> says otherwise.</summary>
    private sealed record Case(string Name, string Size, Action<Inputs> Body)
    {
        public string Peer { get; init; } = "sklearn " + Name;
    }

    /// <summary>The arrays every rank loaded.</summary>
    private sealed record Inputs(DNDarray Clustering, DNDarray Init, DNDarray Spectral, DNDarray SpectralInit,
        DNDarray Table, DNDarray Labels, DNDarray Train, DNDarray TrainLabels, DNDarray Query);

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        var z = options.Quick
            ? new Sizes(100_000, 1_000, 20_000, 100, 10_000, 1_000, 5, 5_000, 1, 1)
            : new Sizes(1_000_000, 5_000, 100_000, 100, 100_000, 10_000, 10, 10_000, 1, 2);
        const double gamma = 1.0 / 18;
        using var data = new PeerData();
        var p = data.Write(7, () =>
        {
            var x = ht.random.randn([z.Clustering, 18], split: 0);
            var spectral = x[ht.slice(0, z.Spectral)];
            var table = ht.random.randn([z.Table, z.Features], split: 0);
            var train = x[ht.slice(0, z.Train)];
            return [("ml.x", x), ("ml.init", x[ht.slice(0, K)]), ("ml.spectral", spectral),
                ("ml.spectral.init", spectral[ht.slice(0, K)]), ("ml.table", table),
                ("ml.table.y", ht.random.randint(0, K, [z.Table], split: 0)), ("ml.train", train),
                ("ml.train.y", ht.random.randint(0, K, [z.Train], split: 0)),
                ("ml.query", x[ht.slice(z.Train, z.Train + z.Query)])];
        });
        string clu = $"{N(z.Clustering)} × 18, k {K}, {z.Iterations} it.", tab = $"{N(z.Table)} × {z.Features}";
        var cases = new Case[]
        {
            new("KMeans", clu + ", fixed init, tol 0", i => new KMeans(i.Init, z.Iterations, 0).fit(i.Clustering)),
            new("KMedians", clu + ", fixed init, tol 0", i => new KMedians(i.Init, z.Iterations, 0).fit(i.Clustering)),
            new("KMedoids", clu + ", fixed init", i => new KMedoids(i.Init, z.Iterations).fit(i.Clustering)),
            new("BatchParallelKMeans", clu + ", k-means++ (peer: KMeans k-means++, n_init 1)",
                i => new BatchParallelKMeans(K, max_iter: z.Iterations, random_state: 1).fit(i.Clustering))
            { Peer = "sklearn KMeans (k-means++)" },
            new("Spectral", $"{N(z.Spectral)} × 18, rbf γ 1/18, k {K}",
                i => new Spectral(K, gamma: gamma, random_state: 1).fit(i.Spectral))
            { Peer = "sklearn SpectralClustering" },
            new("PCA full", tab + $", {Components} components, fit",
                i => new PCA(Components, svd_solver: "full").fit(i.Table)),
            new("PCA randomized", tab + $", {Components} components, 4 power iterations, fit",
                i => new PCA(Components, svd_solver: "randomized", iterated_power: 4, random_state: 1).fit(i.Table)),
            new("IncrementalPCA", tab + $", {Components} components, batches of {N(z.Batch)}, fit",
                i => new IncrementalPCA(Components, batch_size: z.Batch).fit(i.Table)),
            new("StandardScaler", tab + ", fit_transform", i => new StandardScaler().fit_transform(i.Table).Dispose()),
            new("MinMaxScaler", tab + ", fit_transform", i => new MinMaxScaler().fit_transform(i.Table).Dispose()),
            new("MaxAbsScaler", tab + ", fit_transform", i => new MaxAbsScaler().fit_transform(i.Table).Dispose()),
            new("RobustScaler", tab + ", fit_transform", i => new RobustScaler().fit_transform(i.Table).Dispose()),
            new("Normalizer", tab + ", fit_transform", i => new Normalizer().fit_transform(i.Table).Dispose()),
            new("GaussianNB", tab + $", {K} classes, fit + predict",
                i => new GaussianNB().fit(i.Table, i.Labels).predict(i.Table).Dispose()),
            new("KNeighborsClassifier", $"{N(z.Train)} train × 18, {N(z.Query)} queries, k 5, fit + predict",
                i => new KNeighborsClassifier(5).fit(i.Train, i.TrainLabels).predict(i.Query).Dispose()),
        };
        var peers = PythonPeers.Run("ml.py", new
        {
            cluster = new Dictionary<string, string[]>
            {
                ["KMeans"] = [p[0], p[1]], ["KMedians"] = [p[0], p[1]], ["KMedoids"] = [p[0], p[1]],
                ["BatchParallelKMeans"] = [p[0], p[1]], ["Spectral"] = [p[2], p[3]],
            },
            table = new { x = p[4], y = p[5] },
            knn = new { train = p[6], y = p[7], query = p[8] },
            cases = cases.Select(c => c.Name).ToArray(),
            iters = z.Iterations, gamma, batch = z.Batch, reps = z.PeerReps,
        }, cases.Select(c => c.Name).ToArray(), PeerThreads, TimeSpan.FromMinutes(options.Quick ? 3 : 30));

        var rows = new List<PeerRow>();
        foreach (var (ranks, threads) in Layouts)
        {
            var failures = new Dictionary<string, string>();
            double[] times = InProcRanks.Run(ranks, threads, () =>
            {
                using var scope = DisposeScope.Begin();
                var inputs = new Inputs(ht.load_npy(p[0], split: 0), ht.load_npy(p[1]), ht.load_npy(p[2], split: 0),
                    ht.load_npy(p[3]), ht.load_npy(p[4], split: 0), ht.load_npy(p[5], split: 0),
                    ht.load_npy(p[6], split: 0), ht.load_npy(p[7], split: 0), ht.load_npy(p[8], split: 0));
                var comm = ht.get_comm();
                return cases.Select(c =>
                {
                    // A failing estimator (it throws on every rank alike) is reported in its row; the others go on.
                    double t;
                    try { t = InProcRanks.Timed(comm, z.Reps, () => c.Body(inputs)); }
                    catch (Exception e) when (e is InvalidOperationException or ArgumentException
                                                  or NotSupportedException or ArithmeticException)
                    {
                        if (comm.Rank == 0) failures[c.Name] = $"{e.GetType().Name}: {e.Message}";
                        t = 0;
                    }
                    if (comm.Rank == 0) Console.Error.WriteLine($"# peers.ml: {c.Name} on {ranks} x {threads} done");
                    return t;
                }).ToArray();
            });
            for (int c = 0; c < cases.Length; c++)
            {
                var one = Only(peers, cases[c].Name, cases[c].Peer);
                string note = failures.TryGetValue(cases[c].Name, out var failure) ? $"Heat failed: {failure}" : "";
                rows.Add(new PeerRow($"{cases[c].Name} ({cases[c].Size})", ranks, threads, times[c], one, null, null,
                    note) { Id = "peers.ml." + cases[c].Name.Replace(' ', '_') });
            }
        }
        rows = [.. rows.OrderBy(r => Array.FindIndex(cases, c => r.Workload.StartsWith(c.Name + " (",
            StringComparison.Ordinal))).ThenBy(r => r.Ranks)];
        PeerTable.Print($"Heat estimators vs scikit-learn (issue 20){(options.Quick ? ", --quick sizes" : "")}", rows);
        return rows.Select(r => r.ToResult()).ToList();
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    // The part of the answer that concerns one estimator, under the peer's display name.
    private static PeerAnswer Only(PeerAnswer all, string name, string peer) => new(
        all.Seconds.Where(p => p.Key == name).ToDictionary(_ => peer, p => p.Value),
        all.Skipped.Where(p => p.Key == name).ToDictionary(_ => peer, p => p.Value),
        all.Info.Where(p => p.Key == name).ToDictionary(_ => peer, p => p.Value));
}
