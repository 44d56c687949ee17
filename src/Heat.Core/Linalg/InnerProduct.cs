// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// The inner product of two vectors, as HeAT's <c>dot</c> of 1-d arrays: each rank multiplies its matching chunks (a
/// replicated operand is sliced to the split one's chunk; split operands with different chunks are matched on a
/// copy), then one Allreduce. Float32/float64 chunks go through the backend's <see cref="IReductionKernels"/>, others
/// (and backends without them) through its matmul. The result is a replicated 0-d array.
/// </summary>
internal static class InnerProduct
{
    public static DNDarray Compute(DNDarray a, DNDarray b, DType type)
    {
        long k = a.GShapeRef[0];
        if (b.GShapeRef[0] != k)
            throw new ArgumentException($"matmul: shapes {Shapes.Format(a.GShapeRef)} and {Shapes.Format(b.GShapeRef)} do not align ({k} != {b.GShapeRef[0]}).");
        var comm = a.comm;
        DNDarray? moved = null;
        LocalTensor? la = null, lb = null;
        try
        {
            bool reduce = comm.Size > 1 && (a.split is not null || b.split is not null);
            switch (a.split, b.split)
            {
                case (null, null):
                    la = a.larray.Share(); lb = b.larray.Share();
                    break;
                case (0, null):
                    la = a.larray.Share(); lb = b.larray.Slice(0, a.SplitOffset(), a.larray.Shape[0]);
                    break;
                case (null, 0):
                    la = a.larray.Slice(0, b.SplitOffset(), b.larray.Shape[0]); lb = b.larray.Share();
                    break;
                default:
                    if (!a.SplitCounts().SequenceEqual(b.SplitCounts()))
                    {
                        var counts = a.SplitCounts();
                        var target = new long[counts.Length, 1];
                        for (int r = 0; r < counts.Length; r++) target[r, 0] = counts[r];
                        moved = ht.copy(b);
                        moved.redistribute_(target_map: target);
                    }
                    la = a.larray.Share(); lb = (moved ?? b).larray.Share();
                    break;
            }
            var local = Local(a.Backend, la, lb, type);
            try
            {
                if (reduce) Collectives.AllreduceInPlace(comm, local, ReduceOp.Sum);
                var scalar = local.TryReshapeView([])!;
                local.Dispose();
                return new DNDarray(scalar, [], null, a.Context, true);
            }
            catch { local.Dispose(); throw; }
        }
        finally
        {
            la?.Dispose();
            lb?.Dispose();
            moved?.Dispose();
        }
    }

    // The local inner product as a 1-element tensor of `type` on the operands' device.
    private static LocalTensor Local(ITensorBackend backend, LocalTensor a, LocalTensor b, DType type)
    {
        long m = a.Shape[0];
        using var ac = backend.Contiguous(a);
        using var bc = backend.Contiguous(b);
        if (type.Code is DTypeCode.Float32 or DTypeCode.Float64 && a.DType == type && b.DType == type && ReductionKernels.Of(backend) is { } kernels)
        {
            var sum = backend.Empty([1], type, a.Device);
            try { kernels.InnerProduct(ac, bc, sum); return sum; }
            catch { sum.Dispose(); throw; }
        }
        var result = backend.Zeros([1, 1], type, a.Device);
        try
        {
            if (m > 0)
            {
                using var row = ac.TryReshapeView([1, m])!;
                using var column = bc.TryReshapeView([m, 1])!;
                backend.Matmul(row, column, result);
            }
            var flat = result.TryReshapeView([1])!;
            result.Dispose();
            return flat;
        }
        catch { result.Dispose(); throw; }
    }
}
