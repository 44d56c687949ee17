// SPDX-License-Identifier: MIT
using Heat.Graph;

namespace Heat.Cluster;

/// <summary>
/// Spectral clustering, as HeAT's <c>Spectral</c>: the samples' similarity graph (<c>"rbf"</c> with
/// σ = √(1 / (2 γ)), or <c>"euclidean"</c> distances) gives a symmetric normalised <see cref="Laplacian"/>; the
/// eigenvectors of its n_clusters smallest eigenvalues embed the samples, and <see cref="KMeans"/> clusters the
/// embedding. Without n_clusters the largest gap between consecutive eigenvalues decides it.
/// </summary>
/// <remarks>
/// The eigenvectors come from <c>ht.linalg.eigh</c> (exact; it gathers the n × n Laplacian on every rank, which suits
/// moderate n) instead of HeAT's Lanczos approximation, so <c>n_lanczos</c> is kept for HeAT's signature only.
/// Labels are split like the samples along 0 (else replicated).
/// </remarks>
public sealed class Spectral : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="n_clusters">The number of clusters, or null to pick it from the eigengap.</param>
    /// <param name="gamma">The rbf kernel's γ.</param>
    /// <param name="metric"><c>"rbf"</c> or <c>"euclidean"</c>.</param>
    /// <param name="laplacian"><c>"fully_connected"</c> or <c>"eNeighbour"</c>.</param>
    /// <param name="threshold">The ε of <c>"eNeighbour"</c>.</param>
    /// <param name="boundary"><c>"upper"</c> or <c>"lower"</c> (the side of ε that makes an edge).</param>
    /// <param name="n_lanczos">HeAT's Lanczos steps (unused, see the remarks).</param>
    /// <param name="assign_labels"><c>"kmeans"</c>.</param>
    /// <param name="random_state">The seed of the k-means initialisation.</param>
    /// <exception cref="ArgumentException">A parameter is out of range or an unknown string.</exception>
    public Spectral(int? n_clusters = null, double gamma = 1.0, string metric = "rbf",
        string laplacian = "fully_connected", double threshold = 1.0, string boundary = "upper", int n_lanczos = 300,
        string assign_labels = "kmeans", long? random_state = null)
    {
        if (n_clusters is < 1)
            throw new ArgumentOutOfRangeException(nameof(n_clusters), n_clusters, "n_clusters must be >= 1.");
        if (!(gamma > 0)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be > 0.");
        if (metric is not ("rbf" or "euclidean"))
            throw new ArgumentException($"metric must be 'rbf' or 'euclidean', got '{metric}'.", nameof(metric));
        if (assign_labels is not "kmeans")
            throw new ArgumentException($"assign_labels must be 'kmeans', got '{assign_labels}'.",
                nameof(assign_labels));
        double sigma = Math.Sqrt(1 / (2 * gamma));
        Func<DNDarray, DNDarray> similarity = metric == "rbf"
            ? x => ht.spatial.rbf(x, sigma: sigma)
            : x => ht.spatial.cdist(x);
        _laplacian = new Laplacian(similarity, weighted: true, definition: "norm_sym", mode: laplacian,
            threshold_key: boundary, threshold_value: threshold);
        this.n_clusters = n_clusters; this.gamma = gamma; this.metric = metric; this.laplacian = laplacian;
        this.threshold = threshold; this.boundary = boundary; this.n_lanczos = n_lanczos;
        this.assign_labels = assign_labels; this.random_state = random_state;
    }

    private readonly Laplacian _laplacian;

    /// <summary>The requested number of clusters (null: from the eigengap).</summary>
    public int? n_clusters { get; }
    /// <summary>The rbf kernel's γ.</summary>
    public double gamma { get; }
    /// <summary>The similarity metric.</summary>
    public string metric { get; }
    /// <summary>The graph construction.</summary>
    public string laplacian { get; }
    /// <summary>The ε of the ε-neighbourhood graph.</summary>
    public double threshold { get; }
    /// <summary>The side of ε that makes an edge.</summary>
    public string boundary { get; }
    /// <summary>HeAT's Lanczos steps (unused).</summary>
    public int n_lanczos { get; }
    /// <summary>How the embedding is clustered.</summary>
    public string assign_labels { get; }
    /// <summary>The seed of the k-means initialisation.</summary>
    public long? random_state { get; }

    /// <summary>The cluster of every sample (int64).</summary>
    public DNDarray? labels_ { get; private set; }
    /// <summary>The k-means centres in the spectral embedding (k × k).</summary>
    public DNDarray? cluster_centers_ { get; private set; }
    /// <summary>The number of clusters found or used.</summary>
    public int n_clusters_ { get; private set; }

    /// <summary>Clusters <paramref name="x"/> (samples × features).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, or has fewer samples than n_clusters.</exception>
    public Spectral fit(DNDarray x)
    {
        Samples.CheckMatrix(x, nameof(x));
        long n = x.shape[0];
        if (n_clusters is int k0 && k0 > n)
            throw new ArgumentException($"x has {n} samples, fewer than n_clusters = {k0}.", nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.dtype == ht.float64 ? x : x.astype(ht.float32);
        if (data.split == 1) data = ht.resplit(data, 0);
        var (values, vectors) = ht.linalg.eigh(_laplacian.construct(data));
        // eigh gives descending eigenvalues: the smallest are the last columns.
        double[] ascending = values.astype(ht.float64).ToArray<double>().Reverse().ToArray();
        int k = n_clusters ?? Eigengap(ascending);
        var embedding = ht.resplit(vectors, data.split)[ht.slice(), ht.slice(n - k, n)];
        var kmeans = new KMeans(n_clusters: k, init: "k-means++", random_state: random_state ?? 0).fit(embedding);
        labels_?.Dispose(); cluster_centers_?.Dispose();
        labels_ = scope.MoveToOuter(kmeans.labels_!);
        cluster_centers_ = scope.MoveToOuter(kmeans.cluster_centers_!);
        n_clusters_ = k;
        return this;
    }

    /// <summary>fit, then the labels.</summary>
    public DNDarray fit_predict(DNDarray x) => ht.copy(fit(x).labels_!);

    /// <summary>The number of eigenvalues before the largest gap between consecutive ones (HeAT).</summary>
    private static int Eigengap(double[] ascending)
    {
        int best = 0;
        for (int i = 1; i < ascending.Length - 1; i++)
            if (ascending[i + 1] - ascending[i] > ascending[best + 1] - ascending[best]) best = i;
        return best + 1;
    }
}
