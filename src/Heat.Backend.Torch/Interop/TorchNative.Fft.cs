// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The exports of native/heat_torch/hts_fft.h: ATen's FFT along one axis, twiddles, chirps and
/// correlation.</summary>
internal static unsafe partial class TorchNative
{
    [LibraryImport(Lib)]
    internal static partial int hts_fft_c2c(HtsTensor* source, HtsTensor* destination, int axis, int inverse,
        double scale);
    [LibraryImport(Lib)]
    internal static partial int hts_fft_r2c(HtsTensor* source, HtsTensor* destination, int axis, double scale);
    [LibraryImport(Lib)]
    internal static partial int hts_fft_c2r(HtsTensor* source, HtsTensor* destination, int axis, double scale);
    [LibraryImport(Lib)]
    internal static partial int hts_fft_twiddle(HtsTensor* source, HtsTensor* destination, long n, long rowOffset,
        long columnOffset, int inverse);
    [LibraryImport(Lib)]
    internal static partial int hts_fft_chirp(HtsTensor* source, HtsTensor* destination, long n, long offset,
        int inverse);
    [LibraryImport(Lib)]
    internal static partial int hts_correlate(HtsTensor* signal, HtsTensor* kernel, long* strides, int dims,
        HtsTensor* output);
}
