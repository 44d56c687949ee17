// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Distributed.Sorting;

/// <summary>
/// unique by hash pre-aggregation, for inputs with few distinct values: each rank collects its distinct values and
/// their counts in one pass (<see cref="IUniqueKernels.Distinct"/>) and sorts only those. Distributed, the small sorted
/// sets are range-partitioned: up to p samples per rank (one Allgatherv) give p - 1 splitters, every rank cuts its
/// set at them (all copies of a value go to the same rank) and one Alltoallv each moves values and counts; the receiver
/// merges its pieces by hashing again (summing the counts) and sorts them, so rank order is global order and no rank
/// sees more than its range. The inverse maps each received value to its global index, sends the indices back along
/// the same route (one Alltoallv) and looks every element up in a table of the rank's own distinct values. When some
/// rank has more distinct values than <see cref="Limit"/> allows (one Allreduce decides, for all ranks alike) the
/// caller sorts instead.
/// </summary>
internal static class UniqueByHash
{
    private static readonly Lazy<StagedUniqueKernels> Staged = new(() => new StagedUniqueKernels(new ManagedBackend()));

    /// <summary>The unique capability of <paramref name="backend"/> (as <see cref="SortSteps.Kernels"/>).</summary>
    public static IUniqueKernels Kernels(ITensorBackend backend) =>
        backend is IUniqueKernels || backend is IHostFallback ? backend.Capability<IUniqueKernels>() : Staged.Value;

    /// <summary>The most distinct values a chunk of <paramref name="n"/> elements is hashed with: above, sorting the
    /// chunk is as cheap.</summary>
    public static long Limit(long n) => Math.Min(n, Math.Max(4096, Math.Min(n / 8, 1 << 20)));

    /// <summary>
    /// Values, inverse and counts of the flattened <paramref name="a"/> (<paramref name="flat"/>: its contiguous local
    /// elements), or null when there are too many distinct values for hashing.
    /// </summary>
    public static (DNDarray Values, DNDarray? Inverse, DNDarray? Counts)? TryRun(DNDarray a, LocalTensor flat,
        bool distributed, bool inverse, bool counts)
    {
        var backend = a.Backend;
        var kernels = Kernels(backend);
        long n = flat.Numel, limit = Limit(n);
        using var scope = DisposeScope.Begin();
        var values = scope.Include(backend.Empty([limit], a.dtype));
        var sums = scope.Include(backend.Empty([limit], DType.Int64));
        long d = n == 0 ? 0 : kernels.Distinct(flat, null, values, sums);
        bool overflow = distributed ? a.comm.Allreduce(d < 0 ? 1L : 0L, ReduceOp.Max) != 0 : d < 0;
        if (overflow) return null;
        var (sorted, sortedCounts) = SortDistinct(backend, values, sums, d, scope);
        if (!distributed)
        {
            var v = new DNDarray(backend.Copy(sorted), [d], null, a.Context, true);
            var c = counts ? new DNDarray(backend.Copy(sortedCounts), [d], null, a.Context, true) : null;
            var i = inverse ? Inverse(a, flat, sorted, null, scope) : null;
            return (scope.MoveToOuter(v), scope.MoveToOuter(i), scope.MoveToOuter(c));
        }
        return Merge(a, flat, sorted, sortedCounts, inverse, counts, scope);
    }

    private static (DNDarray, DNDarray?, DNDarray?) Merge(DNDarray a, LocalTensor flat, LocalTensor sorted,
        LocalTensor sortedCounts, bool inverse, bool counts, DisposeScope scope)
    {
        var backend = a.Backend;
        var kernels = Kernels(backend);
        var comm = a.comm;
        int p = comm.Size;
        long d = sorted.Numel;

        // Splitters: up to p regular samples of every rank's sorted distinct values.
        long take = Math.Min(d, p);
        var sampleStarts = new long[take];
        for (long j = 0; j < take; j++) sampleStarts[j] = (2 * j + 1) * d / (2 * take);
        var sampleCounts = comm.Allgather(take);
        long samples = sampleCounts.Sum();
        var cuts = new long[p + 1];
        cuts[p] = d;
        if (samples > 0 && p > 1)
        {
            using var mine = SortSteps.Gather(backend, sorted, sampleStarts, [.. sampleStarts.Select(_ => 1L)]);
            using var all = SortSteps.AllGather(comm, backend, mine, sampleCounts);
            var (orderedSamples, sampleOrder) = SortSteps.SortSegments(backend, all, null, 0, [0, samples], false);
            using (sampleOrder)
            using (orderedSamples)
            {
                var at = Enumerable.Range(1, p - 1).Select(k => k * samples / p).ToArray();
                using var splitters = SortSteps.Gather(backend, orderedSamples, at, [.. at.Select(_ => 1L)]);
                using var found = backend.Empty([p - 1], DType.Int64);
                if (d > 0)
                {
                    SortSteps.Kernels(backend).SearchSorted(sorted, splitters, false, false, found);
                    SortSteps.Read(found).CopyTo(cuts, 1);
                }
            }
        }
        var sendCounts = new long[p];
        for (int q = 0; q < p; q++) sendCounts[q] = cuts[q + 1] - cuts[q];
        var recvCounts = SortSteps.ExchangeTable(comm, sendCounts, 1);
        var received = scope.Include(SortSteps.Exchange(comm, backend, sorted, sendCounts, recvCounts));
        var receivedCounts = scope.Include(SortSteps.Exchange(comm, backend, sortedCounts, sendCounts, recvCounts));

        // The pieces hold each value at most once per source rank: hashing them again sums their counts.
        long m = received.Numel;
        var merged = scope.Include(backend.Empty([m], a.dtype));
        var mergedCounts = scope.Include(backend.Empty([m], DType.Int64));
        long e = m == 0 ? 0 : kernels.Distinct(received, receivedCounts, merged, mergedCounts);
        var (mine2, mineCounts) = SortDistinct(backend, merged, mergedCounts, e, scope);
        var all2 = comm.Allgather(e);
        long offset = all2.Take(comm.Rank).Sum(), total = all2.Sum();
        var values = Balanced(a, backend.Copy(mine2), total);
        DNDarray? countsResult = null, inverseResult = null;
        try
        {
            if (counts) countsResult = Balanced(a, backend.Copy(mineCounts), total);
            if (inverse)
            {
                var ids = scope.Include(backend.Empty([m], DType.Int64));
                if (m > 0) kernels.Lookup(mine2, null, offset, received, ids);
                var back = scope.Include(SortSteps.Exchange(comm, backend, ids, recvCounts, sendCounts));
                inverseResult = Inverse(a, flat, sorted, back, scope);
            }
            return (scope.MoveToOuter(values), scope.MoveToOuter(inverseResult), scope.MoveToOuter(countsResult));
        }
        catch
        {
            values.Dispose();
            countsResult?.Dispose();
            throw;
        }
    }

    /// <summary>The first <paramref name="d"/> distinct values sorted, their counts moved along (the sort's order
    /// payload; the values are distinct, so it never breaks a tie).</summary>
    private static (LocalTensor Values, LocalTensor Counts) SortDistinct(ITensorBackend backend, LocalTensor values,
        LocalTensor counts, long d, DisposeScope scope)
    {
        var v = scope.Include(values.Slice(0, 0, d));
        var c = scope.Include(counts.Slice(0, 0, d));
        var (sorted, sortedCounts) = SortSteps.SortSegments(backend, v, c, 0, [0, d], false);
        return (scope.Include(sorted), scope.Include(sortedCounts));
    }

    private static DNDarray Balanced(DNDarray a, LocalTensor local, long total) =>
        new DNDarray(local, [total], 0, a.Context, null).balance_();

    /// <summary>Every element's index among the uniques: its value's id in the table of the rank's own distinct
    /// values (<paramref name="ids"/>, or their positions when null).</summary>
    private static DNDarray Inverse(DNDarray a, LocalTensor flat, LocalTensor keys, LocalTensor? ids,
        DisposeScope scope)
    {
        var backend = a.Backend;
        var local = scope.Include(backend.Empty([flat.Numel], DType.Int64));
        if (flat.Numel > 0) Kernels(backend).Lookup(keys, ids, 0, flat, local);
        using var shaped = local.TryReshapeView(a.larray.Shape)!;
        return new DNDarray(shaped.Share(), a.shape, a.split, a.Context, a.balanced);
    }
}
