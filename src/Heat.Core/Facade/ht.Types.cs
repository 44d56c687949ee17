// SPDX-License-Identifier: MIT
using Heat.Abstractions;
namespace Heat;

// HeAT: heat/core/types.py
public static partial class ht
{
    /// <summary>bool.</summary>
    public static readonly DType @bool = DType.Bool;
    /// <summary>uint8.</summary>
    public static readonly DType uint8 = DType.UInt8;
    /// <summary>int8.</summary>
    public static readonly DType int8 = DType.Int8;
    /// <summary>int16.</summary>
    public static readonly DType int16 = DType.Int16;
    /// <summary>int32.</summary>
    public static readonly DType int32 = DType.Int32;
    /// <summary>int64.</summary>
    public static readonly DType int64 = DType.Int64;
    /// <summary>float32.</summary>
    public static readonly DType float32 = DType.Float32;
    /// <summary>float64.</summary>
    public static readonly DType float64 = DType.Float64;
    /// <summary>complex64.</summary>
    public static readonly DType complex64 = DType.Complex64;
    /// <summary>complex128.</summary>
    public static readonly DType complex128 = DType.Complex128;

    /// <summary>The dtype two dtypes promote to (HeAT's table).</summary>
    public static DType promote_types(DType type1, DType type2) => DTypePromotion.Promote(type1, type2);

    /// <summary>True when <paramref name="from"/> may be cast to <paramref name="to"/> under the rule
    /// <paramref name="casting"/>: <c>"no"</c>, <c>"safe"</c>, <c>"same_kind"</c>, <c>"unsafe"</c> or
    /// <c>"intuitive"</c> (HeAT's default: safe plus int32 → float32/complex64; see
    /// <see cref="DTypePromotion.CanCast"/>).</summary>
    /// <remarks>Before HeAT 1.4.2 parity this took no rule and answered "safe".</remarks>
    /// <exception cref="ArgumentException">An unknown casting rule.</exception>
    public static bool can_cast(DType from, DType to, string casting = "intuitive")
        => DTypePromotion.CanCast(from, to, casting);

    /// <summary>
    /// The dtype an operation on <paramref name="operands"/> produces: arrays and dtypes promote by HeAT's table, .NET
    /// numbers act as weak scalars (they lift the category, not the width), as HeAT's <c>result_type</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An operand is neither a DNDarray, a DType nor a number.</exception>
    public static DType result_type(params object[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Length == 0) throw new ArgumentException("result_type needs at least one "
            + "operand.", nameof(operands));
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
                default: throw new ArgumentException($"result_type: {o?.GetType().Name ?? "null"} is not a "
                    + $"DNDarray, DType or number.", nameof(operands));
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

    /// <summary>Limits of a float dtype (complex: of its real part, whose dtype <c>dtype</c> names, as HeAT; before
    /// HeAT 1.4.2 parity <c>dtype</c> was the complex one).</summary>
    /// <exception cref="ArgumentException">The dtype is not inexact.</exception>
    public static FInfo finfo(DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        return dtype.RealType.Code switch
        {
            DTypeCode.Float16 => new FInfo(16, (double)Half.BitIncrement(Half.One) - 1.0, (double)Half.MaxValue,
                (double)Half.MinValue, 6.103515625e-05, dtype.RealType) { resolution = 1e-3 },
            DTypeCode.Float32 => new FInfo(32, MathF.BitIncrement(1f) - 1f, float.MaxValue, float.MinValue,
                1.17549435e-38, dtype.RealType) { resolution = 1e-6 },
            DTypeCode.Float64 => new FInfo(64, Math.BitIncrement(1.0) - 1.0, double.MaxValue, double.MinValue,
                2.2250738585072014e-308, dtype.RealType) { resolution = 1e-15 },
            _ => throw new ArgumentException($"finfo needs a float or complex dtype, got {dtype}; use iinfo for "
                + $"integers.", nameof(dtype)),
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
            _ => throw new ArgumentException($"iinfo needs an integer dtype, got {dtype}; use finfo for "
                + $"floats.", nameof(dtype)),
        };
    }
}
