// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Heat.Backend.Managed.Kernels;

/// <summary>A reduction step from input type TIn into accumulator TAcc; <see cref="Vectorized"/> kernels also reduce dense runs.</summary>
internal interface IReducer<TIn, TAcc>
{
    static abstract TAcc Step(TAcc acc, TIn x);
    static abstract TAcc Combine(TAcc a, TAcc b);
    static virtual bool Vectorized => false;
    static virtual TAcc Run(TAcc acc, ReadOnlySpan<TIn> x) => acc;
    /// <summary>True when <see cref="StepAll"/> combines a dense run into dense accumulators with SIMD.</summary>
    static virtual bool VectorizedStepAll => false;
    static virtual void StepAll(Span<TAcc> acc, ReadOnlySpan<TIn> x) { }
}

internal readonly struct SumR<TIn, TAcc> : IReducer<TIn, TAcc> where TIn : INumberBase<TIn> where TAcc : INumberBase<TAcc>
{
    public static TAcc Step(TAcc acc, TIn x) => acc + TAcc.CreateTruncating(x);
    public static TAcc Combine(TAcc a, TAcc b) => a + b;
    public static bool Vectorized => typeof(TIn) == typeof(TAcc) && typeof(TIn) != typeof(Complex) || typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double)
        || typeof(TAcc) == typeof(long) && (typeof(TIn) == typeof(byte) || typeof(TIn) == typeof(int));
    public static TAcc Run(TAcc acc, ReadOnlySpan<TIn> x)
    {
        if (typeof(TIn) == typeof(byte) && typeof(TAcc) == typeof(long))
        {
            long s = WideSum.Sum(Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<byte>>(x));
            return acc + Unsafe.As<long, TAcc>(ref s);
        }
        if (typeof(TIn) == typeof(int) && typeof(TAcc) == typeof(long))
        {
            long s = WideSum.Sum(Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<int>>(x));
            return acc + Unsafe.As<long, TAcc>(ref s);
        }
        if (typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double))
        {
            double s = WideSum.Sum(Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<float>>(x));
            return acc + Unsafe.As<double, TAcc>(ref s);
        }
        return acc + SumSame(x);
    }

    public static bool VectorizedStepAll => typeof(TIn) == typeof(TAcc) && (typeof(TIn) == typeof(double) || typeof(TIn) == typeof(long))
        || typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double);
    public static void StepAll(Span<TAcc> acc, ReadOnlySpan<TIn> x)
    {
        if (typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double))
        {
            WideSum.AddWidened(Unsafe.BitCast<Span<TAcc>, Span<double>>(acc), Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<float>>(x));
            return;
        }
        if (typeof(TIn) == typeof(double)) { var a = Unsafe.BitCast<Span<TAcc>, Span<double>>(acc); TensorPrimitives.Add(a, Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<double>>(x), a); }
        else if (typeof(TIn) == typeof(long)) { var a = Unsafe.BitCast<Span<TAcc>, Span<long>>(acc); TensorPrimitives.Add(a, Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<long>>(x), a); }
    }

    private static TAcc SumSame(ReadOnlySpan<TIn> x)
    {
        if (typeof(TIn) == typeof(double)) { double s = TensorPrimitives.Sum(Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<double>>(x)); return Unsafe.As<double, TAcc>(ref s); }
        if (typeof(TIn) == typeof(long)) { long s = TensorPrimitives.Sum(Unsafe.BitCast<ReadOnlySpan<TIn>, ReadOnlySpan<long>>(x)); return Unsafe.As<long, TAcc>(ref s); }
        TAcc acc = TAcc.Zero;
        foreach (var v in x) acc += TAcc.CreateTruncating(v);
        return acc;
    }
}

internal readonly struct ProdR<TIn, TAcc> : IReducer<TIn, TAcc> where TIn : INumberBase<TIn> where TAcc : INumberBase<TAcc>
{
    public static TAcc Step(TAcc acc, TIn x) => acc * TAcc.CreateTruncating(x);
    public static TAcc Combine(TAcc a, TAcc b) => a * b;
}

internal readonly struct MinR<T> : IReducer<T, T> where T : INumber<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Step(T acc, T x) => x < acc || T.IsNaN(x) && !T.IsNaN(acc) ? x : acc;
    public static T Combine(T a, T b) => Step(a, b);
    public static bool Vectorized => true;
    public static T Run(T acc, ReadOnlySpan<T> x) => x.IsEmpty ? acc : Step(acc, TensorPrimitives.Min(x));
    public static bool VectorizedStepAll => true;
    public static void StepAll(Span<T> acc, ReadOnlySpan<T> x) => TensorPrimitives.Min(acc, x, acc);
}
internal readonly struct MaxR<T> : IReducer<T, T> where T : INumber<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Step(T acc, T x) => x > acc || T.IsNaN(x) && !T.IsNaN(acc) ? x : acc;
    public static T Combine(T a, T b) => Step(a, b);
    public static bool Vectorized => true;
    public static T Run(T acc, ReadOnlySpan<T> x) => x.IsEmpty ? acc : Step(acc, TensorPrimitives.Max(x));
    public static bool VectorizedStepAll => true;
    public static void StepAll(Span<T> acc, ReadOnlySpan<T> x) => TensorPrimitives.Max(acc, x, acc);
}
internal readonly struct BAndR<T> : IReducer<T, T> where T : IBinaryInteger<T> { public static T Step(T acc, T x) => acc & x; public static T Combine(T a, T b) => a & b; }
internal readonly struct BOrR<T> : IReducer<T, T> where T : IBinaryInteger<T> { public static T Step(T acc, T x) => acc | x; public static T Combine(T a, T b) => a | b; }
internal readonly struct BXorR<T> : IReducer<T, T> where T : IBinaryInteger<T> { public static T Step(T acc, T x) => acc ^ x; public static T Combine(T a, T b) => a ^ b; }
internal readonly struct LAndR<T> : IReducer<T, byte> where T : INumberBase<T>
{
    public static byte Step(byte acc, T x) => acc != 0 && x != T.Zero ? (byte)1 : (byte)0;
    public static byte Combine(byte a, byte b) => (byte)(a & b);
}
internal readonly struct LOrR<T> : IReducer<T, byte> where T : INumberBase<T>
{
    public static byte Step(byte acc, T x) => acc != 0 || x != T.Zero ? (byte)1 : (byte)0;
    public static byte Combine(byte a, byte b) => (byte)(a | b);
}

/// <summary>Accumulates runs of one operand into <see cref="Acc"/>.</summary>
internal unsafe struct AccumulateRun<TIn, TAcc, TR>(TIn* x, TAcc identity) : IRunHandler
    where TIn : unmanaged where TR : IReducer<TIn, TAcc>
{
    public TAcc Acc = identity;

    public void Run(long* off, long length, long* st)
    {
        TIn* p = x + off[0];
        long s = st[0];
        if (TR.Vectorized && s == 1) { Acc = TR.Run(Acc, new ReadOnlySpan<TIn>(p, (int)length)); return; }
        var acc = Acc;
        for (long i = 0; i < length; i++) acc = TR.Step(acc, p[i * s]);
        Acc = acc;
    }
}

/// <summary>For each output element of a (x, output) layout over the kept dimensions, reduces the inner (reduced) layout.</summary>
internal unsafe struct ReduceOutputsRun<TIn, TAcc, TR>(TIn* x, TAcc* output, StridedLayout inner, TAcc identity) : IRunHandler
    where TIn : unmanaged where TAcc : unmanaged where TR : IReducer<TIn, TAcc>
{
    public void Run(long* off, long length, long* st)
    {
        for (long i = 0; i < length; i++)
        {
            var h = new AccumulateRun<TIn, TAcc, TR>(x + off[0] + i * st[0], identity);
            inner.Walk(0, inner.Numel, ref h);
            output[off[1] + i * st[1]] = h.Acc;
        }
    }
}

/// <summary>Combines runs of x (operand 0) into accumulators (operand 1, output indices): one step of a "vertical" reduction.</summary>
internal unsafe struct CombineRun<TIn, TAcc, TR>(TIn* x, TAcc* acc) : IRunHandler
    where TIn : unmanaged where TAcc : unmanaged where TR : IReducer<TIn, TAcc>
{
    public void Run(long* off, long length, long* st)
    {
        TIn* p = x + off[0]; TAcc* a = acc + off[1];
        long sx = st[0], sa = st[1];
        if (TR.VectorizedStepAll && sx == 1 && sa == 1) { TR.StepAll(new Span<TAcc>(a, (int)length), new ReadOnlySpan<TIn>(p, (int)length)); return; }
        for (long i = 0; i < length; i++) a[i * sa] = TR.Step(a[i * sa], p[i * sx]);
    }
}

/// <summary>
/// For each element of the reduced layout (operand 0: x offsets), combines the kept slice [k0, k1) of x into the
/// accumulators: the reduction streams through memory once when the reduced axes are the outer ones.
/// </summary>
internal unsafe struct VerticalRun<TIn, TAcc, TR>(TIn* x, TAcc* acc, StridedLayout kept, long k0, long k1) : IRunHandler
    where TIn : unmanaged where TAcc : unmanaged where TR : IReducer<TIn, TAcc>
{
    public void Run(long* off, long length, long* st)
    {
        for (long i = 0; i < length; i++)
        {
            var h = new CombineRun<TIn, TAcc, TR>(x + off[0] + i * st[0], acc);
            kept.Walk(k0, k1, ref h);
        }
    }
}

/// <summary>Sum of float32 values accumulated in float64 lanes (as accurate as NumPy's pairwise sum, or better).</summary>
internal static class WideSum
{
    /// <summary><c>acc[i] += x[i]</c> with float32 values widened to float64.</summary>
    public static void AddWidened(Span<double> acc, ReadOnlySpan<float> x)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= 8)
        {
            ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            ref double a = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(acc);
            for (; i <= x.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                (Vector256.LoadUnsafe(ref a, (nuint)i) + lo).StoreUnsafe(ref a, (nuint)i);
                (Vector256.LoadUnsafe(ref a, (nuint)(i + 4)) + hi).StoreUnsafe(ref a, (nuint)(i + 4));
            }
        }
        for (; i < x.Length; i++) acc[i] += x[i];
    }

    public static double Sum(ReadOnlySpan<float> x)
    {
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= 16)
        {
            var a0 = Vector256<double>.Zero; var a1 = Vector256<double>.Zero; var a2 = Vector256<double>.Zero; var a3 = Vector256<double>.Zero;
            ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            for (; i <= x.Length - 16; i += 16)
            {
                var v0 = Vector256.LoadUnsafe(ref r, (nuint)i);
                var v1 = Vector256.LoadUnsafe(ref r, (nuint)(i + 8));
                var (l0, h0) = Vector256.Widen(v0);
                var (l1, h1) = Vector256.Widen(v1);
                a0 += l0; a1 += h0; a2 += l1; a3 += h1;
            }
            total = Vector256.Sum((a0 + a1) + (a2 + a3));
        }
        for (; i < x.Length; i++) total += x[i];
        return total;
    }

    /// <summary>Sum of bytes (psadbw against zero: 32 bytes into four 64-bit lanes per instruction).</summary>
    public static long Sum(ReadOnlySpan<byte> x)
    {
        int i = 0;
        long total = 0;
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && x.Length >= 32)
        {
            var acc = Vector256<long>.Zero;
            ref byte r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            for (; i <= x.Length - 32; i += 32)
                acc += System.Runtime.Intrinsics.X86.Avx2.SumAbsoluteDifferences(Vector256.LoadUnsafe(ref r, (nuint)i), Vector256<byte>.Zero).AsInt64();
            total = Vector256.Sum(acc);
        }
        for (; i < x.Length; i++) total += x[i];
        return total;
    }

    /// <summary>Sum of int32 values in int64 lanes.</summary>
    public static long Sum(ReadOnlySpan<int> x)
    {
        int i = 0;
        long total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= 8)
        {
            var a0 = Vector256<long>.Zero; var a1 = Vector256<long>.Zero;
            ref int r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            for (; i <= x.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                a0 += lo; a1 += hi;
            }
            total = Vector256.Sum(a0 + a1);
        }
        for (; i < x.Length; i++) total += x[i];
        return total;
    }
}

/// <summary>Count, mean and M2 of a stream, merged pairwise (Chan et al.).</summary>
internal struct MomentsAcc
{
    public double N, Mean, M2;

    public void Merge(double n, double mean, double m2)
    {
        if (n == 0) return;
        if (N == 0) { N = n; Mean = mean; M2 = m2; return; }
        double total = N + n, delta = mean - Mean;
        Mean += delta * (n / total);
        M2 += m2 + delta * delta * (N * n / total);
        N = total;
    }
}

/// <summary>Moments of runs of one operand: dense runs in cached blocks (two passes per block), strided ones by Welford.</summary>
internal unsafe struct MomentsRun<T>(T* x) : IRunHandler where T : unmanaged, INumberBase<T>
{
    public MomentsAcc Acc;

    public void Run(long* off, long length, long* st)
    {
        T* p = x + off[0];
        long s = st[0];
        const int Block = 2048;
        if (s == 1 && typeof(T) == typeof(float))
        {
            // float32 straight from memory: a widened sum, then widened deviations, while the block sits in L1.
            for (long start = 0; start < length; start += Block)
            {
                int n = (int)Math.Min(Block, length - start);
                float* q = (float*)(p + start);
                double mean = WideSum.Sum(new ReadOnlySpan<float>(q, n)) / n;
                var (m2, c) = MomentsMath.Deviations(q, n, mean);
                Acc.Merge(n, mean, m2 - c * c / n);
            }
            return;
        }
        double* buf = stackalloc double[Block];
        for (long start = 0; start < length; start += Block)
        {
            int n = (int)Math.Min(Block, length - start);
            T* q = p + start * s;
            double* src = buf;
            if (s == 1 && typeof(T) == typeof(double)) src = (double*)q;
            else for (int i = 0; i < n; i++) buf[i] = double.CreateTruncating(q[i * s]);
            var span = new ReadOnlySpan<double>(src, n);
            double mean = TensorPrimitives.Sum(span) / n;
            var (m2, c) = MomentsMath.Deviations(src, n, mean);
            m2 -= c * c / n; // compensates the rounding of the block mean
            Acc.Merge(n, mean, m2);
        }
    }
}

/// <summary>Sums of squared and of plain deviations from <c>mean</c> (four SIMD accumulators each).</summary>
internal static unsafe class MomentsMath
{
    public static (double M2, double C) Deviations(double* src, int n, double mean)
    {
        int i = 0;
        double m2 = 0, c = 0;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            var vm = Vector256.Create(mean);
            Vector256<double> q0 = default, q1 = default, q2 = default, q3 = default, s0 = default, s1 = default;
            for (; i <= n - 16; i += 16)
            {
                var d0 = Vector256.Load(src + i) - vm; var d1 = Vector256.Load(src + i + 4) - vm;
                var d2 = Vector256.Load(src + i + 8) - vm; var d3 = Vector256.Load(src + i + 12) - vm;
                q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
                s0 += d0 + d1; s1 += d2 + d3;
            }
            m2 = Vector256.Sum((q0 + q1) + (q2 + q3));
            c = Vector256.Sum(s0 + s1);
        }
        for (; i < n; i++) { double d = src[i] - mean; m2 += d * d; c += d; }
        return (m2, c);
    }

    /// <summary>The same for float32 values, widened to float64 on load.</summary>
    public static (double M2, double C) Deviations(float* src, int n, double mean)
    {
        int i = 0;
        double m2 = 0, c = 0;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            var vm = Vector256.Create(mean);
            Vector256<double> q0 = default, q1 = default, q2 = default, q3 = default, s0 = default, s1 = default;
            for (; i <= n - 16; i += 16)
            {
                var (l0, h0) = Vector256.Widen(Vector256.Load(src + i));
                var (l1, h1) = Vector256.Widen(Vector256.Load(src + i + 8));
                var d0 = l0 - vm; var d1 = h0 - vm; var d2 = l1 - vm; var d3 = h1 - vm;
                q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
                s0 += d0 + d1; s1 += d2 + d3;
            }
            m2 = Vector256.Sum((q0 + q1) + (q2 + q3));
            c = Vector256.Sum(s0 + s1);
        }
        for (; i < n; i++) { double d = src[i] - mean; m2 += d * d; c += d; }
        return (m2, c);
    }
}

/// <summary>Per output of an (x, mean, m2) layout over kept dimensions: the moments of the inner layout.</summary>
internal unsafe struct MomentsOutputsRun<T>(T* x, double* mean, double* m2, StridedLayout inner) : IRunHandler where T : unmanaged, INumberBase<T>
{
    public void Run(long* off, long length, long* st)
    {
        for (long i = 0; i < length; i++)
        {
            var h = new MomentsRun<T>(x + off[0] + i * st[0]);
            inner.Walk(0, inner.Numel, ref h);
            long o = off[1] + i * st[1];
            mean[o] = h.Acc.N == 0 ? double.NaN : h.Acc.Mean;
            m2[o] = h.Acc.N == 0 ? double.NaN : h.Acc.M2;
        }
    }
}

/// <summary>Per line along an axis (x, values, indices layout over the other dimensions): first minimum or maximum, NaN first.</summary>
internal unsafe struct ArgRun<T>(T* x, T* values, long* indices, long n, long stride, bool max) : IRunHandler where T : unmanaged, INumber<T>
{
    public void Run(long* off, long length, long* st)
    {
        for (long i = 0; i < length; i++)
        {
            T* p = x + off[0] + i * st[0];
            T best = p[0];
            long at = 0;
            if (!T.IsNaN(best))
            {
                for (long j = 1; j < n; j++)
                {
                    T v = p[j * stride];
                    if (T.IsNaN(v)) { best = v; at = j; break; }
                    if (max ? v > best : v < best) { best = v; at = j; }
                }
            }
            values[off[1] + i * st[1]] = best;
            indices[off[2] + i * st[2]] = at;
        }
    }
}

internal interface IScanOp<T> { static abstract T Combine(T acc, T x); }
internal readonly struct ScanSum<T> : IScanOp<T> where T : INumberBase<T> { public static T Combine(T acc, T x) => acc + x; }
internal readonly struct ScanProd<T> : IScanOp<T> where T : INumberBase<T> { public static T Combine(T acc, T x) => acc * x; }
internal readonly struct ScanMin<T> : IScanOp<T> where T : INumber<T> { public static T Combine(T acc, T x) => MinR<T>.Step(acc, x); }
internal readonly struct ScanMax<T> : IScanOp<T> where T : INumber<T> { public static T Combine(T acc, T x) => MaxR<T>.Step(acc, x); }

/// <summary>Per line along an axis ((x, destination) layout over the other dimensions): the inclusive scan.</summary>
internal unsafe struct ScanRun<T, TOp>(T* x, T* d, long n, long sx, long sd) : IRunHandler where T : unmanaged where TOp : IScanOp<T>
{
    public void Run(long* off, long length, long* st)
    {
        for (long i = 0; i < length; i++)
        {
            T* p = x + off[0] + i * st[0];
            T* q = d + off[1] + i * st[1];
            if (n == 0) continue;
            T acc = p[0];
            q[0] = acc;
            for (long j = 1; j < n; j++) { acc = TOp.Combine(acc, p[j * sx]); q[j * sd] = acc; }
        }
    }
}
