// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Heat.Backend.Managed.Kernels;

/// <summary>A lane-wise comparison producing all-ones / all-zeros masks.</summary>
internal interface IVectorCompare
{
    static abstract Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b);
}
internal readonly struct EqV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => Vector256.Equals(a, b); }
internal readonly struct NeV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => ~Vector256.Equals(a, b); }
internal readonly struct LtV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => Vector256.LessThan(a, b); }
internal readonly struct LeV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => Vector256.LessThanOrEqual(a, b); }
internal readonly struct GtV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThan(a, b); }
internal readonly struct GeV : IVectorCompare { public static Vector256<T> Mask<T>(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanOrEqual(a, b); }

/// <summary>
/// SIMD comparisons into bool bytes: 32 results per step, the lane masks narrowed down to bytes (NaN compares as IEEE:
/// only != is true). Either operand may be a broadcast scalar (stride 0).
/// </summary>
internal static unsafe class VectorCompare
{
    public static void Run<T, TCmp, TScalar>(T* a, bool aScalar, T* b, bool bScalar, byte* d, int n)
        where T : unmanaged, INumber<T> where TCmp : IVectorCompare where TScalar : IBinaryKernel<T, byte>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var one = Vector256.Create((byte)1);
            var va = Vector256.Create(*a); var vb = Vector256.Create(*b);
            int lanes = Vector256<T>.Count;
            for (; i <= n - 32; i += 32)
            {
                Vector256<byte> m;
                if (sizeof(T) == 1) m = M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i).AsByte();
                else if (sizeof(T) == 2)
                    m = Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i).AsUInt16(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + lanes).AsUInt16());
                else if (sizeof(T) == 4)
                    m = Vector256.Narrow(
                        Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i).AsUInt32(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + lanes).AsUInt32()),
                        Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 2 * lanes).AsUInt32(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 3 * lanes).AsUInt32()));
                else
                    m = Vector256.Narrow(
                        Vector256.Narrow(
                            Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i).AsUInt64(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + lanes).AsUInt64()),
                            Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 2 * lanes).AsUInt64(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 3 * lanes).AsUInt64())),
                        Vector256.Narrow(
                            Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 4 * lanes).AsUInt64(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 5 * lanes).AsUInt64()),
                            Vector256.Narrow(M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 6 * lanes).AsUInt64(), M<T, TCmp>(a, aScalar, va, b, bScalar, vb, i + 7 * lanes).AsUInt64())));
                (m & one).Store(d + i);
            }
        }
        for (; i < n; i++) d[i] = TScalar.Apply(aScalar ? *a : a[i], bScalar ? *b : b[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> M<T, TCmp>(T* a, bool aScalar, Vector256<T> va, T* b, bool bScalar, Vector256<T> vb, int i)
        where T : unmanaged where TCmp : IVectorCompare =>
        TCmp.Mask(aScalar ? va : Vector256.Load(a + i), bScalar ? vb : Vector256.Load(b + i));
}
