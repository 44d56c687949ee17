// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

// The general eigenproblem (geev) in double precision: real (wr, wi, real vectors) and complex.
internal static unsafe partial class LapackNative
{
    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_dgeev(int layout, byte jobvl, byte jobvr, int n, double* a, int lda,
        double* wr, double* wi, double* vl, int ldvl, double* vr, int ldvr);

    [LibraryImport(LapackLibrary.Lapacke)]
    internal static partial int LAPACKE_zgeev(int layout, byte jobvl, byte jobvr, int n, double* a, int lda,
        double* w, double* vl, int ldvl, double* vr, int ldvr);
}
