// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/manipulations.py (broadcast_to, broadcast_arrays, collect, column_stack, row_stack, redistribute,
// shape)
public static partial class ht
{
    /// <summary>A copy of <paramref name="x"/> broadcast to <paramref name="shape"/> (NumPy rules).</summary>
    /// <remarks>
    /// The split moves with its axis; a split axis of extent 1 that is broadcast is replicated first and the result is
    /// split along it, balanced. No communication otherwise.
    /// </remarks>
    /// <exception cref="ArgumentException">x does not broadcast to <paramref name="shape"/>.</exception>
    public static DNDarray broadcast_to(DNDarray x, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var target = Factory.CheckShape(shape);
        int lead = target.Length - x.ndim;
        bool fits = lead >= 0;
        for (int d = 0; fits && d < x.ndim; d++) fits = x.GShapeRef[d] == target[d + lead] || x.GShapeRef[d] == 1;
        if (!fits)
            throw new ArgumentException($"broadcast_to: shape {Shapes.Format(x.GShapeRef)} does not broadcast to "
                + $"{Shapes.Format(target)}.", nameof(shape));
        using var scope = DisposeScope.Begin();
        int? split = x.split is int s ? s + lead : null;
        // A split axis that broadcasts (extent 1) is replicated first; its canonical chunks are then cut locally.
        var source = x.split is int s1 && x.GShapeRef[s1] != target[s1 + lead]
            ? scope.Include(Redistribution.ResplitCopy(x, null)) : x;
        var lshape = (long[])target.Clone();
        if (split is int os)
            lshape = source.split is null ? Factory.LocalChunk(target, os, x.comm).LocalShape : SetAxis(lshape, os,
                x.larray.Shape[os - lead]);
        using var view = source.larray.BroadcastTo(lshape);
        var local = scope.Include(x.Backend.Copy(view));
        var result = new DNDarray(local, target, split, x.Context, source.split is null ? true : x.balanced);
        scope.Detach(local);
        if (source.split is not null && x.balanced == true) result.SetSplitCounts(x.SplitCounts());
        return scope.MoveToOuter(result);
    }

    /// <summary>Copies of <paramref name="arrays"/> broadcast to their common shape.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast together.</exception>
    public static DNDarray[] broadcast_arrays(params DNDarray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        long[] shape = [];
        foreach (var a in arrays)
        {
            ArgumentNullException.ThrowIfNull(a);
            try { shape = Shapes.Broadcast(shape, a.GShapeRef); }
            catch (ArgumentException e) { throw new ArgumentException($"broadcast_arrays: "
                + $"{e.Message}", nameof(arrays), e); }
        }
        using var scope = DisposeScope.Begin();
        var result = arrays.Select(a => broadcast_to(a, shape)).ToArray();
        foreach (var r in result) scope.MoveToOuter(r);
        return result;
    }

    /// <summary>A copy of <paramref name="arr"/> with all its data on rank <paramref name="target_rank"/> (the other
    /// ranks hold empty chunks); a replicated array is copied as it is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">target_rank is not a rank of the communicator.</exception>
    public static DNDarray collect(DNDarray arr, int target_rank = 0)
    {
        ArgumentNullException.ThrowIfNull(arr);
        CheckRank(arr, target_rank);
        using var scope = DisposeScope.Begin();
        var copy = arr.astype(arr.dtype);
        return scope.MoveToOuter(copy.collect_(target_rank));
    }

    private static long[] SetAxis(long[] shape, int axis, long extent)
    {
        shape[axis] = extent;
        return shape;
    }

    internal static void CheckRank(DNDarray arr, int target_rank)
    {
        if (target_rank < 0 || target_rank >= arr.comm.Size)
            throw new ArgumentOutOfRangeException(nameof(target_rank), target_rank, $"target_rank must be a rank of "
                + $"the communicator, 0 <= target_rank < {arr.comm.Size}.");
    }

    /// <summary>A copy of <paramref name="arr"/> moved to <paramref name="target_map"/> (see
    /// <see cref="DNDarray.redistribute_"/>; balanced when null).</summary>
    /// <exception cref="ArgumentException">The map's shape or sums do not fit the array.</exception>
    public static DNDarray redistribute(DNDarray arr, long[,]? lshape_map = null, long[,]? target_map = null)
    {
        ArgumentNullException.ThrowIfNull(arr);
        using var scope = DisposeScope.Begin();
        var copy = arr.astype(arr.dtype);
        return scope.MoveToOuter(copy.redistribute_(lshape_map, target_map));
    }

    /// <summary>Stacks 1-d arrays as columns (2-d arrays as they are) along axis 1.</summary>
    /// <exception cref="ArgumentException">An array has more than 2 dimensions or the row counts differ.</exception>
    public static DNDarray column_stack(DNDarray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Length == 0) throw new ArgumentException("column_stack needs at least one array.", nameof(arrays));
        foreach (var a in arrays)
            if (a.ndim > 2) throw new ArgumentException($"column_stack takes 0-, 1- or 2-d arrays, got "
                + $"{a.ndim}-d.", nameof(arrays));
        using var scope = DisposeScope.Begin();
        var columns = arrays.Select(a => a.ndim == 2 ? a : scope.Include(a.ndim == 0 ? reshape(a, [1,
            1]) : expand_dims(a, 1))).ToArray();
        return scope.MoveToOuter(concatenate(columns, 1));
    }

    /// <summary>Stacks arrays as rows along axis 0 (alias of <see cref="vstack"/>).</summary>
    public static DNDarray row_stack(DNDarray[] arrays) => vstack(arrays);

    /// <summary>The global shape of <paramref name="a"/>.</summary>
    public static long[] shape(DNDarray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.shape;
    }
}

public sealed partial class DNDarray
{
    /// <summary>Moves all data to rank <paramref name="target_rank"/> in place (one Alltoallw); other ranks keep empty
    /// chunks. A replicated array is unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">target_rank is not a rank of the communicator.</exception>
    public DNDarray collect_(int target_rank = 0)
    {
        ht.CheckRank(this, target_rank);
        if (split is not int s) return this;
        var target = new long[comm.Size, ndim];
        for (int r = 0; r < comm.Size; r++)
            for (int d = 0; d < ndim; d++) target[r, d] = d == s ? (r == target_rank ? _gshape[d] : 0) : _gshape[d];
        return redistribute_(target_map: target);
    }

    /// <summary>A copy with all data on one rank (see <see cref="ht.collect"/>).</summary>
    public DNDarray collect(int target_rank = 0) => ht.collect(this, target_rank);

    /// <summary>A copy broadcast to <paramref name="shape"/> (see <see cref="ht.broadcast_to"/>).</summary>
    public DNDarray broadcast_to(long[] shape) => ht.broadcast_to(this, shape);

    /// <summary>A copy moved to <paramref name="target_map"/> (see <see cref="ht.redistribute"/>).</summary>
    public DNDarray redistribute(long[,]? lshape_map = null, long[,]? target_map = null)
        => ht.redistribute(this, lshape_map, target_map);
}

public sealed partial class DNDarray
{
    /// <summary>Reshaped copy split along <paramref name="new_split"/> (see <see cref="ht.reshape"/>).</summary>
    public DNDarray reshape(long[] shape, int? new_split) => ht.reshape(this, shape, new_split);
}
