// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Copies local tensors to .NET arrays, converting NumPy-style between element types and throwing on overflow.</summary>
internal static class HostConversion
{
    /// <summary>The elements of <paramref name="t"/>, row-major, converted to <typeparamref name="T"/>.</summary>
    /// <exception cref="OverflowException">A value does not fit <typeparamref name="T"/>.</exception>
    public static T[] ToArray<T>(LocalTensor t) where T : unmanaged
    {
        if (t.DType == DType.Of<T>()) return t.ToArray<T>();
        var result = new T[checked((int)t.Numel)];
        switch (t.DType.Kind)
        {
            case DTypeKind.Bool:
                var b = t.ToArray<bool>();
                for (int i = 0; i < b.Length; i++) result[i] = FromLong<T>(b[i] ? 1 : 0);
                break;
            case DTypeKind.Unsigned or DTypeKind.Signed:
                var longs = t.DType == DType.Int64 ? t.ToArray<long>() : AsLongs(t);
                for (int i = 0; i < longs.Length; i++) result[i] = FromLong<T>(longs[i]);
                break;
            case DTypeKind.Float:
                var doubles = t.DType == DType.Float64 ? t.ToArray<double>()
                    : t.DType == DType.Float16 ? t.ToArray<Half>().Select(h => (double)h).ToArray()
                    : t.ToArray<float>().Select(f => (double)f).ToArray();
                for (int i = 0; i < doubles.Length; i++) result[i] = FromDouble<T>(doubles[i]);
                break;
            default:
                var complex = t.DType == DType.Complex128 ? t.ToArray<Complex>() : t.ToArray<Complex64>().Select(c => (Complex)c).ToArray();
                for (int i = 0; i < complex.Length; i++) result[i] = FromComplex<T>(complex[i]);
                break;
        }
        return result;
    }

    private static long[] AsLongs(LocalTensor t) => t.DType.Code switch
    {
        DTypeCode.UInt8 => t.ToArray<byte>().Select(v => (long)v).ToArray(),
        DTypeCode.Int8 => t.ToArray<sbyte>().Select(v => (long)v).ToArray(),
        DTypeCode.Int16 => t.ToArray<short>().Select(v => (long)v).ToArray(),
        _ => t.ToArray<int>().Select(v => (long)v).ToArray(),
    };

    private static T FromLong<T>(long v) where T : unmanaged
    {
        object r = typeof(T) switch
        {
            var x when x == typeof(bool) => v != 0,
            var x when x == typeof(byte) => checked((byte)v),
            var x when x == typeof(sbyte) => checked((sbyte)v),
            var x when x == typeof(short) => checked((short)v),
            var x when x == typeof(int) => checked((int)v),
            var x when x == typeof(long) => v,
            var x when x == typeof(Half) => (Half)v,
            var x when x == typeof(float) => (float)v,
            var x when x == typeof(double) => (double)v,
            var x when x == typeof(Complex64) => new Complex64(v, 0),
            var x when x == typeof(Complex) => new Complex(v, 0),
            _ => throw new NotSupportedException($"{typeof(T).Name} is not a Heat element type."),
        };
        return (T)r;
    }

    private static T FromDouble<T>(double v) where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return (T)(object)v;
        if (typeof(T) == typeof(float)) return (T)(object)(float)v;
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)v;
        if (typeof(T) == typeof(bool)) return (T)(object)(v != 0);
        if (typeof(T) == typeof(Complex)) return (T)(object)new Complex(v, 0);
        if (typeof(T) == typeof(Complex64)) return (T)(object)new Complex64((float)v, 0);
        if (double.IsNaN(v) || double.IsInfinity(v))
            throw new OverflowException($"{v} cannot be converted to {typeof(T).Name}.");
        return FromLong<T>(checked((long)Math.Truncate(v)));
    }

    private static T FromComplex<T>(Complex v) where T : unmanaged
    {
        if (typeof(T) == typeof(Complex)) return (T)(object)v;
        if (typeof(T) == typeof(Complex64)) return (T)(object)(Complex64)v;
        return FromDouble<T>(v.Real); // NumPy discards the imaginary part
    }
}
