// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Linalg.Dense;

namespace Heat.Linalg;

/// <summary>
/// Vector and matrix norms as NumPy's <c>linalg.norm</c>, built from the distributed element-wise ops and
/// reductions. Every norm divides by the largest magnitude first (one extra max reduction) and multiplies it back at
/// the end, so entries near the overflow threshold (1e300) or tiny ones (1e-300) neither overflow nor underflow in
/// the squares and powers. Matrix 2-norms and nuclear norms take the singular values from <c>svd</c>.
/// </summary>
internal static class Norms
{
    public static DNDarray Vector(DNDarray x, Axis? axis, bool keepdims, object? ord)
    {
        ArgumentNullException.ThrowIfNull(x);
        double p = Order(ord, "vector_norm", allowStrings: false);
        var axes = Axis.Resolve(axis, x.ndim);
        using var scope = DisposeScope.Begin();
        var magnitude = Magnitude(x);
        DNDarray result;
        if (double.IsPositiveInfinity(p)) result = ht.max(magnitude, axes, keepdims);
        else if (double.IsNegativeInfinity(p)) result = ht.min(magnitude, axes, keepdims);
        else if (p == 0) result = ht.sum(ht.ne(magnitude, 0).astype(magnitude.dtype), axes, keepdims);
        else
        {
            var scale = Scale(magnitude, axes);
            var scaled = ht.divide(magnitude, scale);
            var sum = p switch
            {
                1 => ht.sum(scaled, axes, keepdims: true),
                2 => ht.sqrt(ht.sum(ht.multiply(scaled, scaled), axes, keepdims: true)),
                _ => ht.pow(ht.sum(ht.pow(scaled, p), axes, keepdims: true), 1.0 / p),
            };
            result = ht.multiply(sum, scale);
            if (!keepdims) result = ht.squeeze(result, axes);
        }
        return scope.MoveToOuter(result);
    }

    public static DNDarray Matrix(DNDarray x, int[]? axis, bool keepdims, object? ord)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim < 2)
            throw new ArgumentException($"matrix_norm: x must have at least 2 dimensions, not {x.ndim}.", nameof(x));
        int[] pair = axis is null ? [x.ndim - 2, x.ndim - 1] : ((Axis)axis).NormalizeOrdered(x.ndim);
        if (pair.Length != 2)
            throw new ArgumentException($"matrix_norm: axis must name 2 axes, not {pair.Length}.", nameof(axis));
        string kind = ord switch
        {
            null or "fro" => "fro",
            "nuc" => "nuc",
            string other => throw new ArgumentException(
                $"matrix_norm: ord '{other}' is not a matrix norm (1, -1, 2, -2, inf, -inf, 'fro', 'nuc').",
                nameof(ord)),
            _ => Order(ord, "matrix_norm", allowStrings: true) switch
            {
                1 => "1", -1 => "-1", 2 => "2", -2 => "-2",
                double.PositiveInfinity => "inf", double.NegativeInfinity => "-inf",
                var v => throw new ArgumentException(
                    $"matrix_norm: ord {v} is not a matrix norm (1, -1, 2, -2, inf, -inf, 'fro', 'nuc').",
                    nameof(ord)),
            },
        };
        int row = pair[0], col = pair[1];
        using var scope = DisposeScope.Begin();
        var magnitude = Magnitude(x);
        var scale = Scale(magnitude, pair);
        var scaled = ht.divide(magnitude, scale);
        DNDarray kept; // the norm with both axes kept (size 1)
        switch (kind)
        {
            case "fro":
                kept = ht.sqrt(ht.sum(ht.multiply(scaled, scaled), pair, keepdims: true));
                break;
            case "1" or "-1":
                var columns = ht.sum(scaled, row, keepdims: true);
                kept = kind == "1" ? ht.max(columns, col, keepdims: true) : ht.min(columns, col, keepdims: true);
                break;
            case "inf" or "-inf":
                var rows = ht.sum(scaled, col, keepdims: true);
                kept = kind == "inf" ? ht.max(rows, row, keepdims: true) : ht.min(rows, row, keepdims: true);
                break;
            default:
                // Singular values of the scaled matrices (x / scale carries x's phase; |x| would change them).
                var others = Enumerable.Range(0, x.ndim).Where(d => d != row && d != col).ToArray();
                var xf = x.dtype.Kind is DTypeKind.Float or DTypeKind.Complex ? x : x.astype(magnitude.dtype);
                var moved = ht.transpose(ht.divide(xf, scale), [.. others, row, col]);
                var (_, s, _) = Factorizations.Svd(moved, false, false);
                var reduced = kind switch
                {
                    "2" => ht.max(s, -1),
                    "-2" => ht.min(s, -1),
                    _ => ht.sum(s, -1),
                };
                var shape = x.shape;
                shape[row] = 1; shape[col] = 1;
                kept = ht.reshape(reduced, shape);
                break;
        }
        var result = ht.multiply(kept, scale);
        if (!keepdims) result = ht.squeeze(result, pair);
        return scope.MoveToOuter(result);
    }

    public static DNDarray Norm(DNDarray x, Axis? axis, bool keepdims, object? ord)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (axis is null)
        {
            if (ord is null)
            {
                var all = Enumerable.Range(0, x.ndim).ToArray();
                return Vector(x, all, keepdims, null);
            }
            return x.ndim switch
            {
                1 => Vector(x, 0, keepdims, ord),
                2 => Matrix(x, null, keepdims, ord),
                _ => throw new ArgumentException(
                    $"norm: with ord given and axis null, x must be 1-d or 2-d, not {x.ndim}-d.",
                    nameof(axis)),
            };
        }
        var axes = axis.Value.NormalizeOrdered(x.ndim);
        return axes.Length switch
        {
            1 => Vector(x, axes[0], keepdims, ord is "fro" ? throw new ArgumentException(
                "norm: ord 'fro' needs two axes.",
                nameof(ord)) : ord),
            2 => Matrix(x, axes, keepdims, ord),
            _ => throw new ArgumentException($"norm: axis must name 1 or 2 axes, not {axes.Length}.", nameof(axis)),
        };
    }

    // |x| as a float array (ints and bools as float64, NumPy; complex as its real type).
    private static DNDarray Magnitude(DNDarray x)
    {
        var abs = ht.abs(x);
        return abs.dtype.Kind == DTypeKind.Float ? abs : abs.astype(ht.float64);
    }

    // The largest magnitude over the axes (kept as size 1), 1 where it is 0 or not finite so that the division leaves
    // zeros, infinities and NaNs as they are.
    private static DNDarray Scale(DNDarray magnitude, int[] axes)
    {
        var max = ht.max(magnitude, axes, keepdims: true);
        var usable = ht.logical_and(ht.isfinite(max), ht.gt(max, 0));
        return ht.where(usable, max, 1.0).astype(magnitude.dtype);
    }

    private static double Order(object? ord, string function, bool allowStrings) => ord switch
    {
        null => 2,
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        string s when allowStrings => throw new ArgumentException(
            $"{function}: ord '{s}' is not valid here.",
            nameof(ord)),
        _ => throw new ArgumentException(
            $"{function}: ord must be a number{(allowStrings ? ", 'fro' or 'nuc'" : "")}, not {ord}.",
            nameof(ord)),
    };
}
