// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Regression;

/// <summary>
/// LASSO by coordinate descent with soft thresholding, as HeAT's: minimises <c>1/(2n) |y − Xθ|² + lam Σ_{j≥1} |θ_j|</c>
/// where column 0 of X is the un-penalised intercept. Each update divides by the column's mean square, so columns need not
/// be normalised; a residual is updated instead of recomputing Xθ (two passes over a column per coordinate). X is split
/// along samples (or replicated); each coordinate needs one scalar Allreduce.
/// </summary>
public sealed class Lasso
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="lam">The L1 penalty (≥ 0).</param>
    /// <param name="max_iter">The most sweeps over the coordinates.</param>
    /// <param name="tol">Convergence when no coefficient moves more than tol in a sweep.</param>
    public Lasso(double lam = 0.1, int max_iter = 100, double tol = 1e-6)
    {
        if (!(lam >= 0)) throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam must be >= 0.");
        if (max_iter < 1) throw new ArgumentOutOfRangeException(nameof(max_iter), max_iter, "max_iter must be >= 1.");
        this.lam = lam; this.max_iter = max_iter; this.tol = tol;
    }

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
    /// <summary>All coefficients (intercept first).</summary>
    public double[] Theta { get; private set; } = [];

    /// <summary>Fits θ to <paramref name="x"/> (samples × features, column 0 the intercept's ones) and <paramref name="y"/> (samples, or samples × 1).</summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public unsafe Lasso fit(DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ndim != 2) throw new ArgumentException($"x must be 2-d (samples x features), got {Shapes.Format(x.GShapeRef)}.", nameof(x));
        long n = x.GShapeRef[0], f = x.GShapeRef[1];
        if (y.gnumel != n || y.ndim > 2) throw new ArgumentException($"y must hold one target per sample ({n}), got shape {Shapes.Format(y.GShapeRef)}.", nameof(y));
        using var rows = x.split == 1 ? ht.resplit(x, 0) : x.Alias();
        using var yFlat = ht.reshape(y, [n], y.split is null ? null : 0);
        using var yAligned = Align(yFlat, rows);
        bool replicated = rows.split is null;
        var comm = x.comm;
        long m = rows.larray.Shape[0];
        // Column-major local copy of X in float64 (native memory), the residual r = y − Xθ = y at θ = 0.
        var backend = x.Backend;
        using var transposed = rows.larray.Permute([1, 0]);
        using var columns = backend.Copy(transposed, DType.Float64);
        using var contiguousColumns = backend.Contiguous(columns);
        using var residualTensor = backend.Copy(yAligned.larray, DType.Float64);
        using var residual = backend.Contiguous(residualTensor);
        double* px = (double*)contiguousColumns.HostPointer, pr = (double*)residual.HostPointer;
        var meanSquares = new double[f];
        for (long j = 0; j < f; j++) meanSquares[j] = m == 0 ? 0 : TensorPrimitives.Dot(Column(px, j, m), Column(px, j, m));
        if (!replicated) comm.AllreduceInPlace<double>(meanSquares, ReduceOp.Sum);
        for (long j = 0; j < f; j++) meanSquares[j] /= n;

        var theta = new double[f];
        int sweeps = 0;
        for (; sweeps < max_iter;)
        {
            sweeps++;
            double largest = 0;
            for (long j = 0; j < f; j++)
            {
                if (meanSquares[j] == 0) continue; // an all-zero column keeps θ_j = 0
                var column = Column(px, j, m);
                double dot = m == 0 ? 0 : TensorPrimitives.Dot(column, new ReadOnlySpan<double>(pr, (int)m));
                if (!replicated) dot = comm.Allreduce(dot, ReduceOp.Sum);
                double rho = dot / n + meanSquares[j] * theta[j];
                double updated = j == 0 ? rho / meanSquares[j] : SoftThreshold(rho, lam) / meanSquares[j];
                double delta = updated - theta[j];
                if (delta != 0)
                {
                    // r -= delta * x_j
                    var r = new Span<double>(pr, (int)m);
                    TensorPrimitives.MultiplyAdd(column, -delta, r, r);
                    theta[j] = updated;
                }
                largest = Math.Max(largest, Math.Abs(delta));
            }
            if (largest < tol) break;
        }
        n_iter_ = sweeps;
        Theta = theta;
        intercept_ = theta[0];
        coef_?.Dispose();
        coef_ = ht.array(theta[1..], [f - 1]);
        return this;
    }

    /// <summary>Predictions Xθ (split like x along samples).</summary>
    /// <exception cref="InvalidOperationException">fit has not run.</exception>
    public DNDarray predict(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Theta.Length == 0) throw new InvalidOperationException("Lasso.predict needs a fitted model; call fit first.");
        if (x.ndim != 2 || x.GShapeRef[1] != Theta.Length)
            throw new ArgumentException($"x must have {Theta.Length} features (intercept column first), got shape {Shapes.Format(x.GShapeRef)}.", nameof(x));
        using var theta = ht.array(Theta, [Theta.Length], dtype: x.dtype.IsInexact ? x.dtype : DType.Float64);
        return ht.matmul(x, theta);
    }

    /// <summary>The objective 1/(2n) |y − Xθ|² + lam Σ_{j≥1} |θ_j| of the fitted θ.</summary>
    public double objective(DNDarray x, DNDarray y)
    {
        using var prediction = predict(x);
        using var yFlat = ht.reshape(y, [y.gnumel], y.split is null ? null : 0);
        using var difference = prediction - yFlat;
        using var squared = difference * difference;
        using var total = ht.sum(squared);
        return total.item<double>() / (2.0 * x.GShapeRef[0]) + lam * Theta.Skip(1).Sum(Math.Abs);
    }

    private static double SoftThreshold(double rho, double lam) => rho > lam ? rho - lam : rho < -lam ? rho + lam : 0;

    private static unsafe ReadOnlySpan<double> Column(double* columns, long j, long m) => new(columns + j * m, checked((int)m));

    // y with exactly x's rows on this rank (sliced from a replicated y, or moved to x's chunks).
    private static DNDarray Align(DNDarray y, DNDarray rows)
    {
        if (rows.split is null) return y.split is null ? y.Alias() : ht.resplit(y, null);
        if (y.split is null)
        {
            long offset = rows.SplitOffset();
            using var slice = y.larray.Slice(0, offset, rows.larray.Shape[0]);
            using var values = y.Backend.Copy(slice, DType.Float64);
            return ht.array(values.ToArray<double>(), [rows.larray.Shape[0]], is_split: 0);
        }
        var moved = ht.copy(y);
        var map = new long[rows.comm.Size, 1];
        var counts = rows.SplitCounts();
        for (int r = 0; r < counts.Length; r++) map[r, 0] = counts[r];
        moved.redistribute_(target_map: map);
        return moved;
    }
}
