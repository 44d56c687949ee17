// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// cross, vecdot and projection as compositions of distributed element-wise ops, indexing and reductions (HeAT:
/// heat/core/linalg/basics.py), so every split works, the vector axis included.
/// </summary>
internal static class VectorProducts
{
    public static DNDarray Cross(DNDarray a, DNDarray b, int axisa, int axisb, int axisc, int? axis)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (axis is int all) axisa = axisb = axisc = all;
        if (a.ndim == 0 || b.ndim == 0) throw new ArgumentException("cross: a and b must have at least one "
            + "dimension.", a.ndim == 0 ? nameof(a) : nameof(b));
        int na = Shapes.NormalizeAxis(axisa, a.ndim, nameof(axisa)), nb = Shapes.NormalizeAxis(axisb, b.ndim,
            nameof(axisb));
        long la = a.GShapeRef[na], lb = b.GShapeRef[nb];
        if (la is not (2 or 3) || lb is not (2 or 3))
            throw new ArgumentException($"cross: incompatible vector lengths {la} and {lb} (each must be 2 or "
                + $"3).", la is not (2 or 3) ? nameof(a) : nameof(b));
        long[] restA = [.. a.GShapeRef.Where((_, d) => d != na)], restB = [.. b.GShapeRef.Where((_, d) => d != nb)];
        long[] rest;
        try { rest = Shapes.Broadcast(restA, restB); }
        catch (ArgumentException e) { throw new ArgumentException($"cross: the non-vector shapes "
            + $"{Shapes.Format(restA)} and {Shapes.Format(restB)} do not broadcast.", nameof(b), e); }
        int nc = Shapes.NormalizeAxis(axisc, rest.Length + 1, nameof(axisc));

        using var scope = DisposeScope.Begin();
        var am = scope.Include(ht.moveaxis(a, na, -1));
        var bm = scope.Include(ht.moveaxis(b, nb, -1));
        DNDarray A(int i) => scope.Include(am[ht.ellipsis, i]);
        DNDarray B(int i) => scope.Include(bm[ht.ellipsis, i]);
        DNDarray Mul(DNDarray x, DNDarray y) => scope.Include(x * y);
        DNDarray Sub(DNDarray x, DNDarray y) => scope.Include(x - y);
        DNDarray Neg(DNDarray x) => scope.Include(-x);
        var z = Sub(Mul(A(0), B(1)), Mul(A(1), B(0)));
        if (la == 2 && lb == 2) return scope.MoveToOuter(z);
        DNDarray x0, y0;
        if (la == 2) { x0 = Mul(A(1), B(2)); y0 = Neg(Mul(A(0), B(2))); }
        else if (lb == 2) { x0 = Neg(Mul(A(2), B(1))); y0 = Mul(A(2), B(0)); }
        else { x0 = Sub(Mul(A(1), B(2)), Mul(A(2), B(1))); y0 = Sub(Mul(A(2), B(0)), Mul(A(0), B(2))); }
        var parts = new[] { x0, y0,
            z }.Select(c => c.split == z.split ? c : scope.Include(Redistribution.ResplitCopy(c, z.split))).ToArray();
        return scope.MoveToOuter(ht.stack(parts, axis: nc));
    }

    public static DNDarray Vecdot(DNDarray x1, DNDarray x2, int axis, bool keepdims)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        using var scope = DisposeScope.Begin();
        var c = x1.dtype.IsComplex ? scope.Include(ht.conj(x1)) : x1;
        var m = scope.Include(c * x2);
        if (m.ndim == 0) throw new ArgumentException("vecdot: the operands are 0-d; give at least one "
            + "axis.", nameof(x1));
        int ax = Shapes.NormalizeAxis(axis, m.ndim, nameof(axis));
        return scope.MoveToOuter(ht.sum(m, axis: ax, keepdims: keepdims));
    }

    public static DNDarray Projection(DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ndim != 1 || b.ndim != 1)
            throw new ArgumentException($"projection: a and b must be 1-d vectors, got {a.ndim}-d and "
                + $"{b.ndim}-d.", a.ndim != 1 ? nameof(a) : nameof(b));
        if (a.GShapeRef[0] != b.GShapeRef[0])
            throw new ArgumentException($"projection: the vectors have {a.GShapeRef[0]} and {b.GShapeRef[0]} "
                + $"elements.", nameof(b));
        using var ab = ht.dot(a, b);
        using var bb = ht.dot(b, b);
        using var q = ab / bb;
        return q * b;
    }

    public static DNDarray MatrixTranspose(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim < 2) throw new ArgumentException($"matrix_transpose: x must be at least 2-dimensional, got "
            + $"{x.ndim}-d.", nameof(x));
        return ht.swapaxes(x, -1, -2);
    }
}
