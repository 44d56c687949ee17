// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// argmin/argmax: a local arg-reduction, local indices turned into global ones with the chunk's real offset (never
/// assuming balanced chunks), then one Allgather of (value, index) per output element and a merge that keeps the
/// first extreme: NaN counts as the extreme (NumPy), ties go to the smaller global index, empty chunks take no part.
/// </summary>
internal static class ArgReduction
{
    /// <summary>Global int64 indices of the minimum or maximum along <paramref name="axis"/> (flat indices when
    /// null).</summary>
    public static DNDarray Reduce(ArgReduceKind kind, DNDarray x, int? axis, bool keepdims)
    {
        ArgumentNullException.ThrowIfNull(x);
        string name = kind == ArgReduceKind.ArgMin ? "argmin" : "argmax";
        if (x.dtype.IsComplex) throw new ArgumentException($"{name} is not defined for complex arrays ({x.dtype}).", nameof(x));
        if (axis is int a0) axis = Shapes.NormalizeAxis(a0, Math.Max(1, x.ndim));
        if (x.gnumel == 0 && (axis is null || x.GShapeRef[axis.Value] == 0))
            throw new ArgumentException($"{name} of an empty sequence (shape {Shapes.Format(x.GShapeRef)}) is undefined.", nameof(x));
        return axis is int ax ? AlongAxis(kind, x, ax, keepdims) : Flat(kind, x, keepdims);
    }

    private static DNDarray AlongAxis(ArgReduceKind kind, DNDarray x, int axis, bool keepdims)
    {
        var backend = x.Backend;
        if (x.ndim == 0) return Flat(kind, x, keepdims);
        var kept = x.larray.GetShape();
        kept[axis] = 1;
        using var values = backend.Empty(kept, x.dtype);
        var indices = backend.Empty(kept, DType.Int64);
        try
        {
            bool reducesSplit = x.split == axis && x.comm.Size > 1;
            bool hasData = x.larray.Shape[axis] > 0;
            if (hasData) backend.ArgReduce(kind, x.larray, axis, values, indices);
            if (reducesSplit)
            {
                long offset = x.SplitOffset();
                var idx = HostStaging.Read<long>(indices);
                for (int i = 0; i < idx.Length; i++) idx[i] = hasData ? idx[i] + offset : -1;
                HostStaging.Write<long>(indices, idx);
                MergeAcrossRanks(kind, x.comm, values, indices);
            }
            int? split = x.split == axis ? null : x.split;
            var gshape = x.shape;
            gshape[axis] = 1;
            var local = indices;
            if (!keepdims)
            {
                gshape = gshape.Where((_, i) => i != axis).ToArray();
                local = indices.TryReshapeView(kept.Where((_, i) => i != axis).ToArray())!;
                indices.Dispose();
                if (split is int s && s > axis) split = s - 1;
            }
            return new DNDarray(local, gshape, split, x.Context, split is null ? true : x.balanced);
        }
        catch { indices.Dispose(); throw; }
    }

    private static DNDarray Flat(ArgReduceKind kind, DNDarray x, bool keepdims)
    {
        var backend = x.Backend;
        using var contiguous = x.larray.IsContiguous ? x.larray.Share() : backend.Contiguous(x.larray);
        using var flat = contiguous.TryReshapeView([contiguous.Numel])!;
        var values = backend.Empty([1], x.dtype);
        var indices = backend.Empty([1], DType.Int64);
        try
        {
            bool hasData = flat.Numel > 0;
            bool distributed = x.split is not null && x.comm.Size > 1;
            long splitOffset = distributed ? x.SplitOffset() : 0; // collective: every rank, data or not
            if (hasData) backend.ArgReduce(kind, flat, 0, values, indices);
            var idx = hasData ? HostStaging.Read<long>(indices) : [-1];
            if (hasData && distributed && x.split is int s)
            {
                // Local flat index → local multi-index → global multi-index (offset on the split axis) → global flat
                // index.
                var lshape = x.larray.GetShape();
                long rest = idx[0], global = 0;
                var coords = new long[lshape.Length];
                for (int d = lshape.Length - 1; d >= 0; d--) { coords[d] = rest % lshape[d]; rest /= lshape[d]; }
                coords[s] += splitOffset;
                for (int d = 0; d < lshape.Length; d++) global = global * x.GShapeRef[d] + coords[d];
                idx[0] = global;
            }
            HostStaging.Write<long>(indices, idx);
            if (distributed) MergeAcrossRanks(kind, x.comm, values, indices);
            values.Dispose();
            long[] gshape = keepdims ? Enumerable.Repeat(1L, x.ndim).ToArray() : [];
            var local = indices.TryReshapeView(gshape)!;
            indices.Dispose();
            return new DNDarray(local, gshape, null, x.Context, true);
        }
        catch { values.Dispose(); indices.Dispose(); throw; }
    }

    private static void MergeAcrossRanks(ArgReduceKind kind, ICommunicator comm, LocalTensor values, LocalTensor indices)
    {
        switch (values.DType.Code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: Merge<byte>(kind, comm, values, indices); break;
            case DTypeCode.Int8: Merge<sbyte>(kind, comm, values, indices); break;
            case DTypeCode.Int16: Merge<short>(kind, comm, values, indices); break;
            case DTypeCode.Int32: Merge<int>(kind, comm, values, indices); break;
            case DTypeCode.Int64: Merge<long>(kind, comm, values, indices); break;
            case DTypeCode.Float16: Merge<Half>(kind, comm, values, indices); break;
            case DTypeCode.Float32: Merge<float>(kind, comm, values, indices); break;
            case DTypeCode.Float64: Merge<double>(kind, comm, values, indices); break;
            default: throw new NotSupportedException($"argmin/argmax of {values.DType} is not supported.");
        }
    }

    private static void Merge<T>(ArgReduceKind kind, ICommunicator comm, LocalTensor values, LocalTensor indices) where T : unmanaged, INumber<T>
    {
        int k = checked((int)values.Numel), p = comm.Size;
        var allValues = new T[k * p];
        var allIndices = new long[k * p];
        comm.Allgather<T>(HostStaging.Read<T>(values), allValues);
        comm.Allgather<long>(HostStaging.Read<long>(indices), allIndices);
        var outValues = new T[k];
        var outIndices = new long[k];
        bool min = kind == ArgReduceKind.ArgMin;
        for (int i = 0; i < k; i++)
        {
            long bestIndex = -1;
            T best = default;
            for (int r = 0; r < p; r++)
            {
                long index = allIndices[r * k + i];
                if (index < 0) continue;
                T v = allValues[r * k + i];
                if (bestIndex < 0 || Better(v, index, best, bestIndex, min)) { best = v; bestIndex = index; }
            }
            outValues[i] = best;
            outIndices[i] = bestIndex;
        }
        HostStaging.Write<T>(values, outValues);
        HostStaging.Write<long>(indices, outIndices);
    }

    /// <summary>True when (v, i) beats (best, bestIndex): NaN wins, then the smaller/larger value, then the smaller
    /// index.</summary>
    private static bool Better<T>(T v, long i, T best, long bestIndex, bool min) where T : INumber<T>
    {
        bool vNan = T.IsNaN(v), bNan = T.IsNaN(best);
        if (vNan || bNan) return vNan && (!bNan || i < bestIndex);
        if (v == best) return i < bestIndex;
        return min ? v < best : v > best;
    }
}
