// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// solve, solve_triangular, inv, det and slogdet: the operands are gathered on every rank (moderate sizes: each rank
/// holds the whole matrices), LAPACK runs on the replicated copy, and the result is split like the input (a slice, no
/// further communication).
/// </summary>
internal static class Solvers
{
    public static DNDarray Solve(
        DNDarray a, DNDarray b, bool triangular = false, bool lower = false, bool unitDiagonal = false)
    {
        string function = triangular ? "solve_triangular" : "solve";
        Checks.Matrix(a, function, "A", square: true);
        ArgumentNullException.ThrowIfNull(b);
        if (b.dtype != a.dtype)
            throw new ArgumentException(
                $"{function}: b has dtype {b.dtype}, A has {a.dtype}; they must match.",
                nameof(b));
        long n = a.GShapeRef[^1];
        bool vector = !triangular && b.ndim == a.ndim - 1;
        var bShape = b.GShapeRef;
        var batch = a.GShapeRef[..^2];
        bool fits = vector
            ? bShape[^1] == n && (bShape[..^1].SequenceEqual(batch) || b.ndim == 1)
            : b.ndim >= 2 && bShape[^2] == n && (bShape[..^2].SequenceEqual(batch) || (!triangular && b.ndim == 2));
        if (!fits)
            throw new ArgumentException(
                $"{function}: b of shape {Shapes.Format(bShape)} does not fit A of shape "
                    + $"{Shapes.Format(a.GShapeRef)} " +
                $"(expected (…, {n}) or (…, {n}, k) with A's batch dimensions).",
                nameof(b));
        if (!triangular && a.ndim == 2 && a.is_distributed()) return DistributedSolve.Solve(a, b, vector);
        if (triangular && a.ndim == 2 && a.is_distributed() && n > 0 && bShape[^1] > 0)
            return DistributedTriangular.Solve(a, b, lower, unitDiagonal);
        using var scope = DisposeScope.Begin();
        var backend = a.Backend;
        var ar = a.split is null ? a : ht.resplit(a, null);
        var br = b.split is null ? b : ht.resplit(b, null);
        var rhs = br.larray;
        long[] rhsShape = vector ? [.. batch, n, 1] : [.. batch, n, bShape[^1]];
        using var rc = backend.Contiguous(rhs);
        using var shaped = vector ? rc.TryReshapeView([.. bShape[..^1], n, 1])! : rc.Share();
        using var rhsView = shaped.BroadcastTo(rhsShape);
        using var rhsC = backend.Contiguous(rhsView);
        using var ac = backend.Contiguous(ar.larray);
        var x = backend.Empty(rhsShape, a.dtype, a.larray.Device);
        try
        {
            if (triangular) DenseKernels.Of(backend).SolveTriangular(ac, rhsC, !lower, unitDiagonal, x);
            else DenseKernels.Of(backend).Solve(ac, rhsC, x);
        }
        catch { x.Dispose(); throw; }
        long[] shape = vector ? [.. batch, n] : rhsShape;
        var flat = vector ? x.TryReshapeView(shape)! : x.Share();
        x.Dispose();
        var result = new DNDarray(flat, shape, null, a.Context, true);
        int? split = b.split is int bs && b.ndim == shape.Length ? bs : a.split is int s && s < a.ndim - 2 ? s : null;
        return scope.MoveToOuter(split is null ? result : ht.resplit(result, split));
    }

    public static DNDarray Inv(DNDarray a)
    {
        Checks.Matrix(a, "inv", square: true);
        using var scope = DisposeScope.Begin();
        var backend = a.Backend;
        var ar = a.split is null ? a : ht.resplit(a, null);
        using var ac = backend.Contiguous(ar.larray);
        var x = backend.Empty(a.GShapeRef, a.dtype, a.larray.Device);
        try { DenseKernels.Of(backend).Inv(ac, x); }
        catch { x.Dispose(); throw; }
        var result = new DNDarray(x, a.shape, null, a.Context, true);
        return scope.MoveToOuter(a.split is null ? result : ht.resplit(result, a.split));
    }

    public static (DNDarray Sign, DNDarray LogAbsDet) Slogdet(DNDarray a, string function = "slogdet")
    {
        Checks.Matrix(a, function, square: true);
        using var scope = DisposeScope.Begin();
        var backend = a.Backend;
        var ar = a.split is null ? a : ht.resplit(a, null);
        var batch = a.GShapeRef[..^2];
        using var ac = backend.Contiguous(ar.larray);
        var sign = new DNDarray(backend.Empty(batch, a.dtype, a.larray.Device), batch, null, a.Context, true);
        var log = new DNDarray(backend.Empty(batch, a.dtype.RealType, a.larray.Device), batch, null, a.Context, true);
        DenseKernels.Of(backend).Slogdet(ac, sign.larray, log.larray);
        int? split = a.split is int s && s < a.ndim - 2 ? s : null;
        return split is null
            ? (scope.MoveToOuter(sign), scope.MoveToOuter(log))
            : (scope.MoveToOuter(ht.resplit(sign, split)), scope.MoveToOuter(ht.resplit(log, split)));
    }

    public static DNDarray Det(DNDarray a)
    {
        using var scope = DisposeScope.Begin();
        var (sign, log) = Slogdet(a, "det");
        using var magnitude = ht.exp(log);
        return scope.MoveToOuter(ht.multiply(sign, magnitude));
    }
}
