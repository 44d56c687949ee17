// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Distributed reshape and concatenation: balanced results, one Alltoallv per operand.</summary>
internal static class Joining
{
    /// <summary>
    /// Reshape: the array (on a split-0 copy when it is split elsewhere) is a run of contiguous flat ranges, one per
    /// rank;
    /// one Alltoallv moves them to the canonical flat ranges of the new shape split along 0, then the new split is
    /// applied.
    /// </summary>
    public static DNDarray Reshape(DNDarray x, long[] shape, int? newSplit)
    {
        var gshape = ResolveShape(x, shape);
        int? target = Factory.CheckSplit(newSplit, gshape.Length);
        var backend = x.Backend;
        var ctx = x.Context;
        if (x.split is null)
        {
            using var contiguous = backend.Contiguous(x.larray);
            using var whole = contiguous.TryReshapeView(gshape)!;
            var (lshape, offset) = Factory.LocalChunk(gshape, target, x.comm);
            using var chunk = target is int t ? whole.Slice(t, offset, lshape[t]) : whole.Share();
            return new DNDarray(backend.Copy(chunk), gshape, target, ctx, true);
        }
        if (gshape.Length == 0 || target is null)
        {
            using var replicated = Redistribution.ResplitCopy(x, null);
            return Reshape(replicated, gshape, target);
        }
        using var rows = x.split == 0 ? x.Alias() : Redistribution.ResplitCopy(x, 0);
        long inner = x.ndim == 0 ? 1 : Shapes.Numel(x.GShapeRef.AsSpan(1));
        var flatCounts = rows.SplitCounts().Select(c => c * inner).ToArray();
        using var localFlat = backend.Contiguous(rows.larray);
        using var flatView = localFlat.TryReshapeView([localFlat.Numel])!;
        using var flat = new DNDarray(flatView.Share(), [x.gnumel], 0, ctx, null);
        flat.SetSplitCounts(flatCounts);
        long newInner = Shapes.Numel(gshape.AsSpan(1));
        var targetRows = Chunking.Counts(gshape[0], x.comm.Size);
        var moved = Redistribution.Redistribute(flat, targetRows.Select(r => r * newInner).ToArray());
        try
        {
            var lshape = (long[])gshape.Clone();
            lshape[0] = targetRows[x.comm.Rank];
            var shaped = moved.TryReshapeView(lshape)!;
            moved.Dispose();
            moved = shaped;
            var result = new DNDarray(moved, gshape, 0, ctx, true);
            if (target == 0) return result;
            try { return Redistribution.ResplitCopy(result, target); }
            finally { result.Dispose(); }
        }
        catch { moved.Dispose(); throw; }
    }

    private static long[] ResolveShape(DNDarray x, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int unknown = Array.IndexOf(shape, -1L);
        if (shape.Count(d => d == -1) > 1) throw new ArgumentException($"reshape: only one dimension may be -1, got {Shapes.Format(shape)}.", nameof(shape));
        foreach (var d in shape)
            if (d < -1) throw new ArgumentException($"reshape: negative dimension in {Shapes.Format(shape)}.", nameof(shape));
        var result = (long[])shape.Clone();
        if (unknown >= 0)
        {
            long known = 1;
            for (int i = 0; i < shape.Length; i++) if (i != unknown) known *= shape[i];
            if (known == 0 || x.gnumel % known != 0)
                throw new ArgumentException($"reshape: cannot reshape {Shapes.Format(x.GShapeRef)} ({x.gnumel} elements) into {Shapes.Format(shape)}.", nameof(shape));
            result[unknown] = x.gnumel / known;
        }
        if (Shapes.Numel(result) != x.gnumel)
            throw new ArgumentException($"reshape: cannot reshape {Shapes.Format(x.GShapeRef)} ({x.gnumel} elements) into {Shapes.Format(shape)} ({Shapes.Numel(result)} elements).", nameof(shape));
        return result;
    }

    /// <summary>
    /// Concatenation along <paramref name="axis"/>. Operands are brought to one split (the first split operand's;
    /// copies are
    /// resplit). Along a non-split axis each rank joins its chunks (others matched to the first's chunks); along the
    /// split
    /// axis each operand is redistributed so that rank r receives exactly its part of the balanced result, then joined.
    /// </summary>
    public static DNDarray Concatenate(DNDarray[] arrays, int axis)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Length == 0) throw new ArgumentException("concatenate needs at least one array.", nameof(arrays));
        var first = arrays[0];
        int nd = first.ndim;
        if (nd == 0) throw new ArgumentException("zero-dimensional arrays cannot be concatenated.", nameof(arrays));
        axis = Shapes.NormalizeAxis(axis, nd);
        for (int i = 1; i < arrays.Length; i++)
        {
            var a = arrays[i];
            if (a.ndim != nd) throw new ArgumentException($"concatenate: array {i} has {a.ndim} dimensions, array 0 has {nd}.", nameof(arrays));
            for (int d = 0; d < nd; d++)
                if (d != axis && a.GShapeRef[d] != first.GShapeRef[d])
                    throw new ArgumentException($"concatenate: array {i} has shape {Shapes.Format(a.GShapeRef)}, array 0 {Shapes.Format(first.GShapeRef)}; all dimensions but {axis} must agree.", nameof(arrays));
        }
        var type = arrays.Select(a => a.dtype).Aggregate(DTypePromotion.Promote);
        int? split = arrays.FirstOrDefault(a => a.split is not null)?.split;
        var gshape = first.shape;
        gshape[axis] = arrays.Sum(a => a.GShapeRef[axis]);
        var backend = first.Backend;
        var ctx = first.Context;
        var prepared = new List<DNDarray>();
        try
        {
            foreach (var a in arrays)
            {
                using var cast = a.AliasOrCast(type);
                prepared.Add(cast.split == split ? cast.Alias() : Redistribution.ResplitCopy(cast, split));
            }
            var parts = new List<LocalTensor>();
            try
            {
                if (split is int s && s == axis)
                {
                    var p = first.comm.Size;
                    var target = Chunking.Counts(gshape[axis], p);
                    var targetDispls = Chunking.Displacements(target);
                    long start = 0;
                    foreach (var a in prepared)
                    {
                        long n = a.GShapeRef[axis];
                        var counts = new long[p];
                        for (int r = 0; r < p; r++)
                            counts[r] = Math.Max(0, Math.Min(targetDispls[r] + target[r], start + n) - Math.Max(targetDispls[r], start));
                        parts.Add(Redistribution.Redistribute(a, counts));
                        start += n;
                    }
                    return new DNDarray(Join(backend, parts, axis, type), gshape, split, ctx, true);
                }
                foreach (var a in prepared)
                {
                    if (split is not null) a.balance_();
                    parts.Add(a.larray.Share());
                }
                return new DNDarray(Join(backend, parts, axis, type), gshape, split, ctx, true);
            }
            finally { foreach (var part in parts) part.Dispose(); }
        }
        finally { foreach (var a in prepared) a.Dispose(); }
    }

    private static LocalTensor Join(ITensorBackend backend, List<LocalTensor> parts, int axis, DType type)
    {
        var shape = parts[0].GetShape();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        var result = backend.Empty(shape, type);
        try
        {
            long at = 0;
            foreach (var part in parts)
            {
                long n = part.Shape[axis];
                if (n > 0)
                {
                    using var region = result.Slice(axis, at, n);
                    backend.Copy(part, region);
                }
                at += n;
            }
            return result;
        }
        catch { result.Dispose(); throw; }
    }
}
