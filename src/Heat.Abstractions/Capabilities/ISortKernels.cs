// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Local sorting and the local steps of the distributed sample sort, unique and searchsorted (Core runs the
/// distributed algorithms over them). Order everywhere is <see cref="SortKeys"/>'s: NaN after every number when
/// ascending and before every number when descending (torch.sort), −0 equal to +0, ties in the input sequence (a
/// stable sort). Bool, integer and float dtypes; operands of the segment methods are contiguous 1-d tensors, segment
/// tables (<c>starts</c>, <c>lengths</c>) contiguous int64.
/// </summary>
public interface ISortKernels : IBackendCapability
{
    /// <summary>
    /// Sorts <paramref name="x"/> (any strides) along <paramref name="axis"/> into <paramref name="values"/> (x's shape
    /// and dtype, contiguous) and the int64 positions along the axis into <paramref name="indices"/> (contiguous);
    /// with <paramref name="stable"/> ties keep their input order (an implementation may always be stable).
    /// </summary>
    void Sort(LocalTensor x, int axis, bool descending, bool stable, [Destination] LocalTensor values,
        [Destination] LocalTensor indices);

    /// <summary>
    /// Sorts each segment <c>[starts[k], starts[k + 1])</c> of <paramref name="x"/> (K + 1 offsets, the last one n)
    /// stably into <paramref name="values"/>; the int64 <paramref name="order"/> moves with its element into
    /// <paramref name="sortedOrder"/>, or, when null, each element's position within its segment plus
    /// <paramref name="orderBase"/>.
    /// </summary>
    void SortSegments(LocalTensor x, LocalTensor? order, long orderBase, LocalTensor starts, bool descending,
        [Destination] LocalTensor values, [Destination] LocalTensor sortedOrder);

    /// <summary>
    /// Merges the sorted runs of each segment stably: run j of segment k is
    /// <c>[runStarts[k·R + j], runStarts[k·R + j + 1])</c> with R = <paramref name="runsPerSegment"/>, each sorted
    /// with
    /// its ties in <paramref name="order"/>'s sequence; ties between runs go to the earlier run. Values and orders go
    /// to
    /// <paramref name="values"/> and <paramref name="sortedOrder"/>.
    /// </summary>
    void MergeSegments(LocalTensor x, LocalTensor order, LocalTensor runStarts, long runsPerSegment, bool descending,
        [Destination] LocalTensor values, [Destination] LocalTensor sortedOrder);

    /// <summary>
    /// For each segment k of sorted <paramref name="values"/> (ties ordered by <paramref name="order"/>), how many of
    /// its
    /// elements come before the splitter j: (<paramref name="splitValues"/>[k, j], <paramref name="splitOrder"/>[k, j])
    /// compared by value, then by order, into <paramref name="counts"/>[k, j] (K × m, int64).
    /// </summary>
    void PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts, LocalTensor splitValues,
        LocalTensor splitOrder, bool descending, [Destination] LocalTensor counts);

    /// <summary>
    /// Copies the segments <c>[starts[k], starts[k] + lengths[k])</c> of <paramref name="source"/> one after another
    /// into <paramref name="destination"/> (Σ lengths elements, any dtype equal to the source's).
    /// </summary>
    void GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths,
        [Destination] LocalTensor destination);

    /// <summary>
    /// For every element v of <paramref name="v"/> the number of elements of the sorted 1-d <paramref name="sorted"/>
    /// (ascending, or descending when <paramref name="descending"/>; v's dtype) that are less than v, or less than or
    /// equal when <paramref name="right"/>, into <paramref name="positions"/> (v's shape, int64). For an ascending
    /// array that is NumPy's searchsorted with side "left" or "right".
    /// </summary>
    void SearchSorted(LocalTensor sorted, LocalTensor v, bool right, bool descending,
        [Destination] LocalTensor positions);

    /// <summary>
    /// The runs of equal elements of the sorted 1-d <paramref name="sorted"/> (NaNs equal, −0 equal to +0): the first
    /// element of each run into <paramref name="values"/>, its length into <paramref name="counts"/> (int64), the run
    /// number of every element into <paramref name="runIds"/> (int64). values and counts have n elements; those past
    /// the runs are zero.
    /// </summary>
    /// <returns>The number of runs.</returns>
    long Runs(LocalTensor sorted, [Destination] LocalTensor values, [Destination] LocalTensor counts,
        [Destination] LocalTensor runIds);
}
