// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Testing.Core;

/// <summary>
/// One key of the advanced-indexing tests: int, slice, new axis, ellipsis, integer array or boolean mask (row-major
/// data with a shape), and how it reaches the API (<see cref="Form"/>: 0 a DNDarray, 1 a .NET array where 1-d).
/// </summary>
public sealed record AKey(string Kind, long I = 0, long? Start = null, long? Stop = null, long? Step = null,
                          long[]? Data = null, bool[]? Mask = null, long[]? Shape = null)
{
    /// <summary>0: a DNDarray (split by <see cref="Split"/>), 1: long[], 2: int[] / bool[], 3: an int32
    /// DNDarray.</summary>
    public int Form { get; init; }
    /// <summary>The split of a DNDarray key (-1: none).</summary>
    public int Split { get; init; } = -1;

    public static AKey Int(long i) => new("int", i);
    public static AKey Sl(long? start = null, long? stop = null, long? step = null) => new("slice", Start: start,
        Stop: stop, Step: step);
    public static readonly AKey New = new("new");
    public static readonly AKey Ell = new("ellipsis");
    public static AKey Arr(long[] data, long[]? shape = null) => new("array", Data: data,
        Shape: shape ?? [data.Length]);
    public static AKey Msk(bool[] mask, long[]? shape = null) => new("mask", Mask: mask, Shape: shape ?? [mask.Length]);

    /// <summary>The key as the API's <see cref="IndexKey"/> (DNDarray keys are created on the calling rank; the
    /// caller disposes them through a scope).</summary>
    public IndexKey ToIndexKey()
    {
        int? split = Split < 0 ? null : Split;
        switch (Kind)
        {
            case "int": return I;
            case "slice": return ht.slice(Start, Stop, Step);
            case "new": return ht.newaxis;
            case "ellipsis": return ht.ellipsis;
            case "array":
                if (Form == 1 && Shape!.Length == 1) return Data!;
                if (Form == 2 && Shape!.Length == 1) return Data!.Select(v => (int)v).ToArray();
                if (Form == 3) return ht.array(Data!.Select(v => (int)v).ToArray(), Shape, split: split);
                return ht.array(Data!, Shape, split: split);
            default:
                if (Form is 1 or 2 && Shape!.Length == 1) return Mask!;
                return ht.array(Mask!, Shape, split: split);
        }
    }

    public override string ToString()
    {
        string F(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        string where = Split < 0 ? "" : $"@{Split}";
        return Kind switch
        {
            "int" => F(I),
            "slice" => Step is null ? $"{F(Start)}:{F(Stop)}" : $"{F(Start)}:{F(Stop)}:{F(Step)}",
            "new" => "None",
            "ellipsis" => "...",
            "array" => $"int{Shapes(Shape!)}[{string.Join(",", Data!)}]{where}/{Form}",
            _ => $"bool{Shapes(Shape!)}[{string.Join(",", Mask!.Select(b => b ? 1 : 0))}]{where}/{Form}",
        };
    }

    private static string Shapes(long[] s) => "(" + string.Join(",", s) + ")";
    public static string Format(IReadOnlyList<AKey> keys) => string.Join(", ", keys);
}

/// <summary>
/// NumPy's advanced indexing on a row-major array, written from NumPy's documentation independently of the library:
/// masks become their nonzero coordinates, integers next to arrays count as advanced indices, the index arrays
/// broadcast together, and their axes replace the advanced keys in place when those keys are adjacent (else they come
/// first). Returns the result's shape and, per result element in row-major order, the flat input position.
/// </summary>
public static class AdvancedIndexReference
{
    private sealed record Item(string Kind, long[]? Positions = null, int Array = -1);

    public static (long[] Shape, long[] Positions) Resolve(IReadOnlyList<AKey> keys, long[] shape)
    {
        int ndim = shape.Length;
        int consumed = keys.Sum(k => k.Kind switch { "int" or "slice" or "array" => 1, "mask" => k.Shape!.Length,
            _ => 0 });
        if (consumed > ndim) throw new IndexOutOfRangeException("too many indices");
        // Items per input axis (or new axis), and the index arrays (flat data + shape).
        var items = new List<(Item Item, int Axis, int KeyIndex)>();
        var arrays = new List<(long[] Data, long[] Shape)>();
        int axis = 0;
        for (int ki = 0; ki < keys.Count; ki++)
        {
            var k = keys[ki];
            switch (k.Kind)
            {
                case "new": items.Add((new Item("new"), -1, ki)); break;
                case "ellipsis":
                    for (int e = 0; e < ndim - consumed; e++) { items.Add((new Item("slice", Range(shape[axis])), axis,
                        ki)); axis++; }
                    break;
                case "slice": items.Add((new Item("slice", SliceIndices(k.Start, k.Stop, k.Step, shape[axis])), axis,
                    ki)); axis++; break;
                case "int":
                    arrays.Add(([Wrap(k.I, shape[axis])], []));
                    items.Add((new Item("adv", Array: arrays.Count - 1), axis, ki)); axis++;
                    break;
                case "array":
                    arrays.Add((k.Data!.Select(v => Wrap(v, shape[axis])).ToArray(), k.Shape!));
                    items.Add((new Item("adv", Array: arrays.Count - 1), axis, ki)); axis++;
                    break;
                default:
                    int kd = k.Shape!.Length;
                    for (int d = 0; d < kd; d++)
                        if (k.Shape[d] != shape[axis + d]) throw new IndexOutOfRangeException("boolean index did "
                            + "not match");
                    var coords = Enumerable.Range(0, kd).Select(_ => new List<long>()).ToArray();
                    var strides = Strides(k.Shape);
                    for (long f = 0; f < k.Mask!.Length; f++)
                        if (k.Mask[f])
                            for (int d = 0; d < kd; d++) coords[d].Add(f / strides[d] % k.Shape[d]);
                    for (int d = 0; d < kd; d++)
                    {
                        arrays.Add((coords[d].ToArray(), [coords[d].Count]));
                        items.Add((new Item("adv", Array: arrays.Count - 1), axis, ki)); axis++;
                    }
                    break;
            }
        }
        while (axis < ndim) { items.Add((new Item("slice", Range(shape[axis])), axis, keys.Count)); axis++; }

        bool anyArray = keys.Any(k => k.Kind is "array" or "mask");
        var b = Broadcast(arrays.Select(a => a.Shape).ToList());
        var fancyKeys = items.Where(i => i.Item.Kind == "adv").Select(i => i.KeyIndex).Distinct().ToList();
        // NumPy's consecutiveness: every key between the first and the last advanced key must be advanced.
        bool adjacent = fancyKeys.Count == 0 || Enumerable.Range(fancyKeys[0],
            fancyKeys[^1] - fancyKeys[0] + 1).All(fancyKeys.Contains);
        if (!anyArray) b = [];
        // Result dims: ("B", -1) or (item index).
        var dims = new List<int>();
        bool placed = false;
        if (!adjacent && fancyKeys.Count > 0) { dims.Add(-1); placed = true; }
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Item.Kind == "adv")
            {
                if (!placed) { dims.Add(-1); placed = true; }
                continue;
            }
            dims.Add(i);
        }
        var outShape = new List<long>();
        foreach (var d in dims)
        {
            if (d < 0) outShape.AddRange(b);
            else outShape.Add(items[d].Item.Kind == "new" ? 1 : items[d].Item.Positions!.Length);
        }
        var inStrides = Strides(shape);
        long total = outShape.Aggregate(1L, (p, e) => p * e);
        var positions = new long[total];
        var outStrides = Strides(outShape.ToArray());
        for (long f = 0; f < total; f++)
        {
            var idx = outShape.Select((e, d) => f / outStrides[d] % e).ToArray();
            long pos = 0;
            int o = 0;
            long[] bIndex = [];
            foreach (var d in dims)
            {
                if (d < 0) { bIndex = idx[o..(o + b.Length)]; o += b.Length; continue; }
                var it = items[d];
                if (it.Item.Kind == "slice") pos += it.Item.Positions![idx[o]] * inStrides[it.Axis];
                o++;
            }
            foreach (var it in items.Where(i => i.Item.Kind == "adv"))
            {
                var (data, ashape) = arrays[it.Item.Array];
                long af = 0;
                var astrides = Strides(ashape);
                for (int d = 0; d < ashape.Length; d++)
                {
                    long bi = bIndex[b.Length - ashape.Length + d];
                    af += (ashape[d] == 1 ? 0 : bi) * astrides[d];
                }
                pos += data[af] * inStrides[it.Axis];
            }
            positions[f] = pos;
        }
        return (outShape.ToArray(), positions);
    }

    private static long Wrap(long v, long n) =>
        v < -n || v >= n ? throw new IndexOutOfRangeException($"index {v} out of bounds for size "
            + $"{n}") : v < 0 ? v + n : v;

    private static long[] Range(long n) => Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();

    public static long[] Strides(long[] shape)
    {
        var s = new long[shape.Length];
        long acc = 1;
        for (int d = shape.Length - 1; d >= 0; d--) { s[d] = acc; acc *= shape[d]; }
        return s;
    }

    private static long[] Broadcast(List<long[]> shapes)
    {
        int nd = shapes.Count == 0 ? 0 : shapes.Max(s => s.Length);
        var r = new long[nd];
        for (int d = 0; d < nd; d++)
        {
            long e = 1;
            foreach (var s in shapes)
            {
                int i = d - (nd - s.Length);
                if (i < 0 || s[i] == 1) continue;
                if (e != 1 && e != s[i]) throw new IndexOutOfRangeException("shape mismatch");
                e = s[i];
            }
            r[d] = e;
        }
        return r;
    }

    /// <summary>CPython's slice.indices and range.</summary>
    public static long[] SliceIndices(long? start, long? stop, long? step, long n)
    {
        long st = step ?? 1;
        long lo, hi;
        if (st > 0)
        {
            lo = start is long a ? (a < 0 ? Math.Max(0, a + n) : Math.Min(a, n)) : 0;
            hi = stop is long b ? (b < 0 ? Math.Max(0, b + n) : Math.Min(b, n)) : n;
        }
        else
        {
            lo = start is long a ? (a < 0 ? Math.Max(-1, a + n) : Math.Min(a, n - 1)) : n - 1;
            hi = stop is long b ? (b < 0 ? Math.Max(-1, b + n) : Math.Min(b, n - 1)) : -1;
        }
        var r = new List<long>();
        for (long i = lo; st > 0 ? i < hi : i > hi; i += st) r.Add(i);
        return r.ToArray();
    }
}
