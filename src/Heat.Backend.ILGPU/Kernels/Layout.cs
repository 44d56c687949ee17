// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>Eight extents or strides by value (kernel parameters cannot hold arrays or fixed buffers).</summary>
internal struct Dims
{
    public const int Max = 8;
    public long D0, D1, D2, D3, D4, D5, D6, D7;

    public readonly long Get(int i) => i switch
    {
        0 => D0, 1 => D1, 2 => D2, 3 => D3, 4 => D4, 5 => D5, 6 => D6, _ => D7,
    };

    public void Set(int i, long v)
    {
        switch (i)
        {
            case 0: D0 = v; break;
            case 1: D1 = v; break;
            case 2: D2 = v; break;
            case 3: D3 = v; break;
            case 4: D4 = v; break;
            case 5: D5 = v; break;
            case 6: D6 = v; break;
            default: D7 = v; break;
        }
    }
}

/// <summary>An iteration shape: extents (dimensions of extent 1 dropped, mergeable neighbours merged) and the
/// element count.</summary>
internal struct Layout
{
    public Dims Shape;
    public int NDim;
    public long N;
}

/// <summary>One operand's element strides over a <see cref="Layout"/> and its element offset.</summary>
internal struct Strides
{
    public Dims S;
    public long Offset;

    /// <summary>The element position of the <paramref name="i"/>-th element (row-major) of <paramref name="l"/>.
    /// </summary>
    public readonly long At(Layout l, long i)
    {
        if (l.NDim == 1) return Offset + i * S.D0;
        long off = Offset;
        for (int d = l.NDim - 1; d >= 0; d--)
        {
            long e = l.Shape.Get(d);
            long q = i / e;
            off += (i - q * e) * S.Get(d);
            i = q;
        }
        return off;
    }
}

/// <summary>Builds collapsed layouts from tensor views on the host.</summary>
internal static class Layouts
{
    /// <summary>
    /// The layout of <paramref name="shape"/> for operands with the given strides and offsets: extent-1 dimensions
    /// dropped, neighbours merged where every operand allows it.
    /// </summary>
    /// <exception cref="NotSupportedException">More than eight dimensions remain.</exception>
    public static (Layout Layout, Strides[] Operands) Create(ReadOnlySpan<long> shape, long[][] strides, long[] offsets)
    {
        int nops = strides.Length;
        var dims = new List<long>();
        var st = new List<long[]>();
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == 1) continue;
            var s = new long[nops];
            for (int k = 0; k < nops; k++) s[k] = strides[k][d];
            if (dims.Count > 0)
            {
                var prev = st[^1];
                bool merge = true;
                for (int k = 0; k < nops; k++) if (prev[k] != s[k] * shape[d]) { merge = false; break; }
                if (merge) { dims[^1] *= shape[d]; st[^1] = s; continue; }
            }
            dims.Add(shape[d]); st.Add(s);
        }
        if (dims.Count == 0) { dims.Add(1); st.Add(new long[nops]); }
        if (dims.Count > Dims.Max)
            throw new NotSupportedException(
                $"ILGPU backend: a strided view with {dims.Count} non-mergeable dimensions exceeds the kernels' " +
                $"limit of {Dims.Max}.");
        var l = new Layout { NDim = dims.Count, N = Shapes.Numel(shape) };
        var ops = new Strides[nops];
        for (int d = 0; d < dims.Count; d++)
        {
            l.Shape.Set(d, dims[d]);
            for (int k = 0; k < nops; k++) ops[k].S.Set(d, st[d][k]);
        }
        for (int k = 0; k < nops; k++) ops[k].Offset = offsets[k];
        return (l, ops);
    }

    /// <summary>The layout of tensors of one shape (element-wise operands, destination last).</summary>
    public static (Layout Layout, Strides[] Operands) Of(params LocalTensor[] tensors)
    {
        var strides = new long[tensors.Length][];
        var offsets = new long[tensors.Length];
        for (int i = 0; i < tensors.Length; i++)
        {
            strides[i] = tensors[i].Strides.ToArray();
            offsets[i] = tensors[i].Offset;
        }
        return Create(tensors[^1].Shape, strides, offsets);
    }

    /// <summary>The layout of all dimensions but <paramref name="axis"/> (lines along the axis).</summary>
    public static (Layout Layout, Strides[] Operands) Lines(int axis, params LocalTensor[] tensors)
    {
        var shape = tensors[0].GetShape().Where((_, i) => i != axis).ToArray();
        var strides = tensors.Select(t => t.Strides.ToArray().Where((_, i) => i != axis).ToArray()).ToArray();
        return Create(shape, strides, tensors.Select(t => t.Offset).ToArray());
    }

    /// <summary>x's kept and reduced dimensions as two layouts (x's offset in the kept one).</summary>
    public static (Layout Outer, Strides OuterStrides, Layout Inner, Strides InnerStrides) Split(LocalTensor x,
        ReadOnlySpan<int> axes)
    {
        var reduced = new bool[x.NDim];
        foreach (var a in axes) reduced[Shapes.NormalizeAxis(a, Math.Max(1, x.NDim))] = true;
        var ks = new List<long>(); var kst = new List<long>(); var rs = new List<long>(); var rst = new List<long>();
        for (int d = 0; d < x.NDim; d++)
        {
            if (reduced[d]) { rs.Add(x.Shape[d]); rst.Add(x.Strides[d]); }
            else { ks.Add(x.Shape[d]); kst.Add(x.Strides[d]); }
        }
        var (outer, os) = Create(ks.ToArray(), [kst.ToArray()], [x.Offset]);
        var (inner, ins) = Create(rs.ToArray(), [rst.ToArray()], [0]);
        return (outer, os[0], inner, ins[0]);
    }
}
