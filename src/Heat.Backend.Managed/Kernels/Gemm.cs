// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Backend.Managed.Kernels;

/// <summary>
/// Blocked GEMM for float32/float64 (GotoBLAS/BLIS structure): B is packed into KC x NC panels of NR-wide slivers
/// shared by all threads, each thread packs MC x KC blocks of A into MR-high slivers, and an MR x NR register-blocked
/// FMA micro-kernel (6 rows x 2 Vector256) runs over them. Packing handles any strides, so transposed and broadcast
/// operands need no copies.
/// </summary>
internal static unsafe class Gemm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MR = 6;
    private static readonly int VL = Vector256<T>.Count;
    private static readonly int NR = 2 * Vector256<T>.Count;
    private const int KC = 256;
    private const int MC = 120;
    private static readonly int NC = (2 << 20) / (KC * sizeof(T)) / (2 * Vector256<T>.Count) * (2 * Vector256<T>.Count);

    /// <summary><c>C = A·B</c>, or <c>C += A·B</c> when <paramref name="accumulate"/>; strides in elements.</summary>
    public static void Multiply(int threads, long m, long n, long k,
        T* a, long rsa, long csa, T* b, long rsb, long csb, T* c, long rsc, long csc, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate)
                for (long i = 0; i < m; i++) for (long j = 0; j < n; j++) c[i * rsc + j * csc] = T.Zero;
            return;
        }
        int nr = NR;
        long ncMax = Math.Min(NC, RoundUp(n, nr));
        T* bp = (T*)NativeMemory.AlignedAlloc((nuint)(KC * ncMax * sizeof(T)), 64);
        try
        {
            for (long jc = 0; jc < n; jc += NC)
            {
                long nc = Math.Min(NC, n - jc);
                long slivers = (nc + nr - 1) / nr;
                for (long pc = 0; pc < k; pc += KC)
                {
                    int kc = (int)Math.Min(KC, k - pc);
                    bool beta = accumulate || pc > 0;
                    T* bBlock = b + pc * rsb + jc * csb;
                    long work = (long)kc * nc * 2;
                    WorkerPool.For(slivers, work < 1 << 16 ? 1 : threads, (s0, s1) =>
                    {
                        for (long s = s0; s < s1; s++) PackB(kc, (int)Math.Min(nr, nc - s * nr), bBlock + s * nr * csb, rsb, csb, bp + s * kc * nr);
                    });
                    long mBlocks = (m + MC - 1) / MC;
                    // Enough tasks for the threads: split the columns too when there are few row blocks.
                    long colChunks = Math.Max(1, Math.Min(slivers, (threads + mBlocks - 1) / mBlocks));
                    long tasks = mBlocks * colChunks;
                    long flops = 2L * m * nc * kc;
                    T* cBlock = c + jc * csc;
                    T* aBlock = a + pc * csa;
                    WorkerPool.For(tasks, flops < 1 << 18 ? 1 : threads, (t0, t1) =>
                    {
                        T* ap = (T*)NativeMemory.AlignedAlloc((nuint)(MC * KC * sizeof(T)), 64);
                        try
                        {
                            long packedBlock = -1;
                            for (long t = t0; t < t1; t++)
                            {
                                long ib = t / colChunks, cc = t % colChunks;
                                long ic = ib * MC;
                                int mc = (int)Math.Min(MC, m - ic);
                                if (packedBlock != ib) { PackA(mc, kc, aBlock + ic * rsa, rsa, csa, ap); packedBlock = ib; }
                                long sBegin = slivers * cc / colChunks, sEnd = slivers * (cc + 1) / colChunks;
                                for (long s = sBegin; s < sEnd; s++)
                                {
                                    int nrr = (int)Math.Min(nr, nc - s * nr);
                                    for (int ir = 0; ir < mc; ir += MR)
                                    {
                                        int mrr = Math.Min(MR, mc - ir);
                                        Kernel(kc, ap + ir * kc, bp + s * kc * nr, cBlock + (ic + ir) * rsc + s * nr * csc, rsc, csc, mrr, nrr, beta);
                                    }
                                }
                            }
                        }
                        finally { NativeMemory.AlignedFree(ap); }
                    });
                }
            }
        }
        finally { NativeMemory.AlignedFree(bp); }
    }

    private static long RoundUp(long x, long m) => (x + m - 1) / m * m;

    private static void PackA(int mc, int kc, T* a, long rsa, long csa, T* ap)
    {
        for (int ir = 0; ir < mc; ir += MR)
        {
            int mrr = Math.Min(MR, mc - ir);
            T* dst = ap + ir * kc;
            T* src = a + ir * rsa;
            for (int p = 0; p < kc; p++)
            {
                int i = 0;
                for (; i < mrr; i++) dst[p * MR + i] = src[i * rsa + p * csa];
                for (; i < MR; i++) dst[p * MR + i] = T.Zero;
            }
        }
    }

    private static void PackB(int kc, int nrr, T* b, long rsb, long csb, T* bp)
    {
        int nr = NR;
        for (int p = 0; p < kc; p++)
        {
            T* src = b + p * rsb;
            T* dst = bp + p * nr;
            int j = 0;
            if (csb == 1 && nrr == nr) { new ReadOnlySpan<T>(src, nr).CopyTo(new Span<T>(dst, nr)); continue; }
            for (; j < nrr; j++) dst[j] = src[j * csb];
            for (; j < nr; j++) dst[j] = T.Zero;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            if (typeof(T) == typeof(float)) return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double)) return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        return a * b + c;
    }

    private static void Kernel(int kc, T* a, T* b, T* c, long rsc, long csc, int mr, int nr, bool beta)
    {
        int vl = VL;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + vl);
            var x = Vector256.Create(a[0]); c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51);
            a += MR; b += 2 * vl;
        }
        if (mr == MR && nr == 2 * vl && csc == 1)
        {
            Store(c, vl, c00, c01, beta); Store(c + rsc, vl, c10, c11, beta); Store(c + 2 * rsc, vl, c20, c21, beta);
            Store(c + 3 * rsc, vl, c30, c31, beta); Store(c + 4 * rsc, vl, c40, c41, beta); Store(c + 5 * rsc, vl, c50, c51, beta);
            return;
        }
        T* tile = stackalloc T[MR * 2 * Vector256<T>.Count];
        int w = 2 * vl;
        c00.Store(tile); c01.Store(tile + vl); c10.Store(tile + w); c11.Store(tile + w + vl);
        c20.Store(tile + 2 * w); c21.Store(tile + 2 * w + vl); c30.Store(tile + 3 * w); c31.Store(tile + 3 * w + vl);
        c40.Store(tile + 4 * w); c41.Store(tile + 4 * w + vl); c50.Store(tile + 5 * w); c51.Store(tile + 5 * w + vl);
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++)
            {
                T* q = c + i * rsc + j * csc;
                *q = beta ? *q + tile[i * w + j] : tile[i * w + j];
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* c, int vl, Vector256<T> v0, Vector256<T> v1, bool beta)
    {
        if (beta) { v0 += Vector256.Load(c); v1 += Vector256.Load(c + vl); }
        v0.Store(c); v1.Store(c + vl);
    }
}

/// <summary>A plain triple loop for dtypes without a blocked kernel (integers, complex): <c>C (+)= A·B</c>.</summary>
internal static unsafe class NaiveGemm<T> where T : unmanaged, INumberBase<T>
{
    public static void Multiply(int threads, long m, long n, long k,
        T* a, long rsa, long csa, T* b, long rsb, long csb, T* c, long rsc, long csc, bool accumulate)
    {
        WorkerPool.For(m, m * n * k < 1 << 15 ? 1 : threads, (i0, i1) =>
        {
            for (long i = i0; i < i1; i++)
                for (long j = 0; j < n; j++)
                {
                    T acc = T.Zero;
                    for (long p = 0; p < k; p++) acc += a[i * rsa + p * csa] * b[p * rsb + j * csb];
                    T* q = c + i * rsc + j * csc;
                    *q = accumulate ? *q + acc : acc;
                }
        });
    }
}

/// <summary>Bool matrix product: <c>C[i,j] = any(A[i,p] and B[p,j])</c> (or-ed into C when accumulating).</summary>
internal static unsafe class BoolGemm
{
    public static void Multiply(long m, long n, long k, byte* a, long rsa, long csa, byte* b, long rsb, long csb, byte* c, long rsc, long csc, bool accumulate)
    {
        for (long i = 0; i < m; i++)
            for (long j = 0; j < n; j++)
            {
                byte acc = 0;
                for (long p = 0; p < k && acc == 0; p++) acc = (byte)(a[i * rsa + p * csa] & b[p * rsb + j * csb]);
                byte* q = c + i * rsc + j * csc;
                *q = (byte)(accumulate ? *q | acc : acc);
            }
    }
}
