// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

// The single-precision symmetric/Hermitian eigensolvers with the workspace passed in: LAPACKE's own query returns the
// workspace size as a float, which rounds 1 + 6n + 2n² down above n ≈ 2,900 and fails with "argument 9".
internal static unsafe partial class LapackNative
{
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_ssyevd_work(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w,
        void* work, int lwork, int* iwork, int liwork);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_cheevd_work(int layout, byte jobz, byte uplo, int n, void* a, int lda, void* w,
        void* work, int lwork, void* rwork, int lrwork, int* iwork, int liwork);
}
