// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;

namespace Heat.Testing.Communication;

/// <summary>Deterministic small test values of every element type a communicator must move.</summary>
public static class TestValues
{
    /// <summary>A value derived from <paramref name="i"/>, small enough that sums over a few ranks do not overflow.</summary>
    public static T Of<T>(long i) where T : unmanaged
    {
        int v = (int)(((i % 23) + 23) % 23);
        object o = typeof(T) switch
        {
            var t when t == typeof(bool) => v % 2 == 1,
            var t when t == typeof(byte) => (byte)v,
            var t when t == typeof(sbyte) => (sbyte)(v - 11),
            var t when t == typeof(short) => (short)(v * 100 - 1000),
            var t when t == typeof(int) => v * 1000 - 7,
            var t when t == typeof(long) => (long)v << 33,
            var t when t == typeof(float) => v * 0.5f,
            var t when t == typeof(double) => v * 0.25 - 1,
            var t when t == typeof(Complex64) => new Complex64(v, -v),
            var t when t == typeof(Complex) => new Complex(v, 2 * v),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
        return (T)o;
    }

    /// <summary>Element <paramref name="index"/> of rank <paramref name="rank"/>'s test data.</summary>
    public static T Of<T>(int rank, long index) where T : unmanaged => Of<T>(rank * 7 + index * 3 + 1);

    /// <summary>Rank <paramref name="rank"/>'s test data of <paramref name="count"/> elements.</summary>
    public static T[] Array<T>(int rank, long count) where T : unmanaged
    {
        var a = new T[count];
        for (long i = 0; i < count; i++) a[i] = Of<T>(rank, i);
        return a;
    }
}
