// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Native;
using static Heat.Backend.Managed.Native.LapackNative;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// <see cref="IBidiagonalKernels"/>: bdsdc through LAPACKE (upper, compq 'I' or 'N', row-major; d and e are copied
/// first, LAPACK overwrites them), and the vector-matrix product as row axpys over column blocks.
/// </summary>
internal static unsafe class BidiagonalKernels
{
    public static void BidiagonalSvd(int threads, LocalTensor d, LocalTensor e, LocalTensor s, LocalTensor? u,
        LocalTensor? vt)
    {
        HostOperands.Require(d, nameof(d), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(e, nameof(e), d.DType.Code);
        HostOperands.Require(s, nameof(s), d.DType.Code);
        if ((u is null) != (vt is null))
            throw new ArgumentException("BidiagonalSvd: u and vt are both given or both null.", nameof(vt));
        int n = Lapack.Dim(d.Numel, nameof(d));
        if (u is not null && vt is not null)
        {
            HostOperands.Require(u, nameof(u), d.DType.Code);
            HostOperands.Require(vt, nameof(vt), d.DType.Code);
            if (u.Numel != (long)n * n || vt.Numel != (long)n * n)
                throw new ArgumentException($"BidiagonalSvd: d has {n} elements; u and vt need {n} x {n}.");
        }
        if (e.Numel != Math.Max(n - 1, 0) || s.Numel != n)
            throw new ArgumentException($"BidiagonalSvd: d has {n} elements; e needs {n - 1}, s {n}.");
        if (n == 0) return;
        int size = d.DType.ItemSize;
        Buffer.MemoryCopy((void*)d.HostPointer, (void*)s.HostPointer, (long)n * size, (long)n * size);
        var scratch = new byte[(long)n * size];
        byte compq = u is null ? (byte)'N' : (byte)'I';
        void* up = u is null ? null : (void*)u.HostPointer, vp = vt is null ? null : (void*)vt.HostPointer;
        fixed (byte* ep = scratch)
        {
            if (n > 1) Buffer.MemoryCopy((void*)e.HostPointer, ep, (long)(n - 1) * size, (long)(n - 1) * size);
            if (LapackLibrary.HasOpenBlas) openblas_set_num_threads(threads);
            void* sp = (void*)s.HostPointer;
            int info = d.DType.Code == DTypeCode.Float32
                ? LAPACKE_sbdsdc(RowMajor, (byte)'U', compq, n, sp, ep, up, n, vp, n, null, null)
                : LAPACKE_dbdsdc(RowMajor, (byte)'U', compq, n, sp, ep, up, n, vp, n, null, null);
            if (info < 0) throw new InvalidOperationException($"LAPACK bdsdc: argument {-info} had an illegal value.");
            if (info > 0) throw new ArithmeticException($"LAPACK bdsdc did not converge (info {info}).");
        }
    }

    public static void VectorMatrix(int threads, LocalTensor x, LocalTensor a, LocalTensor y)
    {
        DTypeCode[] types = [DTypeCode.Float32, DTypeCode.Float64, DTypeCode.Complex64, DTypeCode.Complex128];
        HostOperands.Require(x, nameof(x), types);
        HostOperands.Require(y, nameof(y), x.DType.Code);
        if (a.DType != x.DType || a.NDim != 2 || (a.Numel > 0 && a.HostPointer == 0))
            throw new ArgumentException($"VectorMatrix: a must be a host matrix of {x.DType}.", nameof(a));
        long r = a.Shape[0], c = a.Shape[1], rs = a.Strides[0];
        if (c > 1 && a.Strides[1] != 1)
            throw new ArgumentException("VectorMatrix: the rows of a must be contiguous.", nameof(a));
        if (x.Numel != r || y.Numel != c)
            throw new ArgumentException($"VectorMatrix: a is {r} x {c}; x needs {r} elements, y {c}.");
        if (c == 0) return;
        nint pa = a.HostPointer, px = x.HostPointer, py = y.HostPointer;
        var code = x.DType.Code;
        // Column blocks per thread; each walks all rows (y stays in cache).
        const long Width = 4096;
        long blocks = (c + Width - 1) / Width;
        WorkerPool.For(blocks, r * c < 1 << 16 ? 1 : threads, (b0, b1) =>
        {
            for (long blk = b0; blk < b1; blk++)
            {
                long j0 = blk * Width;
                int w = (int)Math.Min(Width, c - j0);
                switch (code)
                {
                    case DTypeCode.Float32:
                        Axpys<float>(r, w, (float*)pa + j0, rs, (float*)px, (float*)py + j0);
                        break;
                    case DTypeCode.Float64:
                        Axpys<double>(r, w, (double*)pa + j0, rs, (double*)px, (double*)py + j0);
                        break;
                    case DTypeCode.Complex64:
                        {
                            float* yr = (float*)py + 2 * j0;
                            new Span<float>(yr, 2 * w).Clear();
                            for (long i = 0; i < r; i++)
                            {
                                float* row = (float*)pa + 2 * (i * rs + j0);
                                float xr = ((float*)px)[2 * i], xi = ((float*)px)[2 * i + 1];
                                for (int j = 0; j < w; j++)
                                {
                                    yr[2 * j] += xr * row[2 * j] - xi * row[2 * j + 1];
                                    yr[2 * j + 1] += xr * row[2 * j + 1] + xi * row[2 * j];
                                }
                            }
                            break;
                        }
                    default:
                        {
                            Complex* yc = (Complex*)py + j0;
                            new Span<Complex>(yc, w).Clear();
                            for (long i = 0; i < r; i++)
                            {
                                Complex* row = (Complex*)pa + i * rs + j0;
                                Complex xi = ((Complex*)px)[i];
                                for (int j = 0; j < w; j++) yc[j] += xi * row[j];
                            }
                            break;
                        }
                }
            }
        });
    }

    // y (w) = Σ_i x_i row_i for rows of stride rs.
    private static void Axpys<T>(long r, int w, T* a, long rs, T* x, T* y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ys = new Span<T>(y, w);
        ys.Clear();
        for (long i = 0; i < r; i++)
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<T>(a + i * rs, w), x[i], ys, ys);
    }
}
