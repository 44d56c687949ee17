// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>NumPy's <c>out=</c>: a computed result written into an existing array of the same shape and
/// split.</summary>
internal static class OutParameter
{
    /// <summary>Copies <paramref name="result"/> (then disposed) into <paramref name="out"/>, converting the dtype;
    /// chunks are moved to out's when they differ. Returns out.</summary>
    /// <exception cref="ArgumentException">Shape or split differ, or the dtype does not cast same_kind.</exception>
    public static DNDarray Into(DNDarray result, DNDarray @out, string name)
    {
        using var owned = result;
        ArgumentNullException.ThrowIfNull(@out);
        if (!Shapes.Equal(result.GShapeRef, @out.GShapeRef))
            throw new ArgumentException($"{name}: out has shape {Shapes.Format(@out.GShapeRef)}, the result "
                + $"{Shapes.Format(result.GShapeRef)}.", nameof(@out));
        if (!SameKind(result.dtype, @out.dtype))
            throw new ArgumentException($"{name}: cannot cast the result from {result.dtype} to out's {@out.dtype} "
                + $"with casting rule 'same_kind'.", nameof(@out));
        if (result.split != @out.split && @out.comm.Size > 1 && @out.ndim > 0)
            throw new ArgumentException($"{name}: out is split along {Show(@out.split)}, the result along "
                + $"{Show(result.split)}; give an out of the result's distribution.", nameof(@out));
        using var scope = DisposeScope.Begin();
        var source = result.larray;
        if (@out.split is int s && @out.comm.Size > 1 && !result.SplitCounts().SequenceEqual(@out.SplitCounts()))
            source = scope.Include(Redistribution.Redistribute(result, @out.SplitCounts()));
        @out.Backend.Copy(source, @out.larray);
        return @out;
    }

    /// <summary>NumPy's same_kind rule: safe casts, or casts within a kind or towards a higher one (bool, unsigned,
    /// signed, float, complex).</summary>
    public static bool SameKind(DType from, DType to) => DTypePromotion.CanCastSafely(from,
        to) || Kind(from) <= Kind(to);

    private static int Kind(DType d) => d.Code switch
    {
        DTypeCode.Bool => 0,
        DTypeCode.UInt8 => 1,
        DTypeCode.Int8 or DTypeCode.Int16 or DTypeCode.Int32 or DTypeCode.Int64 => 2,
        DTypeCode.Complex64 or DTypeCode.Complex128 => 4,
        _ => 3,
    };

    private static string Show(int? split) => split is int s ?
        s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None";
}
