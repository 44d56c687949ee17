// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Sums of the rows of an array grouped by one integer label per row (<c>segment_sum</c>, <c>bincount</c>), after
/// HeAT's
/// reduction template: each rank sums its own rows, then one Allreduce combines the partial sums. Host memory takes one
/// fused pass (float32/float64 rows accumulated in float64); other tensors (device memory, other dtypes) a one-hot
/// matrix and the backend's matmul. Labels outside [0, segments) are counted in the same Allreduce, so every rank
/// raises alike.
/// </summary>
internal static unsafe class Segments
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
    /// The counts of this rank's labels (combined when <paramref name="comm"/> is given), through a host pass when
    /// <paramref name="allowHost"/> and the memory allows.
    /// </summary>
    internal static LocalTensor CountLocal(ITensorBackend backend, LocalTensor ids, long segments, ICommunicator? comm, bool allowHost = true)
    {
        using var labels = backend.Contiguous(ids);
        long n = labels.Shape[0];
        if (allowHost && labels.HostPointer != 0 && labels.DType.Code is DTypeCode.Int64 or DTypeCode.Int32)
        {
            var total = new long[segments + 1];   // the last slot counts labels out of range
            bool wide = labels.DType == DType.Int64;
            for (long i = 0; i < n; i++)
            {
                long s = wide ? ((long*)labels.HostPointer)[i] : ((int*)labels.HostPointer)[i];
                total[(ulong)s < (ulong)segments ? s : segments]++;
            }
            comm?.AllreduceInPlace<long>(total, ReduceOp.Sum);
            ThrowOnBadLabels(total[segments], segments);
            return backend.FromSpan<long>(total.AsSpan(0, checked((int)segments)), [segments], labels.Device);
        }
        using var hot = HotBool(backend, labels, segments);
        var counts = backend.Reduce(ReduceOp.Sum, hot, [0], dtype: DType.Int64);
        try
        {
            long bad;
            using (var matched = backend.Reduce(ReduceOp.Sum, counts)) bad = n - matched.ToArray<long>()[0];
            if (comm is not null)
            {
                Collectives.AllreduceInPlace(comm, counts, ReduceOp.Sum);
                bad = comm.Allreduce(bad, ReduceOp.Sum);
            }
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
        bool allowHost = true)
    {
        long n = rows.Shape[0];
        var rowShape = rows.GetShape()[1..];
        long inner = Shapes.Numel(rowShape);
        long[] outShape = [segments, .. rowShape];
        using var flatSource = backend.Contiguous(rows);
        using var flat = flatSource.TryReshapeView([n, inner])!;
        using var labels = backend.Contiguous(ids);
        bool host = allowHost && flat.HostPointer != 0 && labels.HostPointer != 0 && flat.DType == outType
            && outType.Code is DTypeCode.Float32 or DTypeCode.Float64 && labels.DType.Code is DTypeCode.Int64 or DTypeCode.Int32;
        return host ? Host(backend, flat, labels, segments, outShape, comm) : OneHot(backend, flat, labels, segments, outType, outShape, comm);
    }

    private static LocalTensor Host(ITensorBackend backend, LocalTensor rows, LocalTensor labels, long segments, long[] outShape, ICommunicator? comm)
    {
        long n = rows.Shape[0], inner = rows.Shape[1], cells = checked(segments * inner);
        // Per-thread partial sums (the last slot counts labels out of range) when they stay small next to the rows.
        int parts = (int)Math.Clamp(Math.Min(backend.Threads, n / 4096), 1, 64);
        if (cells * parts > 1 << 22) parts = 1;
        var partial = new double[parts][];
        bool wide = labels.DType == DType.Int64, single = rows.DType == DType.Float32;
        void Part(int part)
        {
            var sums = partial[part] = new double[cells + 1];
            long begin = n * part / parts, end = n * (part + 1) / parts, bad = 0;
            fixed (double* acc = sums)
            {
                for (long i = begin; i < end; i++)
                {
                    long s = wide ? ((long*)labels.HostPointer)[i] : ((int*)labels.HostPointer)[i];
                    if ((ulong)s >= (ulong)segments) { bad++; continue; }
                    double* target = acc + s * inner;
                    if (single) AddWidened((float*)rows.HostPointer + i * inner, target, inner);
                    else Add((double*)rows.HostPointer + i * inner, target, inner);
                }
            }
            sums[cells] = bad;
        }
        if (parts == 1) Part(0);
        else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Part);
        var total = partial[0];
        for (int p = 1; p < parts; p++)
            for (long c = 0; c <= cells; c++) total[c] += partial[p][c];
        comm?.AllreduceInPlace<double>(total, ReduceOp.Sum);
        ThrowOnBadLabels((long)total[cells], segments);
        using var sums64 = backend.FromSpan<double>(total.AsSpan(0, checked((int)cells)), outShape, rows.Device);
        return backend.Copy(sums64, rows.DType);
    }

    // target[j] += row[j] for j < n, four at a time.
    private static void Add(double* row, double* target, long n)
    {
        long j = 0;
        for (; j + 4 <= n; j += 4) Vector256.Store(Vector256.Load(target + j) + Vector256.Load(row + j), target + j);
        for (; j < n; j++) target[j] += row[j];
    }

    // target[j] += (double)row[j] for j < n, four at a time.
    private static void AddWidened(float* row, double* target, long n)
    {
        long j = 0;
        if (Avx.IsSupported)
            for (; j + 4 <= n; j += 4) Avx.Store(target + j, Avx.Add(Avx.LoadVector256(target + j), Avx.ConvertToVector256Double(Sse.LoadVector128(row + j))));
        for (; j < n; j++) target[j] += row[j];
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
            if (comm is not null)
            {
                Collectives.AllreduceInPlace(comm, sums, ReduceOp.Sum);
                bad = comm.Allreduce(bad, ReduceOp.Sum);
            }
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
