// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/printing.py
public sealed partial class DNDarray
{
    private const long SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// HeAT's format: <c>DNDarray([[0., 1.], [2., 3.]], dtype=ht.float32, device=cpu:0, split=0)</c>; arrays of more than
    /// 1000 elements show 3 items at each edge of every dimension with <c>...</c> between. Collective (gathers the values).
    /// </summary>
    public override string ToString()
    {
        var values = ToArray<double>();
        bool integral = !dtype.IsInexact;
        bool wholeFloats = dtype.IsInexact && values.All(v => double.IsNaN(v) || double.IsInfinity(v) || v == Math.Floor(v));
        string Format(double v) => dtype == DType.Bool ? (v != 0 ? "True" : "False")
            : integral ? v.ToString("0", CultureInfo.InvariantCulture)
            : double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
            : wholeFloats ? v.ToString("0", CultureInfo.InvariantCulture) + "."
            : v.ToString("0.0000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("DNDarray(");
        bool summarize = size > SummaryThreshold;
        var strides = Shapes.ContiguousStrides(_gshape);
        void Write(int dim, long offset, int indent)
        {
            if (dim == ndim) { sb.Append(Format(values[offset])); return; }
            sb.Append('[');
            long n = _gshape[dim];
            for (long i = 0; i < n; i++)
            {
                if (summarize && n > 2 * EdgeItems && i == EdgeItems)
                {
                    sb.Append("...");
                    i = n - EdgeItems - 1;
                    sb.Append(dim == ndim - 1 ? ", " : ",\n" + new string(' ', indent + 1));
                    continue;
                }
                Write(dim + 1, offset + i * strides[dim], indent + 1);
                if (i < n - 1) sb.Append(dim == ndim - 1 ? ", " : ",\n" + new string(' ', indent + 1));
            }
            sb.Append(']');
        }
        if (dtype.IsComplex) sb.Append(string.Join(", ", ToArray<System.Numerics.Complex>().Select(c => c.ToString(CultureInfo.InvariantCulture))));
        else Write(0, 0, 9);
        sb.Append($", dtype=ht.{dtype.Name}, device={device}, split={(split is int s ? s.ToString(CultureInfo.InvariantCulture) : "None")})");
        return sb.ToString();
    }
}
