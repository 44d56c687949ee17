// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: Python's slice, None and Ellipsis as index keys (heat/core/dndarray.py __getitem__).
public static partial class ht
{
    /// <summary>Python's <c>slice(start, stop, step)</c> for <c>x[...]</c>; steps of either sign (not zero).</summary>
    public static Slice slice(long? start = null, long? stop = null, long? step = null) => new(start, stop, step);

    /// <summary>A new axis of extent 1 in an index (NumPy's <c>newaxis</c>, Python's <c>None</c>).</summary>
    public static IndexKey newaxis => IndexKey.NewAxis;

    /// <summary>As many full slices as the other keys leave axes (Python's <c>...</c>).</summary>
    public static IndexKey ellipsis => IndexKey.Ellipsis;
}
