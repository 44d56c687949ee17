// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// HeAT's element-wise templates: NumPy broadcasting between any mix of split and replicated operands, HeAT's type
/// promotion with weak scalars; operands split along different axes are aligned by moving the smaller one.
/// </summary>
internal static class Elementwise
{
    /// <summary>The dtype an op computes in for operands promoting to <paramref name="common"/>.</summary>
    public static DType ComputeType(BinaryOp op, DType common)
    {
        if (op.IsBitwise() && common.IsInexact)
            throw new ArgumentException($"{Name(op)} is not defined for {common}; it needs bool or integer operands.");
        if (op.NeedsFloat() && !common.IsInexact) return DType.Float32;
        if (op.NeedsOrder() && common.IsComplex)
            throw new ArgumentException($"{Name(op)} is not defined for complex operands ({common}).");
        return common;
    }

    /// <summary><c>a op b</c> for two arrays.</summary>
    public static DNDarray Binary(BinaryOp op, DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var outShape = Shapes.Broadcast(a.GShapeRef, b.GShapeRef);
        int nd = outShape.Length;
        var compute = ComputeType(op, DTypePromotion.Promote(a.dtype, b.dtype));
        var backend = a.Backend;

        var temps = new List<IDisposable>();
        try
        {
            a = Prepare(a, outShape, temps);
            b = Prepare(b, outShape, temps);
            int? sa = OutSplit(a, nd), sb = OutSplit(b, nd);
            if (sa is not null && sb is not null)
            {
                if (sa != sb)
                {
                    // Move the cheaper operand to the other's split axis (or replicate it where it has no such axis).
                    if (a.gnumel < b.gnumel) { a = Track(Align(a, sb!.Value, outShape), temps); sa = OutSplit(a, nd); }
                    else { b = Track(Align(b, sa!.Value, outShape), temps); sb = OutSplit(b, nd); }
                }
            }
            if (sa is not null && sb is not null)
            {
                if (!a.SplitCounts().SequenceEqual(b.SplitCounts()))
                {
                    var moved = Track(b.astype(b.dtype), temps);
                    var map = a.lshape_map;
                    var target = new long[a.comm.Size, b.ndim];
                    for (int r = 0; r < a.comm.Size; r++)
                        for (int d = 0; d < b.ndim; d++) target[r, d] = d == b.split ? map[r, a.split!.Value] : b.GShapeRef[d];
                    b = moved.redistribute_(target_map: target);
                }
            }
            int? split = sa ?? sb;
            var distributed = sa is not null ? a : sb is not null ? b : null;
            var localOut = (long[])outShape.Clone();
            long offset = 0;
            if (split is int s)
            {
                localOut[s] = distributed!.larray.Shape[distributed.split!.Value];
                offset = distributed.SplitOffset();
            }
            using var la = LocalOperand(a, sa, split, offset, localOut, compute, backend);
            using var lb = LocalOperand(b, sb, split, offset, localOut, compute, backend);
            var result = backend.Empty(localOut, op.ReturnsBool() ? DType.Bool : compute);
            try { backend.Binary(op, la, lb, result); }
            catch { result.Dispose(); throw; }
            return new DNDarray(result, outShape, split, a.Context, distributed?.balanced ?? true);
        }
        finally { foreach (var t in temps) t.Dispose(); }
    }

    /// <summary><c>a op s</c> (or <c>s op a</c>) with a weak scalar.</summary>
    public static DNDarray BinaryScalar(BinaryOp op, DNDarray a, Scalar s, bool scalarFirst)
    {
        ArgumentNullException.ThrowIfNull(a);
        var compute = ComputeType(op, DTypePromotion.PromoteWithScalar(a.dtype, s.Kind));
        var backend = a.Backend;
        using var la = compute == a.dtype ? a.larray.Share() : backend.Copy(a.larray, compute);
        var result = backend.Empty(la.Shape, op.ReturnsBool() ? DType.Bool : compute);
        try { backend.BinaryScalar(op, la, s, scalarFirst, result); }
        catch { result.Dispose(); throw; }
        return new DNDarray(result, a.shape, a.split, a.Context, a.balanced);
    }

    /// <summary>An element-wise unary op; integers are computed in float32 where the op needs it (HeAT).</summary>
    public static DNDarray Unary(UnaryOp op, DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var compute = op.NeedsInexact() && !x.dtype.IsInexact ? DType.Float32 : x.dtype;
        if (op == UnaryOp.BitwiseNot && x.dtype.IsInexact)
            throw new ArgumentException($"invert is not defined for {x.dtype}; it needs bool or integer operands.", nameof(x));
        var backend = x.Backend;
        using var lx = compute == x.dtype ? x.larray.Share() : backend.Copy(x.larray, compute);
        var result = backend.Empty(lx.Shape, op.ResultType(compute));
        try { backend.Unary(op, lx, result); }
        catch { result.Dispose(); throw; }
        return new DNDarray(result, x.shape, x.split, x.Context, x.balanced);
    }

    /// <summary>An operand split along an axis it broadcasts (extent 1 against a larger output) is replicated first.</summary>
    private static DNDarray Prepare(DNDarray x, long[] outShape, List<IDisposable> temps)
    {
        if (x.split is int s && x.GShapeRef[s] != outShape[s + outShape.Length - x.ndim])
            return Track(ht.resplit(x, null), temps);
        return x;
    }

    private static int? OutSplit(DNDarray x, int nd) => x.split is int s ? s + (nd - x.ndim) : null;

    /// <summary>The operand's local tensor in the compute dtype, restricted to this rank's range and broadcast to the local output.</summary>
    private static LocalTensor LocalOperand(DNDarray x, int? ownSplit, int? split, long offset, long[] localOut, DType compute, ITensorBackend backend)
    {
        LocalTensor view = x.larray.Share();
        if (split is int s && ownSplit is null)
        {
            int axis = s - (localOut.Length - x.ndim);
            if (axis >= 0 && x.GShapeRef[axis] != 1)
            {
                var sliced = view.Slice(axis, offset, localOut[s]);
                view.Dispose();
                view = sliced;
            }
        }
        if (view.DType != compute)
        {
            var cast = backend.Copy(view, compute);
            view.Dispose();
            view = cast;
        }
        var broadcast = view.BroadcastTo(localOut);
        view.Dispose();
        return broadcast;
    }

    /// <summary>A copy of <paramref name="x"/> split along output axis <paramref name="outAxis"/>, or replicated where x does not span it.</summary>
    private static DNDarray Align(DNDarray x, int outAxis, long[] outShape)
    {
        int own = outAxis - (outShape.Length - x.ndim);
        bool spans = own >= 0 && x.GShapeRef[own] == outShape[outAxis];
        return ht.resplit(x, spans ? own : null);
    }

    private static DNDarray Track(DNDarray x, List<IDisposable> temps) { temps.Add(x); return x; }

    private static string Name(BinaryOp op) => op.ToString().ToLowerInvariant();
}
