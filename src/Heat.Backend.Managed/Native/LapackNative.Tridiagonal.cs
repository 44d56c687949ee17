// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

// The symmetric eigensolver's pieces: Householder reflector, tridiagonal divide and conquer, back-transformation.
internal static unsafe partial class LapackNative
{
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_slarfg(int n, void* alpha, void* x, int incx, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dlarfg(int n, void* alpha, void* x, int incx, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_clarfg(int n, void* alpha, void* x, int incx, void* tau);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zlarfg(int n, void* alpha, void* x, int incx, void* tau);

    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sstedc(int layout, byte compz, int n, void* d, void* e, void* z, int ldz);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dstedc(int layout, byte compz, int n, void* d, void* e, void* z, int ldz);

    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sormtr(int layout, byte side, byte uplo, byte trans, int m, int n, void* a,
        int lda, void* tau, void* c, int ldc);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dormtr(int layout, byte side, byte uplo, byte trans, int m, int n, void* a,
        int lda, void* tau, void* c, int ldc);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cunmtr(int layout, byte side, byte uplo, byte trans, int m, int n, void* a,
        int lda, void* tau, void* c, int ldc);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zunmtr(int layout, byte side, byte uplo, byte trans, int m, int n, void* a,
        int lda, void* tau, void* c, int ldc);
}
