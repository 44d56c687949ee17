// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local kernels of exact order statistics (percentile, median): Core runs the distributed selection over them.
/// </summary>
/// <remarks>
/// <para>
/// <c>values</c> is a contiguous 1-d float32 or float64 buffer cut into segments
/// <c>[offsets[i], offsets[i + 1])</c>; each segment carries <c>problems / segments</c> consecutive problems (one
/// order statistic each). Per-problem operands (<c>lower</c>, <c>upper</c>) and results are float64 of length
/// <c>problems</c>; comparisons of a float32 value with a float64 bound are exact because the bounds are data values.
/// </para>
/// <para>NaN is never below, equal to or inside anything; <see cref="Count"/> counts it separately.</para>
/// </remarks>
public interface ISelectionKernels : IBackendCapability
{
    /// <summary>
    /// The <c>ranks[j]</c>-th smallest value (0-based) of problem j's segment into <paramref name="result"/>
    /// (problems, float64); NaN for every problem of a segment that holds a NaN. The ranks of one segment's problems
    /// are ascending and below its length. <paramref name="values"/> is not modified.
    /// </summary>
    void SelectRanks(LocalTensor values, long[] offsets, long[] ranks, [Destination] LocalTensor result);

    /// <summary>
    /// For every problem j: how many values of its segment are below <c>lower[j]</c>, how many are at most
    /// <c>upper[j]</c>, and how many are NaN, into <paramref name="counts"/> (problems × 3, int64).
    /// </summary>
    void Count(LocalTensor values, long[] offsets, LocalTensor lower, LocalTensor upper,
        [Destination] LocalTensor counts);

    /// <summary>
    /// Copies the values of problem j's segment inside its interval to
    /// <c>candidates[destinationOffsets[j] .. destinationOffsets[j + 1])</c>, in segment order. The interval is
    /// <c>lower[j] ≤ v ≤ upper[j]</c>, with <c>&lt;</c> for the lower bound where bit 1 of <c>strict[j]</c> is set
    /// and
    /// for the upper bound where bit 2 is set; a problem whose destination range is empty is skipped. The caller
    /// counted each range exactly (<see cref="Count"/>).
    /// </summary>
    void Compact(LocalTensor values, long[] offsets, LocalTensor lower, LocalTensor upper, byte[] strict,
        long[] destinationOffsets, [Destination] LocalTensor candidates);

    /// <summary>
    /// <c>min(m, length)</c> values of every segment at pseudo-random positions (a fixed function of the segment's
    /// length and <paramref name="seed"/>) into row i of <paramref name="samples"/> (segments × m, float64), NaN
    /// after them.
    /// </summary>
    void Sample(LocalTensor values, long[] offsets, long seed, [Destination] LocalTensor samples);
}
