// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Deferred element-wise evaluation. Inside <c>ht.lazy()</c> (and <c>ht.fuse</c>) the element-wise templates return
/// pending arrays whose local tensor is an expression over existing local tensors; the first access to
/// <see cref="DNDarray.larray"/> (every reduction, communication and data access goes through it) evaluates it in one
/// blocked pass of the backend's <see cref="IFusedElementwiseKernels"/>. Before an array's local tensor is handed out
/// (it may be written next), every pending expression that reads its storage is evaluated, so results never see later
/// writes. Only operands that need no communication are deferred, so the decision is the same on every rank; anything
/// else runs op by op, as do backends without the capability.
/// </summary>
internal static class Fusion
{
    /// <summary>The size threshold: a pending operand with this many nodes is evaluated before it is used.</summary>
    public const int MaxNodes = 32;

    private static readonly ConditionalWeakTable<RankContext, State> States = new();
    private static int _registered; // entries in all pending lists of the process

    private sealed class State
    {
        public int Depth;
        public long NextId;
        public readonly List<(WeakReference<DNDarray> Array, long Id)> Pending = [];
    }

    /// <summary>True while any pending array may exist (the cheap test of <see cref="DNDarray.larray"/>).</summary>
    public static bool Active => Volatile.Read(ref _registered) > 0;

    /// <summary>Opens a deferral scope on <paramref name="context"/>; disposing it evaluates (when
    /// <paramref name="evaluateAtEnd"/>) the arrays created in it and still pending that no other pending array
    /// uses.</summary>
    public static IDisposable Begin(RankContext context, bool evaluateAtEnd)
    {
        var state = States.GetValue(context, _ => new State());
        state.Depth++;
        return new Scope(state, state.NextId, evaluateAtEnd);
    }

    private sealed class Scope(State state, long firstId, bool evaluateAtEnd) : IDisposable
    {
        private bool _done;
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            state.Depth--;
            if (!evaluateAtEnd) return;
            foreach (var (x, id) in Live(state))
                if (id >= firstId && x.Pending is { } p && p.IsRoot) Materialize(x);
        }
    }

    private static bool Enabled(RankContext context) => States.TryGetValue(context, out var s) && s.Depth > 0;

    /// <summary>Called by <see cref="DNDarray.larray"/>: evaluates <paramref name="x"/> if pending, then every pending
    /// array that reads its storage.</summary>
    public static void BeforeAccess(DNDarray x)
    {
        if (x.Pending is not null) Materialize(x);
        if (!States.TryGetValue(x.Context, out var state) || state.Pending.Count == 0) return;
        if (x.LocalOrNull is not { } local) return;   // disposed: larray throws
        var storage = local.Storage;
        foreach (var (p, _) in Live(state))
            if (p.Pending is { } e && e.Reads(storage)) Materialize(p);
    }

    /// <summary>Evaluates a pending array.</summary>
    public static void Materialize(DNDarray x)
    {
        var e = x.Pending!;
        var kernels = (IFusedElementwiseKernels)x.Backend;
        var program = e.Compile();
        var result = x.Backend.Empty(e.Shape, e.DType);
        try { kernels.Evaluate(program, result); }
        catch { result.Dispose(); throw; }
        x.Materialized(result);
    }

    /// <summary>The pending arrays of <paramref name="state"/> still alive, in creation order; drops the
    /// rest.</summary>
    private static List<(DNDarray Array, long Id)> Live(State state)
    {
        var live = new List<(DNDarray, long)>();
        int kept = 0;
        for (int i = 0; i < state.Pending.Count; i++)
        {
            var w = state.Pending[i];
            if (!w.Array.TryGetTarget(out var x) || x.Pending is null) continue;
            live.Add((x, w.Id));
            state.Pending[kept++] = w;
        }
        int dropped = state.Pending.Count - kept;
        state.Pending.RemoveRange(kept, dropped);
        Interlocked.Add(ref _registered, -dropped);
        return live;
    }

    private static DNDarray Register(DNDarray x)
    {
        var state = States.GetValue(x.Context, _ => new State());
        state.Pending.Add((new WeakReference<DNDarray>(x), state.NextId++));
        Interlocked.Increment(ref _registered);
        return x;
    }

    private static IFusedElementwiseKernels? Kernels(DNDarray x, params ReadOnlySpan<DType> dtypes)
    {
        if (!Enabled(x.Context) || x.Backend is not IFusedElementwiseKernels k) return null;
        foreach (var t in dtypes) if (!k.CanFuse(t)) return null;
        return k;
    }

    /// <summary>A pending <c>op(x)</c> computed in <paramref name="compute"/>, or null where it is not
    /// deferred.</summary>
    public static DNDarray? TryUnary(UnaryOp op, DNDarray x, DType compute, DType result)
    {
        if (Kernels(x, x.dtype, compute, result) is null || !OpRegistry.Defined(op, compute)) return null;
        var ex = Operand(x, null, 0, LocalShape(x), compute);
        var e = FusedExpr.Unary(op, ex, result);
        ex.Release();
        return Register(new DNDarray(e, x.shape, x.split, x.Context, x.balanced));
    }

    /// <summary>A pending <c>a op s</c> (or <c>s op a</c>), or null where it is not deferred.</summary>
    public static DNDarray? TryScalar(BinaryOp op, DNDarray a, Scalar s, bool scalarFirst, DType compute, DType result)
    {
        if (Kernels(a, a.dtype, compute, result) is null || !OpRegistry.Defined(op, compute)) return null;
        var local = LocalShape(a);
        var ea = Operand(a, null, 0, local, compute);
        var es = FusedExpr.Constant(s, compute, local, ea.Device);
        var e = scalarFirst ? FusedExpr.Binary(op, es, ea, result) : FusedExpr.Binary(op, ea, es, result);
        ea.Release(); es.Release();
        return Register(new DNDarray(e, a.shape, a.split, a.Context, a.balanced));
    }

    /// <summary>A pending <c>a op b</c> with broadcasting, or null where it is not deferred (the operands need
    /// communication to line up, or a dtype cannot be fused).</summary>
    public static DNDarray? TryBinary(BinaryOp op, DNDarray a, DNDarray b, DType compute, DType result)
    {
        if (Kernels(a, a.dtype, b.dtype, compute, result) is null || !ReferenceEquals(a.Backend, b.Backend)
            || !OpRegistry.Defined(op, compute)) return null;
        var outShape = Shapes.Broadcast(a.GShapeRef, b.GShapeRef);
        int nd = outShape.Length;
        foreach (var x in (ReadOnlySpan<DNDarray>)[a, b])
            if (x.split is int s && x.GShapeRef[s] != outShape[s + nd - x.ndim]) return null;
        int? sa = OutSplit(a, nd), sb = OutSplit(b, nd);
        if (sa is not null && sb is not null && (sa != sb || !a.SplitCounts().SequenceEqual(b.SplitCounts())))
            return null;
        var lead = sa is null ? (sb is null ? null : b) : sb is null || a.gnumel >= b.gnumel ? a : b;
        int? split = lead is null ? null : OutSplit(lead, nd);
        var localOut = (long[])outShape.Clone();
        long offset = 0;
        if (split is int axis)
        {
            localOut[axis] = lead!.LocalExtent(lead.split!.Value);
            offset = lead.SplitOffset();
        }
        var ea = Operand(a, split, offset, localOut, compute);
        var eb = Operand(b, split, offset, localOut, compute);
        var e = FusedExpr.Binary(op, ea, eb, result);
        ea.Release(); eb.Release();
        return Register(new DNDarray(e, outShape, split, a.Context, lead is null ? true : lead.balanced));
    }

    private static int? OutSplit(DNDarray x, int nd) => x.split is int s ? s + (nd - x.ndim) : null;

    private static long[] LocalShape(DNDarray x) => x.Pending is { } p ? p.Shape : x.LocalUnflushed.GetShape();

    /// <summary>The operand as an expression of this rank's part of the output (a reference the caller releases):
    /// a pending operand of the right shape is used as it is, anything else becomes an input view (restricted to this
    /// rank's range of a split output when the operand is replicated, broadcast), cast to <paramref name="compute"/>.
    /// </summary>
    private static FusedExpr Operand(DNDarray x, int? split, long offset, long[] localOut, DType compute)
    {
        int nd = localOut.Length;
        bool slice = false;
        int axis = -1;
        if (split is int s && x.split is null)
        {
            axis = s - (nd - x.ndim);
            slice = axis >= 0 && x.GShapeRef[axis] != 1;
        }
        FusedExpr e;
        if (x.Pending is { } p && !slice && p.Size < MaxNodes && p.Shape.AsSpan().SequenceEqual(localOut))
            e = p.AddRef();
        else
        {
            if (x.Pending is not null) Materialize(x);
            LocalTensor view = x.LocalUnflushed.Share();
            if (slice)
            {
                var sliced = view.Slice(axis, offset, localOut[split!.Value]);
                view.Dispose();
                view = sliced;
            }
            var broadcast = view.BroadcastTo(localOut);
            view.Dispose();
            e = FusedExpr.Input(broadcast);
        }
        if (e.DType == compute) return e;
        var cast = FusedExpr.Cast(e, compute);
        e.Release();
        return cast;
    }
}
