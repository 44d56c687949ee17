// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Cluster;

/// <summary>
/// HeAT's <c>_BatchParallelKCluster</c>: every rank clusters its own chunk of the samples (k-means++-style seeding
/// with the seed <c>random_state + rank</c>, then Lloyd / k-medians iterations), then the local centres are merged on a
/// tree: groups of <see cref="n_procs_to_merge"/> ranks gather their centres on the group's first rank, which clusters
/// them again (same seed, same iterations); the first ranks of the groups form the next level until one is left, whose
/// centres rank 0 broadcasts.
/// </summary>
/// <remarks>
/// The result depends on the number of ranks by design (each rank clusters different samples, and the merge averages
/// local centres without weighting them by their sample counts), as in HeAT; for a fixed number of ranks and
/// <see cref="random_state"/> it is deterministic. The samples must be split along axis 0 with at least
/// <see cref="n_clusters"/> samples on every rank. Local work runs through <c>ht</c> on a one-rank communicator split
/// off the samples' one, on the samples' backend and device; the chunk reaches it through a host copy.
/// </remarks>
public abstract class BatchParallelKCluster : BaseEstimator
{
    private readonly int _p;

    private protected BatchParallelKCluster(int p, string plusPlus, int n_clusters, string init, int max_iter,
        double tol, long? random_state, int? n_procs_to_merge)
    {
        string name = GetType().Name;
        if (n_clusters < 1)
            throw new ArgumentOutOfRangeException(nameof(n_clusters), n_clusters, "n_clusters must be positive.");
        ArgumentNullException.ThrowIfNull(init);
        if (init == "random")
            throw new NotSupportedException($"{name}(init: \"random\") is not supported (HeAT: unstable); use "
                + $"init: \"{plusPlus}\".");
        if (init != plusPlus)
            throw new ArgumentException($"init must be '{plusPlus}' or 'random', got '{init}'.", nameof(init));
        if (max_iter < 1)
            throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be positive.");
        if (!(tol > 0)) throw new ArgumentOutOfRangeException(nameof(tol), tol, "tol must be positive.");
        if (n_procs_to_merge is <= 1)
            throw new ArgumentOutOfRangeException(nameof(n_procs_to_merge), n_procs_to_merge,
                "n_procs_to_merge must be null or > 1.");
        _p = p;
        this.n_clusters = n_clusters; this.init = init; this.max_iter = max_iter; this.tol = tol;
        this.random_state = random_state; this.n_procs_to_merge = n_procs_to_merge;
    }

    /// <summary>k.</summary>
    public int n_clusters { get; }
    /// <summary>The seeding of the local and merge clusterings.</summary>
    public string init { get; }
    /// <summary>The most iterations of every local and merge clustering.</summary>
    public int max_iter { get; }
    /// <summary>The absolute tolerance of <c>allclose(centers, previous centers)</c> that ends a clustering.</summary>
    public double tol { get; }
    /// <summary>The seed; rank r seeds with <c>random_state + r</c>. Null draws a base seed from the global
    /// <c>ht.random</c> stream (the same on every rank).</summary>
    public long? random_state { get; }
    /// <summary>The ranks merged per group and level of the tree; null merges all at once.</summary>
    public int? n_procs_to_merge { get; }

    /// <summary>The centres (k × features, replicated).</summary>
    public DNDarray? cluster_centers_ { get; private set; }
    /// <summary>The nearest centre of every training sample (int64, split 0).</summary>
    public DNDarray? labels_ { get; private set; }
    /// <summary>Rank 0's local iterations plus those of every merge it ran (HeAT's count; the same on every
    /// rank).</summary>
    public int n_iter_ { get; private set; }
    /// <summary>From the last <see cref="predict"/>: the sum of squared Euclidean (k-means) or of Manhattan
    /// (k-medians) distances of the samples to their centres.</summary>
    public double functional_value_ { get; private set; }

    /// <summary>Clusters <paramref name="x"/> (samples × features, split 0).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, not split along axis 0, or a rank holds fewer than
    /// n_clusters samples.</exception>
    public BatchParallelKCluster fit(DNDarray x)
    {
        Samples.CheckMatrix(x, nameof(x));
        if (x.split != 0)
            throw new ArgumentException($"x must be split along the samples (split 0), got split "
                + (x.split is null ? "None" : $"{x.split}") + ".", nameof(x));
        var map = x.lshape_map;
        for (int r = 0; r < map.GetLength(0); r++)
            if (map[r, 0] < n_clusters)
                throw new ArgumentException($"every rank needs at least n_clusters = {n_clusters} samples; rank {r} "
                    + $"holds {map[r, 0]}.", nameof(x));
        var world = x.comm;
        long baseSeed = random_state ?? DrawSeed();
        long seed = baseSeed + world.Rank, f = x.shape[1];
        var type = x.dtype == ht.float64 ? ht.float64 : ht.float32;
        var context = HeatContext.Current
            ?? throw new InvalidOperationException("fit must run inside a Heat rank (ht.init or InProcWorld.Run).");
        double[] local = x.ToLocalArray<double>();
        using var self = world.Split(world.Rank, 0)!;
        var selfContext = new RankContext(context.Backend, self, context.Device, context.Loggers)
        {
            LocalRank = context.LocalRank,
        };
        (double[] Centers, int Iterations) Cluster(double[] samples)
        {
            using var enter = HeatContext.Enter(selfContext);
            using var lx = ht.array(samples, [samples.LongLength / f, f], dtype: type, device: x.device);
            return LocalKClustering.Fit(lx, _p, n_clusters, max_iter, tol, seed);
        }
        var (centers, iterations) = Cluster(local);
        int merge = n_procs_to_merge ?? world.Size;
        var active = Enumerable.Range(0, world.Size).ToList();
        while (active.Count > 1)
        {
            int index = active.IndexOf(world.Rank);
            using var group = world.Split(index < 0 ? Heat.Abstractions.Comm.Undefined : index / merge, world.Rank);
            if (group is { Size: > 1 })
            {
                var gathered = new double[group.Size * centers.Length];
                group.Gather<double>(centers, gathered, 0);
                if (group.Rank == 0)
                {
                    var (merged, more) = Cluster(gathered);
                    centers = merged;
                    iterations += more;
                }
            }
            active = active.Where((_, i) => i % merge == 0).ToList();
        }
        world.Bcast<double>(centers, 0);
        n_iter_ = world.Bcast(iterations, 0);
        cluster_centers_?.Dispose();
        labels_?.Dispose();
        cluster_centers_ = ht.array(centers, [n_clusters, f], dtype: x.dtype.IsInexact ? x.dtype : ht.float32,
            device: x.device);
        labels_ = predict(x);
        return this;
    }

    /// <summary>The nearest centre of every sample of <paramref name="x"/> (int64, split 0 like x, or replicated);
    /// sets <see cref="functional_value_"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray predict(DNDarray x)
    {
        if (cluster_centers_ is null)
            throw new InvalidOperationException($"This {GetType().Name} is not fitted yet; call fit first.");
        using var data = Lloyd.From(x, nameof(x));
        Samples.CheckFeatures(data.X, cluster_centers_.shape[1], nameof(x));
        var centers = cluster_centers_.ToArray<double>();
        var labels = LocalKClustering.Assign(data, _p, centers);
        try
        {
            using var scope = DisposeScope.Begin();
            if (_p == 2) functional_value_ = data.Inertia(labels, centers);
            else
                functional_value_ = ht.sum(ht.min(ht.spatial.manhattan(data.X, data.Centers(centers)), axis: 1))
                    .astype(ht.float64).item<double>();
            return labels;
        }
        catch { labels.Dispose(); throw; }
    }

    /// <summary>fit, then the labels of the samples.</summary>
    public DNDarray fit_predict(DNDarray x) => ht.copy(fit(x).labels_!);

    private static long DrawSeed()
    {
        using var draw = ht.random.randint(0, int.MaxValue, [1], ht.int64);
        return draw.item<long>();
    }
}
