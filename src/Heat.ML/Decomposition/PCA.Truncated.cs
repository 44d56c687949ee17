// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

// HeAT: heat/decomposition/pca.py, the "hierarchical" and "randomized" branches of PCA.fit.
public sealed partial class PCA
{
    /// <summary>The share of the total variance the components explain together; for the hierarchical solver a
    /// lower estimate, 1 − (hSVD's error estimate)² (HeAT).</summary>
    public double? total_explained_variance_ratio_ { get; private set; }

    private static void CheckSolver(double? tol, int iteratedPower, int nOversamples, string normalizer)
    {
        if (tol is not null)
            throw new ArgumentException("tol must be null: no iterative PCA solver needs it yet (HeAT).", nameof(tol));
        if (iteratedPower < 0)
            throw new ArgumentException($"iterated_power must be >= 0, got {iteratedPower}.", "iterated_power");
        if (nOversamples < 0)
            throw new ArgumentException($"n_oversamples must be >= 0, got {nOversamples}.", "n_oversamples");
        if (normalizer != "qr")
            throw new ArgumentException($"Only power_iteration_normalizer 'qr' is supported, got '{normalizer}'.",
                "power_iteration_normalizer");
    }

    // A share as n_components: hSVD's tolerance; rSVD needs a rank (HeAT raises for every input).
    private void CheckShare()
    {
        if (svd_solver == "randomized" && n_components is double share && share < 1)
            throw new ArgumentException($"PCA with svd_solver 'randomized' needs an integer n_components, got {share}.",
                nameof(n_components));
    }

    // The hierarchical or randomized fit of distributed data (samples × features).
    private void Truncated(DNDarray x, long n, long f)
    {
        long rank = Math.Min(n, f);
        if (svd_solver == "hierarchical" && x.split != 0)
            throw new ArgumentException("PCA with svd_solver 'hierarchical' needs the samples split along axis 0, got "
                + $"split {x.split}.", nameof(x));
        using var scope = DisposeScope.Begin();
        var data = x.dtype == ht.float64 ? x : x.astype(ht.float32);
        var mean = ht.mean(data, axis: 0);
        var centred = data - mean;
        DNDarray s, vt;
        double? captured = null;
        if (svd_solver == "hierarchical")
        {
            var (_, hs, hvt, error) = n_components is double c && c < 1
                ? ht.linalg.hsvd_rtol(centred, Math.Sqrt(1 - c), compute_sv: true, safetyshift: 0)
                : ht.linalg.hsvd_rank(centred, (long)(n_components ?? rank), compute_sv: true, safetyshift: 0);
            (s, vt, captured) = (hs!, hvt!, 1 - error * error);
        }
        else
        {
            if (random_state is long seed) ht.random.seed(seed);
            (_, s, vt) = ht.linalg.rsvd(centred, (long)(n_components ?? rank), n_oversamples, iterated_power);
        }
        long k = vt.shape[0];
        double[] singular = s.astype(ht.float64).ToArray<double>();
        double[] variance = singular.Select(v => v * v / (n - 1)).ToArray();
        double total = ht.sum(centred * centred).item<double>() / (n - 1);
        foreach (var a in new[] { components_, explained_variance_, explained_variance_ratio_, singular_values_,
                     mean_ })
            a?.Dispose();
        components_ = scope.MoveToOuter(SignFixed(ht.resplit(vt, null)));
        explained_variance_ = scope.MoveToOuter(ht.array(variance, [k], dtype: data.dtype));
        explained_variance_ratio_ = scope.MoveToOuter(
            ht.array(variance.Select(v => total > 0 ? v / total : 0).ToArray(), [k], dtype: data.dtype));
        singular_values_ = scope.MoveToOuter(ht.array(singular, [k], dtype: data.dtype));
        mean_ = scope.MoveToOuter(ht.resplit(mean, null));
        noise_variance_ = k < rank ? Math.Max(total - variance.Sum(), 0) / (rank - k) : 0.0;
        total_explained_variance_ratio_ = captured ?? (total > 0 ? variance.Sum() / total : 0);
        (n_components_, n_samples_, n_features_in_) = (k, n, f);
    }

    /// <summary>The components with the largest entry of each (the first among equals) positive: k × features
    /// values, replicated, decided on the host alike on every rank.</summary>
    internal static DNDarray SignFixed(DNDarray components)
    {
        long k = components.shape[0], f = components.shape[1];
        double[] entries = components.astype(ht.float64).ToArray<double>();
        var signs = new double[k];
        for (long r = 0; r < k; r++)
        {
            var row = entries.AsSpan((int)(r * f), (int)f);
            int best = 0;
            for (int j = 1; j < row.Length; j++) if (Math.Abs(row[j]) > Math.Abs(row[best])) best = j;
            signs[r] = row.Length > 0 && row[best] < 0 ? -1 : 1;
        }
        using var sign = ht.array(signs, [k, 1], dtype: components.dtype);
        return components * sign;
    }
}
