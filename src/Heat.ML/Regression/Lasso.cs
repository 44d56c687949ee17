// SPDX-License-Identifier: MIT
namespace Heat.Regression;

/// <summary>
/// LASSO by coordinate descent with soft thresholding, as HeAT's: minimises <c>1/(2n) |y − Xθ|² + lam Σ_{j≥1}
/// |θ_j|</c>
/// where column 0 of X is the un-penalised intercept. Each update divides by the column's mean square, so columns need
/// not be normalised. Two ways to the same updates: with a precomputed Gram matrix (scikit-learn's <c>precompute</c>;
/// the default up to <see cref="GramFeatureLimit"/> features) XᵀX and Xᵀy come from two distributed matmuls (one
/// pass
/// over X, one Allreduce each) and every sweep runs on f × f numbers on each rank, with no pass over X and no
/// communication; without it a residual is updated instead of recomputing Xθ (two passes over a column and one scalar
/// Allreduce per coordinate). X is split along samples (or replicated).
/// </summary>
public sealed class Lasso : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="lam">The L1 penalty (≥ 0).</param>
    /// <param name="max_iter">The most sweeps over the coordinates.</param>
    /// <param name="tol">Convergence when no coefficient moves more than tol in a sweep.</param>
    /// <param name="precompute">Use the Gram matrix XᵀX (true), the residual (false), or decide by the number of
    /// features (null: Gram up to <see cref="GramFeatureLimit"/>), as scikit-learn's <c>precompute</c>.</param>
    public Lasso(double lam = 0.1, int max_iter = 100, double tol = 1e-6, bool? precompute = null)
    {
        if (!(lam >= 0)) throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam must be >= 0.");
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        this.lam = lam; this.max_iter = max_iter; this.tol = tol; this.precompute = precompute;
    }

    /// <summary>The most features for which <c>precompute: null</c> uses the Gram matrix (f² float64 on every
    /// rank).</summary>
    public const long GramFeatureLimit = 2048;

    /// <summary>Whether fit uses the Gram matrix (null: by the number of features).</summary>
    public bool? precompute { get; }

    /// <summary>The penalty.</summary>
    public double lam { get; }
    /// <summary>The most sweeps.</summary>
    public int max_iter { get; }
    /// <summary>The tolerance.</summary>
    public double tol { get; }
    /// <summary>θ without the intercept (features − 1, replicated).</summary>
    public DNDarray? coef_ { get; private set; }
    /// <summary>θ₀.</summary>
    public double intercept_ { get; private set; }
    /// <summary>The sweeps run.</summary>
    public int n_iter_ { get; private set; }
    /// <summary>All coefficients, intercept first (features, float64, replicated): HeAT's <c>theta</c>, null before
    /// fit.</summary>
    /// <remarks>Before HeAT 1.4.2 parity this was a .NET array named <c>Theta</c>; <c>theta.ToArray&lt;double&gt;()</c>
    /// gives those numbers.</remarks>
    public DNDarray? theta { get; private set; }

    private double[] _theta = [];

    /// <summary>
    /// Fits θ to <paramref name="x"/> (samples × features, column 0 the intercept's ones) and <paramref name="y"/>
    /// (samples, or samples × 1).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public Lasso fit(DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ndim != 2) throw new ArgumentException($"x must be 2-d (samples x features), got shape "
            + $"{Format(x.shape)}.", nameof(x));
        long n = x.shape[0], f = x.shape[1];
        if (y.size != n || y.ndim > 2) throw new ArgumentException($"y must hold one target per sample ({n}), got "
            + $"shape {Format(y.shape)}.", nameof(y));
        if (precompute ?? f <= GramFeatureLimit) return FitGram(x, y, n, f);
        // The columns of X as float64 vectors, split along samples (or replicated), and the residual r = y − Xθ = y
        // at
        // θ = 0.
        var columns = Columns(x);
        var residual = Residual(y, columns[0], n);
        try
        {
            var meanSquares = new double[f];
            for (long j = 0; j < f; j++)
            {
                using var squares = ht.dot(columns[j], columns[j]);
                meanSquares[j] = squares.item<double>() / n;
            }
            var theta = new double[f];
            int sweeps = 0;
            while (sweeps < max_iter)
            {
                sweeps++;
                double largest = 0;
                for (long j = 0; j < f; j++)
                {
                    if (meanSquares[j] == 0) continue; // an all-zero column keeps θ_j = 0
                    double dot;
                    using (var product = ht.dot(columns[j], residual)) dot = product.item<double>();
                    double rho = dot / n + meanSquares[j] * theta[j];
                    double updated = j == 0 ? rho / meanSquares[j] : SoftThreshold(rho, lam) / meanSquares[j];
                    double delta = updated - theta[j];
                    if (delta != 0)
                    {
                        using var step = columns[j] * delta;
                        var next = residual - step;
                        residual.Dispose();
                        residual = next;
                        theta[j] = updated;
                    }
                    largest = Math.Max(largest, Math.Abs(delta));
                }
                if (largest < tol) break;
            }
            return Fitted(theta, sweeps, x);
        }
        finally
        {
            residual.Dispose();
            foreach (var c in columns) c.Dispose();
        }
    }

    /// <summary>Predictions Xθ (split like x along samples).</summary>
    /// <exception cref="InvalidOperationException">fit has not run.</exception>
    public DNDarray predict(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_theta.Length == 0) throw new InvalidOperationException("Lasso.predict needs a fitted model; call fit "
            + "first.");
        if (x.ndim != 2 || x.shape[1] != _theta.Length)
            throw new ArgumentException($"x must have {_theta.Length} features (intercept column first), got shape "
                + $"{Format(x.shape)}.", nameof(x));
        using var theta = ht.array(_theta, [_theta.Length], dtype: x.dtype.IsInexact ? x.dtype : ht.float64,
            device: x.device);
        return ht.matmul(x, theta);
    }

    /// <summary>The objective 1/(2n) |y − Xθ|² + lam Σ_{j≥1} |θ_j| of the fitted θ.</summary>
    public double objective(DNDarray x, DNDarray y)
    {
        using var prediction = predict(x);
        using var yFlat = ht.reshape(y, [y.size], y.split is null ? null : 0);
        using var difference = prediction - yFlat;
        using var squared = difference * difference;
        using var total = ht.sum(squared);
        return total.item<double>() / (2.0 * x.shape[0]) + lam * _theta.Skip(1).Sum(Math.Abs);
    }

    // Coordinate descent on c = Xᵀr = Xᵀy − XᵀXθ: the residual's updates projected onto the columns, O(f) per
    // update.
    private Lasso FitGram(DNDarray x, DNDarray y, long n, long f)
    {
        double[] gram, c;
        using (var rows = x.split == 1 ? ht.resplit(x, 0) : null)
        using (var wide = (rows ?? x).astype(ht.float64))
        using (var columns = ht.transpose(wide))
        using (var first = columns[0])
        using (var target = Residual(y, first, n))
        {
            using var g = ht.matmul(columns, wide);
            using var xty = ht.matmul(columns, target);
            gram = g.ToArray<double>();
            c = xty.ToArray<double>();
        }
        var meanSquares = new double[f];
        for (long j = 0; j < f; j++) meanSquares[j] = gram[j * f + j] / n;
        var theta = new double[f];
        int sweeps = 0;
        while (sweeps < max_iter)
        {
            sweeps++;
            double largest = 0;
            for (long j = 0; j < f; j++)
            {
                if (meanSquares[j] == 0) continue; // an all-zero column keeps θ_j = 0
                double rho = c[j] / n + meanSquares[j] * theta[j];
                double updated = j == 0 ? rho / meanSquares[j] : SoftThreshold(rho, lam) / meanSquares[j];
                double delta = updated - theta[j];
                if (delta != 0)
                {
                    for (long k = 0; k < f; k++) c[k] -= delta * gram[k * f + j];
                    theta[j] = updated;
                }
                largest = Math.Max(largest, Math.Abs(delta));
            }
            if (largest < tol) break;
        }
        return Fitted(theta, sweeps, x);
    }

    private Lasso Fitted(double[] theta, int sweeps, DNDarray x)
    {
        n_iter_ = sweeps;
        _theta = theta;
        this.theta?.Dispose();
        this.theta = ht.array(theta, [theta.Length], device: x.device);
        intercept_ = theta[0];
        coef_?.Dispose();
        coef_ = ht.array(theta[1..], [theta.Length - 1], device: x.device);
        return this;
    }

    private static double SoftThreshold(double rho, double lam) => rho > lam ? rho - lam : rho < -lam ? rho + lam : 0;

    private static string Format(long[] shape) => $"({string.Join(", ", shape)})";

    // Column j of x as a float64 vector split along samples like x's rows (replicated when x is).
    private static DNDarray[] Columns(DNDarray x)
    {
        using var rows = x.split == 1 ? ht.resplit(x, 0) : null;
        using var wide = (rows ?? x).astype(ht.float64);
        using var transposed = ht.transpose(wide);
        var columns = new DNDarray[x.shape[1]];
        try
        {
            for (long j = 0; j < columns.Length; j++) columns[j] = transposed[j];
        }
        catch
        {
            foreach (var c in columns) c?.Dispose();
            throw;
        }
        return columns;
    }

    // y as a float64 vector with exactly the chunks of `like`.
    private static DNDarray Residual(DNDarray y, DNDarray like, long n)
    {
        using var flat = ht.reshape(y, [n], y.split is null ? null : 0);
        using var wide = flat.astype(ht.float64);
        if (like.split is null) return ht.resplit(wide, null);
        var aligned = ht.resplit(wide, 0);
        if (!aligned.counts_displs().counts.SequenceEqual(like.counts_displs().counts))
            aligned.redistribute_(target_map: like.lshape_map);
        return aligned;
    }
}
