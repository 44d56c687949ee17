// SPDX-License-Identifier: MIT
namespace Heat.Regression;

/// <summary>
/// LASSO by coordinate descent with soft thresholding, as HeAT's: minimises <c>1/(2n) |y − Xθ|² + lam Σ_{j≥1}
/// |θ_j|</c> where column 0 of X is the un-penalised intercept. Each update divides by the column's mean square, so
/// columns need not be normalised. X is split along samples (or replicated) and computed in its own precision when it
/// is float32 or float64 (else as float64), like scikit-learn; θ is float64. Two ways to the same updates: with a
/// precomputed Gram matrix (scikit-learn's <c>precompute</c>; the default up to <see cref="GramFeatureLimit"/>
/// features when <c>max_iter</c> sweeps would cost more than computing it) XᵀX and Xᵀy come from one pass over X and one Allreduce, and every sweep runs on f × f numbers on
/// each rank with no pass over X and no communication; without it a residual is updated over a column-major copy of the
/// local rows (one fused pass over two columns and one scalar Allreduce per coordinate).
/// </summary>
public sealed partial class Lasso : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="lam">The L1 penalty (≥ 0).</param>
    /// <param name="max_iter">The most sweeps over the coordinates.</param>
    /// <param name="tol">Convergence when no coefficient moves more than tol in a sweep.</param>
    /// <param name="precompute">Use the Gram matrix XᵀX (true), the residual (false), or decide by the number of
    /// features and sweeps (null: Gram up to <see cref="GramFeatureLimit"/> features and when <c>max_iter</c> is at
    /// least features / 16: XᵀX costs about n·f² multiply-adds, a residual sweep about three memory passes over X, so
    /// a fit of a few sweeps, e.g. one, runs faster without it), as scikit-learn's <c>precompute</c>.</param>
    public Lasso(double lam = 0.1, int max_iter = 100, double tol = 1e-6, bool? precompute = null)
    {
        if (!(lam >= 0)) throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam must be >= 0.");
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        this.lam = lam; this.max_iter = max_iter; this.tol = tol; this.precompute = precompute;
    }

    /// <summary>The most features for which <c>precompute: null</c> uses the Gram matrix (f² float64 on every
    /// rank).</summary>
    public const long GramFeatureLimit = 2048;

    // The Gram matrix pays for itself after about features / 16 residual sweeps (measured on 1,000,000 × 100 float32).
    private const long GramSweepsPerFeature = 16;

    /// <summary>Whether fit uses the Gram matrix (null: by the numbers of features and sweeps).</summary>
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
        bool gram = precompute ?? (f <= GramFeatureLimit && f <= GramSweepsPerFeature * max_iter);
        using var problem = LassoProblem.Create(x, y);
        var (theta, sweeps) = gram ? SweepGram(problem) : SweepResidual(problem);
        return Fitted(theta, sweeps, x);
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
}
