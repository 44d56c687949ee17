// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Testing.Core;

/// <summary>One index key of the tests, with a plain C# reference of NumPy's basic indexing (CPython's slice rules).</summary>
/// <param name="Kind">int, slice, new or ellipsis.</param>
/// <param name="A">The int, or the slice start.</param>
/// <param name="B">The slice stop.</param>
/// <param name="C">The slice step.</param>
public sealed record TestKey(string Kind, long? A = null, long? B = null, long? C = null)
{
    public static TestKey Int(long i) => new("int", i);
    public static TestKey Sl(long? start = null, long? stop = null, long? step = null) => new("slice", start, stop, step);
    public static readonly TestKey New = new("new");
    public static readonly TestKey Ell = new("ellipsis");

    /// <summary>The key as the API's <see cref="IndexKey"/>; <paramref name="form"/> 1 uses C# Index/Range where possible.</summary>
    public IndexKey ToIndexKey(int form = 0)
    {
        switch (Kind)
        {
            case "int":
                return form == 1 && A < 0 ? (IndexKey)(^(int)(-A!.Value)) : (IndexKey)A!.Value;
            case "slice":
                if (form == 1 && (C is null || C == 1))
                {
                    Index start = A is null ? 0 : A >= 0 ? (int)A.Value : ^(int)(-A.Value);
                    Index stop = B is null ? ^0 : B >= 0 ? (int)B.Value : ^(int)(-B.Value);
                    return start..stop;
                }
                return ht.slice(A, B, C);
            case "new": return ht.newaxis;
            default: return ht.ellipsis;
        }
    }

    public override string ToString()
    {
        string F(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        return Kind switch
        {
            "int" => F(A),
            "slice" => C is null ? $"{F(A)}:{F(B)}" : $"{F(A)}:{F(B)}:{F(C)}",
            "new" => "None",
            _ => "...",
        };
    }

    public static string Format(IReadOnlyList<TestKey> keys) => string.Join(", ", keys);
}

/// <summary>NumPy's basic indexing on a row-major double array, written independently of the library.</summary>
public static class IndexReference
{
    /// <summary>Per output axis the input axis (-1 new) and the selected input positions; per input axis a fixed int or -1.</summary>
    public static (long[] OutShape, int[] OutToIn, long[][] Positions, long[] Fixed) Resolve(IReadOnlyList<TestKey> keys, long[] shape)
    {
        int ndim = shape.Length;
        int consumed = keys.Count(k => k.Kind is "int" or "slice");
        var expanded = new List<TestKey>();
        bool sawEllipsis = false;
        foreach (var k in keys)
        {
            if (k.Kind == "ellipsis" && !sawEllipsis) { sawEllipsis = true; for (int i = 0; i < ndim - consumed; i++) expanded.Add(TestKey.Sl()); }
            else expanded.Add(k);
        }
        while (expanded.Count(k => k.Kind is "int" or "slice") < ndim) expanded.Add(TestKey.Sl());
        var outShape = new List<long>();
        var outToIn = new List<int>();
        var positions = new List<long[]>();
        var fixedIdx = Enumerable.Repeat(-1L, ndim).ToArray();
        int axis = 0;
        foreach (var k in expanded)
        {
            if (k.Kind == "new") { outShape.Add(1); outToIn.Add(-1); positions.Add([0]); continue; }
            long n = shape[axis];
            if (k.Kind == "int") { fixedIdx[axis] = k.A!.Value < 0 ? k.A.Value + n : k.A.Value; axis++; continue; }
            var sel = SliceIndices(k.A, k.B, k.C, n);
            outShape.Add(sel.Length); outToIn.Add(axis); positions.Add(sel); axis++;
        }
        return (outShape.ToArray(), outToIn.ToArray(), positions.ToArray(), fixedIdx);
    }

    /// <summary>CPython's <c>slice.indices</c> then <c>range(start, stop, step)</c>.</summary>
    public static long[] SliceIndices(long? start, long? stop, long? step, long n)
    {
        long st = step ?? 1;
        long lower = st < 0 ? -1 : 0, upper = st < 0 ? n - 1 : n;
        long Adjust(long? v, long dflt)
        {
            if (v is not long x) return dflt;
            if (x < 0) { x += n; if (x < lower) x = lower; }
            else if (x > upper) x = upper;
            return x;
        }
        long a = Adjust(start, st < 0 ? upper : lower), b = Adjust(stop, st < 0 ? lower : upper);
        var list = new List<long>();
        for (long i = a; st > 0 ? i < b : i > b; i += st) list.Add(i);
        return list.ToArray();
    }

    /// <summary>The row-major input positions of every output element, in output order.</summary>
    public static long[] Map(IReadOnlyList<TestKey> keys, long[] shape, out long[] outShape, out int[] outToIn)
    {
        var (os, o2i, positions, fixedIdx) = Resolve(keys, shape);
        outShape = os; outToIn = o2i;
        long count = os.Aggregate(1L, (p, d) => p * d);
        var strides = new long[shape.Length];
        long acc = 1;
        for (int d = shape.Length - 1; d >= 0; d--) { strides[d] = acc; acc *= shape[d]; }
        var result = new long[count];
        var idx = new long[os.Length];
        for (long e = 0; e < count; e++)
        {
            long rem = e;
            for (int o = os.Length - 1; o >= 0; o--) { idx[o] = rem % os[o]; rem /= os[o]; }
            long flat = 0;
            for (int d = 0; d < shape.Length; d++) if (fixedIdx[d] >= 0) flat += fixedIdx[d] * strides[d];
            for (int o = 0; o < os.Length; o++) if (o2i[o] >= 0) flat += positions[o][idx[o]] * strides[o2i[o]];
            result[e] = flat;
        }
        return result;
    }

    /// <summary>Expected split of <c>x[keys]</c>: null when x is replicated or an int hits the split axis, else its output position.</summary>
    public static int? ExpectedSplit(int[] outToIn, int? split) => split is int s && Array.IndexOf(outToIn, s) is int o && o >= 0 ? o : null;

    /// <summary>Value at output element e of a value of shape <paramref name="valueShape"/> broadcast to <paramref name="outShape"/>.</summary>
    public static double BroadcastValue(double[] value, long[] valueShape, long[] outShape, long e)
    {
        long flat = 0, stride = 1, rem = e;
        for (int o = outShape.Length - 1; o >= 0; o--)
        {
            long i = rem % outShape[o]; rem /= outShape[o];
            int v = o - (outShape.Length - valueShape.Length);
            if (v < 0) continue;
            if (valueShape[v] != 1) flat += i * stride;
            stride *= valueShape[v];
        }
        return value[flat];
    }

    /// <summary>The chunk of rank <paramref name="rank"/> along <paramref name="axis"/> given per-rank counts (row-major data).</summary>
    public static (double[] Data, long[] Shape) Chunk(double[] data, long[] shape, int axis, long[] counts, int rank)
    {
        long offset = counts.Take(rank).Sum();
        var lshape = (long[])shape.Clone();
        lshape[axis] = counts[rank];
        long outer = shape.Take(axis).Aggregate(1L, (p, d) => p * d);
        long inner = shape.Skip(axis + 1).Aggregate(1L, (p, d) => p * d);
        var chunk = new List<double>();
        for (long o = 0; o < outer; o++)
            for (long i = offset; i < offset + counts[rank]; i++)
                for (long k = 0; k < inner; k++)
                    chunk.Add(data[(o * shape[axis] + i) * inner + k]);
        return (chunk.ToArray(), lshape);
    }
}
