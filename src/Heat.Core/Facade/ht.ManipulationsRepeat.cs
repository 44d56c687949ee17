// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/manipulations.py (repeat, tile, unfold)
public static partial class ht
{
    /// <summary>Each element repeated <paramref name="repeats"/> times along <paramref name="axis"/> (of the flattened
    /// array when null).</summary>
    /// <remarks>Repeating along the split axis gives a balanced result (one Alltoallw); otherwise local.</remarks>
    /// <exception cref="ArgumentException">repeats is negative.</exception>
    public static DNDarray repeat(DNDarray a, long repeats, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (repeats < 0) throw new ArgumentException($"repeat: repeats must be >= 0, got {repeats}.", nameof(repeats));
        if (axis is null)
        {
            using var flat = flatten(a);
            return Repetition.Repeat(flat, repeats, 0);
        }
        return Repetition.Repeat(a, repeats, Shapes.NormalizeAxis(axis.Value, a.ndim));
    }

    /// <summary>Element i repeated <c>repeats[i]</c> times along <paramref name="axis"/> (of the flattened array when
    /// null); a single entry applies to every element.</summary>
    /// <remarks>Repeating along the split axis gives a balanced result (one Alltoallw); otherwise local.</remarks>
    /// <exception cref="ArgumentException">An entry is negative, or the length is neither 1 nor the axis'
    /// extent.</exception>
    public static DNDarray repeat(DNDarray a, long[] repeats, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(repeats);
        foreach (var r in repeats)
            if (r < 0) throw new ArgumentException($"repeat: repeats must be >= 0, got {r}.", nameof(repeats));
        if (repeats.Length == 1) return repeat(a, repeats[0], axis);
        using var scope = DisposeScope.Begin();
        var x = axis is null ? scope.Include(flatten(a)) : a;
        int ax = axis is null ? 0 : Shapes.NormalizeAxis(axis.Value, a.ndim);
        if (repeats.Length != x.GShapeRef[ax])
            throw new ArgumentException($"repeat: {repeats.Length} repeats for an axis of extent {x.GShapeRef[ax]}; "
                + $"give 1 or {x.GShapeRef[ax]}.", nameof(repeats));
        return scope.MoveToOuter(Repetition.Repeat(x, repeats, ax));
    }

    /// <summary>
    /// <paramref name="x"/> repeated <c>reps[d]</c> times along each axis (NumPy: the shorter of x's shape and reps is
    /// padded with leading ones).
    /// </summary>
    /// <remarks>The split stays on its axis; repeating the split axis moves rows (one reshape), else no
    /// communication.</remarks>
    /// <exception cref="ArgumentException">A repetition count is negative.</exception>
    public static DNDarray tile(DNDarray x, long[] reps)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(reps);
        foreach (var r in reps)
            if (r < 0) throw new ArgumentException($"tile: reps must be >= 0, got {r}.", nameof(reps));
        return Repetition.Tile(x, reps);
    }

    /// <summary>
    /// The windows of <paramref name="size"/> elements every <paramref name="step"/> along <paramref name="axis"/> as
    /// a new last dimension (torch's <c>unfold</c>).
    /// </summary>
    /// <remarks>Along the split axis the windows are split canonically (balanced) and each rank receives the rows its
    /// windows span (one Alltoallw), whatever its chunk size.</remarks>
    /// <exception cref="ArgumentException">step &lt; 1, size &lt; 1 or size exceeds the axis' extent.</exception>
    public static DNDarray unfold(DNDarray a, int axis, long size, long step = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim == 0) throw new ArgumentException("unfold needs an array of at least 1 dimension.", nameof(a));
        axis = Shapes.NormalizeAxis(axis, a.ndim);
        if (step < 1) throw new ArgumentException($"unfold: step must be >= 1, got {step}.", nameof(step));
        if (size < 1 || size > a.GShapeRef[axis])
            throw new ArgumentException($"unfold: size must be between 1 and the extent {a.GShapeRef[axis]} of axis "
                + $"{axis}, got {size}.", nameof(size));
        return Reordering.Unfold(a, axis, size, step);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Elements repeated (see <see cref="ht.repeat(DNDarray, long, int?)"/>).</summary>
    public DNDarray repeat(long repeats, int? axis = null) => ht.repeat(this, repeats, axis);
    /// <summary>Sliding windows (see <see cref="ht.unfold"/>).</summary>
    public DNDarray unfold(int axis, long size, long step = 1) => ht.unfold(this, axis, size, step);
}
