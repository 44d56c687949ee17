// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/printing.py
public sealed partial class DNDarray
{
    /// <summary>
    /// HeAT's format: <c>DNDarray([[0., 1.], [2., 3.]], dtype=ht.float32, device=cpu:0, split=0)</c>, after
    /// <see cref="ht.get_printoptions"/>: arrays of more than <c>threshold</c> elements show <c>edgeitems</c> items at
    /// each edge of every dimension with <c>...</c> between, rows wrap at <c>linewidth</c>. Collective: small arrays
    /// are gathered, large ones contribute only their edge items, so every rank returns the same text. After
    /// <see cref="ht.local_printing"/> each rank formats its own chunk instead (no communication).
    /// </summary>
    public override string ToString()
    {
        var options = PrintOptions.Current;
        if (PrintOptions.LocalPrinting)
        {
            bool summarizeLocal = lnumel > options.Threshold;
            using var chunk = summarizeLocal ? EdgeItemsOf(larray.Share(), larray.GetShape(), null,
                options.EdgeItems) : HostStaging.CopyOf(larray);
            var text = new StringBuilder();
            FormatData(text, chunk, larray.GetShape(), summarizeLocal, 0, options);
            text.Append(CultureInfo.InvariantCulture, $", device: {device}, split: "
                + $"{(split is int ls ? ls.ToString(CultureInfo.InvariantCulture) : "None")}");
            return text.ToString();
        }
        bool summarize = size > options.Threshold;
        using var data = summarize ? GatherEdgeItems(options.EdgeItems) : Redistribution.Gather(this);
        var sb = new StringBuilder("DNDarray(");
        FormatData(sb, data, _gshape, summarize, 9, options);
        sb.Append(CultureInfo.InvariantCulture, $", dtype=ht.{dtype.Name}, device={device}, "
            + $"split={(split is int s ? s.ToString(CultureInfo.InvariantCulture) : "None")})");
        return sb.ToString();
    }

    /// <summary>Appends the nested-bracket text of <paramref name="data"/> (the shown items of an array of shape
    /// <paramref name="logical"/>).</summary>
    private void FormatData(StringBuilder sb, LocalTensor data, long[] logical, bool summarize, int indent0,
        PrintOptions options)
    {
        var shown = data.GetShape();
        int nd = shown.Length;
        var complex = dtype.IsComplex ? HostConversion.ToArray<System.Numerics.Complex>(data) : null;
        var values = complex is null ? HostConversion.ToArray<double>(data) : complex.Select(c => c.Real).ToArray();
        var imaginary = complex?.Select(c => c.Imaginary).ToArray();
        bool integral = !dtype.IsInexact;
        bool wholeFloats = dtype.IsInexact && values.Concat(imaginary ?? []).All(v => double.IsNaN(v) ||
            double.IsInfinity(v) || v == Math.Floor(v));
        string digits = options.Precision == 0 ? "0." : "0." + new string('0', options.Precision);
        string pattern = options.SciMode == true ? digits.TrimEnd('.') + "e+00" : digits;
        string Format(double v) => dtype == DType.Bool ? (v != 0 ? "True" : "False")
            : integral ? v.ToString("0", CultureInfo.InvariantCulture)
            : double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
            : wholeFloats && options.SciMode != true ? v.ToString("0", CultureInfo.InvariantCulture) + "."
            : v.ToString(pattern, CultureInfo.InvariantCulture);
        string Item(long offset)
        {
            var text = Format(values[offset]);
            // Complex values as NumPy writes them: 1.+2.j, 0.5000-1.0000j.
            if (imaginary is null) return text;
            double im = imaginary[offset];
            return text + (im < 0 || (im == 0 && double.IsNegative(im)) ? "-" : "+") + Format(Math.Abs(im)) + "j";
        }
        int LineLength()
        {
            int n = 0;
            for (int i = sb.Length - 1; i >= 0 && sb[i] != '\n'; i--) n++;
            return n;
        }
        var strides = Shapes.ContiguousStrides(shown);
        void Write(int dim, long offset, int indent)
        {
            if (dim == nd)
            {
                sb.Append(Item(offset));
                return;
            }
            sb.Append('[');
            long n = shown[dim];
            // The gathered edge items hold positions 0..e-1 and n-e..n-1 of a summarised dimension.
            long gap = summarize && logical[dim] > 2 * options.EdgeItems ? options.EdgeItems : -1;
            if (dim == nd - 1)
            {
                // Items (with "..." in a summarised gap), wrapped before an item that would pass the line width.
                for (long i = 0; i < n; i++)
                {
                    if (i == gap) Token("...", i > 0);
                    Token(Item(offset + i * strides[dim]), i > 0);
                }
                sb.Append(']');
                return;
            }
            string separator = ",\n" + new string(' ', indent + 1);
            for (long i = 0; i < n; i++)
            {
                if (i == gap) sb.Append("...").Append(separator);
                Write(dim + 1, offset + i * strides[dim], indent + 1);
                if (i < n - 1) sb.Append(separator);
            }
            sb.Append(']');

            void Token(string text, bool separated)
            {
                if (separated)
                {
                    if (LineLength() + 2 + text.Length > options.LineWidth) sb.Append(",\n").Append(' ', indent + 1);
                    else sb.Append(", ");
                }
                sb.Append(text);
            }
        }
        Write(0, 0, indent0);
    }

    /// <summary>
    /// The first and last <paramref name="edge"/> positions of every dimension longer than twice that, on every rank:
    /// each rank cuts them from its chunk, then one Allgatherv joins the pieces along the split axis.
    /// </summary>
    private LocalTensor GatherEdgeItems(int edge)
    {
        var mine = EdgeItemsOf(larray.Share(), _gshape, split, edge);
        if (split is not int s || comm.Size == 1) return mine;
        var shown = _gshape.Select(n => Math.Min(n, 2L * edge)).ToArray();
        using var pieces = new DNDarray(mine, shown, s, Context, balanced: null);
        return Redistribution.Gather(pieces);
    }

    /// <summary>The edge items of <paramref name="chunk"/> (taken over) as a new tensor; <paramref name="splitAxis"/>
    /// names the axis on which the chunk is a piece of <paramref name="logical"/>.</summary>
    private LocalTensor EdgeItemsOf(LocalTensor chunk, long[] logical, int? splitAxis, int edge)
    {
        LocalTensor? local = chunk;
        try
        {
            var shown = new long[ndim];
            for (int d = 0; d < ndim; d++)
            {
                long n = logical[d];
                shown[d] = Math.Min(n, 2 * edge);
                if (n <= 2 * edge) continue;
                var runs = new List<(long Start, long Length)> { (0, edge), (n - edge, edge) };
                if (d == splitAxis)
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
            var result = local;
            local = null;
            return result;
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
