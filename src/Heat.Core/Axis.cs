// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

/// <summary>One axis or a set of axes (<c>axis: 1</c>, <c>axis: [0, 2]</c>); negative values count from the
/// end.</summary>
public readonly struct Axis
{
    private readonly int[] _axes;

    private Axis(int[] axes) => _axes = axes;

    /// <summary>A single axis.</summary>
    public static implicit operator Axis(int axis) => new([axis]);
    /// <summary>A set of axes.</summary>
    public static implicit operator Axis(int[] axes) => new(axes ?? throw new ArgumentNullException(nameof(axes)));

    /// <summary>The axes, normalised to 0..ndim-1, sorted and checked for repeats.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis repeats.</exception>
    public int[] Normalize(int ndim)
    {
        var result = (_axes ?? []).Select(a => Shapes.NormalizeAxis(a, ndim)).Order().ToArray();
        for (int i = 1; i < result.Length; i++)
            if (result[i] == result[i - 1]) throw new ArgumentException($"axis {result[i]} repeats in axis "
                + $"({string.Join(", ", _axes!)}).", "axis");
        return result;
    }

    /// <summary>The axes normalised to 0..ndim-1 in the order given (matrix norms: the pair keeps its order).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis repeats.</exception>
    internal int[] NormalizeOrdered(int ndim)
    {
        _ = Normalize(ndim); // checks range and repeats
        return Ordered(ndim);
    }

    /// <summary>Every axis of an <paramref name="ndim"/>-d array when <paramref name="axis"/> is null, else the
    /// normalised set.</summary>
    public static int[] Resolve(Axis? axis, int ndim) => axis is { } a ? a.Normalize(ndim) : Enumerable.Range(0,
        ndim).ToArray();

    /// <summary>The axes in the given order, normalised to 0..ndim-1, repeats kept (roll adds the shifts of a repeated
    /// axis).</summary>
    internal int[] Ordered(int ndim) => (_axes ?? []).Select(a => Shapes.NormalizeAxis(a, ndim)).ToArray();
}
