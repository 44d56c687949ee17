// SPDX-License-Identifier: MIT
using global::ILGPU;
using Heat.Abstractions;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>
/// Fill, raw copy, cast, where and arange. Every kernel is a grid-stride loop: <c>total</c> work-items walk the
/// <see cref="Layout"/> (64-bit element counts).
/// </summary>
internal static class CopyKernels
{
    public static void Fill<T>(Index1D w, ArrayView<T> d, Layout l, Strides sd, T value, long total) where T : unmanaged
    {
        for (long i = w; i < l.N; i += total) d[sd.At(l, i)] = value;
    }

    public static void CopyRaw<T>(Index1D w, ArrayView<T> s, ArrayView<T> d, Layout l, Strides ss, Strides sd,
        long total)
        where T : unmanaged
    {
        for (long i = w; i < l.N; i += total) d[sd.At(l, i)] = s[ss.At(l, i)];
    }

    /// <summary>C-cast semantics through float64 (when either side is floating) or int64.</summary>
    public static void Cast<TS, ES, TD, ED>(
        Index1D w, ArrayView<TS> s, ArrayView<TD> d, Layout l, Strides ss, Strides sd,
        int viaFloat, long total)
        where TS : unmanaged where TD : unmanaged where ES : struct, IElem<TS> where ED : struct, IElem<TD>
    {
        for (long i = w; i < l.N; i += total)
        {
            var v = s[ss.At(l, i)];
            d[sd.At(l, i)] = viaFloat != 0 ? default(ED).FromF(default(ES).F(v)) : default(ED).FromI(default(ES).I(v));
        }
    }

    public static void Where<T>(Index1D w, ArrayView<byte> c, ArrayView<T> a, ArrayView<T> b, ArrayView<T> d, Layout l,
        Strides4 s, long total) where T : unmanaged
    {
        for (long i = w; i < l.N; i += total)
            d[s.D.At(l, i)] = c[s.A.At(l, i)] != 0 ? a[s.B.At(l, i)] : b[s.C.At(l, i)];
    }

    public static void Arange<T, E>(Index1D w, ArrayView<T> d, ArangeArgs a, long total)
        where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < a.N; i += total)
            d[a.Offset + i * a.Stride] = a.Integral != 0 ? default(E).FromI(a.StartI + i * a.StepI)
                : default(E).FromF(a.StartF + i * a.StepF);
    }
}

/// <summary>Up to four operands' strides (where: condition, a, b, destination).</summary>
internal struct Strides4
{
    public Strides A, B, C, D;
}

/// <summary>Arange's parameters.</summary>
internal struct ArangeArgs
{
    public long N, Stride, Offset, StartI, StepI;
    public double StartF, StepF;
    public int Integral;
}
