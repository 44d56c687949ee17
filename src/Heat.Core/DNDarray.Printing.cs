// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/printing.py
public sealed partial class DNDarray
{
    private const long SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// HeAT's format: <c>DNDarray([[0., 1.], [2., 3.]], dtype=ht.float32, device=cpu:0, split=0)</c>; arrays of more
    /// than
    /// 1000 elements show 3 items at each edge of every dimension with <c>...</c> between. Collective: small arrays are
    /// gathered, large ones contribute only their edge items (at most 6 per dimension), so every rank returns the same
    /// text.
    /// </summary>
    public override string ToString()
    {
        bool summarize = size > SummaryThreshold;
        using var data = summarize ? GatherEdgeItems() : Redistribution.Gather(this);
        var shown = data.GetShape();
        var complex = dtype.IsComplex ? HostConversion.ToArray<System.Numerics.Complex>(data) : null;
        var values = complex is null ? HostConversion.ToArray<double>(data) : complex.Select(c => c.Real).ToArray();
        var imaginary = complex?.Select(c => c.Imaginary).ToArray();
        bool integral = !dtype.IsInexact;
        bool wholeFloats = dtype.IsInexact && values.Concat(imaginary ?? []).All(v => double.IsNaN(v) || double.IsInfinity(v) || v == Math.Floor(v));
        string Format(double v) => dtype == DType.Bool ? (v != 0 ? "True" : "False")
            : integral ? v.ToString("0", CultureInfo.InvariantCulture)
            : double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
            : wholeFloats ? v.ToString("0", CultureInfo.InvariantCulture) + "."
            : v.ToString("0.0000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("DNDarray(");
        var strides = Shapes.ContiguousStrides(shown);
        void Write(int dim, long offset, int indent)
        {
            if (dim == ndim)
            {
                sb.Append(Format(values[offset]));
                // Complex values as NumPy writes them: 1.+2.j, 0.5000-1.0000j.
                if (imaginary is not null)
                {
                    double im = imaginary[offset];
                    sb.Append(im < 0 || (im == 0 && double.IsNegative(im)) ? "-" : "+").Append(Format(Math.Abs(im))).Append('j');
                }
                return;
            }
            sb.Append('[');
            long n = shown[dim];
            string separator = dim == ndim - 1 ? ", " : ",\n" + new string(' ', indent + 1);
            for (long i = 0; i < n; i++)
            {
                // The gathered edge items hold positions 0..2 and n-3..n-1 of a summarised dimension.
                if (summarize && _gshape[dim] > 2 * EdgeItems && i == EdgeItems) sb.Append("...").Append(separator);
                Write(dim + 1, offset + i * strides[dim], indent + 1);
                if (i < n - 1) sb.Append(separator);
            }
            sb.Append(']');
        }
        Write(0, 0, 9);
        sb.Append(CultureInfo.InvariantCulture, $", dtype=ht.{dtype.Name}, device={device}, split={(split is int s ? s.ToString(CultureInfo.InvariantCulture) : "None")})");
        return sb.ToString();
    }

    /// <summary>
    /// The first and last <see cref="EdgeItems"/> positions of every dimension longer than twice that, on every rank:
    /// each rank cuts them from its chunk, then one Allgatherv joins the pieces along the split axis.
    /// </summary>
    private LocalTensor GatherEdgeItems()
    {
        LocalTensor? local = larray.Share();
        try
        {
            var shown = new long[ndim];
            for (int d = 0; d < ndim; d++)
            {
                long n = _gshape[d];
                shown[d] = Math.Min(n, 2 * EdgeItems);
                if (n <= 2 * EdgeItems) continue;
                var runs = new List<(long Start, long Length)> { (0, EdgeItems), (n - EdgeItems, EdgeItems) };
                if (d == split)
                {
                    long offset = SplitOffset(), count = larray.Shape[d];
                    runs = runs.Select(r => (Math.Max(r.Start, offset), Math.Min(r.Start + r.Length, offset + count)))
                               .Where(r => r.Item2 > r.Item1)
                               .Select(r => (r.Item1 - offset, r.Item2 - r.Item1)).ToList();
                }
                var next = TakeRuns(local, d, runs);
                local.Dispose();
                local = next;
            }
            var mine = local;
            local = null;
            if (split is not int s || comm.Size == 1) return mine;
            using var pieces = new DNDarray(mine, shown, s, Context, balanced: null);
            return Redistribution.Gather(pieces);
        }
        finally { local?.Dispose(); }
    }

    private LocalTensor TakeRuns(LocalTensor t, int axis, List<(long Start, long Length)> runs)
    {
        var shape = t.GetShape();
        shape[axis] = runs.Sum(r => r.Length);
        var result = Backend.Empty(shape, t.DType, t.Device);
        long at = 0;
        foreach (var (start, length) in runs)
        {
            using var source = t.Slice(axis, start, length);
            using var destination = result.Slice(axis, at, length);
            Backend.Copy(source, destination);
            at += length;
        }
        return result;
    }
}
