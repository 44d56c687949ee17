// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed.Sorting;

/// <summary>
/// The distributed sample sort of R independent rows whose elements are spread over the ranks (rank r holds n_r
/// elements of every row, with the global indices offset_r … offset_r + n_r − 1). Each rank sorts its rows locally
/// (stable, the global index as the order payload), takes up to p regular samples per row, and all ranks gather the
/// samples (one Allgatherv) and pick the same p − 1 splitters per row: (value, global index) pairs, so duplicates and
/// all-equal rows split evenly too. Each local row is cut at the splitters; ONE Alltoallv moves every row's pieces at
/// once, and the receiver merges its pieces (they come in rank order, whose global indices ascend, so ties go to the
/// earlier piece). <see cref="Balance"/> then moves the ragged result to the canonical chunking
/// with one more Alltoallv. Indices are int64 from end to end.
/// </summary>
internal static class SampleSort
{
    /// <summary>
    /// Sorts the rows of <paramref name="flat"/> (R × n_r row-major, contiguous 1-d) across the ranks: rank r gets, of
    /// every row i, a sorted run (<c>RowLengths[i]</c> elements) that follows rank r − 1's run of that row;
    /// <paramref name="counts"/> holds n_q of every rank.
    /// </summary>
    public static (LocalTensor Values, LocalTensor Order, long[] RowLengths) Sort(ICommunicator comm,
        ITensorBackend backend,
        LocalTensor flat, long rows, long[] counts, bool descending)
    {
        int p = comm.Size, me = comm.Rank;
        long n = counts[me], offset = counts.Take(me).Sum();
        using var scope = DisposeScope.Begin();
        var (values, order) = SortSteps.SortSegments(backend, flat, null, offset, SortSteps.Uniform(rows, n),
            descending);
        scope.Include(values);
        scope.Include(order);
        if (p == 1) return (scope.Detach(values), scope.Detach(order), Enumerable.Repeat(n,
            checked((int)rows)).ToArray());

        // Regular samples: up to p per row and rank, at the midpoints of p equal parts of the local row.
        var take = counts.Select(c => Math.Min(c, (long)p)).ToArray();
        long s = take[me];
        var starts = new long[rows * s];
        var ones = new long[rows * s];
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < s; j++) (starts[i * s + j], ones[i * s + j]) = (i * n + (2 * j + 1) * n / (2 * s), 1);
        var sampleCounts = take.Select(t => t * rows).ToArray();
        var sampleDispls = Chunking.Displacements(sampleCounts);
        long total = take.Sum();
        using var mineV = SortSteps.Gather(backend, values, starts, ones);
        using var mineO = SortSteps.Gather(backend, order, starts, ones);
        using var allV = SortSteps.AllGather(comm, backend, mineV, sampleCounts);
        using var allO = SortSteps.AllGather(comm, backend, mineO, sampleCounts);
        // Row-major: row i's samples of rank 0, then of rank 1, … (global indices ascend with the rank).
        var rowStarts = new long[rows * p];
        var rowLengths = new long[rows * p];
        for (long i = 0; i < rows; i++)
            for (int q = 0; q < p; q++) (rowStarts[i * p + q], rowLengths[i * p + q]) = (sampleDispls[q] + i * take[q],
                take[q]);
        using var byRowV = SortSteps.Gather(backend, allV, rowStarts, rowLengths);
        using var byRowO = SortSteps.Gather(backend, allO, rowStarts, rowLengths);
        var (sampleV, sampleO) = SortSteps.SortSegments(backend, byRowV, byRowO, 0, SortSteps.Uniform(rows, total),
            descending);
        using var sv = sampleV;
        using var so = sampleO;
        var splitStarts = new long[rows * (p - 1)];
        var splitOnes = new long[rows * (p - 1)];
        for (long i = 0; i < rows; i++)
            for (int k = 1; k < p; k++) (splitStarts[i * (p - 1) + k - 1],
                splitOnes[i * (p - 1) + k - 1]) = (i * total + k * total / p, 1);
        long[] cuts;
        if (total == 0 || n == 0) cuts = new long[rows * (p - 1)];
        else
        {
            using var splitV = SortSteps.Gather(backend, sampleV, splitStarts, splitOnes);
            using var splitO = SortSteps.Gather(backend, sampleO, splitStarts, splitOnes);
            using var cutT = backend.Empty([rows, p - 1], DType.Int64);
            using var rs = SortSteps.Longs(backend, SortSteps.Uniform(rows, n));
            SortSteps.Kernels(backend).PartitionCounts(values, order, rs, splitV, splitO, descending, cutT);
            cuts = SortSteps.Read(cutT);
        }

        // Pieces by destination rank, each holding its piece of every row: one exchange of all of them.
        var sendStarts = new long[p * rows];
        var sendLengths = new long[p * rows];
        var sendCounts = new long[p];
        for (int d = 0; d < p; d++)
            for (long i = 0; i < rows; i++)
            {
                long lo = d == 0 ? 0 : cuts[i * (p - 1) + d - 1], hi = d == p - 1 ? n : cuts[i * (p - 1) + d];
                (sendStarts[d * rows + i], sendLengths[d * rows + i]) = (i * n + lo, hi - lo);
                sendCounts[d] += hi - lo;
            }
        var (recvV, recvO, recvLengths) = Move(comm, backend, values, order, sendStarts, sendLengths, sendCounts, rows,
            release: true);
        scope.Include(recvV);
        scope.Include(recvO);
        // Row i holds one sorted run per source rank: merged, ties to the lower rank (lower global indices).
        var lengths = new long[rows];
        var runStarts = new long[rows * p + 1];
        for (long i = 0; i < rows; i++)
            for (int q = 0; q < p; q++)
            {
                long len = recvLengths[q * rows + i];
                lengths[i] += len;
                runStarts[i * p + q + 1] = runStarts[i * p + q] + len;
            }
        var (finalV, finalO) = SortSteps.Merge(backend, recvV, recvO, runStarts, p, descending);
        return (finalV, finalO, lengths);
    }

    /// <summary>
    /// Moves ragged sorted rows (this rank's run of row i: <paramref name="rowLengths"/>[i] elements, following the
    /// runs of lower ranks) to <paramref name="target"/> elements of every row per rank: one Alltoallv; the result is
    /// R × target[rank] row-major. With <paramref name="release"/> the inputs are disposed once sent.
    /// </summary>
    public static (LocalTensor Values, LocalTensor Order) Balance(ICommunicator comm, ITensorBackend backend,
        LocalTensor values,
        LocalTensor order, long[] rowLengths, long[] target, bool release = false)
    {
        int p = comm.Size;
        long rows = rowLengths.Length;
        var before = new long[rows];
        if (rows > 0) comm.Exscan<long>(rowLengths, before, ReduceOp.Sum);
        if (comm.Rank == 0) Array.Clear(before);
        var targetDispls = Chunking.Displacements(target);
        var sendStarts = new long[p * rows];
        var sendLengths = new long[p * rows];
        var sendCounts = new long[p];
        long rowStart = 0;
        for (long i = 0; i < rows; i++)
        {
            long e = before[i], len = rowLengths[i];
            for (int d = 0; d < p; d++)
            {
                long lo = Math.Max(e, targetDispls[d]), hi = Math.Min(e + len, targetDispls[d] + target[d]);
                long piece = Math.Max(0, hi - lo);
                (sendStarts[d * rows + i], sendLengths[d * rows + i]) = (rowStart + (piece > 0 ? lo - e : 0), piece);
                sendCounts[d] += piece;
            }
            rowStart += len;
        }
        var (v, o, _) = Move(comm, backend, values, order, sendStarts, sendLengths, sendCounts, rows, release);
        return (v, o);
    }

    /// <summary>
    /// Packs the pieces (destination-major), exchanges them and their lengths, and unpacks row-major: row i's pieces
    /// in source-rank order. Returns the received values and orders and the lengths (source-major, q × R). With
    /// <paramref name="release"/> each input is disposed as soon as it is sent.
    /// </summary>
    private static (LocalTensor Values, LocalTensor Order, long[] Lengths) Move(ICommunicator comm,
        ITensorBackend backend,
        LocalTensor values, LocalTensor order, long[] sendStarts, long[] sendLengths, long[] sendCounts, long rows,
        bool release)
    {
        int p = comm.Size;
        var recvLengths = SortSteps.ExchangeTable(comm, sendLengths, (int)rows);
        var recvCounts = new long[p];
        for (int q = 0; q < p; q++)
            for (long i = 0; i < rows; i++) recvCounts[q] += recvLengths[q * rows + i];
        var recvDispls = Chunking.Displacements(recvCounts);
        var unpackStarts = new long[rows * p];
        var unpackLengths = new long[rows * p];
        var within = (long[])recvDispls.Clone();
        for (long i = 0; i < rows; i++)
            for (int q = 0; q < p; q++)
            {
                long len = recvLengths[q * rows + i];
                (unpackStarts[i * p + q], unpackLengths[i * p + q]) = (within[q], len);
                within[q] += len;
            }
        LocalTensor? v = null, o = null;
        try
        {
            // One array at a time, each input released once sent (a caller's scope disposes it again harmlessly):
            // on one row packing and unpacking are the identity, so the exchange reads and writes the buffers as
            // they are and the peak is the inputs plus one received array.
            using (var packed = SortSteps.GatherOrView(backend, values, sendStarts, sendLengths))
            using (var received = SortSteps.Exchange(comm, backend, packed, sendCounts, recvCounts))
            {
                if (release) values.Dispose();
                v = SortSteps.GatherOrView(backend, received, unpackStarts, unpackLengths);
            }
            using (var packed = SortSteps.GatherOrView(backend, order, sendStarts, sendLengths))
            using (var received = SortSteps.Exchange(comm, backend, packed, sendCounts, recvCounts))
            {
                if (release) order.Dispose();
                o = SortSteps.GatherOrView(backend, received, unpackStarts, unpackLengths);
            }
            return (v, o, recvLengths);
        }
        catch
        {
            v?.Dispose();
            o?.Dispose();
            throw;
        }
    }
}
