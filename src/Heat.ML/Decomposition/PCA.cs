// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

/// <summary>
/// Principal component analysis, as HeAT's (and scikit-learn's) <c>PCA</c>: the data is centred and the leading right
/// singular vectors of the centred data (<c>ht.linalg.svd</c>) become <c>components_</c>, with scikit-learn's
/// attributes (<c>explained_variance_</c> = S² / (n − 1), its ratio to the total variance, <c>singular_values_</c>,
/// <c>mean_</c>, <c>noise_variance_</c>).
/// </summary>
/// <remarks>
/// <c>svd_solver: "hierarchical"</c> (HeAT's default is "full" here, as scikit-learn's exact solver) fits with
/// <c>ht.linalg.hsvd_rank</c> (integer n_components) or <c>hsvd_rtol</c> (a share: rtol = √(1 − share)) with
/// safetyshift 0, and <c>"randomized"</c> with <c>ht.linalg.rsvd</c>, as HeAT; both fall back to the full SVD for
/// data that is not distributed (HeAT). Unlike HeAT, both also fill <c>singular_values_</c>,
/// <c>explained_variance_</c>, its ratio and <c>noise_variance_</c> (scikit-learn's randomized formulas).
/// Samples split along 0 take the TS-QR path of <c>ht.linalg.svd</c> (only the features × features factor is
/// replicated); other layouts are gathered by the SVD. Each component's sign is fixed so that its largest entry (the
/// first among equals) is positive, so results do not depend on the number of ranks. Computed in float64 for float64
/// data, else in float32.
/// </remarks>
public sealed partial class PCA : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="n_components">The components kept: null keeps min(samples, features); an integer ≥ 1 that many;
    /// a share in (0, 1) the fewest whose explained variance ratios sum beyond it.</param>
    /// <param name="copy">Kept for HeAT's signature: the input is never overwritten.</param>
    /// <param name="whiten">transform scales every component to unit variance.</param>
    /// <param name="svd_solver"><c>"full"</c> (LAPACK/TS-QR), <c>"hierarchical"</c> (hSVD, samples split 0) or
    /// <c>"randomized"</c> (rSVD).</param>
    /// <param name="tol">Must be null (HeAT: no iterative solver needs it yet).</param>
    /// <param name="iterated_power">Power iterations of the randomized solver (≥ 0).</param>
    /// <param name="n_oversamples">Oversampling of the randomized solver (≥ 0).</param>
    /// <param name="power_iteration_normalizer">Only "qr" (HeAT).</param>
    /// <param name="random_state">Seed of <c>ht.random</c>, set when the randomized solver fits.</param>
    /// <exception cref="ArgumentException">n_components is not null, a positive integer or a share in (0, 1),
    /// svd_solver is another string, tol is given, iterated_power or n_oversamples is negative, or
    /// power_iteration_normalizer is not "qr".</exception>
    public PCA(double? n_components = null, bool copy = true, bool whiten = false, string svd_solver = "full",
        double? tol = null, int iterated_power = 0, int n_oversamples = 10, string power_iteration_normalizer = "qr",
        long? random_state = null)
    {
        if (n_components is { } c && !(c > 0 && c < 1) && !(c >= 1 && c == Math.Floor(c)))
            throw new ArgumentException($"n_components must be null, an integer >= 1 or a share in (0, 1), got {c}.",
                nameof(n_components));
        CheckSolver(tol, iterated_power, n_oversamples, power_iteration_normalizer);
        if (svd_solver is not ("full" or "hierarchical" or "randomized"))
            throw new ArgumentException(
                $"svd_solver must be 'full', 'hierarchical' or 'randomized', got '{svd_solver}'.", nameof(svd_solver));
        this.n_components = n_components; this.copy = copy; this.whiten = whiten; this.svd_solver = svd_solver;
        this.tol = tol; this.iterated_power = iterated_power; this.n_oversamples = n_oversamples;
        this.power_iteration_normalizer = power_iteration_normalizer; this.random_state = random_state;
    }

    /// <summary>The requested components (see the constructor).</summary>
    public double? n_components { get; }
    /// <summary>HeAT's copy flag.</summary>
    public bool copy { get; }
    /// <summary>Whether transform whitens.</summary>
    public bool whiten { get; }
    /// <summary>The SVD solver.</summary>
    public string svd_solver { get; }
    /// <summary>The hierarchical solver's tolerance.</summary>
    public double? tol { get; }
    /// <summary>The randomized solver's power iterations.</summary>
    public int iterated_power { get; }
    /// <summary>The randomized solver's oversampling.</summary>
    public int n_oversamples { get; }
    /// <summary>The randomized solver's normaliser.</summary>
    public string power_iteration_normalizer { get; }
    /// <summary>The randomized solver's seed.</summary>
    public long? random_state { get; }

    /// <summary>The principal axes (n_components_ × features, replicated), by decreasing explained variance.
    /// </summary>
    public DNDarray? components_ { get; private set; }
    /// <summary>The variance along each component (S² / (samples − 1)).</summary>
    public DNDarray? explained_variance_ { get; private set; }
    /// <summary>Each component's share of the total variance.</summary>
    public DNDarray? explained_variance_ratio_ { get; private set; }
    /// <summary>The singular values of the centred data belonging to the components.</summary>
    public DNDarray? singular_values_ { get; private set; }
    /// <summary>The per-feature mean (replicated).</summary>
    public DNDarray? mean_ { get; private set; }
    /// <summary>The number of components kept.</summary>
    public long n_components_ { get; private set; }
    /// <summary>The mean variance of the discarded components (0 when none is discarded).</summary>
    public double noise_variance_ { get; private set; }
    /// <summary>The number of samples seen by fit.</summary>
    public long n_samples_ { get; private set; }
    /// <summary>The number of features seen by fit.</summary>
    public long n_features_in_ { get; private set; }

    /// <summary>Fits the components to <paramref name="x"/> (samples × features).</summary>
    /// <exception cref="ArgumentException">x is not 2-d real, has fewer than 2 samples, or n_components exceeds
    /// min(samples, features).</exception>
    public PCA fit(DNDarray x)
    {
        Samples.CheckMatrix(x, nameof(x));
        long n = x.shape[0], f = x.shape[1], rank = Math.Min(n, f);
        if (n < 2) throw new ArgumentException($"x needs at least 2 samples, got {n}.", nameof(x));
        if (n_components is >= 1 and var c && c > rank)
            throw new ArgumentException($"n_components = {c} exceeds min(samples, features) = {rank}.",
                nameof(n_components));
        CheckShare();
        if (svd_solver != "full" && x.is_distributed())
        {
            Truncated(x, n, f);
            return this;
        }
        using var scope = DisposeScope.Begin();
        var data = x.dtype == ht.float64 ? x : x.astype(ht.float32);
        var mean = ht.mean(data, axis: 0);
        var (_, s, vt) = ht.linalg.svd(data - mean);
        double[] singular = s.astype(ht.float64).ToArray<double>();
        double[] variance = singular.Select(v => v * v / (n - 1)).ToArray();
        double total = variance.Sum();
        long k = n_components switch
        {
            null => rank,
            >= 1 and var count => (long)count,
            var share => Math.Min(rank, Shares(variance, total, share.Value)),
        };
        var components = ht.resplit(vt!, null)[ht.slice(0, k)];
        foreach (var a in new[] { components_, explained_variance_, explained_variance_ratio_, singular_values_,
                     mean_ })
            a?.Dispose();
        components_ = scope.MoveToOuter(SignFixed(components));
        explained_variance_ = scope.MoveToOuter(ht.array(variance[..(int)k], [k], dtype: data.dtype));
        explained_variance_ratio_ = scope.MoveToOuter(
            ht.array(variance[..(int)k].Select(v => v / total).ToArray(), [k], dtype: data.dtype));
        singular_values_ = scope.MoveToOuter(ht.array(singular[..(int)k], [k], dtype: data.dtype));
        mean_ = scope.MoveToOuter(ht.resplit(mean, null));
        noise_variance_ = k < rank ? variance[(int)k..].Average() : 0.0;
        total_explained_variance_ratio_ = variance[..(int)k].Sum() / total;
        (n_components_, n_samples_, n_features_in_) = (k, n, f);
        return this;
    }

    /// <summary>Projects <paramref name="x"/> onto the components (samples × n_components_, split like x along 0).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or has another number of features.</exception>
    public DNDarray transform(DNDarray x)
    {
        var data = Fitted(x);
        using var scope = DisposeScope.Begin();
        var projected = ht.matmul(data - mean_!, components_!.T);
        if (whiten) projected = projected / ht.sqrt(explained_variance_!);
        if (!ReferenceEquals(data, x)) data.Dispose();
        return scope.MoveToOuter(projected);
    }

    /// <summary>Maps projected samples back to the feature space (samples × features).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">x is not 2-d real, or does not have n_components_ columns.</exception>
    public DNDarray inverse_transform(DNDarray x)
    {
        if (components_ is null) throw new InvalidOperationException("This PCA is not fitted yet; call fit first.");
        Samples.CheckMatrix(x, nameof(x));
        if (x.shape[1] != n_components_)
            throw new ArgumentException($"x has {x.shape[1]} columns, but the PCA keeps {n_components_} components.",
                nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.astype(components_.dtype);
        var axes = whiten ? components_ * ht.sqrt(explained_variance_!).reshape(n_components_, 1) : components_;
        return scope.MoveToOuter(ht.matmul(data, axes) + mean_!);
    }

    /// <summary>fit, then transform.</summary>
    public DNDarray fit_transform(DNDarray x) => fit(x).transform(x);

    /// <summary>The fewest leading components whose ratios sum beyond <paramref name="share"/> (scikit-learn).
    /// </summary>
    private static long Shares(double[] variance, double total, double share)
    {
        double sum = 0;
        for (int i = 0; i < variance.Length; i++)
        {
            sum += variance[i] / total;
            if (sum > share) return i + 1;
        }
        return variance.Length;
    }

    private DNDarray Fitted(DNDarray x)
    {
        if (components_ is null) throw new InvalidOperationException("This PCA is not fitted yet; call fit first.");
        Samples.CheckMatrix(x, nameof(x));
        Samples.CheckFeatures(x, n_features_in_, nameof(x));
        return x.dtype == components_.dtype ? x : x.astype(components_.dtype);
    }
}
