// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/indexing.py (nonzero, where with one argument); NumPy's take.
public static partial class ht
{
    /// <summary>
    /// The coordinates of the non-zero (true) elements of <paramref name="x"/> in row-major order: one int64 array of
    /// shape (N, ndim), or (N,) for 1-d input (HeAT returns one array, not NumPy's tuple).
    /// </summary>
    /// <remarks>Split along 0 when x is split (an array split along another axis is resplit first, so the order is
    /// row-major), else replicated; offsets are the chunks' true displacements, also on unbalanced arrays.</remarks>
    /// <exception cref="ArgumentException">x is 0-d.</exception>
    public static DNDarray nonzero(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 0) throw new ArgumentException("nonzero of a 0-d array is not defined; use "
            + "x.reshape([1]).", nameof(x));
        using var scope = DisposeScope.Begin();
        var mask = x.dtype == DType.Bool ? x : ne(x, 0);
        var coordinates = Nonzero.Coordinates(mask);
        if (x.ndim > 1) return scope.MoveToOuter(coordinates);
        long n = coordinates.GShapeRef[0];
        var flat = coordinates.larray.TryReshapeView([coordinates.larray.Shape[0]])!;
        var result = coordinates.split is null
            ? new DNDarray(flat, [n], null, x.Context, true)
            : DNDarray.WithSplitCounts(flat, [n], 0, x.Context, coordinates.SplitCounts());
        return scope.MoveToOuter(result, transferred: flat);
    }

    /// <summary>With only a condition, <c>where</c> is <see cref="nonzero"/> (HeAT).</summary>
    /// <exception cref="ArgumentException">The condition is 0-d.</exception>
    public static DNDarray where(DNDarray condition) => nonzero(condition);

    /// <summary>
    /// The elements of <paramref name="a"/> at <paramref name="indices"/> along <paramref name="axis"/> (of the
    /// flattened array when null): <c>a[:, …, indices, …]</c>, negative indices counting from the end.
    /// </summary>
    /// <remarks>Collective; taking along the split axis exchanges requests and rows with one Alltoallv each.</remarks>
    /// <exception cref="ArgumentException">The axis is out of range.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is out of bounds, or the indices are not
    /// integers.</exception>
    public static DNDarray take(DNDarray a, DNDarray indices, int? axis = null) => Take(a, indices, axis);

    /// <summary><see cref="take(DNDarray, DNDarray, int?)"/> with indices given as a .NET array.</summary>
    /// <exception cref="ArgumentException">The axis is out of range.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is out of bounds.</exception>
    public static DNDarray take(DNDarray a, long[] indices, int? axis = null) => Take(a, indices, axis);

    private static DNDarray Take(DNDarray a, IndexKey indices, int? axis)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (axis is not int ax)
        {
            using var flat = flatten(a);
            return flat[indices];
        }
        int d = Shapes.NormalizeAxis(ax, a.ndim);
        var keys = new IndexKey[d + 1];
        for (int i = 0; i < d; i++) keys[i] = new Slice();
        keys[d] = indices;
        return a[keys];
    }
}
