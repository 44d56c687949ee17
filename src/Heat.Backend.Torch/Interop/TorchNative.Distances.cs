// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The exports of native/heat_torch/hts_distances.h: the local blocks of cdist.</summary>
internal static unsafe partial class TorchNative
{
    /// <summary>metric: <see cref="Heat.Abstractions.DistanceMetric"/>; y null: x against itself; mirror null: no
    /// transpose.</summary>
    [LibraryImport(Lib)]
    internal static partial int hts_cdist(HtsTensor* x, HtsTensor* y, HtsTensor* destination, HtsTensor* mirror, int metric, int quadratic, double sigma);
    [LibraryImport(Lib)] internal static partial nint hts_cdist_last_error();

    /// <summary>Throws the typed exception for a non-zero status of <see cref="hts_cdist"/>, with its
    /// message.</summary>
    public static void CheckCdist(int status)
    {
        if (status == HtsStatus.Ok) return;
        var message = Marshal.PtrToStringUTF8(hts_cdist_last_error()) ?? "no message";
        throw status == HtsStatus.InvalidArgument
            ? new ArgumentException($"Torch backend: cdist: {message}")
            : new TorchException($"Torch backend: cdist failed in libtorch: {message}");
    }
}
