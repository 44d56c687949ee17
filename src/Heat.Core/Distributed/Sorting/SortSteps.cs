// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Distributed.Sorting;

/// <summary>
/// The small steps the distributed sorts share: int64 tables to and from the backend, segment gathers, and the
/// variable exchanges of whole buffers (one Alltoallv or Allgatherv of bytes each, staged like every collective).
/// </summary>
internal static unsafe class SortSteps
{
    private static readonly Lazy<StagedSortKernels> Staged = new(() => new StagedSortKernels(new ManagedBackend()));

    /// <summary>
    /// The sort capability of <paramref name="backend"/>: its own, its host backend's staged, or for a backend with
    /// neither the managed kernels over host copies.
    /// </summary>
    public static ISortKernels Kernels(ITensorBackend backend) =>
        backend is ISortKernels || backend is IHostFallback ? backend.Capability<ISortKernels>() : Staged.Value;

    /// <summary>Merges the sorted runs of each segment (<paramref name="runStarts"/>: segments × runs + 1
    /// offsets).</summary>
    public static (LocalTensor Values, LocalTensor Order) Merge(ITensorBackend backend, LocalTensor x,
        LocalTensor order,
        long[] runStarts, long runs, bool descending)
    {
        var values = backend.Empty([x.Numel], x.DType);
        var sorted = backend.Empty([x.Numel], DType.Int64);
        try
        {
            if (x.Numel > 0)
            {
                using var s = Longs(backend, runStarts);
                Kernels(backend).MergeSegments(x, order, s, runs, descending, values, sorted);
            }
            return (values, sorted);
        }
        catch
        {
            values.Dispose();
            sorted.Dispose();
            throw;
        }
    }

    /// <summary>A 1-d int64 tensor holding <paramref name="values"/>.</summary>
    public static LocalTensor Longs(ITensorBackend backend, ReadOnlySpan<long> values) => backend.FromSpan(values,
        [values.Length]);

    /// <summary>The elements of an int64 tensor.</summary>
    public static long[] Read(LocalTensor t) => t.Numel == 0 ? [] : HostStaging.Read<long>(t);

    /// <summary>The segments (start, length) of <paramref name="source"/> one after another as a new 1-d
    /// tensor.</summary>
    public static LocalTensor Gather(ITensorBackend backend, LocalTensor source, long[] starts, long[] lengths)
    {
        long total = 0;
        foreach (var l in lengths) total += l;
        var result = backend.Empty([total], source.DType);
        if (total == 0) return result;
        try
        {
            using var s = Longs(backend, starts);
            using var l = Longs(backend, lengths);
            Kernels(backend).GatherSegments(source, s, l, result);
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary>
    /// <see cref="Gather"/>, or when the segments are the whole 1-d <paramref name="source"/> in order (one row of a
    /// sample sort) a view of it: no copy.
    /// </summary>
    public static LocalTensor GatherOrView(ITensorBackend backend, LocalTensor source, long[] starts, long[] lengths)
    {
        long at = 0;
        for (int j = 0; j < starts.Length && at >= 0; j++)
            at = lengths[j] == 0 || starts[j] == at ? at + lengths[j] : -1;
        return at == source.Numel && source.IsContiguous && source.TryReshapeView([source.Numel]) is { } view
            ? view
            : Gather(backend, source, starts, lengths);
    }

    /// <summary>Sorts the segments of <paramref name="x"/> (offsets <paramref name="starts"/>, K + 1 of
    /// them).</summary>
    public static (LocalTensor Values, LocalTensor Order) SortSegments(ITensorBackend backend, LocalTensor x,
        LocalTensor? order,
        long orderBase, long[] starts, bool descending)
    {
        var values = backend.Empty([x.Numel], x.DType);
        var sorted = backend.Empty([x.Numel], DType.Int64);
        try
        {
            if (x.Numel > 0)
            {
                using var s = Longs(backend, starts);
                Kernels(backend).SortSegments(x, order, orderBase, s, descending, values, sorted);
            }
            return (values, sorted);
        }
        catch
        {
            values.Dispose();
            sorted.Dispose();
            throw;
        }
    }

    /// <summary>Uniform segment offsets: <paramref name="rows"/> segments of <paramref name="length"/>.</summary>
    public static long[] Uniform(long rows, long length)
    {
        var starts = new long[rows + 1];
        for (long r = 0; r <= rows; r++) starts[r] = r * length;
        return starts;
    }

    /// <summary>
    /// Sends element counts <paramref name="sendCounts"/> of the 1-d <paramref name="send"/> (rank-major) to every rank
    /// and receives <paramref name="recvCounts"/> from each into a new 1-d tensor: one Alltoallv.
    /// </summary>
    public static LocalTensor Exchange(ICommunicator comm, ITensorBackend backend, LocalTensor send, long[] sendCounts,
        long[] recvCounts)
    {
        long total = recvCounts.Sum();
        var recv = backend.Empty([total], send.DType);
        try
        {
            long item = send.DType.ItemSize;
            var sc = sendCounts.Select(c => c * item).ToArray();
            var rc = recvCounts.Select(c => c * item).ToArray();
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Alltoallv(sb.Buffer, sc, Chunking.Displacements(sc), rb.Buffer, rc, Chunking.Displacements(rc));
            return recv;
        }
        catch { recv.Dispose(); throw; }
    }

    /// <summary>Every rank's 1-d <paramref name="send"/> (<paramref name="counts"/> elements each) concatenated in rank
    /// order on every rank: one Allgatherv.</summary>
    public static LocalTensor AllGather(ICommunicator comm, ITensorBackend backend, LocalTensor send, long[] counts)
    {
        var recv = backend.Empty([counts.Sum()], send.DType);
        try
        {
            long item = send.DType.ItemSize;
            var bc = counts.Select(c => c * item).ToArray();
            using (var sb = Collectives.Stage(comm, send, send: true, receive: false))
            using (var rb = Collectives.Stage(comm, recv, send: false, receive: true))
                comm.Allgatherv(sb.Buffer, rb.Buffer, bc, Chunking.Displacements(bc));
            return recv;
        }
        catch { recv.Dispose(); throw; }
    }

    /// <summary>Every rank's R-long vector to every rank: received[q * R + i] is rank q's entry i for this
    /// rank.</summary>
    public static long[] ExchangeTable(ICommunicator comm, long[] sendTable, int rows)
    {
        var recv = new long[sendTable.Length];
        if (sendTable.Length > 0) comm.Alltoall<long>(sendTable, recv);
        return recv;
    }
}
