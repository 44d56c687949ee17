// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Sums of the rows of an array grouped by one integer label per row (<c>segment_sum</c>, <c>bincount</c>), after
/// HeAT's
/// reduction template: each rank sums its own rows, then one Allreduce combines the partial sums. Float32/float64 rows
/// and int32/int64 labels go through the backend's <see cref="IReductionKernels"/> (accumulated in float64); other
/// dtypes, and backends without them, through a one-hot matrix and the backend's matmul. Labels outside [0, segments)
/// are counted and combined too, so every rank raises alike.
/// </summary>
internal static class Segments
{
    public static DNDarray Sum(DNDarray data, DNDarray ids, long segments)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ids);
        if (data.ndim < 1) throw new ArgumentException("segment_sum needs data with at least one dimension.", nameof(data));
        if (ids.ndim != 1 || !ids.dtype.IsInteger)
            throw new ArgumentException($"segment_ids must be a 1-d integer array, got {ids.dtype} of shape {Shapes.Format(ids.GShapeRef)}.", nameof(ids));
        if (ids.GShapeRef[0] != data.GShapeRef[0])
            throw new ArgumentException($"segment_ids has {ids.GShapeRef[0]} entries, data {data.GShapeRef[0]} rows.", nameof(ids));
        if (segments < 0) throw new ArgumentOutOfRangeException(nameof(segments), segments, "num_segments must be >= 0.");

        var outType = Reduction.ResultType(ReduceOp.Sum, data.dtype);
        var comm = data.comm;
        var gshape = data.GShapeRef.ToArray();
        gshape[0] = segments;
        // Rows of data and their labels on the same rank; a split along a later axis keeps its columns (no reduction).
        int? resultSplit = data.split is int sd && sd > 0 ? sd : null;
        DNDarray? movedIds = null;
        LocalTensor? rowsView = null, idsView = null;
        try
        {
            bool reduce;
            if (resultSplit is not null)
            {
                if (ids.split is not null) movedIds = ht.resplit(ids, null);
                rowsView = data.larray.Share();
                idsView = (movedIds ?? ids).larray.Share();
                reduce = false;
            }
            else if (data.split == 0)
            {
                if (ids.split is null)
                    idsView = ids.larray.Slice(0, data.SplitOffset(), data.larray.Shape[0]);
                else if (!ids.SplitCounts().SequenceEqual(data.SplitCounts()))
                {
                    var counts = data.SplitCounts();
                    var target = new long[counts.Length, 1];
                    for (int r = 0; r < counts.Length; r++) target[r, 0] = counts[r];
                    movedIds = ht.copy(ids);
                    movedIds.redistribute_(target_map: target);
                    idsView = movedIds.larray.Share();
                }
                else idsView = ids.larray.Share();
                rowsView = data.larray.Share();
                reduce = comm.Size > 1;
            }
            else if (ids.split == 0)
            {
                rowsView = data.larray.Slice(0, ids.SplitOffset(), ids.larray.Shape[0]);
                idsView = ids.larray.Share();
                reduce = comm.Size > 1;
            }
            else
            {
                rowsView = data.larray.Share();
                idsView = ids.larray.Share();
                reduce = false;
            }
            var local = Local(data.Backend, rowsView, idsView, segments, outType, reduce ? comm : null);
            return new DNDarray(local, gshape, resultSplit, data.Context, resultSplit is null ? true : data.balanced);
        }
        finally
        {
            rowsView?.Dispose();
            idsView?.Dispose();
            movedIds?.Dispose();
        }
    }

    /// <summary>
    /// How often each value in [0, segments) occurs in the 1-d integer array <paramref name="ids"/> (int64,
    /// replicated).
    /// </summary>
    public static DNDarray Count(DNDarray ids, long segments)
    {
        var comm = ids.split is null || ids.comm.Size == 1 ? null : ids.comm;
        var counts = CountLocal(ids.Backend, ids.larray, segments, comm);
        return new DNDarray(counts, [segments], null, ids.Context, true);
    }

    /// <summary>
    /// The counts of this rank's labels (combined when <paramref name="comm"/> is given), through the backend's
    /// reduction kernels when <paramref name="useKernels"/> and it has them.
    /// </summary>
    internal static LocalTensor CountLocal(ITensorBackend backend, LocalTensor ids, long segments, ICommunicator? comm, bool useKernels = true)
    {
        using var labels = backend.Contiguous(ids);
        long n = labels.Shape[0];
        if (useKernels && labels.DType.Code is DTypeCode.Int64 or DTypeCode.Int32 && ReductionKernels.Of(backend) is { } kernels)
        {
            var total = backend.Empty([segments], DType.Int64, labels.Device);
            try
            {
                long outside = kernels.Bincount(labels, total);
                Combine(comm, total, ref outside);
                ThrowOnBadLabels(outside, segments);
                return total;
            }
            catch { total.Dispose(); throw; }
        }
        using var hot = HotBool(backend, labels, segments);
        var counts = backend.Reduce(ReduceOp.Sum, hot, [0], dtype: DType.Int64);
        try
        {
            long bad;
            using (var matched = backend.Reduce(ReduceOp.Sum, counts)) bad = n - matched.ToArray<long>()[0];
            Combine(comm, counts, ref bad);
            ThrowOnBadLabels(bad, segments);
            return counts;
        }
        catch { counts.Dispose(); throw; }
    }

    // hot[i, s] = labels[i] == s (n × segments, bool).
    private static LocalTensor HotBool(ITensorBackend backend, LocalTensor labels, long segments)
    {
        long n = labels.Shape[0];
        using var range = backend.Empty([segments], labels.DType, labels.Device);
        backend.Arange(range, Scalar.FromInt(0), Scalar.FromInt(1));
        using var column = labels.ExpandDims(1);
        using var columnB = column.BroadcastTo([n, segments]);
        using var row = range.ExpandDims(0);
        using var rowB = row.BroadcastTo([n, segments]);
        var hot = backend.Empty([n, segments], DType.Bool, labels.Device);
        try { backend.Binary(BinaryOp.Equal, columnB, rowB, hot); return hot; }
        catch { hot.Dispose(); throw; }
    }

    /// <summary>
    /// The (combined when <paramref name="comm"/> is given) sums of this rank's rows, segments × the rest of the row
    /// shape.
    /// </summary>
    internal static LocalTensor Local(ITensorBackend backend, LocalTensor rows, LocalTensor ids, long segments, DType outType, ICommunicator? comm,
        bool useKernels = true)
    {
        long n = rows.Shape[0];
        var rowShape = rows.GetShape()[1..];
        long inner = Shapes.Numel(rowShape);
        long[] outShape = [segments, .. rowShape];
        using var flatSource = backend.Contiguous(rows);
        using var flat = flatSource.TryReshapeView([n, inner])!;
        using var labels = backend.Contiguous(ids);
        var kernels = useKernels && flat.DType == outType && outType.Code is DTypeCode.Float32 or DTypeCode.Float64
            && labels.DType.Code is DTypeCode.Int64 or DTypeCode.Int32 ? ReductionKernels.Of(backend) : null;
        return kernels is not null ? Fused(kernels, backend, flat, labels, segments, outShape, comm)
            : OneHot(backend, flat, labels, segments, outType, outShape, comm);
    }

    // The kernels' float64 sums, combined, in the rows' dtype.
    private static LocalTensor Fused(IReductionKernels kernels, ITensorBackend backend, LocalTensor rows, LocalTensor labels, long segments,
        long[] outShape, ICommunicator? comm)
    {
        using var sums = backend.Empty([segments, rows.Shape[1]], DType.Float64, rows.Device);
        long bad = kernels.SegmentSum(rows, labels, sums);
        Combine(comm, sums, ref bad);
        ThrowOnBadLabels(bad, segments);
        using var shaped = sums.TryReshapeView(outShape)!;
        return backend.Copy(shaped, rows.DType);
    }

    // Sums the ranks' partial results and counts of bad labels (nothing without a communicator).
    private static void Combine(ICommunicator? comm, LocalTensor partial, ref long bad)
    {
        if (comm is null) return;
        Collectives.AllreduceInPlace(comm, partial, ReduceOp.Sum);
        bad = comm.Allreduce(bad, ReduceOp.Sum);
    }

    private static LocalTensor OneHot(ITensorBackend backend, LocalTensor rows, LocalTensor labels, long segments, DType outType,
        long[] outShape, ICommunicator? comm)
    {
        long n = rows.Shape[0], inner = rows.Shape[1];
        var device = rows.Device;
        // hot[i, s] = labels[i] == s, as outType; the sums are hotᵀ · rows.
        using var hotBool = HotBool(backend, labels, segments);
        using var matched = backend.Reduce(ReduceOp.Sum, hotBool, dtype: DType.Int64);
        long bad = n - matched.ToArray<long>()[0];
        using var hot = backend.Copy(hotBool, outType);
        using var hotT = hot.Permute([1, 0]);
        using var values = backend.Copy(rows, outType);
        var sums = backend.Zeros([segments, inner], outType, device);
        try
        {
            if (n > 0 && segments > 0 && inner > 0) backend.Matmul(hotT, values, sums);
            Combine(comm, sums, ref bad);
            ThrowOnBadLabels(bad, segments);
            var shaped = sums.TryReshapeView(outShape)!;
            sums.Dispose();
            return shaped;
        }
        catch { sums.Dispose(); throw; }
    }

    private static void ThrowOnBadLabels(long bad, long segments)
    {
        if (bad > 0)
            throw new ArgumentException($"{bad} segment id(s) lie outside [0, {segments}).", "segment_ids");
    }
}
