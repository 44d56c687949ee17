// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed.Sorting;

/// <summary>
/// Merges the sorted runs of each segment in one pass (the receive side of the sample sort: one run per source rank);
/// ties go to the earlier run, so the merge is stable. Many runs per segment fall back to the radix sort.
/// </summary>
internal static unsafe class MergeKernel
{
    private const long MaxRuns = 16;

    public static void Merge(ManagedBackend backend, LocalTensor x, LocalTensor order, LocalTensor runStarts,
        long runsPerSegment,
        bool descending, LocalTensor values, LocalTensor sortedOrder)
    {
        HostOperands.Require(order, nameof(order), DTypeCode.Int64);
        HostOperands.Require(runStarts, nameof(runStarts), DTypeCode.Int64);
        HostOperands.Require(values, nameof(values), x.DType.Code);
        HostOperands.Require(sortedOrder, nameof(sortedOrder), DTypeCode.Int64);
        if (runsPerSegment < 1 || (runStarts.Numel - 1) % runsPerSegment != 0)
            throw new ArgumentException($"runStarts has {runStarts.Numel} offsets, not a multiple of "
                + $"{runsPerSegment} runs plus one.", nameof(runStarts));
        long segments = (runStarts.Numel - 1) / runsPerSegment;
        long* rs = (long*)runStarts.HostPointer;
        if (runsPerSegment > MaxRuns)
        {
            var starts = new long[segments + 1];
            for (long s = 0; s <= segments; s++) starts[s] = rs[s * runsPerSegment];
            using var st = backend.FromSpan<long>(starts, [segments + 1]);
            SortKernel.SortSegments(backend, x, order, 0, st, descending, values, sortedOrder);
            return;
        }
        if (x.Numel == 0) return;
        HostOperands.Require(x, nameof(x), x.DType.Code);
        var job = new Job((byte*)x.HostPointer, (long*)order.HostPointer, rs, (int)runsPerSegment, descending,
            (byte*)values.HostPointer, (long*)sortedOrder.HostPointer);
        int threads = segments > 1 ? backend.Threads : 1;
        switch (x.DType.Code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: WorkerPool.For(segments, threads, job.Run<U8Codec>); break;
            case DTypeCode.Int8: WorkerPool.For(segments, threads, job.Run<I8Codec>); break;
            case DTypeCode.Int16: WorkerPool.For(segments, threads, job.Run<I16Codec>); break;
            case DTypeCode.Int32: WorkerPool.For(segments, threads, job.Run<I32Codec>); break;
            case DTypeCode.Float32: WorkerPool.For(segments, threads, job.Run<F32Codec>); break;
            case DTypeCode.Int64: WorkerPool.For(segments, threads, job.Run<I64Codec>); break;
            case DTypeCode.Float64: WorkerPool.For(segments, threads, job.Run<F64Codec>); break;
            default: throw new ArgumentException($"{x.DType} values have no sort order.", nameof(x));
        }
    }

    private sealed class Job(byte* x, long* order, long* runStarts, int runs, bool descending, byte* values,
        long* sortedOrder)
    {
        public void Run<TCodec>(long s0, long s1) where TCodec : struct, IKeyCodec
        {
            int size = TCodec.Size;
            ulong flip = descending ? (size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1) : 0;
            Span<long> head = stackalloc long[runs];
            Span<long> end = stackalloc long[runs];
            Span<ulong> key = stackalloc ulong[runs];
            for (long s = s0; s < s1; s++)
            {
                long at = runStarts[s * runs];
                for (int j = 0; j < runs; j++)
                {
                    head[j] = runStarts[s * runs + j];
                    end[j] = runStarts[s * runs + j + 1];
                    if (head[j] < end[j]) key[j] = TCodec.Key(RawBits.Read(x + head[j] * size, size)) ^ flip;
                }
                while (true)
                {
                    int best = -1;
                    for (int j = 0; j < runs; j++)
                        if (head[j] < end[j] && (best < 0 || key[j] < key[best])) best = j;
                    if (best < 0) break;
                    long i = head[best]++;
                    Buffer.MemoryCopy(x + i * size, values + at * size, size, size);
                    sortedOrder[at++] = order[i];
                    if (head[best] < end[best]) key[best] = TCodec.Key(RawBits.Read(x + head[best] * size,
                        size)) ^ flip;
                }
            }
        }
    }
}
