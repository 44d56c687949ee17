// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Regression;

/// <summary>The two ways to the coordinate-descent updates; the passes over X run in the backend's
/// <see cref="ICoordinateDescentKernels"/>.</summary>
public sealed partial class Lasso
{
    // One update: θ_j from ρ = x_j·r / n + z_j θ_j (z_j the column's mean square), soft-thresholded except for the
    // intercept.
    private double Updated(long j, double rho, double meanSquare) =>
        j == 0 ? rho / meanSquare : SoftThreshold(rho, lam) / meanSquare;

    // Coordinate descent on c = Xᵀr = Xᵀy − XᵀXθ: one pass over X for XᵀX and Xᵀy (one Allreduce), then
    // every sweep on f × f numbers, O(f) per update (column j of the symmetric Gram matrix read as its row j).
    private (double[] Theta, int Sweeps) SweepGram(LassoProblem problem)
    {
        long n = problem.Samples, f = problem.Features;
        var sums = new double[f * f + f];
        using (var gram = ht.empty([f, f], ht.float64, device: problem.X.device))
        using (var xty = ht.empty([f], ht.float64, device: problem.X.device))
        {
            problem.Kernels.Gram(problem.X.larray, problem.Y.larray, gram.larray, xty.larray);
            gram.ToArray<double>().CopyTo(sums, 0);
            xty.ToArray<double>().CopyTo(sums, f * f);
        }
        problem.Sum(sums);
        var g = sums.AsSpan(0, (int)(f * f));
        var c = sums.AsSpan((int)(f * f));
        var theta = new double[f];
        int sweeps = 0;
        while (sweeps < max_iter)
        {
            sweeps++;
            double largest = 0;
            for (long j = 0; j < f; j++)
            {
                double meanSquare = g[(int)(j * f + j)] / n;
                if (meanSquare == 0) continue; // an all-zero column keeps θ_j = 0
                double updated = Updated(j, c[(int)j] / n + meanSquare * theta[j], meanSquare);
                double delta = updated - theta[j];
                if (delta != 0)
                {
                    var row = g.Slice((int)(j * f), (int)f);
                    for (int k = 0; k < f; k++) c[k] -= delta * row[k];
                    theta[j] = updated;
                }
                largest = Math.Max(largest, Math.Abs(delta));
            }
            if (largest < tol) break;
        }
        return (theta, sweeps);
    }

    // Coordinate descent on the residual r = y − Xθ over a column-major copy of the local rows in X's dtype: one
    // fused pass per coordinate (r −= δ_prev x_prev and x_j·r) and one scalar Allreduce.
    private (double[] Theta, int Sweeps) SweepResidual(LassoProblem problem)
    {
        long n = problem.Samples, f = problem.Features;
        var local = problem.X.larray;
        var backend = local.Backend;
        long rows = local.Shape[0];
        var kernels = problem.Kernels;
        var meanSquares = new double[f];
        using var columns = backend.Empty([f, rows], local.DType, local.Device);
        var current = backend.Empty([rows], local.DType, local.Device);
        var spare = backend.Empty([rows], local.DType, local.Device);
        try
        {
            using (var squares = ht.empty([f], ht.float64, device: problem.X.device))
            {
                kernels.Columns(local, columns, squares.larray);
                squares.ToArray<double>().CopyTo(meanSquares, 0);
            }
            problem.Sum(meanSquares);
            for (long j = 0; j < f; j++) meanSquares[j] /= n;
            backend.Copy(problem.Y.larray, current);
            var theta = new double[f];
            var dot = new double[1];
            long pending = -1; // the coordinate whose step the residual has not taken yet
            double pendingDelta = 0;
            int sweeps = 0;
            while (sweeps < max_iter)
            {
                sweeps++;
                double largest = 0;
                for (long j = 0; j < f; j++)
                {
                    if (meanSquares[j] == 0) continue; // an all-zero column keeps θ_j = 0
                    if (pending < 0) dot[0] = kernels.Dot(columns, j, current);
                    else
                    {
                        dot[0] = kernels.Update(columns, current, spare, pending, pendingDelta, j);
                        (current, spare) = (spare, current);
                        pending = -1;
                    }
                    problem.Sum(dot);
                    double updated = Updated(j, dot[0] / n + meanSquares[j] * theta[j], meanSquares[j]);
                    double delta = updated - theta[j];
                    if (delta != 0)
                    {
                        theta[j] = updated;
                        (pending, pendingDelta) = (j, delta);
                    }
                    largest = Math.Max(largest, Math.Abs(delta));
                }
                if (largest < tol) break;
            }
            return (theta, sweeps);
        }
        finally
        {
            current.Dispose();
            spare.Dispose();
        }
    }
}
