// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The fused local step of Lloyd's k-means (Core combines the ranks' sums and counts): the nearest centre of every row
/// and the per-centre sums and counts of the rows, in one pass over the rows. Operands are contiguous; destinations are
/// contiguous and written fully.
/// </summary>
public interface IClusterKernels : IBackendCapability
{
    /// <summary>
    /// For every row of <paramref name="x"/> (m × f, float32 or float64) the first row j of <paramref name="centres"/>
    /// (k × f, k ≥ 1, the dtype of x) with the least |c_j|² − 2 x·c_j (a NaN never wins) into
    /// <paramref name="labels"/> (m, int64), as <see cref="IReductionKernels.NearestRows"/>; and the sums of the rows
    /// with each label, accumulated in float64, into <paramref name="sums"/> (k × f, float64), and their number into
    /// <paramref name="counts"/> (k, int64).
    /// </summary>
    void NearestRowsSums(LocalTensor x, LocalTensor centres, [Destination] LocalTensor labels,
        [Destination] LocalTensor sums, [Destination] LocalTensor counts);
}
