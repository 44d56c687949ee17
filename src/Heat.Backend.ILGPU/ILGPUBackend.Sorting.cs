// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Algorithms;
using global::ILGPU.Algorithms.RadixSortOperations;
using global::ILGPU.Runtime;
using Heat.Abstractions;
using Heat.Backend.ILGPU.Kernels;

namespace Heat.Backend.ILGPU;

/// <summary>
/// The sort capability: 1-d float32, float64, int32 and int64 sorts by ILGPU.Algorithms' radix sort of (key,
/// position) pairs, the keys in <see cref="SortKeys"/>' order (an LSD radix sort is stable, so ties keep their input
/// order in both directions); every other sort and the sample sort's segment steps run on the host backend through
/// host copies.
/// </summary>
public sealed unsafe partial class ILGPUBackend : ISortKernels
{
    /// <inheritdoc/>
    public void Sort(LocalTensor x, int axis, bool descending, bool stable, LocalTensor values, LocalTensor indices)
    {
        long n = x.NDim == 1 ? x.Shape[0] : -1;
        bool radix = n is >= 0 and <= int.MaxValue && x.DType.Code is DTypeCode.Float32 or DTypeCode.Float64
            or DTypeCode.Int32 or DTypeCode.Int64;
        if (!radix)
        {
            Fallback("sort", x.DType, [x], [values, indices],
                (h, t) => h.Capability<ISortKernels>().Sort(t[0], axis, descending, stable, t[1], t[2]));
            return;
        }
        if (n == 0) return;
        switch (x.DType.Code)
        {
            case DTypeCode.Float32:
                RadixSort<float, uint, AscendingUInt32>(x, values, indices, descending,
                    nameof(SortKernels.KeysFloat32));
                break;
            case DTypeCode.Float64:
                RadixSort<double, ulong, AscendingUInt64>(x, values, indices, descending,
                    nameof(SortKernels.KeysFloat64));
                break;
            case DTypeCode.Int32:
                RadixSort<int, uint, AscendingUInt32>(x, values, indices, descending, nameof(SortKernels.KeysInt32));
                break;
            default:
                RadixSort<long, ulong, AscendingUInt64>(x, values, indices, descending, nameof(SortKernels.KeysInt64));
                break;
        }
    }

    private void RadixSort<T, TKey, TOperation>(LocalTensor x, LocalTensor values, LocalTensor indices,
        bool descending, string keysKernel)
        where T : unmanaged where TKey : unmanaged where TOperation : struct, IRadixSortOperation<TKey>
    {
        long n = x.Shape[0];
        var slot = SlotOf(values);
        using var source = x.IsContiguous && Storage(x).Slot == slot ? x.Share() : Contiguous(x, slot.Device);
        using var keys = Empty([n], sizeof(TKey) == 4 ? DType.Int32 : DType.Int64, values.Device);
        var keyView = Storage(keys).Bytes.Cast<TKey>().SubView(keys.Offset, n);
        var order = Typed<long>(indices, n);
        slot.Launch(slot.AutoGrouped(typeof(SortKernels), keysKernel), n, Typed<T>(source, n), keyView, order, n,
            descending ? 1 : 0);
        slot.Bind();
        var accelerator = slot.Accelerator;
        var sort = accelerator.CreateRadixSortPairs<TKey, Stride1D.Dense, long, Stride1D.Dense, TOperation>();
        var tempLength = accelerator.ComputeRadixSortPairsTempStorageSize<TKey, long, TOperation>((Index1D)(int)n);
        using var temp = Empty([Math.Max(1, tempLength.X)], DType.Int32, values.Device);
        sort(slot.Stream, keyView, order,
            Storage(temp).Bytes.Cast<int>().SubView(temp.Offset, tempLength.X));
        slot.Launch(slot.AutoGrouped(typeof(SortKernels), nameof(SortKernels.Gather), typeof(T)), n,
            Typed<T>(source, n), order, Typed<T>(values, n), n);
        slot.Synchronize();
    }

    private LocalTensor Contiguous(LocalTensor x, Device device)
    {
        var copy = Empty(x.Shape, x.DType, device);
        Copy(x, copy);
        return copy;
    }

    /// <inheritdoc/>
    public void SortSegments(LocalTensor x, LocalTensor? order, long orderBase, LocalTensor starts, bool descending,
        LocalTensor values, LocalTensor sortedOrder)
    {
        LocalTensor[] inputs = order is null ? [x, starts] : [x, starts, order];
        Fallback("sort segments", x.DType, inputs, [values, sortedOrder], (h, t) => h.Capability<ISortKernels>()
            .SortSegments(t[0], order is null ? null : t[2], orderBase, t[1], descending, t[^2], t[^1]));
    }

    /// <inheritdoc/>
    public void MergeSegments(LocalTensor x, LocalTensor order, LocalTensor runStarts, long runsPerSegment,
        bool descending, LocalTensor values, LocalTensor sortedOrder) =>
        Fallback("merge segments", x.DType, [x, order, runStarts], [values, sortedOrder], (h, t) =>
            h.Capability<ISortKernels>().MergeSegments(t[0], t[1], t[2], runsPerSegment, descending, t[3], t[4]));

    /// <inheritdoc/>
    public void PartitionCounts(LocalTensor values, LocalTensor order, LocalTensor starts, LocalTensor splitValues,
        LocalTensor splitOrder, bool descending, LocalTensor counts) =>
        Fallback("partition counts", values.DType, [values, order, starts, splitValues, splitOrder], [counts],
            (h, t) => h.Capability<ISortKernels>().PartitionCounts(t[0], t[1], t[2], t[3], t[4], descending, t[5]));

    /// <inheritdoc/>
    public void GatherSegments(LocalTensor source, LocalTensor starts, LocalTensor lengths, LocalTensor destination) =>
        Fallback("gather segments", source.DType, [source, starts, lengths], [destination],
            (h, t) => h.Capability<ISortKernels>().GatherSegments(t[0], t[1], t[2], t[3]));

    /// <inheritdoc/>
    public void SearchSorted(LocalTensor sorted, LocalTensor v, bool right, bool descending, LocalTensor positions) =>
        Fallback("searchsorted", sorted.DType, [sorted, v], [positions],
            (h, t) => h.Capability<ISortKernels>().SearchSorted(t[0], t[1], right, descending, t[2]));

    /// <inheritdoc/>
    public long Runs(LocalTensor sorted, LocalTensor values, LocalTensor counts, LocalTensor runIds)
    {
        long runs = 0;
        Fallback("runs", sorted.DType, [sorted], [values, counts, runIds],
            (h, t) => runs = h.Capability<ISortKernels>().Runs(t[0], t[1], t[2], t[3]));
        return runs;
    }
}
