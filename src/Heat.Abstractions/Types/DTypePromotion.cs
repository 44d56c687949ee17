// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>
/// HeAT's type promotion (its 11 × 11 <c>promote_types</c> table, float16 included): the smallest type both convert
/// to "intuitively",
/// mostly PyTorch's rules, except that int64 with float32 gives float64 and int64 with complex64 gives complex128
/// (HeAT 1.4.2; before, this table gave float32 and complex64 there, as PyTorch).
/// </summary>
public static class DTypePromotion
{
    private static readonly DType[,] Table = BuildTable();

    /// <summary>The dtype that two arrays of these dtypes promote to.</summary>
    public static DType Promote(DType a, DType b) => Table[(int)a.Code, (int)b.Code];

    /// <summary>
    /// The dtype of an array of dtype <paramref name="array"/> combined with a weak scalar of kind <paramref
    /// name="scalar"/>
    /// (Python scalars are weak: <c>int32_array * 2.5 → float32</c>, <c>float32_array + 1.0 → float32</c>).
    /// </summary>
    public static DType PromoteWithScalar(DType array, ScalarKind scalar)
    {
        // A scalar of a higher category lifts the result to its category's default (int64, float32, complex64),
        // within a category the array wins.
        var category = scalar switch
        {
            ScalarKind.Bool => DTypeKind.Bool,
            ScalarKind.Int => DTypeKind.Signed,
            ScalarKind.Float => DTypeKind.Float,
            _ => DTypeKind.Complex,
        };
        if (Rank(category) <= Rank(array.Kind)) return array;
        return category switch
        {
            DTypeKind.Signed => DType.Int64,
            DTypeKind.Float => DType.Float32,
            _ => array == DType.Float64 ? DType.Complex128 : DType.Complex64,
        };
    }

    /// <summary>
    /// True when a value of <paramref name="from"/> converts to <paramref name="to"/> without loss of kind or range
    /// (NumPy's and HeAT's "safe" casting: <c>int32 → float64</c> yes, <c>int64 → float64</c> yes, <c>int64 →
    /// float32</c> no, <c>float64 → int32</c> no; before HeAT 1.4.2 parity int64 → float64 was refused).
    /// </summary>
    public static bool CanCastSafely(DType from, DType to)
    {
        if (from == to || from == DType.Bool) return true;
        var f = from.Kind; var t = to.Kind;
        if (Rank(t) < Rank(f)) return false;
        return (f, t) switch
        {
            (DTypeKind.Unsigned, DTypeKind.Unsigned) => to.ItemSize >= from.ItemSize,
            (DTypeKind.Unsigned, DTypeKind.Signed) => to.ItemSize > from.ItemSize,
            (DTypeKind.Signed, DTypeKind.Signed) => to.ItemSize >= from.ItemSize,
            // int64 → float64 / complex128 counts as safe (HeAT's lists and NumPy), int32 → float32 does not.
            (DTypeKind.Unsigned or DTypeKind.Signed, DTypeKind.Float) =>
                to.ItemSize > from.ItemSize || (from.ItemSize == 8 && to.ItemSize == 8),
            (DTypeKind.Unsigned or DTypeKind.Signed, DTypeKind.Complex) =>
                to.ItemSize / 2 > from.ItemSize || (from.ItemSize == 8 && to.ItemSize == 16),
            (DTypeKind.Float, DTypeKind.Float) => to.ItemSize >= from.ItemSize,
            (DTypeKind.Float, DTypeKind.Complex) => to.ItemSize / 2 >= from.ItemSize,
            (DTypeKind.Complex, DTypeKind.Complex) => to.ItemSize >= from.ItemSize,
            _ => false,
        };
    }

    /// <summary>
    /// HeAT's casting rules: <c>"no"</c> (identical types), <c>"safe"</c> (<see cref="CanCastSafely"/>),
    /// <c>"same_kind"</c> (safe, or within one family: bool, integers, floats, complex), <c>"unsafe"</c> (always) and
    /// <c>"intuitive"</c> (HeAT's default: safe, plus int32 → float32 / complex64 and int16 → float16).
    /// </summary>
    /// <remarks>HeAT's own <c>same_kind</c> code checks only the family (int32 → float64 is false there although
    /// safe); this follows its documentation and NumPy, where every safe cast is also same_kind.</remarks>
    /// <exception cref="ArgumentException">The casting rule is none of the five.</exception>
    public static bool CanCast(DType from, DType to, string casting)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return casting switch
        {
            "no" => from == to,
            "safe" => CanCastSafely(from, to),
            "same_kind" => CanCastSafely(from, to) || Family(from) == Family(to),
            "unsafe" => true,
            "intuitive" => CanCastSafely(from, to) || IntuitiveOnly(from, to),
            _ => throw new ArgumentException(
                "casting must be one of \"no\", \"safe\", \"same_kind\", \"unsafe\", \"intuitive\", "
                + $"got \"{casting}\".", nameof(casting)),
        };
    }

    // HeAT's _can_be_cast_intuitively_to lists: int32 → float32, complex64; int16 → float16.
    private static bool IntuitiveOnly(DType from, DType to) =>
        (from.Code == DTypeCode.Int32 && to.Code is DTypeCode.Float32 or DTypeCode.Complex64)
        || (from.Code == DTypeCode.Int16 && to.ItemSize == 2 && to.Kind == DTypeKind.Float);

    private static int Family(DType t) => t.Kind switch
    {
        DTypeKind.Bool => 0,
        DTypeKind.Unsigned or DTypeKind.Signed => 1,
        DTypeKind.Float => 2,
        _ => 3,
    };

    private static int Rank(DTypeKind kind) => kind switch
    {
        DTypeKind.Bool => 0,
        DTypeKind.Unsigned or DTypeKind.Signed => 1,
        DTypeKind.Float => 2,
        _ => 3,
    };

    private static DType[,] BuildTable()
    {
        var all = DType.All;
        var table = new DType[all.Count, all.Count];
        foreach (var a in all)
            foreach (var b in all)
                table[(int)a.Code, (int)b.Code] = PromotePair(a, b);
        return table;
    }

    private static DType PromotePair(DType a, DType b)
    {
        if (a == b) return a;
        if (a == DType.Bool) return b;
        if (b == DType.Bool) return a;
        if (Rank(a.Kind) < Rank(b.Kind)) (a, b) = (b, a); // a has the higher (or equal) category
        switch (a.Kind)
        {
            case DTypeKind.Complex:
                // complex64 with float64 widens to complex128 (no precision lost).
                if (b == DType.Float64 || b == DType.Complex128 || b == DType.Int64) return DType.Complex128;
                return a;
            case DTypeKind.Float:
                if (b.Kind == DTypeKind.Float) return a.ItemSize >= b.ItemSize ? a : b;
                // Integers keep the float's width, except int64, which lifts float16/32 to float64, and int32, which
                // lifts float16 to float32 (HeAT's table: the smallest type both cast to safely or intuitively; not
                // PyTorch's, where float16 wins over every integer).
                if (b == DType.Int64) return DType.Float64;
                return b == DType.Int32 && a == DType.Float16 ? DType.Float32 : a;
            default:
                // Both integers.
                if (a.Kind == b.Kind) return a.ItemSize >= b.ItemSize ? a : b;
                var unsigned = a.Kind == DTypeKind.Unsigned ? a : b;
                var signed = a.Kind == DTypeKind.Unsigned ? b : a;
                return signed.ItemSize > unsigned.ItemSize ? signed : DType.Int16;
        }
    }
}
