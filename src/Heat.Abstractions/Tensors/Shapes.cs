// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Shape arithmetic shared by Core and the backends: element counts, strides, broadcasting, axes.</summary>
public static class Shapes
{
    /// <summary>The number of elements of a shape (1 for a 0-d shape).</summary>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static long Numel(ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Shape ({string.Join(", ", shape.ToArray())}) has a negative dimension.", nameof(shape));
            n = checked(n * d);
        }
        return n;
    }

    /// <summary>Row-major (C-order) element strides of a shape.</summary>
    public static long[] ContiguousStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    /// <summary>NumPy's broadcast of two shapes.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast.</exception>
    public static long[] Broadcast(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int n = Math.Max(a.Length, b.Length);
        var result = new long[n];
        for (int i = 0; i < n; i++)
        {
            long da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            long db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"Shapes {Format(a)} and {Format(b)} cannot be broadcast together (dimension {i}: {da} vs {db}).");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Turns a possibly negative axis into 0..ndim-1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside [-ndim, ndim).</exception>
    public static int NormalizeAxis(int axis, int ndim, string paramName = "axis")
    {
        if (axis < -ndim || axis >= ndim || (ndim == 0 && axis != 0 && axis != -1))
            throw new ArgumentOutOfRangeException(paramName, axis, $"axis {axis} is out of bounds for an array of dimension {ndim}; expected -{ndim} <= axis < {ndim}.");
        return axis < 0 ? axis + ndim : axis;
    }

    /// <summary>Formats a shape as HeAT prints it: <c>(3, 4)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape.ToArray())})";

    /// <summary>True when two shapes are equal.</summary>
    public static bool Equal(ReadOnlySpan<long> a, ReadOnlySpan<long> b) => a.SequenceEqual(b);
}
