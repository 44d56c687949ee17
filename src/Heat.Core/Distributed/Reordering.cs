// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// flip, roll, constant pad and unfold: local strided views for every axis but a distributed split axis, which moves
/// its rows with one <see cref="IntervalExchange"/>.
/// </summary>
internal static class Reordering
{
    /// <summary>A copy of <paramref name="x"/> reversed along <paramref name="axes"/> (normalised, distinct); the
    /// distribution is kept.</summary>
    public static DNDarray Flip(DNDarray x, int[] axes)
    {
        var backend = x.Backend;
        using var scope = DisposeScope.Begin();
        var view = scope.Include(x.larray.Share());
        foreach (var a in axes)
            if (view.Shape[a] > 0) view = scope.Include(view.Slice(a, view.Shape[a] - 1, view.Shape[a], -1));
        var result = scope.Include(backend.Empty(x.larray.Shape, x.dtype, x.device));
        long[]? counts = null;
        if (x.split is int s && axes.Contains(s) && x.comm.Size > 1)
        {
            counts = x.SplitCounts();
            var displs = Chunking.Displacements(counts);
            long n = x.GShapeRef[s];
            var starts = counts.Select((c, r) => n - displs[r] - c).ToArray();
            IntervalExchange.Fill(x.comm, view, starts, counts, s,
                q => [new IntervalExchange.Want(displs[q], counts[q], 0)], result);
        }
        else backend.Copy(view, result);
        return scope.MoveToOuter(Wrap(x, result, x.shape, counts), transferred: result);
    }

    /// <summary>A copy of <paramref name="x"/> with its elements shifted by <paramref name="shifts"/> along
    /// <paramref name="axes"/> (shifts of one axis add up); the distribution is kept.</summary>
    public static DNDarray Roll(DNDarray x, long[] shifts, int[] axes)
    {
        var backend = x.Backend;
        var total = new long[x.ndim];
        for (int i = 0; i < axes.Length; i++) total[axes[i]] += shifts[i];
        int? distributedAxis = x.split is int sp && x.comm.Size > 1 ? sp : null;
        using var scope = DisposeScope.Begin();
        var current = scope.Include(x.larray.Share());
        for (int d = 0; d < x.ndim; d++)
        {
            long n = x.GShapeRef[d];
            if (d == distributedAxis || n == 0 || Mod(total[d], n) == 0) continue;
            long k = Mod(total[d], n);
            var next = scope.Include(backend.Empty(current.Shape, x.dtype, x.device));
            CopySlices(backend, current, d, 0, next, k, n - k);
            CopySlices(backend, current, d, n - k, next, 0, k);
            current = next;
        }
        long[]? counts = null;
        LocalTensor result;
        if (distributedAxis is int s && x.GShapeRef[s] > 0 && Mod(total[s], x.GShapeRef[s]) != 0)
        {
            long n = x.GShapeRef[s], k = Mod(total[s], n);
            counts = x.SplitCounts();
            var displs = Chunking.Displacements(counts);
            result = scope.Include(backend.Empty(current.Shape, x.dtype, x.device));
            IntervalExchange.Fill(x.comm, current, displs, counts, s, q => RollWants(displs[q], counts[q], n, k),
                result);
        }
        else if (ReferenceEquals(current.Storage, x.larray.Storage)) result = scope.Include(backend.Copy(current));
        else result = current;
        return scope.MoveToOuter(Wrap(x, result, x.shape, counts), transferred: result);
    }

    /// <summary>Target rows <c>[start, start + count)</c> of a roll by k come from source rows <c>(j - k) mod
    /// n</c>: one run, or two where they wrap.</summary>
    private static IntervalExchange.Want[] RollWants(long start, long count, long n, long k)
    {
        if (count == 0) return [];
        long from = Mod(start - k, n), first = Math.Min(count, n - from);
        return first < count ? [new(from, first, 0), new(0, count - first, first)] : [new(from, count, 0)];
    }

    /// <summary>
    /// <paramref name="x"/> padded with <paramref name="value"/> by <paramref name="widths"/> (before, after) on every
    /// axis. Padding a distributed split axis gives a balanced result (one exchange); otherwise the distribution is
    /// kept.
    /// </summary>
    public static DNDarray PadConstant(DNDarray x, (long Before, long After)[] widths, Scalar value)
    {
        var backend = x.Backend;
        int? distributedAxis = x.split is int sp && x.comm.Size > 1 ? sp : null;
        var gshape = x.shape;
        var lshape = x.larray.GetShape();
        for (int d = 0; d < x.ndim; d++)
        {
            gshape[d] += widths[d].Before + widths[d].After;
            if (d != distributedAxis) lshape[d] += widths[d].Before + widths[d].After;
        }
        using var scope = DisposeScope.Begin();
        var padded = scope.Include(backend.Full(lshape, x.dtype, value, x.device));
        using (var interior = Interior(padded, x.larray.Shape, widths, distributedAxis)) backend.Copy(x.larray,
            interior);
        if (distributedAxis is not int s || widths[s] == (0, 0))
            return scope.MoveToOuter(Wrap(x, padded, gshape, null), transferred: padded);
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long before = widths[s].Before, n = x.GShapeRef[s];
        var target = Chunking.Counts(gshape[s], x.comm.Size);
        var targetDispls = Chunking.Displacements(target);
        var outLocal = (long[])lshape.Clone();
        outLocal[s] = target[x.comm.Rank];
        var result = scope.Include(backend.Full(outLocal, x.dtype, value, x.device));
        IntervalExchange.Fill(x.comm, padded, displs, counts, s, q =>
        {
            long lo = Math.Max(targetDispls[q], before), hi = Math.Min(targetDispls[q] + target[q], before + n);
            return hi > lo ? [new(lo - before, hi - lo, lo - targetDispls[q])] : [];
        }, result);
        return scope.MoveToOuter(new DNDarray(result, gshape, s, x.Context, true), transferred: result);
    }

    private static LocalTensor Interior(LocalTensor padded, ReadOnlySpan<long> inner, (long Before,
        long After)[] widths, int? skip)
    {
        var view = padded.Share();
        for (int d = 0; d < inner.Length; d++)
        {
            if (d == skip) continue;
            var next = view.Slice(d, widths[d].Before, inner[d]);
            view.Dispose();
            view = next;
        }
        return view;
    }

    /// <summary>
    /// torch's unfold: the windows of <paramref name="size"/> elements every <paramref name="step"/> along
    /// <paramref name="axis"/>, as a new last dimension. Along a distributed split axis the windows are split
    /// canonically and each rank receives the rows its windows cover (one exchange), whatever the chunk sizes.
    /// </summary>
    public static DNDarray Unfold(DNDarray x, int axis, long size, long step)
    {
        var backend = x.Backend;
        long windows = (x.GShapeRef[axis] - size) / step + 1;
        using var scope = DisposeScope.Begin();
        var source = x.larray;
        long mine = windows;
        bool split = x.split == axis && x.comm.Size > 1;
        if (split)
        {
            var counts = x.SplitCounts();
            var displs = Chunking.Displacements(counts);
            var wc = Chunking.Counts(windows, x.comm.Size);
            var wd = Chunking.Displacements(wc);
            long Need(int q) => wc[q] == 0 ? 0 : (wc[q] - 1) * step + size;
            var shape = x.larray.GetShape();
            shape[axis] = Need(x.comm.Rank);
            source = scope.Include(backend.Empty(shape, x.dtype, x.device));
            IntervalExchange.Fill(x.comm, x.larray, displs, counts, axis,
                q => Need(q) > 0 ? [new(wd[q] * step, Need(q), 0)] : [], source);
            mine = wc[x.comm.Rank];
        }
        var vshape = source.GetShape().Append(size).ToArray();
        vshape[axis] = mine;
        var strides = source.Strides.ToArray().Append(source.Strides[axis]).ToArray();
        strides[axis] *= step;
        var view = scope.Include(source.View(vshape, strides, source.Offset));
        var result = scope.Include(backend.Copy(view));
        var gshape = x.shape.Append(size).ToArray();
        gshape[axis] = windows;
        bool? balanced = split ? true : x.balanced;
        return scope.MoveToOuter(new DNDarray(result, gshape, x.split, x.Context, balanced), transferred: result);
    }

    private static void CopySlices(ITensorBackend backend, LocalTensor from, int axis, long start, LocalTensor into,
        long at, long length)
    {
        if (length == 0) return;
        using var s = from.Slice(axis, start, length);
        using var d = into.Slice(axis, at, length);
        backend.Copy(s, d);
    }

    private static DNDarray Wrap(DNDarray x, LocalTensor local, long[] gshape, long[]? counts)
    {
        var r = new DNDarray(local, gshape, x.split, x.Context, x.balanced);
        if (counts is not null) r.SetSplitCounts(counts);
        return r;
    }

    internal static long Mod(long a, long n) => ((a % n) + n) % n;
}
