// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Distributed advanced indexing (HeAT's <c>__getitem__</c>/<c>__setitem__</c> with masks and integer arrays) after
/// NumPy's rules (<see cref="AdvancedPlan"/>). The basic part of the key is a view of x; the index arrays select rows
/// of
/// it. When the split axis is not indexed by an array, each rank gathers (or writes) locally with the whole index; when
/// it is, requesters send the flat indices they need to their owners (one Alltoallv) and get the rows back (one
/// Alltoallv), and the result is split along the first broadcast axis. A mask whose first axis is the split axis needs
/// no exchange: each rank compacts its own rows, in rank order.
/// </summary>
internal static class AdvancedIndexing
{
    /// <summary>A new array holding <c>x[keys]</c>.</summary>
    public static DNDarray Get(DNDarray x, IndexKey[] keys)
    {
        if (AdvancedPlan.AsIntegers(keys) is { } integers) return Indexing.Get(x, IndexPlan.Create(integers,
            x.GShapeRef));
        using var plan = AdvancedPlan.Create(x, keys);
        plan.ResolveMasks();
        using var scope = DisposeScope.Begin();
        var backend = x.Backend;
        var kernels = backend.Capability<IIndexKernels>();
        var comm = x.comm;
        int me = comm.Rank;
        var view = YView.Of(x, plan.Basic, forWrite: false, scope);
        var resultShape = plan.ResultShape;
        var rest = plan.RestAxes.Select(a => view.Local!.Shape[a]).ToArray();
        LocalTensor gathered;
        long[] localB;
        DNDarray result;
        if (view.Split is int ys && plan.KeyAxes.Contains(ys))
        {
            long[] counts;
            if (plan.SplitMask is { } sm)
            {
                var (flat, n) = LocalMaskPositions(x, sm.Mask, scope);
                gathered = scope.Include(backend.Empty([n, .. rest], x.dtype, x.device));
                using (var z = view.Local!.Permute([.. plan.KeyAxes, .. plan.RestAxes]))
                    kernels.Gather(z, sm.Axes, flat, gathered);
                counts = comm.Allgather(n);
            }
            else
            {
                var order = SplitFirst(plan, ys);
                counts = ReferenceCounts(plan, comm.Size);
                var ex = Requests(x, plan, order, counts, view, scope);
                var replies = scope.Include(backend.Empty([ex.Requests.Shape[0], .. rest], x.dtype, x.device));
                using (var z = view.Local!.Permute([.. order.Select(j => plan.KeyAxes[j]), .. plan.RestAxes]))
                    kernels.Gather(z, order.Length, ex.Requests, replies);
                var answers = scope.Include(IndexExchange.Rows(backend, comm, replies, ex.RecvCounts, ex.SendCounts));
                gathered = scope.Include(backend.Empty(answers.Shape, x.dtype, x.device));
                kernels.Scatter(answers, 1, ex.Positions, null, gathered);
            }
            localB = [counts[me], .. plan.B[1..]];
            var local = scope.Include(Arrange(backend, plan, gathered, localB, rest));
            result = DNDarray.WithSplitCounts(local, resultShape, plan.Q, x.Context, counts);
            return scope.MoveToOuter(result, transferred: local);
        }

        // Local gathers: every rank holds all of the index, or (x replicated, the index distributed) its own part.
        bool chunked = view.Split is null && plan.Columns.Any(c => c.Source.split is not null);
        long[]? chunkCounts = chunked ? ReferenceCounts(plan, comm.Size) : null;
        var order0 = Enumerable.Range(0, plan.Columns.Length).ToArray();
        var keysLocal = scope.Include(StackKeys(x, plan, order0, chunkCounts));
        var flat0 = scope.Include(Flatten(x, plan, order0, keysLocal, distributed: chunked));
        gathered = scope.Include(backend.Empty([flat0.Shape[0], .. rest], x.dtype, x.device));
        using (var z = view.Local!.Permute([.. plan.KeyAxes, .. plan.RestAxes]))
            kernels.Gather(z, plan.KeyAxes.Length, flat0, gathered);
        localB = chunked ? [chunkCounts![me], .. plan.B[1..]] : plan.B;
        var arranged = scope.Include(Arrange(backend, plan, gathered, localB, rest));
        if (chunked)
            result = DNDarray.WithSplitCounts(arranged, resultShape, plan.Q, x.Context, chunkCounts!);
        else if (view.Split is int s)
        {
            int os = plan.ResultAxisOfRest(Array.IndexOf(plan.RestAxes, s));
            if (view.InRankOrder) result = DNDarray.WithSplitCounts(arranged, resultShape, os, x.Context, view.Have!);
            else
            {
                var target = Chunking.Counts(resultShape[os], comm.Size);
                var moved = scope.Include(Indexing.MoveAlongAxis(backend, comm, arranged, os, view.Lo!, view.Have!,
                    Chunking.Displacements(target), target));
                result = new DNDarray(moved, resultShape, os, x.Context, true);
                return scope.MoveToOuter(result, transferred: moved);
            }
        }
        else result = new DNDarray(arranged, resultShape, null, x.Context, true);
        return scope.MoveToOuter(result, transferred: arranged);
    }

    /// <summary>Writes <paramref name="value"/>, broadcast to the selection's shape, into <c>x[keys]</c>
    /// (collective).</summary>
    public static void Set(DNDarray x, IndexKey[] keys, DNDarray value)
    {
        if (AdvancedPlan.AsIntegers(keys) is { } integers)
        {
            Indexing.Set(x, IndexPlan.Create(integers, x.GShapeRef), value);
            return;
        }
        using var plan = AdvancedPlan.Create(x, keys);
        plan.ResolveMasks();
        var resultShape = plan.ResultShape;
        if (!Broadcasts(value.GShapeRef, resultShape))
            throw new ArgumentException($"Could not broadcast the value of shape {Shapes.Format(value.GShapeRef)} "
                + $"into the selection {plan.Description} of shape {Shapes.Format(resultShape)}.", nameof(value));
        using var scope = DisposeScope.Begin();
        var backend = x.Backend;
        var kernels = backend.Capability<IIndexKernels>();
        var comm = x.comm;
        int me = comm.Rank;
        if (ReferenceEquals(value.larray.Storage, x.larray.Storage)) value = value.astype(value.dtype);
        var view = YView.Of(x, plan.Basic, forWrite: true, scope);
        var rest = plan.RestAxes.Select(a => plan.YShape[a]).ToArray();
        if (view.Split is int ys && plan.KeyAxes.Contains(ys))
        {
            if (plan.SplitMask is { } sm)
            {
                var (flat, n) = LocalMaskPositions(x, sm.Mask, scope);
                var counts = comm.Allgather(n);
                var rows = scope.Include(ValueRows(x, plan, value, counts, scope));
                using var z = view.Local!.Permute([.. plan.KeyAxes, .. plan.RestAxes]);
                kernels.Scatter(rows, sm.Axes, flat, z, z);
                return;
            }
            var order = SplitFirst(plan, ys);
            var chunk = ReferenceCounts(plan, comm.Size);
            var ex = Requests(x, plan, order, chunk, view, scope);
            var valueRows = scope.Include(ValueRows(x, plan, value, chunk, scope));
            var grouped = scope.Include(backend.Empty(valueRows.Shape, x.dtype, x.device));
            kernels.Gather(valueRows, 1, ex.Positions, grouped);
            var payload = scope.Include(IndexExchange.Rows(backend, comm, grouped, ex.SendCounts, ex.RecvCounts));
            using var target = view.Local!.Permute([.. order.Select(j => plan.KeyAxes[j]), .. plan.RestAxes]);
            kernels.Scatter(payload, order.Length, ex.Requests, target, target);
            return;
        }
        // Local writes: every rank applies every write to its own rows, in key order.
        var order0 = Enumerable.Range(0, plan.Columns.Length).ToArray();
        var keysLocal = scope.Include(StackKeys(x, plan, order0, null));
        var flat0 = scope.Include(Flatten(x, plan, order0, keysLocal, distributed: false));
        LocalTensor aligned;
        if (view.Split is int s)
        {
            int os = plan.ResultAxisOfRest(Array.IndexOf(plan.RestAxes, s));
            aligned = scope.Include(AlignValue(x, value, resultShape, os, view.Lo!, view.Have!, scope));
        }
        else aligned = scope.Include(AlignValue(x, value, resultShape, null, null, null, scope));
        if (view.Local is null) return;
        var restLocal = plan.RestAxes.Select(a => view.Local.Shape[a]).ToArray();
        var values = scope.Include(ToRows(backend, plan, aligned, x.dtype, flat0.Shape[0], restLocal));
        using var z0 = view.Local.Permute([.. plan.KeyAxes, .. plan.RestAxes]);
        kernels.Scatter(values, plan.KeyAxes.Length, flat0, z0, z0);
    }

    /// <summary>The columns in exchange order: the one on the split axis first, the others after it in key
    /// order.</summary>
    private static int[] SplitFirst(AdvancedPlan plan, int ys)
    {
        int j = Array.IndexOf(plan.KeyAxes, ys);
        return [j, .. Enumerable.Range(0, plan.KeyAxes.Length).Where(i => i != j)];
    }

    /// <summary>
    /// How many of the broadcast index's first-axis entries each rank handles: a distributed index array of the
    /// broadcast shape keeps its own chunks (no movement of the index), else the canonical chunking.
    /// </summary>
    private static long[] ReferenceCounts(AdvancedPlan plan, int size)
    {
        foreach (var c in plan.Columns)
        {
            var shape = c.Shape;
            if (c.Source.split == 0 && shape.Length == plan.B.Length && shape[0] == plan.B[0]) return
                c.Source.SplitCounts();
        }
        return Chunking.Counts(plan.B.Length == 0 ? 1 : plan.B[0], size);
    }

    /// <summary>
    /// This rank's index tuples as an (n, m) int64 tensor, column j from <c>plan.Columns[order[j]]</c>, broadcast to B:
    /// all of them (<paramref name="chunk"/> null), or the rows of this rank's chunk of B's first axis.
    /// </summary>
    private static LocalTensor StackKeys(DNDarray x, AdvancedPlan plan, int[] order, long[]? chunk)
    {
        var backend = x.Backend;
        var comm = x.comm;
        int me = comm.Rank, m = order.Length;
        var b = plan.B;
        long[] localB = chunk is null ? b : [chunk[me], .. b[1..]];
        long displ = chunk is null ? 0 : Chunking.Displacements(chunk)[me];
        long n = Shapes.Numel(localB);
        var keys = backend.Empty([n, m], DType.Int64, x.device);
        try
        {
            var strides = Shapes.ContiguousStrides(localB).Select(s => s * m).ToArray();
            for (int j = 0; j < m; j++)
            {
                var column = plan.Columns[order[j]];
                using var part = AlignedColumn(backend, comm, column, b, chunk, displ);
                using var into = keys.View(localB, strides, j);
                if (n > 0) backend.Copy(part, into);
            }
            return keys;
        }
        catch { keys.Dispose(); throw; }
    }

    // One index column broadcast to B (or to this rank's chunk of B's first axis).
    private static LocalTensor AlignedColumn(ITensorBackend backend, ICommunicator comm, KeyColumn column, long[] b,
        long[]? chunk, long displ)
    {
        int me = comm.Rank;
        var shape = column.Shape;
        if (chunk is not null && column.Source.split == 0 && shape.Length == b.Length && shape[0] == b[0])
        {
            var counts = column.Source.SplitCounts();
            using var own = column.Local();
            using var moved = counts.SequenceEqual(chunk)
                ? own.Share()
                : Indexing.MoveAlongAxis(backend, comm, own, 0, Chunking.Displacements(counts), counts,
                    Chunking.Displacements(chunk), chunk);
            return moved.BroadcastTo([chunk[me], .. b[1..]]);
        }
        LocalTensor whole;
        if (column.Source.split is null) whole = column.Local();
        else
        {
            using var all = Redistribution.Gather(column.Source);
            if (column.Column < 0) whole = all.Share();
            else
            {
                using var c = all.Slice(1, column.Column, 1);
                whole = c.Squeeze(1);
            }
        }
        using (whole)
        {
            using var broadcast = whole.BroadcastTo(b);
            return chunk is null ? broadcast.Share() : broadcast.Slice(0, chunk[me] > 0 ? displ : 0, chunk[me]);
        }
    }

    /// <summary>
    /// Checks every index against its axis (one Allreduce of the extremes when ranks hold different indices; every rank
    /// raises the same error) and returns the row-major flat positions (n, int64), negative indices wrapped.
    /// </summary>
    private static LocalTensor Flatten(DNDarray x, AdvancedPlan plan, int[] order, LocalTensor keys, bool distributed)
    {
        var backend = x.Backend;
        var comm = x.comm;
        int m = order.Length;
        var extents = order.Select(j => plan.YShape[plan.KeyAxes[j]]).ToArray();
        var low = Enumerable.Repeat(long.MaxValue, m).ToArray();
        var high = Enumerable.Repeat(long.MinValue, m).ToArray();
        if (keys.Shape[0] > 0)
        {
            using var mins = backend.Reduce(ReduceOp.Min, keys, [0]);
            using var maxs = backend.Reduce(ReduceOp.Max, keys, [0]);
            low = mins.ToArray<long>();
            high = maxs.ToArray<long>();
        }
        if (distributed && comm.Size > 1)
        {
            comm.AllreduceInPlace<long>(low, ReduceOp.Min);
            comm.AllreduceInPlace<long>(high, ReduceOp.Max);
        }
        for (int j = 0; j < m; j++)
        {
            long e = extents[j];
            long bad = low[j] < -e ? low[j] : high[j] >= e ? high[j] : 0;
            if (low[j] < -e || high[j] >= e)
                throw new IndexOutOfRangeException($"Index {bad} is out of bounds for axis {plan.KeyAxes[order[j]]} "
                    + $"with size {e} (key {plan.Description}).");
        }
        var flat = backend.Empty([keys.Shape[0]], DType.Int64, x.device);
        try
        {
            backend.Capability<IIndexKernels>().RavelIndex(keys, extents, flat);
            return flat;
        }
        catch { flat.Dispose(); throw; }
    }

    /// <summary>The requests of an exchange on the split axis: this rank's flat indices grouped by owner.</summary>
    private sealed record Exchange(LocalTensor Requests, LocalTensor Positions, long[] SendCounts, long[] RecvCounts);

    private static Exchange Requests(DNDarray x, AdvancedPlan plan, int[] order, long[] chunk, YView view,
        DisposeScope scope)
    {
        var backend = x.Backend;
        var comm = x.comm;
        var keys = scope.Include(StackKeys(x, plan, order, chunk));
        var flat = scope.Include(Flatten(x, plan, order, keys, distributed: true));
        long inner = 1;
        for (int j = 1; j < order.Length; j++) inner *= plan.YShape[plan.KeyAxes[order[j]]];
        // The split axis is indexed by an array, so Y holds all of it: rank r owns rows [lo[r], lo[r] + have[r]).
        int p = comm.Size;
        var bounds = new long[p + 1];
        for (int r = 0; r < p; r++) bounds[r] = view.Lo![r] * inner;
        bounds[p] = plan.YShape[plan.KeyAxes[order[0]]] * inner;
        var grouped = scope.Include(backend.Empty(flat.Shape, DType.Int64, x.device));
        var positions = scope.Include(backend.Empty(flat.Shape, DType.Int64, x.device));
        var sendCounts = backend.Capability<IIndexKernels>().Partition(flat, bounds, grouped, positions);
        var recvCounts = IndexExchange.Counts(comm, sendCounts);
        var requests = scope.Include(IndexExchange.Rows(backend, comm, grouped, sendCounts, recvCounts));
        return new Exchange(requests, positions, sendCounts, recvCounts);
    }

    /// <summary>
    /// The flat positions of the true elements of this rank's rows of a mask whose first axis is x's split axis (the
    /// mask moved to x's chunks first when needed), and their count.
    /// </summary>
    private static (LocalTensor Flat, long Count) LocalMaskPositions(DNDarray x, DNDarray mask, DisposeScope scope)
    {
        var backend = x.Backend;
        var kernels = backend.Capability<IIndexKernels>();
        var comm = x.comm;
        var counts = x.SplitCounts();
        LocalTensor rows;
        if (mask.split is null)
        {
            using var own = mask.larray.Slice(0, counts[comm.Rank] > 0 ? Chunking.Displacements(counts)[comm.Rank] : 0,
                counts[comm.Rank]);
            rows = scope.Include(backend.Copy(own));
        }
        else if (mask.SplitCounts().SequenceEqual(counts)) rows = mask.larray;
        else rows = scope.Include(Redistribution.Redistribute(mask, counts));
        long n = kernels.CountNonzero(rows);
        var coordinates = scope.Include(backend.Empty([n, rows.NDim], DType.Int64, x.device));
        kernels.Nonzero(rows, coordinates);
        // A 1-d mask's coordinates are already the flat positions.
        if (rows.NDim == 1) return (scope.Include(coordinates.TryReshapeView([n])!), n);
        var flat = scope.Include(backend.Empty([n], DType.Int64, x.device));
        kernels.RavelIndex(coordinates, rows.GetShape(), flat);
        return (flat, n);
    }

    /// <summary>Gathered rows (n × rest) shaped (localB..., rest...) and moved to the result's axis order: a view of
    /// them when the order is already right, else a new contiguous tensor.</summary>
    private static LocalTensor Arrange(ITensorBackend backend, AdvancedPlan plan, LocalTensor gathered, long[] localB,
        long[] rest)
    {
        var shaped = gathered.TryReshapeView([.. localB, .. rest])!;
        var order = plan.ToResult;
        if (order.Select((a, i) => a == i).All(same => same)) return shaped;
        using (shaped)
        using (var permuted = shaped.Permute(order))
            return backend.Copy(permuted);
    }

    /// <summary>The value's local part (aligned as by <see cref="AlignValue"/>) as rows (n × rest) of x's dtype, in
    /// index order.</summary>
    private static LocalTensor ToRows(ITensorBackend backend, AdvancedPlan plan, LocalTensor aligned, DType dtype,
        long n, long[] rest)
    {
        using var gathered = aligned.Permute(Redistribution.Inverse(plan.ToResult));
        using var contiguous = backend.Copy(gathered, dtype);
        return contiguous.TryReshapeView([n, .. rest])!;
    }

    // The value rows of a split-axis write: aligned with the chunks of B's first axis.
    private static LocalTensor ValueRows(DNDarray x, AdvancedPlan plan, DNDarray value, long[] counts,
        DisposeScope scope)
    {
        var aligned = scope.Include(AlignValue(x, value, plan.ResultShape, plan.Q, Chunking.Displacements(counts),
            counts, scope));
        var rest = plan.RestAxes.Select(a => plan.YShape[a]).ToArray();
        long n = Shapes.Numel([counts[x.comm.Rank], .. plan.B[1..]]);
        return ToRows(x.Backend, plan, aligned, x.dtype, n, rest);
    }

    /// <summary>
    /// The part of <paramref name="value"/> broadcast to <paramref name="shape"/> that this rank writes: all of it
    /// (<paramref name="axis"/> null), or the positions <c>[lo[rank], lo[rank] + have[rank])</c> along
    /// <paramref name="axis"/> (brought by one Alltoallv when the value is split along that axis, or after a resplit).
    /// </summary>
    private static LocalTensor AlignValue(DNDarray x, DNDarray value, long[] shape, int? axis, long[]? lo,
        long[]? have, DisposeScope scope)
    {
        var backend = x.Backend;
        var comm = x.comm;
        int me = comm.Rank;
        if (value.ndim > shape.Length)
        {
            // Leading extents of 1 beyond the selection's dimensions (NumPy allows them): drop them from a replicated
            // copy.
            var whole = scope.Include(Whole(value));
            var contiguous = scope.Include(backend.Contiguous(whole));
            var trailing = value.GShapeRef[(value.ndim - shape.Length)..];
            var local = contiguous.TryReshapeView(trailing)!;
            value = scope.Include(new DNDarray(local, trailing, null, x.Context, true));
        }
        if (axis is not int os)
        {
            using var whole = Whole(value);
            return whole.BroadcastTo(shape);
        }
        var localShape = (long[])shape.Clone();
        localShape[os] = have![me];
        long start = have[me] > 0 ? lo![me] : 0;
        int va = os - (shape.Length - value.ndim);
        if (va < 0 || value.GShapeRef[va] == 1)
        {
            using var whole = Whole(value);
            using var broadcast = whole.BroadcastTo(shape);
            return broadcast.Slice(os, start, have[me]);
        }
        if (value.split is null)
        {
            using var piece = value.larray.Slice(va, start, have[me]);
            return piece.BroadcastTo(localShape);
        }
        bool alignedSplit = value.split == va;
        var sourceCounts = alignedSplit ? value.SplitCounts() : Chunking.Counts(value.GShapeRef[va], comm.Size);
        using var source = alignedSplit ? value.larray.Share() : Redistribution.Resplit(value, va);
        using var moved = Indexing.MoveAlongAxis(backend, comm, source, va, Chunking.Displacements(sourceCounts),
            sourceCounts, lo!, have);
        return moved.BroadcastTo(localShape);
    }

    private static LocalTensor Whole(DNDarray value)
        => value.split is null ? value.larray.Share() : Redistribution.Gather(value);

    private static bool Broadcasts(ReadOnlySpan<long> value, ReadOnlySpan<long> target)
    {
        for (int i = 0; i < value.Length; i++)
        {
            long v = value[value.Length - 1 - i];
            if (i >= target.Length) { if (v != 1) return false; continue; }
            long t = target[target.Length - 1 - i];
            if (v != t && v != 1) return false;
        }
        return true;
    }
}
