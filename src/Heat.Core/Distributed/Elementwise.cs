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
        var traits = OpRegistry.Of(op);
        if (traits.Bitwise && common.IsInexact)
            throw new ArgumentException($"{Name(op)} is not defined for {common}; it needs bool or integer operands.");
        if (traits.NeedsInexact && !common.IsInexact) return DType.Float32;
        if (traits.NeedsOrder && common.IsComplex)
            throw new ArgumentException($"{Name(op)} is not defined for complex operands ({common}).");
        return common;
    }

    /// <summary><c>a op b</c> for two arrays.</summary>
    public static DNDarray Binary(BinaryOp op, DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var compute = ComputeType(op, DTypePromotion.Promote(a.dtype, b.dtype));
        if (Fusion.TryBinary(op, a, b, compute, OpRegistry.Of(op).ResultType(compute)) is { } lazy) return lazy;
        var backend = a.Backend;
        return Map([a, b], [compute, compute], OpRegistry.Of(op).ResultType(compute),
            (l, result) => backend.Binary(op, l[0], l[1], result));
    }

    /// <summary>
    /// The N-ary element-wise template: broadcasts the operands to one global shape, aligns their distributions (an
    /// operand split along another axis than the largest one is moved; chunk boundaries are matched), casts each to its
    /// compute dtype and lets <paramref name="kernel"/> fill this rank's chunk of the result.
    /// </summary>
    public static DNDarray Map(DNDarray[] operands, DType[] computeTypes, DType resultType, Action<LocalTensor[], LocalTensor> kernel)
    {
        var outShape = operands[0].shape;
        for (int i = 1; i < operands.Length; i++) outShape = Shapes.Broadcast(outShape, operands[i].GShapeRef);
        int nd = outShape.Length;
        var backend = operands[0].Backend;
        var temps = new List<IDisposable>();
        var locals = new LocalTensor[operands.Length];
        try
        {
            var ops = operands.Select(o => Prepare(o, outShape, temps)).ToArray();
            // The largest split operand decides the result's split axis; the others move to it.
            int lead = -1;
            for (int i = 0; i < ops.Length; i++)
                if (ops[i].split is not null && (lead < 0 || ops[i].gnumel > ops[lead].gnumel)) lead = i;
            int? split = lead < 0 ? null : OutSplit(ops[lead], nd);
            if (lead >= 0)
            {
                var reference = ops[lead];
                for (int i = 0; i < ops.Length; i++)
                {
                    if (i == lead || ops[i].split is null) continue;
                    if (OutSplit(ops[i], nd) != split) ops[i] = Track(Align(ops[i], split!.Value, outShape), temps);
                    if (ops[i].split is null) continue;
                    if (!reference.SplitCounts().SequenceEqual(ops[i].SplitCounts()))
                    {
                        var moved = Track(ops[i].astype(ops[i].dtype), temps);
                        var map = reference.lshape_map;
                        var target = new long[reference.comm.Size, moved.ndim];
                        for (int r = 0; r < reference.comm.Size; r++)
                            for (int d = 0; d < moved.ndim; d++) target[r, d] = d == moved.split ? map[r, reference.split!.Value] : moved.GShapeRef[d];
                        ops[i] = moved.redistribute_(target_map: target);
                    }
                }
            }
            var distributed = lead >= 0 ? ops[lead] : null;
            var localOut = (long[])outShape.Clone();
            long offset = 0;
            if (split is int s)
            {
                localOut[s] = distributed!.larray.Shape[distributed.split!.Value];
                offset = distributed.SplitOffset();
            }
            for (int i = 0; i < ops.Length; i++)
                locals[i] = LocalOperand(ops[i], OutSplit(ops[i], nd), split, offset, localOut, computeTypes[i], backend);
            using var scope = DisposeScope.Begin();
            var result = scope.Include(backend.Empty(localOut, resultType));
            kernel(locals, result);
            return scope.MoveToOuter(new DNDarray(result, outShape, split, operands[0].Context,
                distributed is null ? true : distributed.balanced), transferred: result);
        }
        finally
        {
            foreach (var l in locals) l?.Dispose();
            foreach (var t in temps) t.Dispose();
        }
    }

    /// <summary><c>a op s</c> (or <c>s op a</c>) with a weak scalar.</summary>
    public static DNDarray BinaryScalar(BinaryOp op, DNDarray a, Scalar s, bool scalarFirst)
    {
        ArgumentNullException.ThrowIfNull(a);
        var compute = ComputeType(op, DTypePromotion.PromoteWithScalar(a.dtype, s.Kind));
        if (Fusion.TryScalar(op, a, s, scalarFirst, compute, OpRegistry.Of(op).ResultType(compute)) is { } lazy)
            return lazy;
        var backend = a.Backend;
        using var la = compute == a.dtype ? a.larray.Share() : backend.Copy(a.larray, compute);
        using var scope = DisposeScope.Begin();
        var result = scope.Include(backend.Empty(la.Shape, OpRegistry.Of(op).ResultType(compute)));
        backend.BinaryScalar(op, la, s, scalarFirst, result);
        return scope.MoveToOuter(new DNDarray(result, a.shape, a.split, a.Context, a.balanced), transferred: result);
    }

    /// <summary>An element-wise unary op; integers are computed in float32 where the op needs it (HeAT).</summary>
    public static DNDarray Unary(UnaryOp op, DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var traits = OpRegistry.Of(op);
        var compute = traits.NeedsInexact && !x.dtype.IsInexact ? DType.Float32 : x.dtype;
        if (traits.Bitwise && x.dtype.IsInexact)
            throw new ArgumentException($"{traits.Name} is not defined for {x.dtype}; it needs bool or integer operands.", nameof(x));
        if (Fusion.TryUnary(op, x, compute, traits.ResultType(compute)) is { } lazy) return lazy;
        var backend = x.Backend;
        using var lx = compute == x.dtype ? x.larray.Share() : backend.Copy(x.larray, compute);
        using var scope = DisposeScope.Begin();
        var result = scope.Include(backend.Empty(lx.Shape, traits.ResultType(compute)));
        backend.Unary(op, lx, result);
        return scope.MoveToOuter(new DNDarray(result, x.shape, x.split, x.Context, x.balanced), transferred: result);
    }

    /// <summary>An operand split along an axis it broadcasts (extent 1 against a larger output) is replicated
    /// first.</summary>
    private static DNDarray Prepare(DNDarray x, long[] outShape, List<IDisposable> temps)
    {
        if (x.split is int s && x.GShapeRef[s] != outShape[s + outShape.Length - x.ndim])
            return Track(ht.resplit(x, null), temps);
        return x;
    }

    private static int? OutSplit(DNDarray x, int nd) => x.split is int s ? s + (nd - x.ndim) : null;

    /// <summary>The operand's local tensor in the compute dtype, restricted to this rank's range and broadcast to the
    /// local output.</summary>
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

    /// <summary>A copy of <paramref name="x"/> split along output axis <paramref name="outAxis"/>, or replicated where
    /// x does not span it.</summary>
    private static DNDarray Align(DNDarray x, int outAxis, long[] outShape)
    {
        int own = outAxis - (outShape.Length - x.ndim);
        bool spans = own >= 0 && x.GShapeRef[own] == outShape[outAxis];
        return ht.resplit(x, spans ? own : null);
    }

    private static DNDarray Track(DNDarray x, List<IDisposable> temps) { temps.Add(x); return x; }

    private static string Name(BinaryOp op) => op.ToString().ToLowerInvariant();
}
