// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local kernels of advanced indexing (Core runs the distributed exchanges over them): counting and listing the
/// true elements of a mask, flattening index tuples, grouping indices by owner, and gathering or scattering the
/// sub-tensors that indices select. Index tensors are int64; data tensors may have any dtype and any strides.
/// </summary>
public interface IIndexKernels : IBackendCapability
{
    /// <summary>How many elements of the bool tensor <paramref name="mask"/> (any shape, any strides) are
    /// true.</summary>
    long CountNonzero(LocalTensor mask);

    /// <summary>
    /// The coordinates of the true elements of <paramref name="mask"/> (any shape, k dimensions) in row-major order
    /// into
    /// <paramref name="coordinates"/> (count × k, int64, contiguous; count from <see cref="CountNonzero"/>).
    /// </summary>
    void Nonzero(LocalTensor mask, [Destination] LocalTensor coordinates);

    /// <summary>
    /// The row-major flat position of every index tuple: row i of <paramref name="keys"/> (n × m, int64, any strides;
    /// entry j in [−extents[j], extents[j]), a negative one counting from the end) into <paramref name="flat"/> (n,
    /// int64).
    /// </summary>
    void RavelIndex(LocalTensor keys, long[] extents, [Destination] LocalTensor flat);

    /// <summary>
    /// Groups <paramref name="values"/> (n, int64, each in [bounds[0], bounds[^1])) by the bucket b with
    /// bounds[b] ≤ v &lt; bounds[b + 1], keeping their order inside a bucket: <paramref name="grouped"/> (n, int64)
    /// receives v − bounds[b] bucket after bucket, <paramref name="positions"/> (n, int64) the position in
    /// <paramref name="values"/> each grouped entry came from.
    /// </summary>
    /// <returns>The number of values per bucket (bounds.Length − 1 entries).</returns>
    long[] Partition(LocalTensor values, long[] bounds, [Destination] LocalTensor grouped,
        [Destination] LocalTensor positions);

    /// <summary>
    /// Row i of <paramref name="destination"/> (n × rest) is the sub-tensor of <paramref name="source"/> (e_0 × …
    /// ×
    /// e_{axes−1} × rest) at the row-major flat position <paramref name="index"/>[i] (n, int64, in range) of its
    /// first
    /// <paramref name="axes"/> dimensions.
    /// </summary>
    void Gather(LocalTensor source, int axes, LocalTensor index, [Destination] LocalTensor destination);

    /// <summary>
    /// <paramref name="destination"/> (shaped like <paramref name="source"/>, which may be the same view) becomes a
    /// copy of <paramref name="source"/> (unspecified where nothing is written when source is null), then row i of
    /// <paramref name="values"/> (n × rest, the destination's dtype) is written at the flat position
    /// <paramref name="index"/>[i] of its first <paramref name="axes"/> dimensions, for i = 0, 1, … in order (the
    /// last
    /// write to a repeated position wins).
    /// </summary>
    void Scatter(LocalTensor values, int axes, LocalTensor index, LocalTensor? source,
        [Destination] LocalTensor destination);
}
