// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>HeAT's reduction template: a local partial reduction, then one Allreduce when the split axis is
/// reduced.</summary>
internal static class Reduction
{
    /// <summary>The dtype a reduction produces for input <paramref name="input"/> (sums and products of bool/integers
    /// give int64, as HeAT).</summary>
    public static DType ResultType(ReduceOp op, DType input) => op.Kind switch
    {
        ReduceKind.Sum or ReduceKind.Prod => input.Kind is DTypeKind.Bool or DTypeKind.Signed or DTypeKind.Unsigned ? DType.Int64 : input,
        _ => OpRegistry.Of(op.Kind).ResultType(input),
    };

    /// <summary>Reduces <paramref name="x"/> over <paramref name="axis"/> (all axes when null).</summary>
    public static DNDarray Reduce(ReduceOp op, DNDarray x, Axis? axis, bool keepdims, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var axes = Axis.Resolve(axis, x.ndim);
        if (OpRegistry.Of(op.Kind).NeedsOrder && x.dtype.IsComplex)
            throw new ArgumentException($"{op.Name} is not defined for complex arrays ({x.dtype}).", nameof(x));
        var outType = dtype ?? ResultType(op, x.dtype);
        var backend = x.Backend;
        var kept = x.larray.GetShape();
        foreach (var a in axes) kept[a] = 1;
        using var scope = DisposeScope.Begin();
        var local = scope.Include(backend.Empty(kept, outType));
        backend.Reduce(op, x.larray, axes, local);
        if (x.split is int s && axes.Contains(s)) Collectives.AllreduceInPlace(x.comm, local, op);
        return scope.MoveToOuter(Finish(local, x, axes, keepdims), transferred: local);
    }

    /// <summary>nansum/nanprod: NaN replaced by the op's neutral element in a local copy, then
    /// <see cref="Reduce"/>.</summary>
    public static DNDarray ReduceIgnoringNaN(ReduceOp op, DNDarray x, Axis? axis, bool keepdims)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.dtype.IsInexact) return Reduce(op, x, axis, keepdims);
        var backend = x.Backend;
        using var isNan = backend.Empty(x.larray.Shape, DType.Bool);
        backend.Unary(UnaryOp.IsNan, x.larray, isNan);
        using var neutral = backend.Full([], x.dtype, op.Kind == ReduceKind.Sum ? Scalar.FromDouble(0) : Scalar.FromDouble(1));
        using var neutralB = neutral.BroadcastTo(x.larray.Shape);
        var cleaned = backend.Empty(x.larray.Shape, x.dtype);
        using var copy = new DNDarray(cleaned, x.shape, x.split, x.Context, x.balanced);
        backend.Where(isNan, neutralB, x.larray, cleaned);
        return Reduce(op, copy, axis, keepdims);
    }

    /// <summary>
    /// Wraps a reduced local tensor (extent 1 on <paramref name="axes"/>, already combined across ranks where the split
    /// axis was reduced) as the result DNDarray: squeezed unless <paramref name="keepdims"/>, split moved or dropped.
    /// </summary>
    public static DNDarray Finish(LocalTensor local, DNDarray x, int[] axes, bool keepdims)
    {
        int? split = x.split is int s && axes.Contains(s) ? null : x.split;
        var gshape = x.shape;
        foreach (var a in axes) gshape[a] = 1;
        if (!keepdims)
        {
            var squeezed = local.GetShape().Where((_, i) => !axes.Contains(i)).ToArray();
            var view = local.TryReshapeView(squeezed)!;
            local.Dispose();
            local = view;
            gshape = gshape.Where((_, i) => !axes.Contains(i)).ToArray();
            if (split is int s2) split = s2 - axes.Count(a => a < s2);
        }
        return new DNDarray(local, gshape, split, x.Context, split is null ? true : x.balanced);
    }
}
