// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/manipulations.py (split, hsplit, vsplit, dsplit)
public static partial class ht
{
    /// <summary>Splits into <paramref name="indices_or_sections"/> equal parts along <paramref name="axis"/>.</summary>
    /// <remarks>Each part is a slice and keeps the split (parts of the split axis may be unbalanced).</remarks>
    /// <exception cref="ArgumentException">The axis' extent is not divisible by the number of sections (or it is
    /// &lt; 1).</exception>
    public static DNDarray[] split(DNDarray x, int indices_or_sections, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 0) throw new ArgumentException("split needs an array of at least 1 dimension.", nameof(x));
        axis = Shapes.NormalizeAxis(axis, x.ndim);
        long n = x.GShapeRef[axis];
        if (indices_or_sections < 1 || n % indices_or_sections != 0)
            throw new ArgumentException($"split: array split does not result in an equal division ({n} elements "
                + $"along axis {axis} into {indices_or_sections} sections).", nameof(indices_or_sections));
        long part = n / indices_or_sections;
        return Split(x, Enumerable.Range(1, indices_or_sections - 1).Select(i => i * part).ToArray(), axis);
    }

    /// <summary>Splits along <paramref name="axis"/> before each of the sorted indices (NumPy: <c>x[:i0], x[i0:i1],
    /// ..., x[ik:]</c>; indices are clipped to the extent).</summary>
    /// <remarks>Each part is a slice and keeps the split (parts of the split axis may be unbalanced).</remarks>
    public static DNDarray[] split(DNDarray x, long[] indices_or_sections, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices_or_sections);
        if (x.ndim == 0) throw new ArgumentException("split needs an array of at least 1 dimension.", nameof(x));
        return Split(x, indices_or_sections, Shapes.NormalizeAxis(axis, x.ndim));
    }

    /// <summary>Splits along axis 1 (axis 0 for 1-d arrays) into equal parts.</summary>
    public static DNDarray[] hsplit(DNDarray x, int indices_or_sections) => split(x, indices_or_sections, HAxis(x));
    /// <summary>Splits along axis 1 (axis 0 for 1-d arrays) before the given indices.</summary>
    public static DNDarray[] hsplit(DNDarray x, long[] indices_or_sections) => split(x, indices_or_sections, HAxis(x));
    /// <summary>Splits along axis 0 (arrays of at least 2 dimensions) into equal parts.</summary>
    public static DNDarray[] vsplit(DNDarray x, int indices_or_sections) => split(x, indices_or_sections, NeedDims(x,
        2, "vsplit", 0));
    /// <summary>Splits along axis 0 (arrays of at least 2 dimensions) before the given indices.</summary>
    public static DNDarray[] vsplit(DNDarray x, long[] indices_or_sections) => split(x, indices_or_sections,
        NeedDims(x, 2, "vsplit", 0));
    /// <summary>Splits along axis 2 (arrays of at least 3 dimensions) into equal parts.</summary>
    public static DNDarray[] dsplit(DNDarray x, int indices_or_sections) => split(x, indices_or_sections, NeedDims(x,
        3, "dsplit", 2));
    /// <summary>Splits along axis 2 (arrays of at least 3 dimensions) before the given indices.</summary>
    public static DNDarray[] dsplit(DNDarray x, long[] indices_or_sections) => split(x, indices_or_sections,
        NeedDims(x, 3, "dsplit", 2));

    private static int HAxis(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 0) throw new ArgumentException("hsplit needs an array of at least 1 dimension.", nameof(x));
        return x.ndim == 1 ? 0 : 1;
    }

    private static int NeedDims(DNDarray x, int ndim, string name, int axis)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim < ndim) throw new ArgumentException($"{name} needs an array of at least {ndim} dimensions, got "
            + $"{x.ndim}.", nameof(x));
        return axis;
    }

    private static DNDarray[] Split(DNDarray x, long[] indices, int axis)
    {
        using var scope = DisposeScope.Begin();
        var parts = new DNDarray[indices.Length + 1];
        for (int i = 0; i <= indices.Length; i++)
        {
            // NumPy: part i is x[indices[i-1]:indices[i]] along the axis, with Python's slice rules.
            var keys = new IndexKey[axis + 1];
            for (int d = 0; d < axis; d++) keys[d] = slice();
            keys[axis] = slice(i == 0 ? 0 : indices[i - 1], i < indices.Length ? indices[i] : null);
            parts[i] = x[keys];
        }
        foreach (var p in parts) scope.MoveToOuter(p);
        return parts;
    }
}
