// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/arithmetics.py (sum, prod), statistics.py (min, max, mean), logical.py (all, any)
public static partial class ht
{
    /// <summary>Sum over <paramref name="axis"/> (all axes when null); bool and integers sum to int64.</summary>
    /// <remarks>Split along a reduced axis: local partial sums, one Allreduce; the result is replicated.</remarks>
    public static DNDarray sum(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.Sum, a, axis, keepdims);

    /// <summary>Product over <paramref name="axis"/>.</summary>
    public static DNDarray prod(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.Prod, a, axis, keepdims);

    /// <summary>Minimum over <paramref name="axis"/>; NaN propagates.</summary>
    public static DNDarray min(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.Min, a, axis, keepdims);

    /// <summary>Maximum over <paramref name="axis"/>; NaN propagates.</summary>
    public static DNDarray max(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.Max, a, axis, keepdims);

    /// <summary>True where all elements along <paramref name="axis"/> are non-zero.</summary>
    public static DNDarray all(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.LAnd, a, axis, keepdims);

    /// <summary>True where any element along <paramref name="axis"/> is non-zero.</summary>
    public static DNDarray any(DNDarray a, Axis? axis = null, bool keepdims = false) => Reduction.Reduce(ReduceOp.LOr, a, axis, keepdims);

    /// <summary>Arithmetic mean over <paramref name="axis"/>: float64 for float64 input, float32 otherwise (complex stays complex).</summary>
    public static DNDarray mean(DNDarray a, Axis? axis = null, bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var axes = Axis.Resolve(axis, a.ndim);
        long count = 1;
        foreach (var ax in axes) count *= a.GShapeRef[ax];
        var outType = a.dtype.IsInexact ? a.dtype : float32;
        var accumulate = outType.IsComplex ? complex128 : float64;
        using var total = Reduction.Reduce(ReduceOp.Sum, a, axis, keepdims, accumulate);
        using var divided = Elementwise.BinaryScalar(BinaryOp.Divide, total, Scalar.FromInt(count), scalarFirst: false);
        return divided.astype(outType);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Sum over <paramref name="axis"/> (see <see cref="ht.sum"/>).</summary>
    public DNDarray sum(Axis? axis = null, bool keepdims = false) => ht.sum(this, axis, keepdims);
    /// <summary>Product over <paramref name="axis"/>.</summary>
    public DNDarray prod(Axis? axis = null, bool keepdims = false) => ht.prod(this, axis, keepdims);
    /// <summary>Minimum over <paramref name="axis"/>.</summary>
    public DNDarray min(Axis? axis = null, bool keepdims = false) => ht.min(this, axis, keepdims);
    /// <summary>Maximum over <paramref name="axis"/>.</summary>
    public DNDarray max(Axis? axis = null, bool keepdims = false) => ht.max(this, axis, keepdims);
    /// <summary>Mean over <paramref name="axis"/>.</summary>
    public DNDarray mean(Axis? axis = null, bool keepdims = false) => ht.mean(this, axis, keepdims);
    /// <summary>True where all elements are non-zero.</summary>
    public DNDarray all(Axis? axis = null, bool keepdims = false) => ht.all(this, axis, keepdims);
    /// <summary>True where any element is non-zero.</summary>
    public DNDarray any(Axis? axis = null, bool keepdims = false) => ht.any(this, axis, keepdims);
}
