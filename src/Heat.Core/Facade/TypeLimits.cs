// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

/// <summary>Machine limits of a floating-point dtype (NumPy's <c>finfo</c>).</summary>
/// <param name="bits">Bits of one value.</param>
/// <param name="eps">The gap between 1 and the next larger value.</param>
/// <param name="max">The largest finite value.</param>
/// <param name="min">The most negative finite value.</param>
/// <param name="tiny">The smallest positive normal value.</param>
/// <param name="dtype">The dtype described.</param>
public sealed record FInfo(int bits, double eps, double max, double min, double tiny, DType dtype)
{
    /// <summary>The smallest positive normal value (the Array API's name for <see cref="tiny"/>).</summary>
    public double smallest_normal => tiny;
    /// <summary>The approximate decimal resolution, <c>10^-precision</c> (1e-6 for float32, 1e-15 for
    /// float64).</summary>
    public double resolution { get; init; }
}

/// <summary>Limits of an integer dtype (NumPy's <c>iinfo</c>).</summary>
/// <param name="bits">Bits of one value.</param>
/// <param name="max">The largest value.</param>
/// <param name="min">The smallest value.</param>
/// <param name="dtype">The dtype described.</param>
public sealed record IInfo(int bits, long max, long min, DType dtype);
