// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/arithmetics.py (diff)
public static partial class ht
{
    /// <summary>
    /// The <paramref name="n"/>-th discrete difference along <paramref name="axis"/> (<c>a[i+1] - a[i]</c>); along the split
    /// axis each rank receives one slice from its neighbour. The result has <paramref name="n"/> fewer elements on the axis
    /// (bool arrays give their XOR as NumPy; the split stays, the result may be unbalanced).
    /// </summary>
    public static DNDarray diff(DNDarray a, int n = 1, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "order n must be >= 0.");
        if (a.ndim == 0) throw new ArgumentException("diff needs an array of at least one dimension.", nameof(a));
        axis = Shapes.NormalizeAxis(axis, a.ndim);
        var current = a.Alias();
        try
        {
            for (int i = 0; i < n && current.GShapeRef[axis] > 0; i++)
            {
                var next = DiffOnce(current, axis);
                current.Dispose();
                current = next;
            }
            return current;
        }
        catch { current.Dispose(); throw; }
    }

    private static DNDarray DiffOnce(DNDarray a, int axis)
    {
        var backend = a.Backend;
        var op = a.dtype == DType.Bool ? BinaryOp.NotEqual : BinaryOp.Subtract;
        using var halo = a.split == axis && a.comm.Size > 1 ? Halo.NextFirstSlice(a) : null;
        long count = a.larray.Shape[axis];
        long outCount = Math.Max(0, count - 1) + (halo is null ? 0 : 1);
        var lshape = a.larray.GetShape();
        lshape[axis] = outCount;
        var result = backend.Empty(lshape, a.dtype);
        try
        {
            if (count > 1)
            {
                using var upper = a.larray.Slice(axis, 1, count - 1);
                using var lower = a.larray.Slice(axis, 0, count - 1);
                using var target = result.Slice(axis, 0, count - 1);
                backend.Binary(op, upper, lower, target);
            }
            if (halo is not null)
            {
                using var last = a.larray.Slice(axis, count - 1, 1);
                using var target = result.Slice(axis, outCount - 1, 1);
                backend.Binary(op, halo, last, target);
            }
            var gshape = a.shape;
            gshape[axis] -= 1;
            bool? balanced = a.split == axis ? null : a.balanced;
            return new DNDarray(result, gshape, a.split, a.Context, balanced);
        }
        catch { result.Dispose(); throw; }
    }
}
