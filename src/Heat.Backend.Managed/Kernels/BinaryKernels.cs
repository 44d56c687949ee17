// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Heat.Backend.Managed.Kernels;

/// <summary>An element-wise binary op: a scalar form, and (when <see cref="Vectorized"/>) span forms for dense
/// runs.</summary>
internal interface IBinaryKernel<T, TR>
{
    static abstract TR Apply(T a, T b);
    static virtual bool Vectorized => false;
    static virtual void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<TR> d) => throw new UnreachableException();
    static virtual void Apply(ReadOnlySpan<T> a, T b, Span<TR> d) => throw new UnreachableException();
    static virtual void Apply(T a, ReadOnlySpan<T> b, Span<TR> d) => throw new UnreachableException();
}

/// <summary>Runs a binary kernel over runs of a three-operand layout (a, b, destination).</summary>
internal unsafe struct BinaryRun<T, TR, TKernel>(T* a, T* b, TR* d) : IRunHandler
    where T : unmanaged where TR : unmanaged where TKernel : IBinaryKernel<T, TR>
{
    public void Run(long* off, long length, long* st)
    {
        T* pa = a + off[0]; T* pb = b + off[1]; TR* pd = d + off[2];
        long sa = st[0], sb = st[1], sd = st[2];
        int n = (int)length;
        if (TKernel.Vectorized && sd == 1)
        {
            if (sa == 1 && sb == 1) { TKernel.Apply(new ReadOnlySpan<T>(pa, n), new ReadOnlySpan<T>(pb, n),
                new Span<TR>(pd, n)); return; }
            if (sa == 1 && sb == 0) { TKernel.Apply(new ReadOnlySpan<T>(pa, n), *pb, new Span<TR>(pd, n)); return; }
            if (sa == 0 && sb == 1) { TKernel.Apply(*pa, new ReadOnlySpan<T>(pb, n), new Span<TR>(pd, n)); return; }
        }
        if (sa == 1 && sb == 1 && sd == 1)
        {
            for (int i = 0; i < n; i++) pd[i] = TKernel.Apply(pa[i], pb[i]);
            return;
        }
        for (long i = 0; i < length; i++) pd[i * sd] = TKernel.Apply(pa[i * sa], pb[i * sb]);
    }
}

// Kernels shared by every real dtype.
internal readonly struct AddK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a + b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Add(b, a, d);
}
internal readonly struct SubK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a - b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
}
internal readonly struct MulK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a * b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Multiply(b, a, d);
}
/// <summary>Minimum with NaN propagation (float.Min propagates NaN).</summary>
internal readonly struct MinK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.Min(a, b);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Min(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Min(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Min(b, a, d);
}
internal readonly struct MaxK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.Max(a, b);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Max(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Max(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Max(b, a, d);
}
/// <summary>Minimum ignoring NaN.</summary>
internal readonly struct FminK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.MinNumber(a, b);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.MinNumber(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.MinNumber(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.MinNumber(b, a, d);
}
internal readonly struct FmaxK<T> : IBinaryKernel<T, T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.MaxNumber(a, b);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.MaxNumber(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.MaxNumber(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.MaxNumber(b, a, d);
}
internal readonly unsafe struct EqK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a == b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, EqV, EqK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, EqV, EqK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, EqV, EqK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly unsafe struct NeK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a != b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, NeV, NeK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, NeV, NeK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, NeV, NeK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly unsafe struct LtK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a < b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, LtV, LtK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, LtV, LtK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, LtV, LtK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly unsafe struct LeK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a <= b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, LeV, LeK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, LeV, LeK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, LeV, LeK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly unsafe struct GtK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a > b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, GtV, GtK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, GtV, GtK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, GtV, GtK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly unsafe struct GeK<T> : IBinaryKernel<T, byte> where T : unmanaged, INumber<T>
{
    public static byte Apply(T a, T b) => a >= b ? (byte)1 : (byte)0;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pa = a) fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, GeV, GeK<T>>(pa,
            false, pb, false, pd, d.Length); }
    public static void Apply(ReadOnlySpan<T> a, T b,
        Span<byte> d) { fixed (T* pa = a) fixed (byte* pd = d) VectorCompare.Run<T, GeV, GeK<T>>(pa, false, &b, true,
            pd, d.Length); }
    public static void Apply(T a, ReadOnlySpan<T> b,
        Span<byte> d) { fixed (T* pb = b) fixed (byte* pd = d) VectorCompare.Run<T, GeV, GeK<T>>(&a, true, pb, false,
            pd, d.Length); }
}
internal readonly struct LAndK<T> : IBinaryKernel<T, byte> where T : INumberBase<T> { public static byte Apply(T a,
    T b) => a != T.Zero && b != T.Zero ? (byte)1 : (byte)0; }
internal readonly struct LOrK<T> : IBinaryKernel<T, byte> where T : INumberBase<T> { public static byte Apply(T a,
    T b) => a != T.Zero || b != T.Zero ? (byte)1 : (byte)0; }
internal readonly struct LXorK<T> : IBinaryKernel<T, byte> where T : INumberBase<T> { public static byte Apply(T a,
    T b) => (a != T.Zero) != (b != T.Zero) ? (byte)1 : (byte)0; }

// Floating-point kernels.
internal readonly struct DivK<T> : IBinaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b) => a / b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
}
/// <summary>NumPy's floor division for floats: floor of the quotient, consistent with <see
/// cref="FloorModF{T}"/>.</summary>
internal readonly struct FloorDivF<T> : IBinaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b)
    {
        if (b == T.Zero) return a / b;
        T mod = a % b;
        T div = (a - mod) / b;
        if (mod != T.Zero && (b < T.Zero) != (mod < T.Zero)) div -= T.One;
        if (div == T.Zero) return T.CopySign(T.Zero, a / b);
        T floor = T.Floor(div);
        if (div - floor > T.CreateTruncating(0.5)) floor += T.One;
        return floor;
    }
}
/// <summary>NumPy's <c>%</c> for floats: the remainder takes the divisor's sign.</summary>
internal readonly struct FloorModF<T> : IBinaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b)
    {
        if (b == T.Zero) return T.NaN;
        T mod = a % b;
        if (mod != T.Zero) { if ((b < T.Zero) != (mod < T.Zero)) mod += b; }
        else mod = T.CopySign(T.Zero, b);
        return mod;
    }
}
internal readonly struct FmodF<T> : IBinaryKernel<T, T> where T : IFloatingPointIeee754<T> { public static T Apply(T a,
    T b) => a % b; }
internal readonly struct PowF<T> : IBinaryKernel<T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b) => T.Pow(a, b);
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
}
internal readonly struct Atan2F<T> : IBinaryKernel<T,
    T> where T : IFloatingPointIeee754<T> { public static T Apply(T a, T b) => T.Atan2(a, b); }
internal readonly struct HypotF<T> : IBinaryKernel<T,
    T> where T : IFloatingPointIeee754<T> { public static T Apply(T a, T b) => T.Hypot(a, b); }
internal readonly struct CopySignF<T> : IBinaryKernel<T,
    T> where T : IFloatingPointIeee754<T> { public static T Apply(T a, T b) => T.CopySign(a, b); }

// Integer kernels (NumPy semantics: division by zero gives 0, MIN / -1 wraps).
internal static class IntMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMinusOne<T>(T b) where T : IBinaryInteger<T> => T.IsNegative(b) && b == T.Zero - T.One;
    public static int Bits<T>() where T : unmanaged => Unsafe.SizeOf<T>() * 8;
}
internal readonly struct FloorDivI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b)
    {
        if (b == T.Zero) return T.Zero;
        if (IntMath.IsMinusOne(b)) return T.Zero - a;
        T q = a / b;
        if ((a % b != T.Zero) && (T.IsNegative(a) != T.IsNegative(b))) q -= T.One;
        return q;
    }
}
internal readonly struct FloorModI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b)
    {
        if (b == T.Zero || IntMath.IsMinusOne(b)) return T.Zero;
        T r = a % b;
        if (r != T.Zero && T.IsNegative(r) != T.IsNegative(b)) r += b;
        return r;
    }
}
internal readonly struct FmodI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b) => b == T.Zero || IntMath.IsMinusOne(b) ? T.Zero : a % b;
}
/// <summary>NumPy's gcd: Euclid on the magnitudes, always non-negative (the magnitude of MIN wraps, as in
/// NumPy).</summary>
internal readonly struct GcdI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b)
    {
        a = T.IsNegative(a) ? T.Zero - a : a;
        b = T.IsNegative(b) ? T.Zero - b : b;
        while (b != T.Zero) (a, b) = (b, a % b);
        return T.IsNegative(a) ? T.Zero - a : a; // a wrapped MIN magnitude leaves a negative remainder chain
    }
}
/// <summary>NumPy's lcm: |a / gcd(a, b) * b| (wrapping), 0 when either operand is 0.</summary>
internal readonly struct LcmI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b)
    {
        T g = GcdI<T>.Apply(a, b);
        if (g == T.Zero) return T.Zero;
        T r = unchecked(a / g * b);
        return T.IsNegative(r) ? T.Zero - r : r;
    }
}
internal readonly struct PowI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b)
    {
        if (T.IsNegative(b))
            return a == T.One ? T.One : IntMath.IsMinusOne(a) ? (T.IsEvenInteger(b) ? T.One : a) : T.Zero;
        T result = T.One, x = a;
        while (b != T.Zero)
        {
            if (T.IsOddInteger(b)) result *= x;
            b >>= 1;
            if (b != T.Zero) x *= x;
        }
        return result;
    }
}
internal readonly struct AndI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b) => a & b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.BitwiseAnd(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.BitwiseAnd(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.BitwiseAnd(b, a, d);
}
internal readonly struct OrI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b) => a | b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.BitwiseOr(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.BitwiseOr(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.BitwiseOr(b, a, d);
}
internal readonly struct XorI<T> : IBinaryKernel<T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T a, T b) => a ^ b;
    public static bool Vectorized => true;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Xor(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Xor(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Xor(b, a, d);
}
/// <summary>Left shift; shifting by the width or more (or a negative count) gives 0, as NumPy.</summary>
internal readonly struct ShlI<T> : IBinaryKernel<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Apply(T a, T b) =>
        T.IsNegative(b) || b >= T.CreateTruncating(IntMath.Bits<T>()) ? T.Zero : a << int.CreateTruncating(b);
}
/// <summary>Arithmetic right shift; large counts give 0 or -1 by sign.</summary>
internal readonly struct ShrI<T> : IBinaryKernel<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Apply(T a, T b) =>
        T.IsNegative(b) || b >= T.CreateTruncating(IntMath.Bits<T>()) ? (T.IsNegative(a) ? T.Zero - T.One : T.Zero) : a
            >> int.CreateTruncating(b);
}
