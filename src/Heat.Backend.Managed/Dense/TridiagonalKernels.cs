// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Native;
using static Heat.Backend.Managed.Native.LapackNative;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// <see cref="ITridiagonalKernels"/> through LAPACKE: larfg, stedc (compz = 'I') and ormtr/unmtr (side L, lower,
/// no transpose), row-major. Inputs are copied to scratch first (LAPACK overwrites them).
/// </summary>
internal static unsafe class TridiagonalKernels
{
    private static readonly DTypeCode[] Types =
        [DTypeCode.Float32, DTypeCode.Float64, DTypeCode.Complex64, DTypeCode.Complex128];

    public static void Reflector(LocalTensor x, LocalTensor v, LocalTensor tau, LocalTensor beta)
    {
        HostOperands.Require(x, nameof(x), Types);
        HostOperands.Require(v, nameof(v), x.DType.Code);
        HostOperands.Require(tau, nameof(tau), x.DType.Code);
        HostOperands.Require(beta, nameof(beta), x.DType.RealType.Code);
        int n = Lapack.Dim(x.Numel, nameof(x));
        if (n < 1 || v.Numel != n || tau.Numel != 1 || beta.Numel != 1)
            throw new ArgumentException(
                $"Reflector: x has {n} elements (at least 1); v needs as many, tau and beta 1.");
        int size = x.DType.ItemSize;
        Buffer.MemoryCopy((void*)x.HostPointer, (void*)v.HostPointer, (long)n * size, (long)n * size);
        byte* alpha = (byte*)v.HostPointer, rest = alpha + size, t = (byte*)tau.HostPointer;
        Check(x.DType.Code switch
        {
            DTypeCode.Float32 => LAPACKE_slarfg(n, alpha, rest, 1, t),
            DTypeCode.Float64 => LAPACKE_dlarfg(n, alpha, rest, 1, t),
            DTypeCode.Complex64 => LAPACKE_clarfg(n, alpha, rest, 1, t),
            _ => LAPACKE_zlarfg(n, alpha, rest, 1, t),
        }, "larfg");
        // β is real (larfg's alpha on exit); v[0] = 1.
        if (x.DType.RealType == DType.Float32)
        {
            *(float*)beta.HostPointer = *(float*)alpha;
            *(float*)alpha = 1;
            if (x.DType.Kind == DTypeKind.Complex) ((float*)alpha)[1] = 0;
        }
        else
        {
            *(double*)beta.HostPointer = *(double*)alpha;
            *(double*)alpha = 1;
            if (x.DType.Kind == DTypeKind.Complex) ((double*)alpha)[1] = 0;
        }
    }

    public static void MatrixVector(int threads, LocalTensor a, LocalTensor x, LocalTensor y)
    {
        HostOperands.Require(x, nameof(x), Types);
        HostOperands.Require(y, nameof(y), x.DType.Code);
        if (a.DType != x.DType || a.NDim != 2 || (a.Numel > 0 && a.HostPointer == 0))
            throw new ArgumentException($"MatrixVector: a must be a host matrix of {x.DType}.", nameof(a));
        long r = a.Shape[0], c = a.Shape[1], rs = a.Strides[0];
        if (c > 1 && a.Strides[1] != 1)
            throw new ArgumentException("MatrixVector: the rows of a must be contiguous.", nameof(a));
        if (x.Numel != c || y.Numel != r)
            throw new ArgumentException($"MatrixVector: a is {r} x {c}; x needs {c} elements, y {r}.");
        if (r == 0) return;
        int size = x.DType.ItemSize;
        nint pa = a.HostPointer, px = x.HostPointer, py = y.HostPointer;
        var code = x.DType.Code;
        WorkerPool.For(r, r * c < 1 << 16 ? 1 : threads, (i0, i1) =>
        {
            for (long i = i0; i < i1; i++)
            {
                byte* row = (byte*)pa + i * rs * size;
                switch (code)
                {
                    case DTypeCode.Float32:
                        ((float*)py)[i] = TensorPrimitives.Dot(new ReadOnlySpan<float>(row, (int)c),
                            new ReadOnlySpan<float>((void*)px, (int)c));
                        break;
                    case DTypeCode.Float64:
                        ((double*)py)[i] = TensorPrimitives.Dot(new ReadOnlySpan<double>(row, (int)c),
                            new ReadOnlySpan<double>((void*)px, (int)c));
                        break;
                    case DTypeCode.Complex64:
                        {
                            float re = 0, im = 0;
                            float* ar = (float*)row, xr = (float*)px;
                            for (long j = 0; j < c; j++)
                            {
                                re += ar[2 * j] * xr[2 * j] - ar[2 * j + 1] * xr[2 * j + 1];
                                im += ar[2 * j] * xr[2 * j + 1] + ar[2 * j + 1] * xr[2 * j];
                            }
                            ((float*)py)[2 * i] = re;
                            ((float*)py)[2 * i + 1] = im;
                            break;
                        }
                    default:
                        {
                            Complex sum = Complex.Zero;
                            Complex* ar = (Complex*)row, xr = (Complex*)px;
                            for (long j = 0; j < c; j++) sum += ar[j] * xr[j];
                            ((Complex*)py)[i] = sum;
                            break;
                        }
                }
            }
        });
    }

    public static void TridiagonalEigh(int threads, LocalTensor d, LocalTensor e, LocalTensor w, LocalTensor z)
    {
        HostOperands.Require(d, nameof(d), DTypeCode.Float32, DTypeCode.Float64);
        foreach (var (t, name) in new[] { (e, nameof(e)), (w, nameof(w)), (z, nameof(z)) })
            HostOperands.Require(t, name, d.DType.Code);
        int n = Lapack.Dim(d.Numel, nameof(d));
        if (e.Numel != Math.Max(n - 1, 0) || w.Numel != n || z.Numel != (long)n * n)
            throw new ArgumentException($"TridiagonalEigh: d has {n} elements; e needs {n - 1}, w {n}, z {n} x {n}.");
        if (n == 0) return;
        int size = d.DType.ItemSize;
        Buffer.MemoryCopy((void*)d.HostPointer, (void*)w.HostPointer, (long)n * size, (long)n * size);
        var scratch = new byte[(long)n * size];
        fixed (byte* ep = scratch)
        {
            if (n > 1) Buffer.MemoryCopy((void*)e.HostPointer, ep, (long)(n - 1) * size, (long)(n - 1) * size);
            if (LapackLibrary.HasOpenBlas) openblas_set_num_threads(threads);
            int info = Check(d.DType.Code == DTypeCode.Float32
                ? LAPACKE_sstedc(RowMajor, (byte)'I', n, (void*)w.HostPointer, ep, (void*)z.HostPointer, n)
                : LAPACKE_dstedc(RowMajor, (byte)'I', n, (void*)w.HostPointer, ep, (void*)z.HostPointer, n), "stedc");
            if (info > 0) throw new ArithmeticException($"LAPACK stedc did not converge (info {info}).");
        }
    }

    public static void ApplyReflectors(int threads, LocalTensor reflectors, LocalTensor tau, LocalTensor c,
        LocalTensor result)
    {
        HostOperands.Require(reflectors, nameof(reflectors), Types);
        var code = reflectors.DType.Code;
        foreach (var (t, name) in new[] { (tau, nameof(tau)), (c, nameof(c)), (result, nameof(result)) })
            HostOperands.Require(t, name, code);
        if (reflectors.NDim != 2 || c.NDim != 2)
            throw new ArgumentException("ApplyReflectors: reflectors (n x n) and c (n x k) are matrices.");
        int n = Lapack.Dim(reflectors.Shape[0], nameof(reflectors)), k = Lapack.Dim(c.Shape[1], nameof(c));
        if (reflectors.Shape[1] != n || c.Shape[0] != n || tau.Numel != Math.Max(n - 1, 0) || result.Numel != c.Numel)
            throw new ArgumentException(
                $"ApplyReflectors: reflectors {n} x {reflectors.Shape[1]}, tau {tau.Numel}, c {c.Shape[0]} x {k}.");
        long bytes = c.Numel * c.DType.ItemSize;
        Buffer.MemoryCopy((void*)c.HostPointer, (void*)result.HostPointer, bytes, bytes);
        if (n <= 1 || k == 0) return;
        if (LapackLibrary.HasOpenBlas) openblas_set_num_threads(threads);
        void* a = (void*)reflectors.HostPointer, tp = (void*)tau.HostPointer, cp = (void*)result.HostPointer;
        byte side = (byte)'L', uplo = (byte)'L', trans = (byte)'N';
        Check(code switch
        {
            DTypeCode.Float32 => LAPACKE_sormtr(RowMajor, side, uplo, trans, n, k, a, n, tp, cp, k),
            DTypeCode.Float64 => LAPACKE_dormtr(RowMajor, side, uplo, trans, n, k, a, n, tp, cp, k),
            DTypeCode.Complex64 => LAPACKE_cunmtr(RowMajor, side, uplo, trans, n, k, a, n, tp, cp, k),
            _ => LAPACKE_zunmtr(RowMajor, side, uplo, trans, n, k, a, n, tp, cp, k),
        }, "ormtr");
    }

    private static int Check(int info, string routine) => info >= 0
        ? info
        : throw new InvalidOperationException($"LAPACK {routine}: argument {-info} had an illegal value.");
}
