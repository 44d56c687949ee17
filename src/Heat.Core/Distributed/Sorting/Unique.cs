// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed.Sorting;

/// <summary>
/// unique: by hashing when every chunk has few distinct values (<see cref="UniqueByHash"/>), else by sorting: the
/// flattened array is sample-sorted across the ranks (<see cref="SampleSort"/>; no rank ever holds more than its
/// share), each rank finds the runs of equal values in its sorted part, and one Allgather of five numbers per rank
/// joins runs that span ranks (a run belongs to the rank where it starts; later ranks add their
/// share to its count). The inverse goes back by the sort's payload (each element's rank-major position): sorted by
/// position, cut by owner rank, one Alltoallv, and a local sort by position. Values and counts are sorted and split
/// along 0 (balanced) when the input is distributed, replicated when not; the inverse has the input's shape and split.
/// </summary>
internal static unsafe class Unique
{
    public static (DNDarray Values, DNDarray? Inverse, DNDarray? Counts) Run(DNDarray a, bool inverse, bool counts)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!SortKeys.IsSortable(a.dtype.Code))
            throw new ArgumentException($"unique is not defined for {a.dtype} (complex values have no order).",
                nameof(a));
        var backend = a.Backend;
        var comm = a.comm;
        bool distributed = a.is_distributed();
        int p = distributed ? comm.Size : 1, me = distributed ? comm.Rank : 0;
        long n = a.larray.Numel;
        var all = distributed ? comm.Allgather(n) : [n];
        long offset = all.Take(me).Sum();

        using var scope = DisposeScope.Begin();
        var contiguous = scope.Include(backend.Contiguous(a.larray));
        var flat = scope.Include(contiguous.TryReshapeView([n])!);
        if (UniqueByHash.TryRun(a, flat, distributed, inverse, counts) is { } hashed)
            return (scope.MoveToOuter(hashed.Values), scope.MoveToOuter(hashed.Inverse),
                scope.MoveToOuter(hashed.Counts));
        LocalTensor sorted, order;
        if (distributed) (sorted, order, _) = SampleSort.Sort(comm, backend, flat, 1, all, descending: false);
        else (sorted, order) = SortSteps.SortSegments(backend, flat, null, 0, [0, n], descending: false);
        scope.Include(sorted);
        scope.Include(order);
        long m = sorted.Numel;
        var runValues = scope.Include(backend.Empty([m], a.dtype));
        var runCounts = scope.Include(backend.Empty([m], DType.Int64));
        var runIds = scope.Include(backend.Empty([m], DType.Int64));
        long u = m == 0 ? 0 : SortSteps.Kernels(backend).Runs(sorted, runValues, runCounts, runIds);

        long skip = 0, carry = 0, firstId = 0, total = u;
        if (distributed)
        {
            // m, first key, last key, runs, length of the first run: rank by rank.
            Span<long> mine = [m, m == 0 ? 0 : (long)KeyAt(sorted, 0), m == 0 ? 0 : (long)KeyAt(sorted, m - 1), u,
                m == 0 ? 0 : LongAt(runCounts, 0)];
            var info = new long[5 * p];
            comm.Allgather<long>(mine, info);
            var continues = new bool[p];
            int previous = -1;
            for (int r = 0; r < p; r++)
            {
                if (info[5 * r] == 0) continue;
                continues[r] = previous >= 0 && info[5 * previous + 2] == info[5 * r + 1];
                previous = r;
            }
            total = 0;
            for (int r = 0; r < p; r++)
            {
                if (r == me) firstId = total;
                total += info[5 * r + 3] - (continues[r] ? 1 : 0);
            }
            skip = continues[me] ? 1 : 0;
            if (u > skip)
                for (int q = me + 1; q < p; q++)
                {
                    if (info[5 * q] == 0) continue;
                    if (!continues[q]) break;
                    carry += info[5 * q + 4];
                    if (info[5 * q + 3] > 1) break;
                }
        }

        var values = Result(a, runValues, skip, u, total, distributed);
        DNDarray? countsResult = null, inverseResult = null;
        try
        {
            if (counts)
            {
                using var kept = runCounts.Slice(0, skip, u - skip);
                var local = backend.Copy(kept);
                if (carry != 0)
                {
                    using var last = local.Slice(0, u - skip - 1, 1);
                    HostStaging.Write<long>(last, [LongAt(local, u - skip - 1) + carry]);
                }
                countsResult = Wrap(a, local, total, distributed);
            }
            if (inverse) inverseResult = Inverse(a, scope, order, runIds, firstId - skip, all, distributed);
            return (scope.MoveToOuter(values), scope.MoveToOuter(inverseResult), scope.MoveToOuter(countsResult));
        }
        catch
        {
            values.Dispose();
            countsResult?.Dispose();
            throw;
        }
    }

    private static DNDarray Result(DNDarray a, LocalTensor runs, long skip, long u, long total, bool distributed)
    {
        using var kept = runs.Slice(0, skip, u - skip);
        return Wrap(a, a.Backend.Copy(kept), total, distributed);
    }

    private static DNDarray Wrap(DNDarray a, LocalTensor local, long total, bool distributed)
    {
        if (!distributed) return new DNDarray(local, [total], null, a.Context, true);
        var result = new DNDarray(local, [total], 0, a.Context, null);
        return result.balance_();
    }

    /// <summary>The unique index of every input element, in the input's shape and distribution.</summary>
    private static DNDarray Inverse(DNDarray a, DisposeScope scope, LocalTensor order, LocalTensor runIds, long shift,
        long[] all, bool distributed)
    {
        var backend = a.Backend;
        long m = order.Numel, n = a.larray.Numel;
        var ids = scope.Include(backend.BinaryScalar(BinaryOp.Add, runIds, Scalar.FromInt(shift)));
        var (positions, idsByPosition) = SortSteps.SortSegments(backend, order, ids, 0, [0, m], descending: false);
        scope.Include(positions);
        scope.Include(idsByPosition);
        LocalTensor local;
        if (!distributed) local = backend.Copy(idsByPosition);
        else
        {
            var comm = a.comm;
            int p = comm.Size;
            var displs = Chunking.Displacements(all);
            var cuts = new long[p + 1];
            cuts[p] = m;
            if (m > 0 && p > 1)
            {
                using var bounds = SortSteps.Longs(backend, displs.AsSpan(1));
                using var found = backend.Empty([p - 1], DType.Int64);
                SortSteps.Kernels(backend).SearchSorted(positions, bounds, false, false, found);
                SortSteps.Read(found).CopyTo(cuts, 1);
            }
            var sendCounts = new long[p];
            for (int d = 0; d < p; d++) sendCounts[d] = cuts[d + 1] - cuts[d];
            var recvCounts = SortSteps.ExchangeTable(comm, sendCounts, 1);
            using var gotPositions = SortSteps.Exchange(comm, backend, positions, sendCounts, recvCounts);
            using var gotIds = SortSteps.Exchange(comm, backend, idsByPosition, sendCounts, recvCounts);
            var (ownPositions, mineByPosition) = SortSteps.SortSegments(backend, gotPositions, gotIds, 0, [0, n],
                descending: false);
            ownPositions.Dispose();
            local = mineByPosition;
        }
        using (local)
        {
            using var shaped = local.TryReshapeView(a.larray.Shape)!;
            return new DNDarray(shaped.Share(), a.shape, a.split, a.Context, a.balanced);
        }
    }

    private static ulong KeyAt(LocalTensor t, long i)
    {
        using var one = t.Slice(0, i, 1);
        ulong raw = 0;
        t.Backend.CopyToHost(one, &raw);
        return SortKeys.Key(t.DType.Code, raw);
    }

    private static long LongAt(LocalTensor t, long i)
    {
        using var one = t.Slice(0, i, 1);
        long value = 0;
        t.Backend.CopyToHost(one, &value);
        return value;
    }
}
