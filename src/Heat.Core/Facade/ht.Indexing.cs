// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;
namespace Heat;

// HeAT: heat/core/indexing.py (where); Python's slice, None and Ellipsis as index keys (dndarray.py __getitem__)
public static partial class ht
{
    /// <summary>Python's <c>slice(start, stop, step)</c> for <c>x[...]</c>; steps of either sign (not zero).</summary>
    public static Slice slice(long? start = null, long? stop = null, long? step = null) => new(start, stop, step);

    /// <summary>A new axis of extent 1 in an index (NumPy's <c>newaxis</c>, Python's <c>None</c>).</summary>
    public static IndexKey newaxis => IndexKey.NewAxis;

    /// <summary>As many full slices as the other keys leave axes (Python's <c>...</c>).</summary>
    public static IndexKey ellipsis => IndexKey.Ellipsis;

    /// <summary>
    /// Element-wise <c>condition ? x : y</c> with broadcasting; the unselected branch never leaks into the result
    /// (a NaN in y does not reach positions where the condition holds).
    /// </summary>
    public static DNDarray where(DNDarray condition, DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var type = DTypePromotion.Promote(x.dtype, y.dtype);
        var backend = x.Backend;
        return Elementwise.Map([condition, x, y], [DType.Bool, type, type], type, (l, result) => backend.Where(l[0], l[1], l[2], result));
    }

    /// <summary><c>condition ? x : y</c> with a scalar y (weak: x's dtype is kept where it can hold y).</summary>
    public static DNDarray where(DNDarray condition, DNDarray x, Scalar y)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var ya = full([], y, DTypePromotion.PromoteWithScalar(x.dtype, y.Kind));
        return where(condition, x, ya);
    }

    /// <summary><c>condition ? x : y</c> with a scalar x.</summary>
    public static DNDarray where(DNDarray condition, Scalar x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(y);
        using var xa = full([], x, DTypePromotion.PromoteWithScalar(y.dtype, x.Kind));
        return where(condition, xa, y);
    }

    /// <summary><c>condition ? x : y</c> with two scalars (their promoted dtype; integers and floats as NumPy's weak
    /// scalars: int64/float32).</summary>
    public static DNDarray where(DNDarray condition, Scalar x, Scalar y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var type = DTypePromotion.PromoteWithScalar(DTypePromotion.PromoteWithScalar(DType.Bool, x.Kind), y.Kind);
        using var xa = full([], x, type);
        using var ya = full([], y, type);
        return where(condition, xa, ya);
    }
}
