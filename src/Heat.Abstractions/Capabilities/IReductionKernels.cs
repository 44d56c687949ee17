// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Local reductions of the ml workloads (Core combines the ranks' results): the inner product of two vectors, the
/// nearest centre of every row, and sums and counts of rows grouped by label. Operands are contiguous; destinations are
/// contiguous and written fully.
/// </summary>
public interface IReductionKernels : IBackendCapability
{
    /// <summary>
    /// Σ a[i]·b[i] of two float32 or float64 vectors (one dtype) into <paramref name="result"/> (1 element, that
    /// dtype).
    /// </summary>
    void InnerProduct(LocalTensor a, LocalTensor b, [Destination] LocalTensor result);

    /// <summary>
    /// For every row of <paramref name="x"/> (m × f) the first row j of <paramref name="centres"/> (k × f, k ≥ 1, the
    /// dtype of x: float32 or float64) with the least |c_j|² − 2 x·c_j (a NaN never wins) into
    /// <paramref name="labels"/>
    /// (m, int64).
    /// </summary>
    void NearestRows(LocalTensor x, LocalTensor centres, [Destination] LocalTensor labels);

    /// <summary>
    /// The sums of the rows of <paramref name="rows"/> (n × f, float32 or float64) grouped by <paramref name="ids"/>
    /// (n,
    /// int32 or int64), accumulated in float64 into <paramref name="sums"/> (segments × f, float64).
    /// </summary>
    /// <returns>How many ids lie outside [0, segments) (their rows are left out).</returns>
    long SegmentSum(LocalTensor rows, LocalTensor ids, [Destination] LocalTensor sums);

    /// <summary>
    /// How often each value in [0, segments) occurs in <paramref name="ids"/> (n, int32 or int64) into
    /// <paramref name="counts"/> (segments, int64).
    /// </summary>
    /// <returns>How many ids lie outside [0, segments).</returns>
    long Bincount(LocalTensor ids, [Destination] LocalTensor counts);
}
