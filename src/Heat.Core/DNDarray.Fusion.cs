// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// Deferred element-wise results (ht.lazy / ht.fuse): the local tensor is computed on first access to larray.
public sealed partial class DNDarray
{
    private LocalTensor? _larray;
    private FusedExpr? _pending;

    /// <summary>A deferred array: <paramref name="pending"/> computes its local tensor (this array owns the reference
    /// it is given).</summary>
    internal DNDarray(FusedExpr pending, long[] gshape, int? split, RankContext context, bool? balanced)
    {
        if (pending.Shape.Length != gshape.Length)
            throw new ArgumentException($"Local expression has {pending.Shape.Length} dimensions, global shape "
                + $"{Shapes.Format(gshape)} has {gshape.Length}.");
        _pending = pending; _gshape = gshape; this.split = split; Context = context;
        this.balanced = split is null ? true : balanced;
        DisposeScope.Track(this);
    }

    /// <summary>The expression that computes the local tensor, or null once it exists.</summary>
    internal FusedExpr? Pending => _pending;

    /// <summary>The local tensor without the flushing <see cref="larray"/> does (only for arrays not
    /// pending).</summary>
    internal LocalTensor LocalUnflushed => _larray ?? throw new InvalidOperationException("The array is pending.");

    /// <summary>The local tensor, null while pending or once disposed while pending.</summary>
    internal LocalTensor? LocalOrNull => _larray;

    /// <summary>The local extent along <paramref name="axis"/>, without computing a pending array.</summary>
    internal long LocalExtent(int axis) => _pending is { } p ? p.Shape[axis] : _larray!.Shape[axis];

    /// <summary>Installs the computed local tensor of a pending array.</summary>
    internal void Materialized(LocalTensor local)
    {
        var p = _pending!;
        _larray = local;
        _pending = null;
        p.Release();
    }

    private void DropPending()
    {
        var p = _pending!;
        _pending = null;
        p.Release();
    }
}
