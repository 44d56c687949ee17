// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// In-place element-wise ops: the backend writes straight into the array's own local chunk (the destination is an
/// input), so no result is allocated; the other operand is moved to the array's distribution when it has another.
/// </summary>
internal static class InPlace
{
    /// <summary><c>x = x op other</c>, NumPy's <c>x op= other</c>.</summary>
    /// <exception cref="ArgumentException">other does not broadcast to x's shape, or the result's dtype is not x's
    /// (NumPy's same_kind casting error).</exception>
    public static DNDarray Binary(BinaryOp op, DNDarray x, DNDarray other, string name)
    {
        ArgumentNullException.ThrowIfNull(other);
        long[] shape;
        try { shape = Shapes.Broadcast(x.GShapeRef, other.GShapeRef); }
        catch (ArgumentException) { shape = []; }
        if (!Shapes.Equal(shape, x.GShapeRef))
            throw new ArgumentException($"{name}: non-broadcastable operand with shape "
                + $"{Shapes.Format(other.GShapeRef)} for an array of shape "
                    + $"{Shapes.Format(x.GShapeRef)}.", nameof(other));
        var compute = CheckType(op, DTypePromotion.Promote(x.dtype, other.dtype), x.dtype, name);
        using var operand = Align(other, x, compute);
        x.Backend.Binary(op, x.larray, operand, x.larray);
        return x;
    }

    /// <summary><c>x = x op s</c> with a weak scalar.</summary>
    /// <exception cref="ArgumentException">The result's dtype is not x's (same_kind casting error).</exception>
    public static DNDarray BinaryScalar(BinaryOp op, DNDarray x, Scalar s, string name)
    {
        CheckType(op, DTypePromotion.PromoteWithScalar(x.dtype, s.Kind), x.dtype, name);
        x.Backend.BinaryScalar(op, x.larray, s, false, x.larray);
        return x;
    }

    /// <summary><c>x = op(x)</c>.</summary>
    /// <exception cref="ArgumentException">The op's result dtype is not x's.</exception>
    public static DNDarray Unary(UnaryOp op, DNDarray x, string name)
    {
        var traits = OpRegistry.Of(op);
        if (traits.Bitwise && x.dtype.IsInexact)
            throw new ArgumentException($"{name} is not defined for {x.dtype}; it needs bool or integer "
                + $"operands.", nameof(x));
        var compute = traits.NeedsInexact && !x.dtype.IsInexact ? DType.Float32 : x.dtype;
        var result = traits.ResultType(compute);
        if (compute != x.dtype || result != x.dtype) throw CastError(name, result, x.dtype);
        x.Backend.Unary(op, x.larray, x.larray);
        return x;
    }

    /// <summary>The inclusive scan along <paramref name="axis"/> accumulated in x's own dtype, written into
    /// x.</summary>
    /// <exception cref="ArgumentException">x is bool (its sums are integers).</exception>
    public static DNDarray Scan(ReduceOp op, DNDarray x, int axis, string name)
    {
        if (x.ndim == 0) throw new ArgumentException($"{name} needs an array of at least one dimension.", nameof(x));
        axis = Shapes.NormalizeAxis(axis, x.ndim);
        if (x.dtype == DType.Bool) throw CastError(name, DType.Int64, x.dtype);
        Cumulative.ScanInto(op, x, axis, x.larray);
        return x;
    }

    /// <summary>NaN, +inf and -inf replaced in place (float and complex parts alike; integers are unchanged).</summary>
    public static DNDarray NanToNum(DNDarray x, double nan, double? posinf, double? neginf)
    {
        if (!x.dtype.IsInexact) return x;
        if (x.dtype.IsComplex) throw new NotSupportedException($"nan_to_num_ of {x.dtype} is not supported yet; "
            + $"give a real array.");
        var backend = x.Backend;
        var limits = ht.finfo(x.dtype);
        foreach (var (op, value) in new[] { (UnaryOp.IsNan, nan), (UnaryOp.IsPosInf, posinf ?? limits.max),
            (UnaryOp.IsNegInf, neginf ?? limits.min) })
        {
            using var mask = backend.Unary(op, x.larray);
            using var scalar = backend.Full([], x.dtype, Scalar.FromDouble(value), x.device);
            using var fill = scalar.BroadcastTo(x.larray.Shape);
            backend.Where(mask, fill, x.larray, x.larray);
        }
        return x;
    }

    private static DType CheckType(BinaryOp op, DType promoted, DType own, string name)
    {
        var compute = Elementwise.ComputeType(op, promoted);
        var result = OpRegistry.Of(op).ResultType(compute);
        if (compute != own || result != own) throw CastError(name, result, own);
        return compute;
    }

    private static ArgumentException CastError(string name, DType result, DType own) =>
        new($"{name}: cannot cast the result from {result} to the array's {own} with casting rule 'same_kind' (an "
            + $"in-place op keeps the array's dtype).");

    /// <summary>
    /// <paramref name="other"/>'s values for x's local chunk in <paramref name="compute"/>, broadcast to x's local
    /// shape (a copy when it shares x's memory, so reads never see the op's writes).
    /// </summary>
    private static LocalTensor Align(DNDarray other, DNDarray x, DType compute)
    {
        using var scope = DisposeScope.Begin();
        int lead = x.ndim - other.ndim;
        int? own = x.split is int s && s - lead >= 0 && other.GShapeRef[s - lead] == x.GShapeRef[s] && x.GShapeRef[s] !=
            1 ? s - lead : null;
        var source = other;
        if (x.split is null || own is null || x.comm.Size == 1 || other.split is null)
        {
            if (other.split is not null && other.comm.Size > 1) source = scope.Include(Redistribution.ResplitCopy(other,
                null));
        }
        else if (other.split != own || !other.SplitCounts().SequenceEqual(x.SplitCounts()))
        {
            source = scope.Include(Redistribution.ResplitCopy(other, own));
            var target = new long[x.comm.Size, other.ndim];
            var counts = x.SplitCounts();
            for (int r = 0; r < x.comm.Size; r++)
                for (int d = 0; d < other.ndim; d++) target[r, d] = d == own ? counts[r] : other.GShapeRef[d];
            source.redistribute_(target_map: target);
        }
        var view = scope.Include(source.larray.Share());
        if (x.split is int sp && x.comm.Size > 1 && source.split is null && sp - lead >= 0 && other.GShapeRef[sp - lead]
            != 1)
            view = scope.Include(view.Slice(sp - lead, x.SplitOffset(), x.larray.Shape[sp]));
        bool copy = view.DType != compute || ReferenceEquals(view.Storage, x.larray.Storage);
        if (copy) view = scope.Include(x.Backend.Copy(view, compute));
        var result = view.BroadcastTo(x.larray.Shape);
        return result;
    }
}
