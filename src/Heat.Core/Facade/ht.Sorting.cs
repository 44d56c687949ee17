// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed.Sorting;

namespace Heat;

// HeAT: heat/core/manipulations.py (sort, unique, topk), heat/core/statistics.py (digitize, bucketize); argsort and
// searchsorted after NumPy.
public static partial class ht
{
    /// <summary>
    /// The array sorted along <paramref name="axis"/> and the int64 indices that sort it (HeAT's sort). NaN sorts last
    /// ascending and first descending (torch.sort; NumPy has no descending sort); −0 equals +0.
    /// </summary>
    /// <param name="a">The array (bool, integer or float).</param>
    /// <param name="axis">The axis to sort along.</param>
    /// <param name="descending">Largest first.</param>
    /// <param name="stable">Keep equal elements in their input order. The result is always stable (ties ordered by
    /// index, also when descending), so the flag never changes it.</param>
    /// <remarks>
    /// Along an axis that is not split each rank sorts its chunk. Along the split axis a sample sort: a local sort,
    /// one Allgatherv of samples, one Alltoallv of every row's pieces, a local sort, one Alltoallv to the canonical
    /// chunking; the result is split like <paramref name="a"/> and balanced; indices are global.
    /// </remarks>
    /// <exception cref="ArgumentException">a is 0-d or complex, or axis is out of range.</exception>
    public static (DNDarray values, DNDarray indices) sort(DNDarray a, int axis = -1, bool descending = false,
        bool stable = false) =>
        Sorting.Sort(a, axis, descending, stable);

    /// <summary>The int64 indices that sort <paramref name="a"/> along <paramref name="axis"/> (see
    /// <see cref="sort"/>).</summary>
    /// <exception cref="ArgumentException">a is 0-d or complex, or axis is out of range.</exception>
    public static DNDarray argsort(DNDarray a, int axis = -1, bool descending = false, bool stable = false)
    {
        var (values, indices) = Sorting.Sort(a, axis, descending, stable);
        values.Dispose();
        return indices;
    }

    /// <summary>The <paramref name="k"/> largest (or smallest) elements along <paramref name="dim"/> and their int64
    /// indices, largest first (smallest first when not <paramref name="largest"/>); NaN counts as the
    /// largest.</summary>
    /// <remarks>
    /// <c>sorted</c> is ignored: the result is always sorted (as torch.topk's on CPU).
    /// Along the split axis each rank's best k per row (a local sort) are gathered, p·k candidates per row, and
    /// sorted;
    /// the result is split along dim (HeAT). Otherwise local, split like <paramref name="a"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">a is 0-d or complex, dim is out of range, or k lies outside [0,
    /// shape[dim]].</exception>
    public static (DNDarray values, DNDarray indices) topk(DNDarray a, long k, int dim = -1, bool largest = true,
        bool sorted = true) =>
        Sorting.TopK(a, k, dim, largest);

    /// <summary>The sorted unique elements of the flattened array (NaNs count as one value; −0 equals +0), or with
    /// <paramref name="axis"/> the unique slices along it in lexicographic order.</summary>
    /// <remarks>
    /// <c>sorted</c> is ignored (the result is always sorted).
    /// Without axis: each rank hashes its elements into distinct values and counts, and the small per-rank sets are
    /// range-partitioned by sampled splitters (one Allgatherv, one Alltoallv) and merged; with many distinct values a
    /// sample sort of the elements instead. No rank gathers the others' uniques. A distributed input gives a result
    /// split along 0 and balanced (HeAT gives split 0 for split-0 input and a replicated result otherwise); a
    /// replicated input a replicated result. With axis the result is split like <paramref name="a"/> (balanced); the
    /// slices are ranked by distributed unique calls, one per element of a slice (see the three-flag overload).
    /// </remarks>
    /// <exception cref="ArgumentException">a is complex, or axis is out of range.</exception>
    public static DNDarray unique(DNDarray a, bool sorted = false, int? axis = null) =>
        UniqueOf(a, false, false, axis).values;

    /// <summary>The sorted unique elements (or slices along <paramref name="axis"/>) and, when
    /// <paramref name="return_inverse"/>, the index of each input element's value among them (int64, shaped and split
    /// like <paramref name="a"/>; with axis 1-d over the slices, split 0 when a is distributed; null
    /// otherwise).</summary>
    /// <remarks><c>sorted</c> is ignored (the result is always sorted). Distribution as in the overload without
    /// return_inverse.</remarks>
    /// <exception cref="ArgumentException">a is complex, or axis is out of range.</exception>
    public static (DNDarray values, DNDarray? inverse) unique(DNDarray a, bool sorted, bool return_inverse,
        int? axis = null)
    {
        var (values, inverse, _) = UniqueOf(a, return_inverse, false, axis);
        return (values, inverse);
    }

    /// <summary>
    /// The sorted unique elements (or slices along <paramref name="axis"/>), the inverse when
    /// <paramref name="return_inverse"/> and how often each unique occurs when <paramref name="return_counts"/>
    /// (int64, split like the values when 1-d; null when not asked), as NumPy's unique.
    /// </summary>
    /// <remarks>
    /// <c>sorted</c> is ignored (the result is always sorted). Along an axis slices are compared element by element
    /// in row-major order with the order of sort (NaN after every number and equal to NaN, −0 equal to +0); the
    /// inverse is 1-d over the slices. A split axis other than <paramref name="axis"/> is first resplit along it (one
    /// redistribution) and the result resplit back.
    /// </remarks>
    /// <exception cref="ArgumentException">a is complex or 0-d with an axis, or axis is out of range.</exception>
    public static (DNDarray values, DNDarray? inverse, DNDarray? counts) unique(DNDarray a, bool sorted,
        bool return_inverse, bool return_counts, int? axis = null) =>
        UniqueOf(a, return_inverse, return_counts, axis);

    private static (DNDarray values, DNDarray? inverse, DNDarray? counts) UniqueOf(DNDarray a, bool inverse,
        bool counts, int? axis) =>
        axis is int ax ? UniqueAxis.Run(a, ax, inverse, counts) : Distributed.Sorting.Unique.Run(a, inverse, counts);

    /// <summary>The sorted unique elements of <paramref name="x"/> (Array API).</summary>
    /// <exception cref="ArgumentException">x is complex.</exception>
    public static DNDarray unique_values(DNDarray x) => Unique.Run(x, inverse: false, counts: false).Values;

    /// <summary>The sorted unique elements and the index of each element's value among them, shaped and split like
    /// <paramref name="x"/> (Array API).</summary>
    /// <exception cref="ArgumentException">x is complex.</exception>
    public static (DNDarray values, DNDarray inverse_indices) unique_inverse(DNDarray x)
    {
        var (values, inverse, _) = Unique.Run(x, inverse: true, counts: false);
        return (values, inverse!);
    }

    /// <summary>The sorted unique elements and how often each occurs (int64, split like the values) (Array
    /// API).</summary>
    /// <exception cref="ArgumentException">x is complex.</exception>
    public static (DNDarray values, DNDarray counts) unique_counts(DNDarray x)
    {
        var (values, _, counts) = Unique.Run(x, inverse: false, counts: true);
        return (values, counts!);
    }

    /// <summary>
    /// Where the elements of <paramref name="v"/> would go in the ascending 1-d <paramref name="a"/> (NumPy's
    /// searchsorted): the number of elements of a less than each v (side "left") or not greater (side "right"), int64,
    /// shaped and split like v.
    /// </summary>
    /// <remarks>With <c>sorter</c> (indices that sort a, its argsort) a's sorted values are used. a may be split (each
    /// rank counts against its chunk; one Allreduce) and v any distribution.</remarks>
    /// <exception cref="ArgumentException">a is not 1-d, side is neither "left" nor "right", or sorter does not match
    /// a.</exception>
    public static DNDarray searchsorted(DNDarray a, DNDarray v, string side = "left", DNDarray? sorter = null)
    {
        Searching.CheckSorted(a, nameof(a), "searchsorted");
        if (side is not ("left" or "right")) throw new ArgumentException($"side must be \"left\" or \"right\", got "
            + $"\"{side}\".", nameof(side));
        if (sorter is null) return Searching.Count(a, v, side == "right", false, "searchsorted", nameof(v));
        if (sorter.ndim != 1 || sorter.size != a.size || !sorter.dtype.IsInteger)
            throw new ArgumentException($"sorter must be a 1-d integer array of {a.size} indices.", nameof(sorter));
        var (values, indices) = sort(a);
        using (values)
        using (indices)
            return Searching.Count(values, v, side == "right", false, "searchsorted", nameof(v));
    }

    /// <summary>
    /// The index of the bin of each element of <paramref name="x"/> (NumPy's digitize): for increasing
    /// <paramref name="bins"/> i with bins[i−1] ≤ x &lt; bins[i] (bins[i−1] &lt; x ≤ bins[i] when
    /// <paramref name="right"/>), for decreasing bins the mirror; int64, shaped and split like x.
    /// </summary>
    /// <remarks>bins may be split (HeAT requires it replicated).</remarks>
    /// <exception cref="ArgumentException">bins is not 1-d.</exception>
    public static DNDarray digitize(DNDarray x, DNDarray bins, bool right = false)
    {
        Searching.CheckSorted(bins, nameof(bins), "digitize");
        bool decreasing = bins.size >= 2 && Edge(bins, 0) > Edge(bins, -1);
        var counts = Searching.Count(bins, x, !right, decreasing, "digitize", nameof(x));
        if (!decreasing) return counts;
        using (counts) return rsub(counts, bins.size);
    }

    /// <summary>
    /// The index of the bucket of each element of <paramref name="input"/> in the ascending
    /// <paramref name="boundaries"/> (torch.bucketize): boundaries[i−1] &lt; x ≤ boundaries[i], or
    /// boundaries[i−1] ≤ x
    /// &lt; boundaries[i] when <paramref name="right"/>; int64 (int32 when <paramref name="out_int32"/>), shaped and
    /// split like input.
    /// </summary>
    /// <exception cref="ArgumentException">boundaries is not 1-d.</exception>
    public static DNDarray bucketize(DNDarray input, DNDarray boundaries, bool right = false, bool out_int32 = false)
    {
        Searching.CheckSorted(boundaries, nameof(boundaries), "bucketize");
        var counts = Searching.Count(boundaries, input, right, false, "bucketize", nameof(input));
        if (!out_int32) return counts;
        using (counts) return counts.astype(int32);
    }

    private static double Edge(DNDarray bins, int index)
    {
        using var edge = bins[index];
        return edge.item<double>();
    }

    private static DNDarray rsub(DNDarray counts, long n)
    {
        using var size = full([], n, dtype: int64);
        return subtract(size, counts);
    }
}
