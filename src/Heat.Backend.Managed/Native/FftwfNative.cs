// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

/// <summary>Single-precision FFTW (<c>libfftw3f.so.3</c>); only the guru64 planners and new-array execution.</summary>
internal static unsafe partial class FftwfNative
{
    internal const string Lib = "libfftw3f.so.3";

    [LibraryImport(Lib)]
    internal static partial nint fftwf_plan_guru64_dft(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, int sign, uint flags);

    [LibraryImport(Lib)]
    internal static partial nint fftwf_plan_guru64_dft_r2c(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, uint flags);

    [LibraryImport(Lib)]
    internal static partial nint fftwf_plan_guru64_dft_c2r(int rank, FftwIoDim* dims, int howmany_rank,
        FftwIoDim* howmany_dims, void* input, void* output, uint flags);

    [LibraryImport(Lib)] internal static partial void fftwf_execute_dft(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftwf_execute_dft_r2c(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftwf_execute_dft_c2r(FftwPlan plan, void* input, void* output);
    [LibraryImport(Lib)] internal static partial void fftwf_destroy_plan(nint plan);
    [LibraryImport(Lib)] internal static partial int fftwf_alignment_of(void* p);
}

/// <summary>Single-precision FFTW's thread support (<c>libfftw3f_threads.so.3</c>).</summary>
internal static partial class FftwfThreadsNative
{
    internal const string Lib = "libfftw3f_threads.so.3";

    [LibraryImport(Lib)] internal static partial int fftwf_init_threads();
    [LibraryImport(Lib)] internal static partial void fftwf_plan_with_nthreads(int nthreads);
}
