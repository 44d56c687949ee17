// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;
using static Heat.Backend.Managed.Native.LapackNative;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// The LAPACKE routine of a dtype (s, d, c, z) behind one name per operation, row-major. Dimensions are checked to
/// fit LAPACK's 32-bit integers; a negative <c>info</c> (a bad argument: a bug here) throws.
/// </summary>
internal static unsafe class Lapack
{
    public static int Geqrf(DTypeCode t, int m, int n, void* a, int lda, void* tau) => Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sgeqrf(RowMajor, m, n, a, lda, tau),
        DTypeCode.Float64 => LAPACKE_dgeqrf(RowMajor, m, n, a, lda, tau),
        DTypeCode.Complex64 => LAPACKE_cgeqrf(RowMajor, m, n, a, lda, tau),
        _ => LAPACKE_zgeqrf(RowMajor, m, n, a, lda, tau),
    }, "geqrf");

    public static int Orgqr(DTypeCode t, int m, int n, int k, void* a, int lda, void* tau) => Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sorgqr(RowMajor, m, n, k, a, lda, tau),
        DTypeCode.Float64 => LAPACKE_dorgqr(RowMajor, m, n, k, a, lda, tau),
        DTypeCode.Complex64 => LAPACKE_cungqr(RowMajor, m, n, k, a, lda, tau),
        _ => LAPACKE_zungqr(RowMajor, m, n, k, a, lda, tau),
    }, "orgqr");

    public static int Gesdd(
        DTypeCode t, byte jobz, int m, int n, void* a, int lda, void* s, void* u, int ldu, void* vt, int ldvt) =>
        Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sgesdd(RowMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt),
        DTypeCode.Float64 => LAPACKE_dgesdd(RowMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt),
        DTypeCode.Complex64 => LAPACKE_cgesdd(RowMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt),
        _ => LAPACKE_zgesdd(RowMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt),
    }, "gesdd");

    public static int Syevd(DTypeCode t, byte jobz, int n, void* a, int lda, void* w) => Check(t switch
    {
        DTypeCode.Float32 or DTypeCode.Complex64 => SingleSyevd(t, jobz, n, a, lda, w),
        DTypeCode.Float64 => LAPACKE_dsyevd(RowMajor, jobz, (byte)'L', n, a, lda, w),
        _ => LAPACKE_zheevd(RowMajor, jobz, (byte)'L', n, a, lda, w),
    }, "syevd");

    // ssyevd/cheevd with their minimal workspaces (LAPACK's documented sizes) computed in integers: LAPACKE's query
    // returns them as floats, rounded down above n ≈ 2,900.
    private static int SingleSyevd(DTypeCode t, byte jobz, int n, void* a, int lda, void* w)
    {
        bool vectors = jobz == (byte)'V';
        long nn = (long)n * n, complexFactor = t == DTypeCode.Complex64 ? 2 : 1;
        long lwork = n <= 1 ? 1 : t == DTypeCode.Float32
            ? (vectors ? 1 + 6L * n + 2 * nn : 2L * n + 1)
            : (vectors ? 2L * n + nn : n + 1L);
        long lrwork = n <= 1 ? 1 : vectors ? 1 + 5L * n + 2 * nn : n;
        long liwork = n <= 1 || !vectors ? 1 : 3 + 5L * n;
        Dim(Math.Max(lwork, lrwork), "n");
        void* work = NativeMemory.Alloc((nuint)(lwork * complexFactor), sizeof(float));
        int* iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
        void* rwork = t == DTypeCode.Complex64 ? NativeMemory.Alloc((nuint)lrwork, sizeof(float)) : null;
        try
        {
            return t == DTypeCode.Float32
                ? LAPACKE_ssyevd_work(RowMajor, jobz, (byte)'L', n, a, lda, w, work, (int)lwork, iwork, (int)liwork)
                : LAPACKE_cheevd_work(RowMajor, jobz, (byte)'L', n, a, lda, w, work, (int)lwork, rwork, (int)lrwork,
                    iwork, (int)liwork);
        }
        finally
        {
            NativeMemory.Free(work);
            NativeMemory.Free(iwork);
            NativeMemory.Free(rwork);
        }
    }

    public static int Getrf(DTypeCode t, int n, void* a, int* ipiv) => Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sgetrf(RowMajor, n, n, a, n, ipiv),
        DTypeCode.Float64 => LAPACKE_dgetrf(RowMajor, n, n, a, n, ipiv),
        DTypeCode.Complex64 => LAPACKE_cgetrf(RowMajor, n, n, a, n, ipiv),
        _ => LAPACKE_zgetrf(RowMajor, n, n, a, n, ipiv),
    }, "getrf");

    public static int Getrs(DTypeCode t, int n, int nrhs, void* a, int* ipiv, void* b) => Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sgetrs(RowMajor, (byte)'N', n, nrhs, a, n, ipiv, b, nrhs),
        DTypeCode.Float64 => LAPACKE_dgetrs(RowMajor, (byte)'N', n, nrhs, a, n, ipiv, b, nrhs),
        DTypeCode.Complex64 => LAPACKE_cgetrs(RowMajor, (byte)'N', n, nrhs, a, n, ipiv, b, nrhs),
        _ => LAPACKE_zgetrs(RowMajor, (byte)'N', n, nrhs, a, n, ipiv, b, nrhs),
    }, "getrs");

    public static int Getri(DTypeCode t, int n, void* a, int* ipiv) => Check(t switch
    {
        DTypeCode.Float32 => LAPACKE_sgetri(RowMajor, n, a, n, ipiv),
        DTypeCode.Float64 => LAPACKE_dgetri(RowMajor, n, a, n, ipiv),
        DTypeCode.Complex64 => LAPACKE_cgetri(RowMajor, n, a, n, ipiv),
        _ => LAPACKE_zgetri(RowMajor, n, a, n, ipiv),
    }, "getri");

    public static int Trtrs(DTypeCode t, bool upper, bool unit, int n, int nrhs, void* a, void* b)
    {
        byte uplo = upper ? (byte)'U' : (byte)'L', diag = unit ? (byte)'U' : (byte)'N', trans = (byte)'N';
        return Check(t switch
        {
            DTypeCode.Float32 => LAPACKE_strtrs(RowMajor, uplo, trans, diag, n, nrhs, a, n, b, nrhs),
            DTypeCode.Float64 => LAPACKE_dtrtrs(RowMajor, uplo, trans, diag, n, nrhs, a, n, b, nrhs),
            DTypeCode.Complex64 => LAPACKE_ctrtrs(RowMajor, uplo, trans, diag, n, nrhs, a, n, b, nrhs),
            _ => LAPACKE_ztrtrs(RowMajor, uplo, trans, diag, n, nrhs, a, n, b, nrhs),
        }, "trtrs");
    }

    /// <summary>A dimension as LAPACK's int.</summary>
    /// <exception cref="ArgumentException">It exceeds 2^31 − 1.</exception>
    public static int Dim(long n, string name) => n <= int.MaxValue
        ? (int)n
        : throw new ArgumentException($"{name} = {n} exceeds LAPACK's 32-bit dimensions.", name);

    private static int Check(int info, string routine) => info >= 0
        ? info
        : throw new InvalidOperationException($"LAPACK {routine}: argument {-info} had an illegal value.");
}
