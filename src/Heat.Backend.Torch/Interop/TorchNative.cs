// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The exports of <c>libheat_torch.so</c> (native/heat_torch/heat_torch.h). Load it through <see cref="NativeLoader"/> first.</summary>
internal static unsafe partial class TorchNative
{
    /// <summary>The library name the resolver maps to the shim.</summary>
    public const string Lib = "heat_torch";

    /// <summary>The ABI version this assembly was written against (HTS_ABI_VERSION).</summary>
    public const int AbiVersion = 1;

    [LibraryImport(Lib)] internal static partial int hts_abi_version();
    [LibraryImport(Lib)] internal static partial nint hts_last_error();
    [LibraryImport(Lib)] internal static partial int hts_version(byte* buffer, int length);
    [LibraryImport(Lib)] internal static partial int hts_cuda_device_count(out int count);
    [LibraryImport(Lib)] internal static partial int hts_set_num_threads(int threads);
    [LibraryImport(Lib)] internal static partial int hts_get_num_threads(out int threads);

    [LibraryImport(Lib)] internal static partial int hts_alloc(long bytes, int device, out nint storage, out nint data);
    [LibraryImport(Lib)] internal static partial void hts_free(nint storage);
    [LibraryImport(Lib)] internal static partial int hts_synchronize(int device);

    [LibraryImport(Lib)] internal static partial int hts_copy(HtsTensor* source, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_fill(HtsTensor* destination, void* value);
    [LibraryImport(Lib)] internal static partial int hts_arange(HtsTensor* destination, int integral, long start, long step, double fstart, double fstep);

    [LibraryImport(Lib)] internal static partial int hts_unary(int op, HtsTensor* x, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_binary(int op, HtsTensor* a, HtsTensor* b, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_binary_scalar(int op, HtsTensor* a, void* scalar, int scalarFirst, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_where(HtsTensor* condition, HtsTensor* a, HtsTensor* b, HtsTensor* destination);

    [LibraryImport(Lib)] internal static partial int hts_reduce(int op, HtsTensor* x, int* axes, int naxes, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_argreduce(int kind, HtsTensor* x, int axis, HtsTensor* values, HtsTensor* indices);
    [LibraryImport(Lib)] internal static partial int hts_moments(HtsTensor* x, int* axes, int naxes, HtsTensor* mean, HtsTensor* m2);
    [LibraryImport(Lib)] internal static partial int hts_scan(int op, HtsTensor* x, int axis, HtsTensor* destination);
    [LibraryImport(Lib)] internal static partial int hts_matmul(HtsTensor* a, HtsTensor* b, HtsTensor* destination, int accumulate);

    /// <summary>Throws the typed exception for a non-zero status, with the shim's message for this thread.</summary>
    public static void Check(int status, string what)
    {
        if (status == HtsStatus.Ok) return;
        var message = Marshal.PtrToStringUTF8(hts_last_error()) ?? "no message";
        throw status switch
        {
            HtsStatus.NotSupported => new NotSupportedException($"Torch backend: {what}: {message}"),
            HtsStatus.InvalidArgument => new ArgumentException($"Torch backend: {what}: {message}"),
            _ => new TorchException($"Torch backend: {what} failed in libtorch: {message}"),
        };
    }
}
