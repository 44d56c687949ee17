// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Unique;

namespace Heat.Backend.Managed;

/// <summary>The unique capability (Unique/): hash tables of distinct values, also the host implementation other
/// backends stage to.</summary>
public sealed partial class ManagedBackend : IUniqueKernels
{
    /// <inheritdoc/>
    long IUniqueKernels.Distinct(LocalTensor x, LocalTensor? weights, LocalTensor values, LocalTensor counts) =>
        HashUnique.Distinct(this, x, weights, values, counts);

    /// <inheritdoc/>
    void IUniqueKernels.Lookup(LocalTensor keys, LocalTensor? ids, long idBase, LocalTensor x, LocalTensor result) =>
        HashUnique.Lookup(this, keys, ids, idBase, x, result);
}
