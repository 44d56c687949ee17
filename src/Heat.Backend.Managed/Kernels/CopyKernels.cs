// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;

namespace Heat.Backend.Managed.Kernels;

/// <summary>C-cast conversion between real dtypes (float → int truncates, saturating).</summary>
internal readonly struct ConvK<TS, TD> : IUnaryKernel<TS, TD> where TS : INumberBase<TS> where TD : INumberBase<TD>
{
    public static TD Apply(TS x) => TD.CreateTruncating(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<TS> x, Span<TD> d) => TensorPrimitives.ConvertTruncating(x, d);
}
/// <summary>Any real dtype to bool (stored as byte 0/1): value != 0.</summary>
internal readonly struct ToBoolK<TS> : IUnaryKernel<TS, byte> where TS : INumberBase<TS> { public static byte Apply(TS x) => x != TS.Zero ? (byte)1 : (byte)0; }
internal readonly struct ComplexToRealK<TD> : IUnaryKernel<Complex, TD> where TD : INumberBase<TD> { public static TD Apply(Complex x) => TD.CreateTruncating(x.Real); }
internal readonly struct ComplexToBoolK : IUnaryKernel<Complex, byte> { public static byte Apply(Complex x) => x != Complex.Zero ? (byte)1 : (byte)0; }
internal readonly struct RealToComplexK<TS> : IUnaryKernel<TS, Complex> where TS : INumberBase<TS> { public static Complex Apply(TS x) => new(double.CreateTruncating(x), 0); }
internal readonly struct C64ToC128K : IUnaryKernel<Complex64, Complex> { public static Complex Apply(Complex64 x) => x; }
internal readonly struct C128ToC64K : IUnaryKernel<Complex, Complex64> { public static Complex64 Apply(Complex x) => (Complex64)x; }

/// <summary>Fills runs of one operand with a value.</summary>
internal unsafe struct FillRun<T>(T* d, T value) : IRunHandler where T : unmanaged
{
    public void Run(long* off, long length, long* st)
    {
        T* p = d + off[0];
        long s = st[0];
        if (s == 1) { new Span<T>(p, (int)length).Fill(value); return; }
        for (long i = 0; i < length; i++) p[i * s] = value;
    }
}

/// <summary><c>d = c ? a : b</c> over a four-operand layout (condition as byte).</summary>
internal unsafe struct WhereRun<T>(byte* c, T* a, T* b, T* d) : IRunHandler where T : unmanaged
{
    public void Run(long* off, long length, long* st)
    {
        byte* pc = c + off[0]; T* pa = a + off[1]; T* pb = b + off[2]; T* pd = d + off[3];
        long sc = st[0], sa = st[1], sb = st[2], sd = st[3];
        for (long i = 0; i < length; i++) pd[i * sd] = pc[i * sc] != 0 ? pa[i * sa] : pb[i * sb];
    }
}
