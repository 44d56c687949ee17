// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed.Sorting;

/// <summary>
/// searchsorted, digitize and bucketize as one count: how many elements of a sorted 1-d array come before each query
/// value (less than it, or not greater when <c>right</c>). The count is a sum over any partition of the sorted array,
/// so a split array needs no gathering when the queries are replicated: each rank counts against its chunk and one
/// Allreduce adds the counts. Split queries against a split array: the smaller of the two is gathered. The result
/// has the queries' shape and distribution.
/// </summary>
internal static class Searching
{
    /// <summary>Checks a sorted 1-d operand (before any communication).</summary>
    public static void CheckSorted(DNDarray a, string name, string function)
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.ndim != 1) throw new ArgumentException($"{function} needs a 1-d {name}, got {a.ndim} dimensions.", name);
        if (!SortKeys.IsSortable(a.dtype.Code)) throw new ArgumentException($"{function} is not defined for "
            + $"{a.dtype} {name}.", name);
    }

    public static DNDarray Count(DNDarray a, DNDarray v, bool right, bool descending, string function, string vName)
    {
        ArgumentNullException.ThrowIfNull(v, vName);
        if (!SortKeys.IsSortable(v.dtype.Code)) throw new ArgumentException($"{function} is not defined for "
            + $"{v.dtype} values.", vName);
        var type = ht.promote_types(a.dtype, v.dtype);
        using var scope = DisposeScope.Begin();
        if (a.dtype != type) a = scope.Include(a.astype(type));
        if (v.dtype != type) v = scope.Include(v.astype(type));
        return scope.MoveToOuter(Counted(a, v, right, descending));
    }

    private static DNDarray Counted(DNDarray a, DNDarray v, bool right, bool descending)
    {
        var backend = a.Backend;
        var comm = a.comm;
        if (!a.is_distributed())
            return new DNDarray(Local(backend, a.larray, v.larray, right, descending), v.shape, v.split, v.Context,
                v.balanced);
        if (!v.is_distributed())
        {
            var partial = Local(backend, a.larray, v.larray, right, descending);
            try { Collectives.AllreduceInPlace(comm, partial, ReduceOp.Sum); }
            catch { partial.Dispose(); throw; }
            return new DNDarray(partial, v.shape, v.split, v.Context, v.balanced);
        }
        if (a.size <= v.size)
        {
            using var whole = Redistribution.Gather(a);
            return new DNDarray(Local(backend, whole, v.larray, right, descending), v.shape, v.split, v.Context,
                v.balanced);
        }
        using var queries = Redistribution.Gather(v);
        using var counts = Local(backend, a.larray, queries, right, descending);
        Collectives.AllreduceInPlace(comm, counts, ReduceOp.Sum);
        int s = v.split!.Value;
        using var mine = counts.Slice(s, v.SplitOffset(), v.larray.Shape[s]);
        return new DNDarray(backend.Copy(mine), v.shape, v.split, v.Context, v.balanced);
    }

    private static LocalTensor Local(ITensorBackend backend, LocalTensor sorted, LocalTensor v, bool right,
        bool descending)
    {
        var result = backend.Zeros(v.Shape, DType.Int64);
        if (v.Numel == 0 || sorted.Numel == 0) return result;
        try
        {
            using var a = backend.Contiguous(sorted);
            using var q = backend.Contiguous(v);
            SortSteps.Kernels(backend).SearchSorted(a, q, right, descending, result);
            return result;
        }
        catch { result.Dispose(); throw; }
    }
}
