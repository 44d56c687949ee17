// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;

namespace Heat.Backend.Managed.Kernels;

/// <summary>An element-wise unary op: a scalar form and (when <see cref="Vectorized"/>) a span form for dense runs.</summary>
internal interface IUnaryKernel<T, TR>
{
    static abstract TR Apply(T x);
    static virtual bool Vectorized => false;
    static virtual void Apply(ReadOnlySpan<T> x, Span<TR> d) => throw new UnreachableException();
}

/// <summary>Runs a unary kernel over runs of a two-operand layout (x, destination).</summary>
internal unsafe struct UnaryRun<T, TR, TKernel>(T* x, TR* d) : IRunHandler
    where T : unmanaged where TR : unmanaged where TKernel : IUnaryKernel<T, TR>
{
    public void Run(long* off, long length, long* st)
    {
        T* px = x + off[0]; TR* pd = d + off[1];
        long sx = st[0], sd = st[1];
        if (sx == 1 && sd == 1)
        {
            int n = (int)length;
            if (TKernel.Vectorized) { TKernel.Apply(new ReadOnlySpan<T>(px, n), new Span<TR>(pd, n)); return; }
            for (int i = 0; i < n; i++) pd[i] = TKernel.Apply(px[i]);
            return;
        }
        for (long i = 0; i < length; i++) pd[i * sd] = TKernel.Apply(px[i * sx]);
    }
}

// Floating-point kernels.
internal readonly struct NegativeF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => -x;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Negate(x, d);
}
internal readonly struct AbsF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Abs(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Abs(x, d);
}
internal readonly struct SquareF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => x * x;
}
internal readonly struct SqrtF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Sqrt(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sqrt(x, d);
}
internal readonly struct CbrtF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Cbrt(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Cbrt(x, d);
}
internal readonly struct ReciprocalF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.One / x;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Reciprocal(x, d);
}
internal readonly struct ExpF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Exp(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Exp(x, d);
}
internal readonly struct Expm1F<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.ExpM1(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.ExpM1(x, d);
}
internal readonly struct Exp2F<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Exp2(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Exp2(x, d);
}
internal readonly struct LogF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Log(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log(x, d);
}
internal readonly struct Log2F<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Log2(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log2(x, d);
}
internal readonly struct Log10F<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Log10(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log10(x, d);
}
internal readonly struct Log1pF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.LogP1(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.LogP1(x, d);
}
internal readonly struct SinF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Sin(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sin(x, d);
}
internal readonly struct CosF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Cos(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Cos(x, d);
}
internal readonly struct TanF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Tan(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Tan(x, d);
}
internal readonly struct AsinF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Asin(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Asin(x, d);
}
internal readonly struct AcosF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Acos(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Acos(x, d);
}
internal readonly struct AtanF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Atan(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Atan(x, d);
}
internal readonly struct SinhF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Sinh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sinh(x, d);
}
internal readonly struct CoshF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Cosh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Cosh(x, d);
}
internal readonly struct TanhF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Tanh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Tanh(x, d);
}
internal readonly struct AsinhF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Asinh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Asinh(x, d);
}
internal readonly struct AcoshF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Acosh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Acosh(x, d);
}
internal readonly struct AtanhF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Atanh(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Atanh(x, d);
}
internal readonly struct FloorF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Floor(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Floor(x, d);
}
internal readonly struct CeilF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Ceiling(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Ceiling(x, d);
}
internal readonly struct TruncF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Truncate(x);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Truncate(x, d);
}
internal readonly struct RoundF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Round(x, MidpointRounding.ToEven);
}
internal readonly struct SignF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.IsNaN(x) ? x : T.CreateTruncating(T.Sign(x));
}
internal readonly struct AngleF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.IsNaN(x) ? x : T.Atan2(T.Zero, x);
}
internal readonly struct ImagF<T> : IUnaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Zero;
}
internal readonly struct IsNanF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsNaN(x) ? (byte)1 : (byte)0; }
internal readonly struct IsInfF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsInfinity(x) ? (byte)1 : (byte)0; }
internal readonly struct IsPosInfF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsPositiveInfinity(x) ? (byte)1 : (byte)0; }
internal readonly struct IsNegInfF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsNegativeInfinity(x) ? (byte)1 : (byte)0; }
internal readonly struct IsFiniteF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsFinite(x) ? (byte)1 : (byte)0; }
internal readonly struct SignBitF<T> : IUnaryKernel<T, byte> where T : IFloatingPointIeee754<T> { public static byte Apply(T x) => T.IsNegative(x) ? (byte)1 : (byte)0; }

// Kernels for every real dtype.
internal readonly struct CopyK<T> : IUnaryKernel<T, T>
{
    public static T Apply(T x) => x;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => x.CopyTo(d);
}
internal readonly struct ZeroK<T> : IUnaryKernel<T, T> where T : INumberBase<T> { public static T Apply(T x) => T.Zero; }
internal readonly struct LogicalNotK<T> : IUnaryKernel<T, byte> where T : INumberBase<T> { public static byte Apply(T x) => x == T.Zero ? (byte)1 : (byte)0; }
internal readonly struct ConstK<T> : IUnaryKernel<T, byte> { public static byte Apply(T x) => 0; }
internal readonly struct OneK<T> : IUnaryKernel<T, byte> { public static byte Apply(T x) => 1; }

// Integer kernels (wrap-around as NumPy: -MIN == MIN, |MIN| == MIN).
internal readonly struct NegativeI<T> : IUnaryKernel<T, T> where T : IBinaryInteger<T> { public static T Apply(T x) => T.Zero - x; }
internal readonly struct AbsI<T> : IUnaryKernel<T, T> where T : IBinaryInteger<T> { public static T Apply(T x) => T.IsNegative(x) ? T.Zero - x : x; }
internal readonly struct SignI<T> : IUnaryKernel<T, T> where T : IBinaryInteger<T> { public static T Apply(T x) => x == T.Zero ? T.Zero : T.IsNegative(x) ? T.Zero - T.One : T.One; }
internal readonly struct SquareI<T> : IUnaryKernel<T, T> where T : IBinaryInteger<T> { public static T Apply(T x) => x * x; }
internal readonly struct NotI<T> : IUnaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T x) => ~x;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.OnesComplement(x, d);
}
internal readonly struct SignBitI<T> : IUnaryKernel<T, byte> where T : IBinaryInteger<T> { public static byte Apply(T x) => T.IsNegative(x) ? (byte)1 : (byte)0; }

