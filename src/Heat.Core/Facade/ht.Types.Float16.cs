// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/types.py (class float16, half = float16)
public static partial class ht
{
    /// <summary>float16 (IEEE half precision; stored as 16 bits, computed in float32 where a backend has no half
    /// arithmetic, and rounded once as NumPy's float16).</summary>
    public static readonly DType float16 = DType.Float16;

    /// <summary>HeAT's alias of <see cref="float16"/>.</summary>
    public static readonly DType half = DType.Float16;
}
