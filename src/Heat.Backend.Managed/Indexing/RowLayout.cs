// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed.Indexing;

/// <summary>
/// The geometry shared by gather and scatter: a table (e_0 × … × e_{k−1} × rest) whose first k dimensions a flat
/// index addresses, and a list of rows (n × rest). Rows are copied as strided boxes of the rest dimensions, merged
/// where both sides are dense, so a contiguous row is one block copy.
/// </summary>
internal sealed unsafe class RowLayout
{
    private readonly long[] _tableExtents, _tableStrides, _restShape;

    public RowLayout(LocalTensor table, int axes, LocalTensor index, LocalTensor rows)
    {
        if (index.DType != DType.Int64 || index.NDim != 1)
            throw new ArgumentException($"index must be a 1-d int64 tensor; got {index.DType} "
                + $"{Shapes.Format(index.Shape)}.", nameof(index));
        if (axes < 0 || axes > table.NDim || rows.NDim != table.NDim - axes + 1 || rows.Shape[0] != index.Shape[0]
            || !rows.Shape[1..].SequenceEqual(table.Shape[axes..]) || rows.DType.ItemSize != table.DType.ItemSize)
            throw new ArgumentException($"Rows {Shapes.Format(rows.Shape)} do not match a table "
                + $"{Shapes.Format(table.Shape)} indexed on {axes} axes by {Shapes.Format(index.Shape)} indices.");
        Count = index.Shape[0];
        ItemSize = table.DType.ItemSize;
        _tableExtents = table.Shape[..axes].ToArray();
        _tableStrides = table.Strides[..axes].ToArray();
        DestinationRowStride = rows.Strides[0];
        // Merge rest dimensions that are dense on both sides (and drop extents of 1).
        var shape = new List<long>();
        var a = new List<long>();
        var b = new List<long>();
        for (int d = 0; d < table.NDim - axes; d++)
        {
            long n = table.Shape[axes + d], sa = table.Strides[axes + d], sb = rows.Strides[1 + d];
            if (n == 1) continue;
            if (shape.Count > 0 && a[^1] == sa * n && b[^1] == sb * n)
            {
                shape[^1] *= n; a[^1] = sa; b[^1] = sb;
                continue;
            }
            shape.Add(n); a.Add(sa); b.Add(sb);
        }
        _restShape = shape.ToArray();
        SourceRest = a.ToArray();
        DestinationRest = b.ToArray();
        RowElements = 1;
        foreach (var n in _restShape) RowElements *= n;
    }

    /// <summary>Number of rows (indices).</summary>
    public long Count { get; }
    /// <summary>Bytes per element.</summary>
    public int ItemSize { get; }
    /// <summary>Elements per row.</summary>
    public long RowElements { get; }
    /// <summary>Element stride between rows of the row list.</summary>
    public long DestinationRowStride { get; }
    /// <summary>Element strides of the rest dimensions in the table.</summary>
    public long[] SourceRest { get; }
    /// <summary>Element strides of the rest dimensions in the row list.</summary>
    public long[] DestinationRest { get; }

    /// <summary>The element offset in the table of the row at flat position <paramref name="flat"/>.</summary>
    public long SourceOffset(long flat)
    {
        if (_tableExtents.Length == 1) return flat * _tableStrides[0];
        long offset = 0;
        for (int d = _tableExtents.Length - 1; d >= 0; d--)
        {
            long e = _tableExtents[d];
            offset += flat % e * _tableStrides[d];
            flat /= e;
        }
        return offset;
    }

    /// <summary>The table's element stride when one axis is indexed (row f starts f strides in), else 0.</summary>
    public long SingleAxisStride => _tableExtents.Length == 1 ? _tableStrides[0] : 0;

    /// <summary>The bytes of a row when it is one dense block on both sides (a plain memcpy per row), else 0.</summary>
    public long DenseRowBytes => _restShape.Length == 1 && SourceRest[0] == 1 && DestinationRest[0] == 1
        ? _restShape[0] * ItemSize
        : 0;

    /// <summary>Whether a row is one element (no rest dimensions left after merging).</summary>
    public bool ScalarRows => _restShape.Length == 0;

    /// <summary>Copies one row box from <paramref name="from"/> (strides <paramref name="fromStrides"/>) to
    /// <paramref name="to"/>.</summary>
    public void Copy(byte* from, long[] fromStrides, byte* to, long[] toStrides)
    {
        switch (ItemSize)
        {
            case 1: Copy<byte>(from, fromStrides, to, toStrides); break;  // not the byte* overload itself
            case 2: Copy((short*)from, fromStrides, (short*)to, toStrides); break;
            case 4: Copy((int*)from, fromStrides, (int*)to, toStrides); break;
            case 8: Copy((long*)from, fromStrides, (long*)to, toStrides); break;
            case 16: Copy((Int128*)from, fromStrides, (Int128*)to, toStrides); break;
            default: throw new NotSupportedException($"Elements of {ItemSize} bytes.");
        }
    }

    private void Copy<T>(T* from, long[] fs, T* to, long[] ts) where T : unmanaged
    {
        int r = _restShape.Length;
        if (r == 0) { *to = *from; return; }
        long inner = _restShape[r - 1], fi = fs[r - 1], ti = ts[r - 1];
        if (r == 1) { Run(from, fi, to, ti, inner); return; }
        Span<long> index = stackalloc long[r - 1];
        index.Clear();
        long outer = 1;
        for (int d = 0; d < r - 1; d++) outer *= _restShape[d];
        long fo = 0, to_ = 0;
        for (long o = 0; o < outer; o++)
        {
            Run(from + fo, fi, to + to_, ti, inner);
            for (int d = r - 2; d >= 0; d--)
            {
                index[d]++;
                fo += fs[d]; to_ += ts[d];
                if (index[d] < _restShape[d]) break;
                fo -= fs[d] * _restShape[d]; to_ -= ts[d] * _restShape[d];
                index[d] = 0;
            }
        }
    }

    private static void Run<T>(T* from, long fs, T* to, long ts, long n) where T : unmanaged
    {
        if (fs == 1 && ts == 1)
        {
            Buffer.MemoryCopy(from, to, n * sizeof(T), n * sizeof(T));
            return;
        }
        for (long i = 0; i < n; i++) to[i * ts] = from[i * fs];
    }
}
