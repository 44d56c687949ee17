// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/manipulations.py
public static partial class ht
{
    /// <summary>
    /// A new array of <paramref name="shape"/> (one entry may be -1) with the same elements in row-major order, split
    /// along
    /// <paramref name="new_split"/> (default: the input's split, clamped to the new rank). The input keeps its split.
    /// </summary>
    /// <exception cref="ArgumentException">The element counts differ or more than one entry is -1.</exception>
    public static DNDarray reshape(DNDarray a, long[] shape, int? new_split = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(shape);
        int? split = new_split ?? (a.split is int s && shape.Length > 0 ? Math.Min(s, shape.Length - 1) : null);
        return Joining.Reshape(a, shape, split);
    }

    /// <summary>The elements as a 1-d array (a copy; split 0 when the input is split).</summary>
    public static DNDarray flatten(DNDarray a) => reshape(a, [-1], a.split is null ? null : 0);

    /// <summary>The elements as a 1-d array (always a new array here).</summary>
    public static DNDarray ravel(DNDarray a) => flatten(a);

    /// <summary>Removes extent-1 dimensions (all when <paramref name="axis"/> is null); a squeezed split axis is
    /// replicated.</summary>
    /// <exception cref="ArgumentException">A given axis does not have extent 1.</exception>
    public static DNDarray squeeze(DNDarray a, Axis? axis = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        var axes = axis is null ? Enumerable.Range(0, a.ndim).Where(d => a.GShapeRef[d] == 1).ToArray() : Axis.Resolve(axis, a.ndim);
        foreach (var d in axes)
            if (a.GShapeRef[d] != 1) throw new ArgumentException($"squeeze: axis {d} has extent {a.GShapeRef[d]}, not 1.", nameof(axis));
        using var source = a.split is int s && axes.Contains(s) ? Redistribution.ResplitCopy(a, null) : a.Alias();
        var local = source.larray.GetShape().Where((_, i) => !axes.Contains(i)).ToArray();
        using var contiguous = source.larray.IsContiguous ? source.larray.Share() : source.Backend.Contiguous(source.larray);
        var view = contiguous.TryReshapeView(local)!;
        int? split = source.split is int s2 ? s2 - axes.Count(d => d < s2) : null;
        return new DNDarray(view, source.GShapeRef.Where((_, i) => !axes.Contains(i)).ToArray(), split, source.Context, source.balanced);
    }

    /// <summary>Inserts an extent-1 dimension at <paramref name="axis"/> (−ndim−1 ≤ axis ≤ ndim); the split moves with
    /// its axis.</summary>
    public static DNDarray expand_dims(DNDarray a, int axis)
    {
        ArgumentNullException.ThrowIfNull(a);
        axis = Shapes.NormalizeAxis(axis, a.ndim + 1);
        var view = a.larray.ExpandDims(axis);
        var gshape = a.GShapeRef.Take(axis).Append(1L).Concat(a.GShapeRef.Skip(axis)).ToArray();
        int? split = a.split is int s ? (s >= axis ? s + 1 : s) : null;
        return new DNDarray(view, gshape, split, a.Context, a.balanced);
    }

    /// <summary>Swaps two axes.</summary>
    public static DNDarray swapaxes(DNDarray x, int axis1, int axis2)
    {
        ArgumentNullException.ThrowIfNull(x);
        var perm = Enumerable.Range(0, x.ndim).ToArray();
        int a1 = Shapes.NormalizeAxis(axis1, x.ndim, nameof(axis1)), a2 = Shapes.NormalizeAxis(axis2, x.ndim, nameof(axis2));
        (perm[a1], perm[a2]) = (perm[a2], perm[a1]);
        return transpose(x, perm);
    }

    /// <summary>Moves axis <paramref name="source"/> to position <paramref name="destination"/>.</summary>
    public static DNDarray moveaxis(DNDarray x, int source, int destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        int s = Shapes.NormalizeAxis(source, x.ndim, nameof(source)), d = Shapes.NormalizeAxis(destination, x.ndim, nameof(destination));
        var order = Enumerable.Range(0, x.ndim).Where(i => i != s).ToList();
        order.Insert(d, s);
        return transpose(x, order.ToArray());
    }

    /// <summary>Joins arrays along an existing axis; the result is balanced (split of the first split
    /// operand).</summary>
    /// <exception cref="ArgumentException">Dimensions other than <paramref name="axis"/> differ.</exception>
    public static DNDarray concatenate(DNDarray[] arrays, int axis = 0) => Joining.Concatenate(arrays, axis);

    /// <summary>Joins arrays of one shape along a new axis.</summary>
    public static DNDarray stack(DNDarray[] arrays, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Length == 0) throw new ArgumentException("stack needs at least one array.", nameof(arrays));
        for (int i = 1; i < arrays.Length; i++)
            if (!Shapes.Equal(arrays[i].GShapeRef, arrays[0].GShapeRef))
                throw new ArgumentException($"stack: array {i} has shape {Shapes.Format(arrays[i].GShapeRef)}, array 0 {Shapes.Format(arrays[0].GShapeRef)}.", nameof(arrays));
        var expanded = arrays.Select(a => expand_dims(a, axis)).ToArray();
        try { return concatenate(expanded, axis); }
        finally { foreach (var e in expanded) e.Dispose(); }
    }

    /// <summary>Joins along axis 1 (axis 0 for 1-d arrays).</summary>
    public static DNDarray hstack(DNDarray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        return concatenate(arrays, arrays.Length > 0 && arrays[0].ndim == 1 ? 0 : 1);
    }

    /// <summary>Joins along axis 0, 1-d arrays as rows.</summary>
    public static DNDarray vstack(DNDarray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var rows = arrays.Select(a => a.ndim == 1 ? expand_dims(a, 0) : a.Alias()).ToArray();
        try { return concatenate(rows, 0); }
        finally { foreach (var r in rows) r.Dispose(); }
    }

    /// <summary>A copy of <paramref name="x"/> split along <paramref name="axis"/> (x is unchanged).</summary>
    public static DNDarray resplit(DNDarray x, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Redistribution.ResplitCopy(x, Factory.CheckSplit(axis, x.ndim));
    }

    /// <summary>A balanced copy of <paramref name="x"/>.</summary>
    public static DNDarray balance(DNDarray x, bool copy = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = copy ? x.astype(x.dtype) : x;
        return result.balance_();
    }
}

public sealed partial class DNDarray
{
    /// <summary>Reshaped copy (see <see cref="ht.reshape"/>).</summary>
    public DNDarray reshape(params long[] shape) => ht.reshape(this, shape);
    /// <summary>The transpose (axes reversed).</summary>
    public DNDarray T => ht.transpose(this);
    /// <summary>1-d copy.</summary>
    public DNDarray flatten() => ht.flatten(this);
    /// <summary>Removes extent-1 dimensions.</summary>
    public DNDarray squeeze(Axis? axis = null) => ht.squeeze(this, axis);
    /// <summary>Inserts an extent-1 dimension.</summary>
    public DNDarray expand_dims(int axis) => ht.expand_dims(this, axis);
}
