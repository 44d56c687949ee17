// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/manipulations.py (pad, diag)
public static partial class ht
{
    private static readonly string[] UnsupportedPadModes =
        ["edge", "linear_ramp", "maximum", "mean", "median", "minimum", "reflect", "symmetric", "wrap", "empty"];

    /// <summary>Pads every axis with <paramref name="pad_width"/> elements of <paramref name="constant_values"/>
    /// (default 0) on both sides.</summary>
    /// <remarks>Padding the split axis gives a balanced result (one Alltoallw); other axes pad locally.</remarks>
    /// <exception cref="ArgumentException">pad_width is negative or mode is unknown.</exception>
    /// <exception cref="NotSupportedException">mode is a NumPy mode other than "constant" (HeAT pads only with a
    /// constant).</exception>
    public static DNDarray pad(DNDarray array, long pad_width, string mode = "constant", Scalar? constant_values = null)
        => pad(array, [(pad_width, pad_width)], mode, constant_values);

    /// <summary>
    /// Pads with <paramref name="constant_values"/> (default 0): one (before, after) pair for every axis, for the last
    /// k axes (k pairs, HeAT), or one pair for all axes.
    /// </summary>
    /// <remarks>Padding the split axis gives a balanced result (one Alltoallw); other axes pad locally.</remarks>
    /// <exception cref="ArgumentException">A width is negative, more pairs than axes are given, or mode is
    /// unknown.</exception>
    /// <exception cref="NotSupportedException">mode is a NumPy mode other than "constant".</exception>
    public static DNDarray pad(DNDarray array, (long before, long after)[] pad_width, string mode = "constant",
        Scalar? constant_values = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(pad_width);
        ArgumentNullException.ThrowIfNull(mode);
        if (mode != "constant")
        {
            if (UnsupportedPadModes.Contains(mode))
                throw new NotSupportedException($"pad: mode '{mode}' is not supported; HeAT pads with mode "
                    + $"'constant' only.");
            throw new ArgumentException($"pad: unknown mode '{mode}'; expected 'constant'.", nameof(mode));
        }
        if (pad_width.Length == 0 || pad_width.Length > Math.Max(array.ndim, 1))
            throw new ArgumentException($"pad: {pad_width.Length} (before, after) pairs for a {array.ndim}-d array; "
                + $"give 1 to {array.ndim}.", nameof(pad_width));
        foreach (var (b, a) in pad_width)
            if (b < 0 || a < 0) throw new ArgumentException($"pad: widths must be >= 0, got ({b}, "
                + $"{a}).", nameof(pad_width));
        var widths = new (long, long)[array.ndim];
        int first = array.ndim - pad_width.Length;
        for (int d = 0; d < array.ndim; d++)
            widths[d] = pad_width.Length == 1 ? pad_width[0] : d >= first ? pad_width[d - first] : (0, 0);
        return Reordering.PadConstant(array, widths, constant_values ?? Scalar.FromInt(0));
    }

    /// <summary>
    /// A 1-d array <paramref name="a"/> as the <paramref name="offset"/>-th diagonal of a square 2-d array (zeros
    /// elsewhere), or the <paramref name="offset"/>-th diagonal of a 2-d array as a 1-d array (see
    /// <see cref="diagonal"/>).
    /// </summary>
    /// <remarks>A split vector gives a matrix split along 0, balanced; each rank receives the entries of its rows (one
    /// Alltoallw).</remarks>
    /// <exception cref="ArgumentException">a is neither 1-d nor 2-d.</exception>
    public static DNDarray diag(DNDarray a, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim == 2) return diagonal(a, offset);
        if (a.ndim != 1) throw new ArgumentException($"diag needs a 1-d or 2-d array, got {a.ndim}-d.", nameof(a));
        long n = a.GShapeRef[0], m = n + Math.Abs(offset);
        using var scope = DisposeScope.Begin();
        // w[i] is the entry of row i: the vector shifted down by -offset rows, on the result's canonical row chunks.
        var w = scope.Include(Reordering.PadConstant(a, [(Math.Max(-offset, 0), Math.Max(offset, 0))],
            Scalar.FromInt(0)));
        w.balance_();
        var result = zeros([m, m], a.dtype, a.split is null ? null : 0, a.device);
        var local = result.larray;
        long rows = local.Shape[0], first = a.split is null ? 0 : Chunking.Chunk(m, a.comm.Size, a.comm.Rank).Offset;
        long j0 = Math.Max(0, -(first + offset)), j1 = Math.Min(rows, m - first - offset);
        if (j1 > j0)
        {
            using var entries = local.View([j1 - j0], [m + 1], local.Offset + j0 * m + first + j0 + offset);
            using var values = w.larray.Slice(0, j0, j1 - j0);
            a.Backend.Copy(values, entries);
        }
        return scope.MoveToOuter(result);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Padded with a constant (see <see cref="ht.pad(DNDarray, long, string, Scalar?)"/>).</summary>
    public DNDarray pad(long pad_width, string mode = "constant", Scalar? constant_values = null)
        => ht.pad(this, pad_width, mode, constant_values);
}
