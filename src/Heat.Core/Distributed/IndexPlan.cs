// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>What a normalised key selects on one input axis: one position, or <c>Length</c> positions from <c>Start</c>
/// by <c>Step</c>.</summary>
internal readonly record struct AxisSelection(bool IsInteger, long Start, long Length, long Step);

/// <summary>
/// A multi-axis key resolved against a global shape: one selection per input axis and, per output axis, the input axis
/// it comes from (-1 for a new axis). Keys and shapes are the same on every rank, so every rank resolves (and rejects)
/// a key alike.
/// </summary>
internal sealed class IndexPlan
{
    private IndexPlan(AxisSelection[] axes, int[] outToIn, long[] outShape, string description)
    {
        Axes = axes; OutToIn = outToIn; OutShape = outShape; Description = description;
    }

    /// <summary>One selection per input axis.</summary>
    public AxisSelection[] Axes { get; }
    /// <summary>Per output axis, the input axis it comes from, or -1 for a new axis.</summary>
    public int[] OutToIn { get; }
    /// <summary>The global shape of the selection.</summary>
    public long[] OutShape { get; }
    /// <summary>The key in Python notation, for messages.</summary>
    public string Description { get; }

    /// <summary>The output axis that input axis <paramref name="axis"/> becomes, or -1 when an integer removes
    /// it.</summary>
    public int OutputAxisOf(int axis) => Array.IndexOf(OutToIn, axis);

    /// <summary>Resolves <paramref name="keys"/> against <paramref name="gshape"/>.</summary>
    /// <exception cref="NotSupportedException">A key is a boolean mask or an integer array.</exception>
    /// <exception cref="IndexOutOfRangeException">Too many indices, or an integer outside its axis.</exception>
    /// <exception cref="ArgumentException">More than one ellipsis, or a zero step.</exception>
    public static IndexPlan Create(ReadOnlySpan<IndexKey> keys, ReadOnlySpan<long> gshape)
    {
        var shape = gshape.ToArray();
        string description = "[" + string.Join(", ", keys.ToArray().Select(k => k.ToString())) + "]";
        int ndim = shape.Length, consumed = 0, ellipses = 0;
        foreach (var k in keys)
        {
            switch (k.Kind)
            {
                case IndexKeyKind.Advanced:
                    throw new NotSupportedException($"Indexing with a {k.AdvancedDescription} (key {description}) is not yet supported; use integers, slices, ht.newaxis and ht.ellipsis.");
                case IndexKeyKind.Integer or IndexKeyKind.Slice: consumed++; break;
                case IndexKeyKind.Ellipsis: ellipses++; break;
            }
        }
        if (ellipses > 1) throw new ArgumentException($"An index can only have a single ellipsis ('...'); key {description} has {ellipses}.", nameof(keys));
        if (consumed > ndim)
            throw new IndexOutOfRangeException($"Too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed (key {description}).");

        var axes = new AxisSelection[ndim];
        var outToIn = new List<int>();
        var outShape = new List<long>();
        int axis = 0;
        void Full()
        {
            axes[axis] = new AxisSelection(false, 0, shape[axis], 1);
            outToIn.Add(axis); outShape.Add(shape[axis]); axis++;
        }
        foreach (var k in keys)
        {
            switch (k.Kind)
            {
                case IndexKeyKind.Integer:
                    axes[axis] = new AxisSelection(true, k.Resolve(shape[axis], axis), 1, 1); axis++;
                    break;
                case IndexKeyKind.Slice:
                    var (start, length, step) = Resolve(k.SliceValue, shape[axis], description);
                    axes[axis] = new AxisSelection(false, start, length, step);
                    outToIn.Add(axis); outShape.Add(length); axis++;
                    break;
                case IndexKeyKind.NewAxis:
                    outToIn.Add(-1); outShape.Add(1);
                    break;
                default: // ellipsis
                    for (int i = 0; i < ndim - consumed; i++) Full();
                    break;
            }
        }
        while (axis < ndim) Full();
        return new IndexPlan(axes, outToIn.ToArray(), outShape.ToArray(), description);
    }

    private static (long, long, long) Resolve(Slice slice, long n, string description)
    {
        if (slice.Step == 0) throw new ArgumentException($"Slice step cannot be zero (slice {slice} in key {description}).", "keys");
        return slice.Resolve(n);
    }

    /// <summary>
    /// The view of <paramref name="local"/> this plan selects, with the selection on <paramref name="splitAxis"/>
    /// replaced
    /// by <paramref name="splitStart"/>/<paramref name="splitLength"/> (positions in the local chunk); new axes get
    /// extent 1.
    /// </summary>
    public LocalTensor LocalView(LocalTensor local, int? splitAxis = null, long splitStart = 0, long splitLength = 0)
    {
        var strides = local.Strides;
        long offset = local.Offset;
        var axisStride = new long[Axes.Length];
        var axisLength = new long[Axes.Length];
        bool empty = false;
        for (int d = 0; d < Axes.Length; d++)
        {
            var sel = Axes[d];
            long start = sel.Start, length = sel.Length;
            if (d == splitAxis) { start = splitStart; length = splitLength; }
            if (length == 0) empty = true;
            else offset += start * strides[d];
            axisStride[d] = strides[d] * sel.Step;
            axisLength[d] = length;
        }
        var shape = new long[OutToIn.Length];
        var outStrides = new long[OutToIn.Length];
        for (int o = 0; o < OutToIn.Length; o++)
        {
            int d = OutToIn[o];
            if (d < 0) { shape[o] = 1; outStrides[o] = 0; }
            else { shape[o] = axisLength[d]; outStrides[o] = axisStride[d]; }
        }
        return local.View(shape, outStrides, empty ? local.Offset : offset);
    }

    /// <summary>
    /// For each rank, the range <c>[lo, hi)</c> of positions k along the selection of the split axis whose global index
    /// <c>Start + k*Step</c> lies in that rank's chunk <c>[displs[r], displs[r] + counts[r])</c>.
    /// </summary>
    public static (long[] Lo, long[] Hi) Ranges(AxisSelection sel, long[] counts, long[] displs)
    {
        int p = counts.Length;
        var lo = new long[p];
        var hi = new long[p];
        for (int r = 0; r < p; r++)
        {
            long a = displs[r], b = displs[r] + counts[r];
            long l, h;
            if (sel.Step > 0) { l = CeilDiv(a - sel.Start, sel.Step); h = CeilDiv(b - sel.Start, sel.Step); }
            else { long t = -sel.Step; l = FloorDiv(sel.Start - b, t) + 1; h = FloorDiv(sel.Start - a, t) + 1; }
            l = Math.Clamp(l, 0, sel.Length); h = Math.Clamp(h, 0, sel.Length);
            lo[r] = l; hi[r] = Math.Max(l, h);
        }
        return (lo, hi);
    }

    private static long FloorDiv(long a, long b) => a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
