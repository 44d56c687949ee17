// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/manipulations.py (flip, fliplr, flipud, roll, rot90)
public static partial class ht
{
    /// <summary>A copy with the order of elements reversed along <paramref name="axis"/> (all axes when
    /// null).</summary>
    /// <remarks>The distribution is kept; reversing the split axis moves the rows with one Alltoallw.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    public static DNDarray flip(DNDarray a, Axis? axis = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Reordering.Flip(a, Axis.Resolve(axis, a.ndim));
    }

    /// <summary>Reverses axis 1 (left/right).</summary>
    /// <exception cref="ArgumentException">The array has fewer than 2 dimensions.</exception>
    public static DNDarray fliplr(DNDarray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim < 2) throw new ArgumentException($"fliplr needs an array of at least 2 dimensions, got "
            + $"{a.ndim}.", nameof(a));
        return flip(a, 1);
    }

    /// <summary>Reverses axis 0 (up/down).</summary>
    /// <exception cref="ArgumentException">The array has no dimensions.</exception>
    public static DNDarray flipud(DNDarray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim < 1) throw new ArgumentException("flipud needs an array of at least 1 dimension.", nameof(a));
        return flip(a, 0);
    }

    /// <summary>
    /// A copy with the elements shifted by <paramref name="shift"/> along <paramref name="axis"/>, wrapping around (the
    /// flattened array when axis is null).
    /// </summary>
    /// <remarks>The distribution is kept; shifting the split axis is one Alltoallw.</remarks>
    public static DNDarray roll(DNDarray x, long shift, Axis? axis = null) => roll(x, [shift], axis);

    /// <summary>
    /// A copy with the elements shifted by <c>shift[i]</c> along <c>axis[i]</c> (NumPy broadcasts a single shift or
    /// axis to the other's length; shifts of a repeated axis add up); axis null rolls the flattened array by the sum.
    /// </summary>
    /// <remarks>The distribution is kept; all shifts of the split axis together are one Alltoallw.</remarks>
    /// <exception cref="ArgumentException">shift and axis have different lengths (neither 1).</exception>
    public static DNDarray roll(DNDarray x, long[] shift, Axis? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shift);
        if (axis is not { } ax)
        {
            using var flat = reshape(x, [-1], x.split is null ? null : 0);
            using var rolled = Reordering.Roll(flat, [shift.Sum()], [0]);
            return reshape(rolled, x.shape, x.split);
        }
        var axes = ax.Ordered(x.ndim);
        if (shift.Length != axes.Length && shift.Length != 1 && axes.Length != 1)
            throw new ArgumentException($"roll: shift has {shift.Length} entries, axis {axes.Length}; they must "
                + $"match or one must be 1.", nameof(shift));
        int n = Math.Max(shift.Length, axes.Length);
        var shifts = Enumerable.Range(0, n).Select(i => shift[shift.Length == 1 ? 0 : i]).ToArray();
        var broadcastAxes = Enumerable.Range(0, n).Select(i => axes[axes.Length == 1 ? 0 : i]).ToArray();
        return Reordering.Roll(x, shifts, broadcastAxes);
    }

    /// <summary>Rotates by 90 degrees <paramref name="k"/> times in the plane of <paramref name="axes"/> (default
    /// (0, 1)), from the first axis towards the second, as NumPy.</summary>
    /// <exception cref="ArgumentException">axes is not two distinct axes, or the array has fewer than 2
    /// dimensions.</exception>
    public static DNDarray rot90(DNDarray m, int k = 1, int[]? axes = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        axes ??= [0, 1];
        if (axes.Length != 2) throw new ArgumentException($"rot90: axes must name 2 axes, got "
            + $"{axes.Length}.", nameof(axes));
        if (m.ndim < 2) throw new ArgumentException($"rot90 needs an array of at least 2 dimensions, got "
            + $"{m.ndim}.", nameof(m));
        int a0 = Shapes.NormalizeAxis(axes[0], m.ndim, nameof(axes)), a1 = Shapes.NormalizeAxis(axes[1], m.ndim,
            nameof(axes));
        if (a0 == a1) throw new ArgumentException($"rot90: axes must differ, got ({axes[0]}, "
            + $"{axes[1]}).", nameof(axes));
        k = (int)Reordering.Mod(k, 4);
        if (k == 0) return m.astype(m.dtype);
        if (k == 2) return Reordering.Flip(m, [a0, a1]);
        var perm = Enumerable.Range(0, m.ndim).ToArray();
        (perm[a0], perm[a1]) = (perm[a1], perm[a0]);
        if (k == 1)
        {
            using var flipped = flip(m, a1);
            return transpose(flipped, perm);
        }
        using var transposed = transpose(m, perm);
        return flip(transposed, a1);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Reversed along <paramref name="axis"/> (see <see cref="ht.flip"/>).</summary>
    public DNDarray flip(Axis? axis = null) => ht.flip(this, axis);
    /// <summary>Rolled by <paramref name="shift"/> (see <see cref="ht.roll(DNDarray, long, Axis?)"/>).</summary>
    public DNDarray roll(long shift, Axis? axis = null) => ht.roll(this, shift, axis);
    /// <summary>Rotated by 90 degrees <paramref name="k"/> times (see <see cref="ht.rot90"/>).</summary>
    public DNDarray rot90(int k = 1, int[]? axes = null) => ht.rot90(this, k, axes);
}
