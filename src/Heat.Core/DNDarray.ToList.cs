// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

public sealed partial class DNDarray
{
    /// <summary>
    /// The whole array as nested lists of .NET values of the element type (<c>List&lt;object&gt;</c> per dimension; a
    /// 0-d array gives the value itself), on every rank, as NumPy's <c>tolist</c>. Gathers the array: for small data.
    /// </summary>
    public object tolist() => dtype.Code switch
    {
        DTypeCode.Bool => Nest(ToArray<bool>()),
        DTypeCode.UInt8 => Nest(ToArray<byte>()),
        DTypeCode.Int8 => Nest(ToArray<sbyte>()),
        DTypeCode.Int16 => Nest(ToArray<short>()),
        DTypeCode.Int32 => Nest(ToArray<int>()),
        DTypeCode.Int64 => Nest(ToArray<long>()),
        DTypeCode.Float16 => Nest(ToArray<Half>()),
        DTypeCode.Float32 => Nest(ToArray<float>()),
        DTypeCode.Float64 => Nest(ToArray<double>()),
        DTypeCode.Complex64 => Nest(ToArray<Complex64>()),
        _ => Nest(ToArray<System.Numerics.Complex>()),
    };

    private object Nest<T>(T[] flat) where T : unmanaged
    {
        if (ndim == 0) return flat[0];
        long position = 0;
        return Level(0);

        List<object> Level(int d)
        {
            var list = new List<object>((int)Math.Min(GShapeRef[d], int.MaxValue));
            for (long i = 0; i < GShapeRef[d]; i++)
                list.Add(d == ndim - 1 ? flat[position++] : Level(d + 1));
            return list;
        }
    }
}
