// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local kernels of unique by hashing (Core runs the distributed merge over them): one pass that collects the
/// distinct values of a chunk with their counts, and a lookup of every element's id among given distinct keys.
/// Equality is <see cref="SortKeys"/>'s (all NaNs equal, −0 equal to +0). Bool, integer and float dtypes; operands
/// contiguous 1-d.
/// </summary>
public interface IUniqueKernels : IBackendCapability
{
    /// <summary>
    /// The distinct values of <paramref name="x"/> in the order of their first occurrence (the raw bits of that
    /// occurrence) into <paramref name="values"/>, and how often each occurs into <paramref name="counts"/> (int64),
    /// or, with <paramref name="weights"/> (int64, x's length), the sum of the weights of its occurrences. Entries past
    /// the result are zero.
    /// </summary>
    /// <returns>The number of distinct values, or −1 when there are more than <paramref name="values"/> holds (the
    /// destinations then hold no result).</returns>
    long Distinct(LocalTensor x, LocalTensor? weights, [Destination] LocalTensor values,
        [Destination] LocalTensor counts);

    /// <summary>
    /// For every element of <paramref name="x"/> the id of its value among the distinct <paramref name="keys"/>
    /// (x's dtype) into <paramref name="result"/> (x's length, int64): <c>ids[j]</c> where keys[j] equals it, or
    /// <c>idBase + j</c> when <paramref name="ids"/> is null; −1 for a value that is not among the keys.
    /// </summary>
    void Lookup(LocalTensor keys, LocalTensor? ids, long idBase, LocalTensor x, [Destination] LocalTensor result);
}
