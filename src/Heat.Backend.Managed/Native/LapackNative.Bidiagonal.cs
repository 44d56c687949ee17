// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

// The SVD of a real bidiagonal matrix (divide and conquer), the distributed SVD's replicated step.
internal static unsafe partial class LapackNative
{
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_sbdsdc(int layout, byte uplo, byte compq, int n, void* d, void* e, void* u,
        int ldu, void* vt, int ldvt, void* q, int* iq);
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dbdsdc(int layout, byte uplo, byte compq, int n, void* d, void* e, void* u,
        int ldu, void* vt, int ldvt, void* q, int* iq);
}
