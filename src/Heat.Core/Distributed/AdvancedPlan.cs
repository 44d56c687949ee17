// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>One integer index array of an advanced key: a whole array, or a column of a mask's coordinates.</summary>
/// <param name="Source">An integer DNDarray, replicated or split along axis 0.</param>
/// <param name="Column">The column of a (N, k) coordinate array, or -1 for the whole array.</param>
internal readonly record struct KeyColumn(DNDarray Source, int Column)
{
    /// <summary>The global shape of the index array.</summary>
    public long[] Shape => Column < 0 ? Source.GShapeRef : [Source.GShapeRef[0]];

    /// <summary>This rank's part of the index array (the whole array when replicated).</summary>
    public LocalTensor Local()
    {
        if (Column < 0) return Source.larray.Share();
        using var column = Source.larray.Slice(1, Column, 1);
        return column.Squeeze(1);
    }
}

/// <summary>
/// An advanced key resolved against a global shape, after NumPy's rules: a basic plan (integers, slices, new axes;
/// full slices where the advanced keys are) gives the intermediate array Y, whose <see cref="KeyAxes"/> the index
/// arrays address; they broadcast to <see cref="B"/>, which replaces the advanced axes in place when the advanced keys
/// (integers included) are adjacent, else comes first. Metadata only, the same on every rank (masks are kept as keys
/// until <see cref="ResolveMasks"/>, which is collective).
/// </summary>
internal sealed class AdvancedPlan : IDisposable
{
    private readonly List<DNDarray> _owned = [];
    private readonly List<(DNDarray Array, int FirstYAxis)> _arrays = [];

    private AdvancedPlan(IndexPlan basic, bool adjacent, string description)
    {
        Basic = basic; Adjacent = adjacent; Description = description;
    }

    /// <summary>The basic part of the key (advanced axes as full slices).</summary>
    public IndexPlan Basic { get; }
    /// <summary>Whether the advanced keys are adjacent (their result axes stay in place).</summary>
    public bool Adjacent { get; }
    /// <summary>The key in Python notation, for messages.</summary>
    public string Description { get; }
    /// <summary>The shape of Y.</summary>
    public long[] YShape => Basic.OutShape;
    /// <summary>The axes of Y the index columns address, one per column.</summary>
    public int[] KeyAxes { get; private set; } = [];
    /// <summary>The index columns (after <see cref="ResolveMasks"/>).</summary>
    public KeyColumn[] Columns { get; private set; } = [];
    /// <summary>The broadcast shape of the index columns (after <see cref="ResolveMasks"/>).</summary>
    public long[] B { get; private set; } = [];
    /// <summary>The axes of Y that no index addresses, in order.</summary>
    public int[] RestAxes { get; private set; } = [];
    /// <summary>Where the broadcast axes start in the result.</summary>
    public int Q { get; private set; }

    /// <summary>When the key is one mask whose first axis is the split axis of Y: that mask (rows align with Y's
    /// chunks, so no exchange is needed), and the number of axes it covers.</summary>
    public (DNDarray Mask, int Axes)? SplitMask { get; private set; }

    /// <summary>The extents of Y along <see cref="KeyAxes"/>.</summary>
    public long[] Extents => KeyAxes.Select(a => YShape[a]).ToArray();

    /// <summary>True when some key is a DNDarray or .NET array.</summary>
    public static bool IsAdvanced(ReadOnlySpan<IndexKey> keys)
    {
        foreach (var k in keys) if (k.Kind == IndexKeyKind.Advanced) return true;
        return false;
    }

    /// <summary>Resolves <paramref name="keys"/> against <paramref name="x"/>'s shape (no communication).</summary>
    /// <exception cref="IndexOutOfRangeException">Too many indices, a float index array, a mask of the wrong shape, or
    /// an integer outside its axis.</exception>
    /// <exception cref="ArgumentException">More than one ellipsis, a zero step, or a 0-d boolean key.</exception>
    public static AdvancedPlan Create(DNDarray x, IndexKey[] keys)
    {
        var shape = x.GShapeRef;
        int ndim = shape.Length;
        string description = "[" + string.Join(", ", keys.Select(k => k.ToString())) + "]";
        var arrays = new DNDarray?[keys.Length];
        var owned = new List<DNDarray>();
        try
        {
            int consumed = 0, ellipses = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                var k = keys[i];
                switch (k.Kind)
                {
                    case IndexKeyKind.Advanced:
                        var a = arrays[i] = AsArray(k.AdvancedValue!, x, owned);
                        if (a.dtype != DType.Bool && !a.dtype.IsInteger)
                            throw new IndexOutOfRangeException($"Arrays used as indices must be of integer (or "
                                + $"boolean) type; key {description} has a {a.dtype} array.");
                        if (a.dtype == DType.Bool && a.ndim == 0)
                            throw new ArgumentException($"A 0-d boolean index (key {description}) is not a valid "
                                + $"index; use a boolean array with the indexed axes' shape.", nameof(keys));
                        consumed += a.dtype == DType.Bool ? a.ndim : 1;
                        break;
                    case IndexKeyKind.Integer or IndexKeyKind.Slice: consumed++; break;
                    case IndexKeyKind.Ellipsis: ellipses++; break;
                }
            }
            if (ellipses > 1) throw new ArgumentException($"An index can only have a single ellipsis ('...'); key "
                + $"{description} has {ellipses}.", nameof(keys));
            if (consumed > ndim)
                throw new IndexOutOfRangeException($"Too many indices for array: array is {ndim}-dimensional, but "
                    + $"{consumed} were indexed (key {description}).");

            var basic = new List<IndexKey>();
            var fancy = new List<int>();
            var located = new List<(DNDarray Array, int XAxis)>();
            int axis = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                var k = keys[i];
                switch (k.Kind)
                {
                    case IndexKeyKind.Integer: basic.Add(k); fancy.Add(i); axis++; break;
                    case IndexKeyKind.Slice: basic.Add(k); axis++; break;
                    case IndexKeyKind.NewAxis: basic.Add(k); break;
                    case IndexKeyKind.Ellipsis:
                        for (int e = 0; e < ndim - consumed; e++) basic.Add(new Slice());
                        axis += ndim - consumed;
                        break;
                    default:
                        var a = arrays[i]!;
                        int covers = a.dtype == DType.Bool ? a.ndim : 1;
                        if (a.dtype == DType.Bool)
                            for (int c = 0; c < covers; c++)
                                if (a.GShapeRef[c] != shape[axis + c])
                                    throw new IndexOutOfRangeException($"Boolean index did not match indexed array "
                                        + $"along axis {axis + c}; the axis is {shape[axis + c]} but the "
                                            + $"corresponding boolean axis is {a.GShapeRef[c]} (key {description}).");
                        for (int c = 0; c < covers; c++) basic.Add(new Slice());
                        located.Add((a, axis));
                        fancy.Add(i);
                        axis += covers;
                        break;
                }
            }
            bool adjacent = fancy.Count == 0 || fancy[^1] - fancy[0] + 1 == fancy.Count;
            var plan = new AdvancedPlan(IndexPlan.Create(basic.ToArray(), shape), adjacent, description);
            plan._owned.AddRange(owned);
            owned.Clear();
            foreach (var (a, xAxis) in located)
            {
                // Every check is done (on metadata alike on every rank); masks now travel split along their first
                // axis, or replicated.
                var key = a;
                if (a.dtype == DType.Bool && a.split is int ms && ms != 0) plan._owned.Add(key =
                    Redistribution.ResplitCopy(a, 0));
                plan._arrays.Add((key, plan.Basic.OutputAxisOf(xAxis)));
            }
            if (plan._arrays.Count == 1 && plan._arrays[0].Array.dtype == DType.Bool && x.split is int s
                && plan.Basic.OutputAxisOf(s) == plan._arrays[0].FirstYAxis)
                plan.SplitMask = (plan._arrays[0].Array, plan._arrays[0].Array.ndim);
            return plan;
        }
        catch
        {
            foreach (var a in owned) a.Dispose();
            throw;
        }
    }

    /// <summary>The integer value of every 0-d integer index array, or null when some key is not one (NumPy treats 0-d
    /// integer arrays alone as integers).</summary>
    public static IndexKey[]? AsIntegers(IndexKey[] keys)
    {
        if (!keys.All(k => k.Kind != IndexKeyKind.Advanced || k.AdvancedValue is DNDarray { ndim: 0 } a &&
            a.dtype.IsInteger))
            return null;
        return keys.Select(k => k.Kind == IndexKeyKind.Advanced ? (IndexKey)((DNDarray)k.AdvancedValue!).item<long>() :
            k).ToArray();
    }

    /// <summary>
    /// Turns masks into coordinate columns (one collective nonzero per mask), broadcasts the columns and fixes the
    /// result's layout. With a <see cref="SplitMask"/>, the mask stays a mask and <see cref="B"/> is its count.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">The index arrays do not broadcast together.</exception>
    public void ResolveMasks()
    {
        var columns = new List<KeyColumn>();
        var axes = new List<int>();
        foreach (var (array, first) in _arrays)
        {
            if (array.dtype != DType.Bool)
            {
                var a = array;
                if (a.split is int s && s != 0) _owned.Add(a = Redistribution.ResplitCopy(a, 0));
                columns.Add(new KeyColumn(a, -1));
                axes.Add(first);
                continue;
            }
            for (int c = 0; c < array.ndim; c++) axes.Add(first + c);
            if (SplitMask is not null) continue;
            var coordinates = Nonzero.Coordinates(array);
            _owned.Add(coordinates);
            for (int c = 0; c < array.ndim; c++) columns.Add(new KeyColumn(coordinates, c));
        }
        KeyAxes = axes.ToArray();
        Columns = columns.ToArray();
        if (SplitMask is { } m)
        {
            // The count of the mask's true elements (one Allreduce).
            long n = m.Mask.Backend.Capability<IIndexKernels>().CountNonzero(m.Mask.split is null ? MaskRows(m.Mask) :
                m.Mask.larray);
            B = [m.Mask.split is null ? n : m.Mask.comm.Allreduce(n, ReduceOp.Sum)];
        }
        else B = Broadcast(Columns.Select(c => c.Shape).ToArray());
        RestAxes = Enumerable.Range(0, YShape.Length).Where(a => !KeyAxes.Contains(a)).ToArray();
        Q = Adjacent ? RestAxes.Count(a => a < KeyAxes.Min()) : 0;
    }

    // A replicated mask: every rank counts the whole of it.
    private static LocalTensor MaskRows(DNDarray mask) => mask.larray;

    /// <summary>The shape of the result.</summary>
    public long[] ResultShape =>
        [.. RestAxes[..Q].Select(a => YShape[a]), .. B, .. RestAxes[Q..].Select(a => YShape[a])];

    /// <summary>The permutation from the gathered layout (B..., rest...) to the result's axes.</summary>
    public int[] ToResult
    {
        get
        {
            int nb = B.Length, nr = RestAxes.Length;
            return [.. Enumerable.Range(nb, Q), .. Enumerable.Range(0, nb), .. Enumerable.Range(nb + Q, nr - Q)];
        }
    }

    /// <summary>The result axis that axis <paramref name="restIndex"/> of <see cref="RestAxes"/> becomes.</summary>
    public int ResultAxisOfRest(int restIndex) => restIndex < Q ? restIndex : restIndex + B.Length;

    private string Describe(long[] shape) => Shapes.Format(shape);

    private long[] Broadcast(long[][] shapes)
    {
        int nd = shapes.Length == 0 ? 0 : shapes.Max(s => s.Length);
        var result = new long[nd];
        for (int d = 0; d < nd; d++)
        {
            long e = 1;
            foreach (var s in shapes)
            {
                int i = d - (nd - s.Length);
                if (i < 0 || s[i] == 1) continue;
                if (e != 1 && e != s[i])
                    throw new IndexOutOfRangeException($"Shape mismatch: indexing arrays could not be broadcast "
                        + $"together with shapes {string.Join(" ", shapes.Select(Describe))} (key {Description}).");
                e = s[i];
            }
            result[d] = e;
        }
        return result;
    }

    private static DNDarray AsArray(object key, DNDarray x, List<DNDarray> owned)
    {
        DNDarray made = key switch
        {
            DNDarray a => a,
            long[] l => ht.array(l, device: x.device),
            int[] i => ht.array(i, device: x.device),
            bool[] b => ht.array(b, device: x.device),
            _ => throw new ArgumentException($"Unknown index key {key.GetType().Name}."),
        };
        if (!ReferenceEquals(made, key)) owned.Add(made);
        return made;
    }

    /// <summary>Disposes the arrays the plan made (converted keys, coordinates).</summary>
    public void Dispose()
    {
        foreach (var a in _owned) a.Dispose();
        _owned.Clear();
    }
}
