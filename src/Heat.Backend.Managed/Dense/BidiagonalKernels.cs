// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Native;
using static Heat.Backend.Managed.Native.LapackNative;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// <see cref="IBidiagonalKernels"/> through LAPACKE: bdsdc (upper, compq 'I' or 'N'), row-major. d and e are copied
/// first (LAPACK overwrites them).
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
}
