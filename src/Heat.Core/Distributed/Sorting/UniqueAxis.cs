// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed.Sorting;

/// <summary>
/// unique slices along an axis, in lexicographic order of the slices (NumPy's unique with axis). The array is
/// resplit along the axis if it is split elsewhere, the axis moved to the front and the slices flattened to rows of w
/// elements. One distributed unique of all elements gives every element its order-preserving rank; the ranks of
/// column 0 are then folded with each further column j (key = id · U + rank_j, then a distributed unique with inverse
/// renumbers the keys densely), so after the last column every row holds the index of its slice among the sorted
/// unique slices. One integer-array assignment scatters the rows to those indices. Everything runs through the
/// distributed unique, arithmetic and indexing, so it is distributed whatever the chunks.
/// </summary>
internal static class UniqueAxis
{
    public static (DNDarray Values, DNDarray? Inverse, DNDarray? Counts) Run(DNDarray a, int axis, bool inverse,
        bool counts)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!SortKeys.IsSortable(a.dtype.Code))
            throw new ArgumentException($"unique is not defined for {a.dtype} (complex values have no order).",
                nameof(a));
        if (a.ndim == 0) throw new ArgumentException("unique along an axis needs an array of at least one dimension; "
            + "a is 0-d.", nameof(axis));
        int ax = Shapes.NormalizeAxis(axis, a.ndim, nameof(axis));
        long n = a.shape[ax], w = 1;
        for (int d = 0; d < a.ndim; d++) if (d != ax) w *= a.shape[d];
        // Split metadata decides (also on one rank): values split like a, inverse and counts along 0.
        int? rowSplit = a.split is null ? null : 0;

        using var scope = DisposeScope.Begin();
        var along = a.split is int s && s != ax ? ht.resplit(a, ax) : a;
        var moved = ht.moveaxis(along, ax, 0);
        var rows = ht.reshape(moved, [n, w], rowSplit);
        DNDarray ids, uniqueCounts;
        long found;
        if (n == 0 || w == 0)
        {
            found = Math.Min(n, 1);
            ids = ht.zeros([n], dtype: ht.int64, split: rowSplit);
            uniqueCounts = ht.full([found], n, dtype: ht.int64, split: rowSplit);
        }
        else
        {
            var (elements, ranks, elementCounts) = Unique.Run(rows, inverse: true, counts: w == 1);
            found = elements.size;
            ids = ranks![.., 0];
            uniqueCounts = elementCounts!;
            for (long j = 1; j < w; j++)
            {
                try { _ = checked(found * elements.size); }
                catch (OverflowException)
                {
                    throw new NotSupportedException($"unique along axis {ax}: {found} distinct prefixes times "
                        + $"{elements.size} distinct values exceed the int64 keys of the row fold.");
                }
                var key = ids * elements.size + ranks[.., j];
                var (folded, next, foldCounts) = Unique.Run(key, inverse: true, counts: j == w - 1);
                found = folded.size;
                ids = next!;
                if (foldCounts is not null) uniqueCounts = foldCounts;
            }
        }

        if (rowSplit is 0 && ids.split is null) ids = ht.resplit(ids, 0);
        if (rowSplit is 0 && uniqueCounts.split is null) uniqueCounts = ht.resplit(uniqueCounts, 0);

        // One representative row per index (equal rows, so the last write wins harmlessly).
        var picked = ht.zeros([found, w], dtype: a.dtype, split: rowSplit);
        if (n > 0 && w > 0) picked[ids] = rows;
        var restShape = moved.shape.Skip(1).Prepend(found).ToArray();
        var shaped = ht.reshape(picked, restShape, rowSplit);
        var values = ht.moveaxis(shaped, 0, ax);
        if (a.split is int split && split != ax) values = ht.resplit(values, split);
        return (scope.MoveToOuter(values), inverse ? scope.MoveToOuter(ids) : null,
            counts ? scope.MoveToOuter(uniqueCounts) : null);
    }
}
