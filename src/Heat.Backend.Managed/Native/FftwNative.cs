// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

/// <summary>One dimension of an FFTW guru plan: extent and input/output strides in elements
/// (<c>fftw_iodim64</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FftwIoDim
{
    public nint n;
    public nint @is;
    public nint os;
}

/// <summary>Double-precision FFTW (<c>libfftw3.so.3</c>); only the guru64 planners and new-array execution.</summary>
internal static unsafe partial class FftwNative
{
    internal const string Lib = "libfftw3.so.3";

    [LibraryImport(Lib)]
    internal static partial nint fftw_plan_guru64_dft(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, int sign, uint flags);

    [LibraryImport(Lib)]
    internal static partial nint fftw_plan_guru64_dft_r2c(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, uint flags);

    [LibraryImport(Lib)]
    internal static partial nint fftw_plan_guru64_dft_c2r(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, uint flags);

    [LibraryImport(Lib)] internal static partial void fftw_execute_dft(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftw_execute_dft_r2c(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftw_execute_dft_c2r(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftw_destroy_plan(nint plan);
    [LibraryImport(Lib)] internal static partial int fftw_alignment_of(void* p);
}

/// <summary>Double-precision FFTW's thread support (<c>libfftw3_threads.so.3</c>).</summary>
internal static partial class FftwThreadsNative
{
    internal const string Lib = "libfftw3_threads.so.3";

    [LibraryImport(Lib)] internal static partial int fftw_init_threads();
    [LibraryImport(Lib)] internal static partial void fftw_plan_with_nthreads(int nthreads);
}
