// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The exports of native/heat_torch/hts_sort.h: ATen's stable sort along an axis and of segments.</summary>
internal static unsafe partial class TorchNative
{
    [LibraryImport(Lib)]
    internal static partial int hts_sort(HtsTensor* x, int axis, int descending, HtsTensor* values,
        HtsTensor* indices);
    [LibraryImport(Lib)]
    internal static partial int hts_sort_segments(HtsTensor* x, HtsTensor* order, long orderBase, HtsTensor* starts,
        int descending, HtsTensor* values, HtsTensor* sortedOrder);
}
