// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

/// <summary>
/// LAPACKE's C interface (row-major layout, <see cref="RowMajor"/>) for the four LAPACK types s, d, c, z; complex
/// arrays are passed as pointers to interleaved (re, im) pairs. Every call returns LAPACK's <c>info</c>.
/// </summary>
internal static unsafe partial class LapackNative
{
    /// <summary>LAPACK_ROW_MAJOR.</summary>
    public const int RowMajor = 101;

    static LapackNative() => LapackLibrary.Register();

    // QR: factor, then form Q from the reflectors.
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sgeqrf(int layout, int m, int n, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgeqrf(int layout, int m, int n, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cgeqrf(int layout, int m, int n, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgeqrf(int layout, int m, int n, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sorgqr(int layout, int m, int n, int k, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dorgqr(int layout, int m, int n, int k, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cungqr(int layout, int m, int n, int k, void* a, int lda, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zungqr(int layout, int m, int n, int k, void* a, int lda, void* tau);

    // SVD (divide and conquer); s is real.
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sgesdd(
        int layout, byte jobz, int m, int n, void* a, int lda, void* s, void* u, int ldu, void* vt, int ldvt);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgesdd(
        int layout, byte jobz, int m, int n, void* a, int lda, void* s, void* u, int ldu, void* vt, int ldvt);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cgesdd(
        int layout, byte jobz, int m, int n, void* a, int lda, void* s, void* u, int ldu, void* vt, int ldvt);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgesdd(
        int layout, byte jobz, int m, int n, void* a, int lda, void* s, void* u, int ldu, void* vt, int ldvt);

    // Symmetric / Hermitian eigenproblem (divide and conquer); w is real, ascending.
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_ssyevd(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dsyevd(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cheevd(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zheevd(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w);

    // LU with partial pivoting, the solve with its factors, the inverse from them.
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sgetrf(int layout, int m, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgetrf(int layout, int m, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cgetrf(int layout, int m, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgetrf(int layout, int m, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sgetrs(
        int layout, byte trans, int n, int nrhs, void* a, int lda, int* ipiv, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgetrs(
        int layout, byte trans, int n, int nrhs, void* a, int lda, int* ipiv, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cgetrs(
        int layout, byte trans, int n, int nrhs, void* a, int lda, int* ipiv, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgetrs(
        int layout, byte trans, int n, int nrhs, void* a, int lda, int* ipiv, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sgetri(int layout, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgetri(int layout, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cgetri(int layout, int n, void* a, int lda, int* ipiv);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgetri(int layout, int n, void* a, int lda, int* ipiv);

    // Triangular solve.
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_strtrs(
        int layout, byte uplo, byte trans, byte diag, int n, int nrhs, void* a, int lda, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dtrtrs(
        int layout, byte uplo, byte trans, byte diag, int n, int nrhs, void* a, int lda, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_ctrtrs(
        int layout, byte uplo, byte trans, byte diag, int n, int nrhs, void* a, int lda, void* b, int ldb);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_ztrtrs(
        int layout, byte uplo, byte trans, byte diag, int n, int nrhs, void* a, int lda, void* b, int ldb);

    // OpenBLAS's thread count (process-wide).
    [LibraryImport(LapackLibrary.OpenBlas)]
    internal static partial void openblas_set_num_threads(int threads);
}
