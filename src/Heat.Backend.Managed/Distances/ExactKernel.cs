// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Heat.Abstractions;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace Heat.Backend.Managed.Distances;

/// <summary>
/// The exact difference form of cdist (Euclidean, rbf, Manhattan), cache-blocked over both row sets: y is packed once
/// into feature-major panels of two vectors of rows (zero-padded); each thread takes its own rows of x, four at a time,
/// against a block of 512 columns of y (its panels stay in L1), accumulating the sum of (x - y)^2 (or of |x - y|) for
/// a tile of 4 rows × 2 vectors in registers; the tile is finished (sqrt, or the rbf kernel) into a staging block in
/// L1 and written once to the result (float32 with non-temporal stores). Every distance sums its features in order,
/// so d(x, y) and d(y, x) are bitwise equal and a sample's distance to itself is exactly 0.
/// </summary>
internal static unsafe class ExactKernel
{
    private const int Rows = 4;
    private const int Columns = 512;

    /// <summary>Whether the kernel writes <paramref name="d"/> directly (host rows with unit column stride).</summary>
    public static bool Applies(LocalTensor d) => Vector256.IsHardwareAccelerated && d.HostPointer != 0
        && d.Strides[1] == 1 && d.Strides[0] >= d.Shape[1] && d.DType.Code is DTypeCode.Float32 or DTypeCode.Float64;

    /// <summary>d (a × b, row stride ld) from contiguous x (a × f) and y (b × f).</summary>
    public static void Run<T>(T* x, T* y, T* d, long a, long b, int f, long ld, DistanceKind kind, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a == 0 || b == 0) return;
        if (kind.Metric == DistanceMetric.Manhattan) Run<T, Absolute<T>>(x, y, d, a, b, f, ld, kind, threads);
        else Run<T, Square<T>>(x, y, d, a, b, f, ld, kind, threads);
    }

    private static void Run<T, TOp>(T* x, T* y, T* d, long a, long b, int f, long ld, DistanceKind kind, int threads)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IAccumulate<T>
    {
        int w = Vector256<T>.Count, p2 = 2 * w;
        long panels = (b + p2 - 1) / p2;
        T* packed = (T*)NativeMemory.AlignedAlloc((nuint)(panels * f * p2 * sizeof(T)), 64);
        try
        {
            WorkerPool.For(panels, panels * f < 1 << 14 ? 1 : threads, (q0, q1) =>
            {
                for (long q = q0; q < q1; q++) Pack(y, b, f, q, p2, packed + q * f * p2);
            });
            long groups = (a + Rows - 1) / Rows;
            long work = a * b * Math.Max(1, f);
            WorkerPool.For(groups, work < 1 << 18 ? 1 : threads, (g0, g1) =>
            {
                T* stage = (T*)NativeMemory.AlignedAlloc((nuint)(Rows * Columns * sizeof(T)), 64);
                try
                {
                    for (long c0 = 0; c0 < b; c0 += Columns)
                    {
                        int cols = (int)Math.Min(Columns, b - c0);
                        for (long g = g0; g < g1; g++)
                        {
                            long i0 = g * Rows;
                            int rows = (int)Math.Min(Rows, a - i0);
                            T* r0 = x + i0 * f;
                            T* r1 = rows > 1 ? r0 + f : r0, r2 = rows > 2 ? r0 + 2 * f : r0;
                            T* r3 = rows > 3 ? r0 + 3 * f : r0;
                            for (int c = 0; c < cols; c += p2)
                                Tile<T, TOp>(r0, r1, r2, r3, packed + (c0 + c) / p2 * f * p2, f, stage + c);
                            Finish(stage, rows, cols, kind);
                            Write(stage, d + i0 * ld + c0, ld, rows, cols);
                        }
                    }
                }
                finally { NativeMemory.AlignedFree(stage); }
            });
        }
        finally { NativeMemory.AlignedFree(packed); }
    }

    // Rows [q·p2, q·p2 + p2) of y, feature-major (panel[p·p2 + l] = y[q·p2 + l, p]), zero past b.
    private static void Pack<T>(T* y, long b, int f, long q, int p2, T* panel) where T : unmanaged
    {
        for (int l = 0; l < p2; l++)
        {
            long row = q * p2 + l;
            for (int p = 0; p < f; p++) panel[p * p2 + l] = row < b ? y[row * f + p] : default;
        }
    }

    // The 4 × 2w tile of four x rows against one panel into stage (row stride Columns).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<T, TOp>(T* r0, T* r1, T* r2, T* r3, T* panel, int f, T* stage)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IAccumulate<T>
    {
        int w = Vector256<T>.Count;
        Vector256<T> a00 = default, a01 = default, a10 = default, a11 = default,
            a20 = default, a21 = default, a30 = default, a31 = default;
        for (int p = 0; p < f; p++)
        {
            var y0 = Vector256.Load(panel + p * 2 * w);
            var y1 = Vector256.Load(panel + p * 2 * w + w);
            var v = Vector256.Create(r0[p]);
            a00 = TOp.Step(v - y0, a00); a01 = TOp.Step(v - y1, a01);
            v = Vector256.Create(r1[p]);
            a10 = TOp.Step(v - y0, a10); a11 = TOp.Step(v - y1, a11);
            v = Vector256.Create(r2[p]);
            a20 = TOp.Step(v - y0, a20); a21 = TOp.Step(v - y1, a21);
            v = Vector256.Create(r3[p]);
            a30 = TOp.Step(v - y0, a30); a31 = TOp.Step(v - y1, a31);
        }
        a00.Store(stage); a01.Store(stage + w);
        a10.Store(stage + Columns); a11.Store(stage + Columns + w);
        a20.Store(stage + 2 * Columns); a21.Store(stage + 2 * Columns + w);
        a30.Store(stage + 3 * Columns); a31.Store(stage + 3 * Columns + w);
    }

    // Squared Euclidean sums to distances (sqrt) or the rbf kernel (at most 1); Manhattan sums are final.
    private static void Finish<T>(T* stage, int rows, int cols, DistanceKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind.Metric == DistanceMetric.Manhattan) return;
        T scale = T.CreateTruncating(-1 / (2 * kind.Sigma * kind.Sigma));
        for (int r = 0; r < rows; r++)
        {
            var row = new Span<T>(stage + r * Columns, cols);
            if (kind.Metric == DistanceMetric.Euclidean) { TensorPrimitives.Sqrt(row, row); continue; }
            TensorPrimitives.Multiply(row, scale, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Min(row, T.One, row);   // the vector exp is 1 + 1 ulp at 0
        }
    }

    private static void Write<T>(T* stage, T* d, long ld, int rows, int cols) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            QuadraticKernel.CopyRows((float*)stage, Columns, (float*)d, ld, rows, cols);
            return;
        }
        for (int r = 0; r < rows; r++)
            Buffer.MemoryCopy(stage + r * Columns, d + r * ld, (long)cols * sizeof(T), (long)cols * sizeof(T));
    }

    private interface IAccumulate<T> where T : unmanaged
    {
        static abstract Vector256<T> Step(Vector256<T> difference, Vector256<T> acc);
    }

    private readonly struct Square<T> : IAccumulate<T> where T : unmanaged
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Step(Vector256<T> e, Vector256<T> acc)
        {
            if (X86Fma.IsSupported && typeof(T) == typeof(float))
                return X86Fma.MultiplyAdd(e.AsSingle(), e.AsSingle(), acc.AsSingle()).As<float, T>();
            if (X86Fma.IsSupported && typeof(T) == typeof(double))
                return X86Fma.MultiplyAdd(e.AsDouble(), e.AsDouble(), acc.AsDouble()).As<double, T>();
            return e * e + acc;
        }
    }

    private readonly struct Absolute<T> : IAccumulate<T> where T : unmanaged
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Step(Vector256<T> e, Vector256<T> acc) => Vector256.Abs(e) + acc;
    }
}
