// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.SvdTools;

/// <summary>The argument checks of the SVD tools (HeAT's <c>sanitize_in_nd_realfloating</c> and parameter rules), on
/// replicated metadata only, so every rank throws alike before any communication.</summary>
internal static class Validation
{
    /// <summary>Throws unless <paramref name="a"/> is a float32/float64 array of <paramref name="ndim"/>
    /// dimensions.</summary>
    public static void RealFloating(DNDarray a, string name, int ndim, string function)
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.dtype.Kind != DTypeKind.Float || a.dtype.ItemSize < 4)
            throw new ArgumentException($"{function}: {name} must be float32 or float64, not {a.dtype}.", name);
        if (a.ndim != ndim)
            throw new ArgumentException($"{function}: {name} must be {ndim}-dimensional, not {a.ndim}-dimensional.",
                name);
    }

    /// <summary>Throws unless <paramref name="value"/> ≥ <paramref name="least"/>.</summary>
    public static void AtLeast(long value, long least, string name, string function)
    {
        if (value < least)
            throw new ArgumentException($"{function}: {name} must be at least {least}, not {value}.", name);
    }

    /// <summary>The largest local extent of the column axis (HeAT's <c>max(A.lshape_map[:, 1])</c>), from the
    /// replicated split counts.</summary>
    public static long LocalColumns(DNDarray a) =>
        a.split == 1 && a.comm.Size > 1 ? a.SplitCounts().Max() : a.GShapeRef[1];
}
