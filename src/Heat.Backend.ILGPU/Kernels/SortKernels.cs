// SPDX-License-Identifier: MIT
using global::ILGPU;
using Heat.Abstractions;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>
/// The radix sort's keys and its gather: each element's unsigned key in <see cref="SortKeys"/>' order (NaN largest,
/// −0 as +0; complemented for descending order) beside its position, and the values read back in sorted order.
/// Grid-stride loops over contiguous views.
/// </summary>
internal static class SortKernels
{
    public static void KeysFloat32(Index1D w, ArrayView<float> x, ArrayView<uint> keys, ArrayView<long> order,
        long n, int descending, long total)
    {
        for (long i = w; i < n; i += total)
        {
            uint key = (uint)SortKeys.Float32(Interop.FloatAsInt(x[i]));
            keys[i] = descending != 0 ? ~key : key;
            order[i] = i;
        }
    }

    public static void KeysFloat64(Index1D w, ArrayView<double> x, ArrayView<ulong> keys, ArrayView<long> order,
        long n, int descending, long total)
    {
        for (long i = w; i < n; i += total)
        {
            ulong key = SortKeys.Float64(Interop.FloatAsInt(x[i]));
            keys[i] = descending != 0 ? ~key : key;
            order[i] = i;
        }
    }

    public static void KeysInt32(Index1D w, ArrayView<int> x, ArrayView<uint> keys, ArrayView<long> order, long n,
        int descending, long total)
    {
        for (long i = w; i < n; i += total)
        {
            uint key = (uint)x[i] ^ 0x8000_0000u;
            keys[i] = descending != 0 ? ~key : key;
            order[i] = i;
        }
    }

    public static void KeysInt64(Index1D w, ArrayView<long> x, ArrayView<ulong> keys, ArrayView<long> order, long n,
        int descending, long total)
    {
        for (long i = w; i < n; i += total)
        {
            ulong key = (ulong)x[i] ^ 0x8000_0000_0000_0000UL;
            keys[i] = descending != 0 ? ~key : key;
            order[i] = i;
        }
    }

    public static void Gather<T>(Index1D w, ArrayView<T> x, ArrayView<long> order, ArrayView<T> values, long n,
        long total) where T : unmanaged
    {
        for (long i = w; i < n; i += total) values[i] = x[order[i]];
    }
}
