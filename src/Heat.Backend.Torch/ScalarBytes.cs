// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Backend.Torch;

/// <summary>Scalars converted to an element of a dtype on the host (C-cast semantics, as the managed backend).</summary>
internal static unsafe class ScalarBytes
{
    /// <summary>Writes <paramref name="value"/> as one element of <paramref name="dtype"/> (bool as byte 0/1) to 16 bytes at <paramref name="target"/>.</summary>
    public static void Write(DType dtype, Scalar value, void* target) => value.WriteTo(dtype, target);
}
