// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/dndarray.py (nonzero as a method).
public sealed partial class DNDarray
{
    /// <summary>The coordinates of the non-zero elements (see <see cref="ht.nonzero"/>).</summary>
    public DNDarray nonzero() => ht.nonzero(this);
}
