// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Heat.Abstractions;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace Heat.Backend.Managed.LocalReductions;

/// <summary>
/// The fused assignment step of Lloyd's k-means (scikit-learn's chunked Lloyd): every thread walks its own rows four at
/// a time, takes x·c for all centres in registers (centres transposed, a vector of centres per FMA), the argmin of
/// |c|² - 2 x·c, and adds the rows to its own float64 sums while they are in L1; the threads' sums are added in order
/// (deterministic for a given thread count). One pass over x. The products follow the managed GEMM's order (from
/// zero, features in blocks of 256), and |c|² is the backend's reduction, so the labels are those of
/// <see cref="NearestRowsKernel"/>. Many centres × features (beyond the caches) take the unfused kernels instead.
/// </summary>
internal static unsafe class NearestRowsSumsKernel
{
    private const int Rows = 4;        // rows per register block
    private const int FeatureBlock = 256;   // the GEMM's KC: products are summed in blocks of this many features
    private const long FusedCells = 1 << 15;   // most centres × features the fused kernel keeps near the core

    public static void Run(ManagedBackend backend, LocalTensor x, LocalTensor centres, LocalTensor labels,
        LocalTensor sums, LocalTensor counts)
    {
        HostOperands.Require(x, nameof(x), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(centres, nameof(centres), x.DType.Code);
        HostOperands.Require(labels, nameof(labels), DTypeCode.Int64);
        HostOperands.Require(sums, nameof(sums), DTypeCode.Float64);
        HostOperands.Require(counts, nameof(counts), DTypeCode.Int64);
        if (x.NDim != 2 || centres.NDim != 2 || centres.Shape[1] != x.Shape[1] || centres.Shape[0] == 0)
            throw new ArgumentException("NearestRowsSums needs x (m × f) and centres (k × f, k ≥ 1); got "
                + $"{Shapes.Format(x.Shape)} and {Shapes.Format(centres.Shape)}.");
        long m = x.Shape[0], k = centres.Shape[0], f = x.Shape[1];
        if (labels.Numel != m) throw new ArgumentException($"labels has {labels.Numel} elements, x {m} rows.",
            nameof(labels));
        if (sums.Numel != k * f || counts.Numel != k)
            throw new ArgumentException($"sums must hold {k} × {f} and counts {k} elements; got "
                + $"{Shapes.Format(sums.Shape)} and {Shapes.Format(counts.Shape)}.");
        if (m == 0 || f == 0 || k * f > FusedCells || !Vector256.IsHardwareAccelerated)
        {
            NearestRowsKernel.Run(backend, x, centres, labels);
            using var sums2 = sums.TryReshapeView([k, f])!;
            SegmentKernel.Sum(backend, x, labels, sums2);
            SegmentKernel.Count(labels, counts);
            return;
        }
        // |c|² exactly as the unfused kernel takes it (the backend's element-wise square and row sums).
        using var squares = backend.Binary(BinaryOp.Multiply, centres, centres);
        using var cc = backend.Reduce(ReduceOp.Sum, squares, [1]);
        using var ccc = backend.Contiguous(cc);
        if (x.DType == DType.Float32) Fused<float>(x, centres, ccc, labels, sums, counts, backend.Threads);
        else Fused<double>(x, centres, ccc, labels, sums, counts, backend.Threads);
    }

    private static void Fused<T>(LocalTensor x, LocalTensor centres, LocalTensor cc, LocalTensor labels,
        LocalTensor sums, LocalTensor counts, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = x.Shape[0];
        int k = (int)centres.Shape[0], f = (int)x.Shape[1], w = Vector256<T>.Count;
        int kp = (k + w - 1) / w * w;
        // Centres transposed (f × kp, zero padding): one vector load gives feature p of w centres.
        var ct = new T[f * kp];
        T* pc = (T*)centres.HostPointer;
        for (int j = 0; j < k; j++)
            for (int p = 0; p < f; p++) ct[p * kp + j] = pc[(long)j * f + p];
        int parts = (int)Math.Clamp(Math.Min(threads, m / 2048), 1, 64);
        var partSums = new double[parts][];
        var partCounts = new long[parts][];
        T* px = (T*)x.HostPointer, pcc = (T*)cc.HostPointer;
        long* pl = (long*)labels.HostPointer;
        fixed (T* pct = ct)
        {
            T* cts = pct;
            WorkerPool.For(parts, parts, (p0, p1) =>
            {
                for (long part = p0; part < p1; part++)
                {
                    var own = partSums[part] = new double[(long)k * f];
                    var number = partCounts[part] = new long[k];
                    fixed (double* ps = own)
                    fixed (long* pn = number)
                        Part(px, cts, pcc, pl, ps, pn, m * part / parts, m * (part + 1) / parts, k, kp, f);
                }
            });
        }
        double* total = (double*)sums.HostPointer;
        long* n = (long*)counts.HostPointer;
        for (long i = 0; i < (long)k * f; i++)
        {
            double s = partSums[0][i];
            for (int part = 1; part < parts; part++) s += partSums[part][i];
            total[i] = s;
        }
        for (int j = 0; j < k; j++)
        {
            long c = 0;
            for (int part = 0; part < parts; part++) c += partCounts[part][j];
            n[j] = c;
        }
    }

    // Rows [begin, end): labels, and the rows added to sums (k × f) and counts.
    private static void Part<T>(T* x, T* ct, T* cc, long* labels, double* sums, long* counts, long begin, long end,
        int k, int kp, int f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        T* values = stackalloc T[Rows * kp];
        T two = T.CreateTruncating(2);
        for (long i = begin; i < end; i += Rows)
        {
            int rows = (int)Math.Min(Rows, end - i);
            T* r0 = x + i * f;
            // Rows past the end repeat the last one (their values are not used).
            T* r1 = rows > 1 ? r0 + f : r0, r2 = rows > 2 ? r0 + 2 * f : r0, r3 = rows > 3 ? r0 + 3 * f : r0;
            for (int jb = 0; jb < kp; jb += w)
            {
                Vector256<T> g0 = default, g1 = default, g2 = default, g3 = default;
                for (int b0 = 0; b0 < f; b0 += FeatureBlock)
                {
                    Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default;
                    for (int p = b0, pe = Math.Min(f, b0 + FeatureBlock); p < pe; p++)
                    {
                        var c = Vector256.Load(ct + p * kp + jb);
                        a0 = Fma(Vector256.Create(r0[p]), c, a0);
                        a1 = Fma(Vector256.Create(r1[p]), c, a1);
                        a2 = Fma(Vector256.Create(r2[p]), c, a2);
                        a3 = Fma(Vector256.Create(r3[p]), c, a3);
                    }
                    if (b0 == 0) { g0 = a0; g1 = a1; g2 = a2; g3 = a3; }
                    else { g0 = a0 + g0; g1 = a1 + g1; g2 = a2 + g2; g3 = a3 + g3; }
                }
                g0.Store(values + jb); g1.Store(values + kp + jb);
                g2.Store(values + 2 * kp + jb); g3.Store(values + 3 * kp + jb);
            }
            for (int r = 0; r < rows; r++)
            {
                T* g = values + r * kp;
                T best = cc[0] - two * g[0];
                int at = 0;
                for (int j = 1; j < k; j++)
                {
                    T v = cc[j] - two * g[j];
                    bool closer = v < best;   // branch-free: the winner is unpredictable
                    at = closer ? j : at;
                    best = closer ? v : best;
                }
                labels[i + r] = at;
                counts[at]++;
                Add(x + (i + r) * f, sums + (long)at * f, f);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged
    {
        if (X86Fma.IsSupported)
        {
            if (typeof(T) == typeof(float))
                return X86Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return X86Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        return a * b + c;
    }

    // target[j] += (double)row[j] for j < n.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add<T>(T* row, double* target, int n) where T : unmanaged
    {
        int j = 0;
        if (typeof(T) == typeof(float))
        {
            float* r = (float*)row;
            for (; j + 8 <= n; j += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Load(r + j));
                Vector256.Store(Vector256.Load(target + j) + lo, target + j);
                Vector256.Store(Vector256.Load(target + j + 4) + hi, target + j + 4);
            }
            for (; j < n; j++) target[j] += r[j];
            return;
        }
        double* d = (double*)row;
        for (; j + 4 <= n; j += 4) Vector256.Store(Vector256.Load(target + j) + Vector256.Load(d + j), target + j);
        for (; j < n; j++) target[j] += d[j];
    }
}
