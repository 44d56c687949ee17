// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/arithmetics.py (diff's prepend and append)
public static partial class ht
{
    /// <summary><paramref name="a"/> with <paramref name="prepend"/> and <paramref name="append"/> joined along
    /// <paramref name="axis"/> (0-d values broadcast to one slice; all promoted to one dtype).</summary>
    private static DNDarray DiffOperand(DNDarray a, int axis, DNDarray? prepend, DNDarray? append)
    {
        using var scope = DisposeScope.Begin();
        var dtype = a.dtype;
        if (prepend is not null) dtype = DTypePromotion.Promote(dtype, prepend.dtype);
        if (append is not null) dtype = DTypePromotion.Promote(dtype, append.dtype);
        var parts = new List<DNDarray>();
        if (prepend is not null) parts.Add(Edge(prepend, nameof(prepend)));
        parts.Add(scope.Include(a.AliasOrCast(dtype)));
        if (append is not null) parts.Add(Edge(append, nameof(append)));
        return scope.MoveToOuter(concatenate([.. parts], axis));

        DNDarray Edge(DNDarray v, string name)
        {
            if (v.ndim == 0)
            {
                var slab = a.shape;
                slab[axis] = 1;
                using var cast = v.AliasOrCast(dtype);
                return scope.Include(broadcast_to(cast, slab));
            }
            if (v.ndim != a.ndim)
                throw new ArgumentException($"diff: {name} has {v.ndim} dimensions, the array {a.ndim}; give a 0-d "
                    + $"value or an array of {a.ndim} dimensions.", name);
            return scope.Include(v.AliasOrCast(dtype));
        }
    }
}
