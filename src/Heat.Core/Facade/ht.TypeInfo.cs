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
public sealed record FInfo(int bits, double eps, double max, double min, double tiny, DType dtype);

/// <summary>Limits of an integer dtype (NumPy's <c>iinfo</c>).</summary>
/// <param name="bits">Bits of one value.</param>
/// <param name="max">The largest value.</param>
/// <param name="min">The smallest value.</param>
/// <param name="dtype">The dtype described.</param>
public sealed record IInfo(int bits, long max, long min, DType dtype);

// HeAT: heat/core/types.py (result_type, finfo, iinfo)
public static partial class ht
{
    /// <summary>
    /// The dtype an operation on <paramref name="operands"/> produces: arrays and dtypes promote by HeAT's table, .NET
    /// numbers act as weak scalars (they lift the category, not the width), as HeAT's <c>result_type</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An operand is neither a DNDarray, a DType nor a number.</exception>
    public static DType result_type(params object[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Length == 0) throw new ArgumentException("result_type needs at least one operand.", nameof(operands));
        DType? strong = null;
        var weak = new List<ScalarKind>();
        foreach (var o in operands)
        {
            switch (o)
            {
                case DNDarray a: strong = strong is null ? a.dtype : DTypePromotion.Promote(strong, a.dtype); break;
                case DType t: strong = strong is null ? t : DTypePromotion.Promote(strong, t); break;
                case bool: weak.Add(ScalarKind.Bool); break;
                case sbyte or byte or short or ushort or int or uint or long: weak.Add(ScalarKind.Int); break;
                case float or double: weak.Add(ScalarKind.Float); break;
                case System.Numerics.Complex: weak.Add(ScalarKind.Complex); break;
                case Scalar s: weak.Add(s.Kind); break;
                default: throw new ArgumentException($"result_type: {o?.GetType().Name ?? "null"} is not a DNDarray, DType or number.", nameof(operands));
            }
        }
        var result = strong ?? (weak.Max() switch
        {
            ScalarKind.Bool => @bool,
            ScalarKind.Int => int64,
            ScalarKind.Float => float32,
            _ => complex64,
        });
        foreach (var k in weak) result = DTypePromotion.PromoteWithScalar(result, k);
        return result;
    }

    /// <summary>Limits of a float dtype (complex: of its real part).</summary>
    /// <exception cref="ArgumentException">The dtype is not inexact.</exception>
    public static FInfo finfo(DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        return dtype.RealType.Code switch
        {
            DTypeCode.Float32 => new FInfo(32, MathF.BitIncrement(1f) - 1f, float.MaxValue, float.MinValue, 1.17549435e-38, dtype),
            DTypeCode.Float64 => new FInfo(64, Math.BitIncrement(1.0) - 1.0, double.MaxValue, double.MinValue, 2.2250738585072014e-308, dtype),
            _ => throw new ArgumentException($"finfo needs a float or complex dtype, got {dtype}; use iinfo for integers.", nameof(dtype)),
        };
    }

    /// <summary>Limits of an integer dtype.</summary>
    /// <exception cref="ArgumentException">The dtype is not an integer dtype.</exception>
    public static IInfo iinfo(DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        return dtype.Code switch
        {
            DTypeCode.UInt8 => new IInfo(8, byte.MaxValue, byte.MinValue, dtype),
            DTypeCode.Int8 => new IInfo(8, sbyte.MaxValue, sbyte.MinValue, dtype),
            DTypeCode.Int16 => new IInfo(16, short.MaxValue, short.MinValue, dtype),
            DTypeCode.Int32 => new IInfo(32, int.MaxValue, int.MinValue, dtype),
            DTypeCode.Int64 => new IInfo(64, long.MaxValue, long.MinValue, dtype),
            _ => throw new ArgumentException($"iinfo needs an integer dtype, got {dtype}; use finfo for floats.", nameof(dtype)),
        };
    }
}
