// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed;

/// <summary>Receives one run of the walk: per-operand element offsets of its first element, its length and per-operand strides.</summary>
internal unsafe interface IRunHandler
{
    void Run(long* offsets, long length, long* strides);
}

/// <summary>
/// The iteration space of an element-wise op: one shape shared by up to <see cref="MaxOperands"/> operands, each with
/// its own element strides. Extent-1 dimensions are dropped and neighbouring dimensions merged when every operand
/// steps through them as one (<c>stride[i] == stride[i+1] * shape[i+1]</c>), so a contiguous tensor walks as one run.
/// </summary>
internal sealed class StridedLayout
{
    public const int MaxOperands = 4;
    /// <summary>Runs are cut at this length so kernels can use int spans even on chunks beyond 2^31 elements.</summary>
    public const long MaxRun = 1L << 28;

    public readonly int Operands;
    public readonly int NDim;
    public readonly long[] Shape;
    /// <summary>Strides, operand-major: <c>Strides[op * NDim + d]</c>.</summary>
    public readonly long[] Strides;
    public readonly long Numel;

    private StridedLayout(int operands, long[] shape, long[] strides, long numel)
    {
        Operands = operands; NDim = shape.Length; Shape = shape; Strides = strides; Numel = numel;
    }

    public static StridedLayout Create(ReadOnlySpan<long> shape, params ReadOnlySpan<long[]> strides)
    {
        int ops = strides.Length;
        long numel = Shapes.Numel(shape);
        var dims = new List<int>();
        for (int d = 0; d < shape.Length; d++) if (shape[d] != 1) dims.Add(d);
        // Merge from the inside out.
        var keptShape = new List<long>();
        var keptStrides = new List<long[]>();
        for (int k = dims.Count - 1; k >= 0; k--)
        {
            int d = dims[k];
            if (keptShape.Count > 0)
            {
                int last = keptShape.Count - 1;
                bool merge = true;
                for (int o = 0; o < ops && merge; o++)
                    merge = strides[o][d] == keptStrides[last][o] * keptShape[last];
                if (merge)
                {
                    for (int o = 0; o < ops; o++) keptStrides[last][o] = strides[o][d] == 0 ? 0 : keptStrides[last][o];
                    keptShape[last] *= shape[d];
                    continue;
                }
            }
            var s = new long[ops];
            for (int o = 0; o < ops; o++) s[o] = strides[o][d];
            keptShape.Add(shape[d]); keptStrides.Add(s);
        }
        if (keptShape.Count == 0) { keptShape.Add(1); keptStrides.Add(new long[ops]); }
        keptShape.Reverse(); keptStrides.Reverse();
        int nd = keptShape.Count;
        var flat = new long[ops * nd];
        for (int d = 0; d < nd; d++)
            for (int o = 0; o < ops; o++) flat[o * nd + d] = keptStrides[d][o];
        return new StridedLayout(ops, keptShape.ToArray(), flat, numel);
    }

    public static StridedLayout Create(params ReadOnlySpan<LocalTensor> tensors)
    {
        var strides = new long[tensors.Length][];
        for (int i = 0; i < tensors.Length; i++) strides[i] = tensors[i].Strides.ToArray();
        return Create(tensors[^1].Shape, strides);
    }

    /// <summary>Walks elements [start, end) in row-major order of the shape, one run at a time.</summary>
    public unsafe void Walk<THandler>(long start, long end, ref THandler handler) where THandler : struct, IRunHandler
    {
        if (end <= start) return;
        int nd = NDim, ops = Operands;
        long* idx = stackalloc long[nd];
        long* off = stackalloc long[MaxOperands];
        long* inner = stackalloc long[MaxOperands];
        long innerExtent = Shape[nd - 1];
        for (int o = 0; o < ops; o++) { inner[o] = Strides[o * nd + nd - 1]; off[o] = 0; }
        long rest = start;
        for (int d = nd - 1; d >= 0; d--)
        {
            idx[d] = rest % Shape[d];
            rest /= Shape[d];
            for (int o = 0; o < ops; o++) off[o] += idx[d] * Strides[o * nd + d];
        }
        long pos = start;
        while (pos < end)
        {
            long len = Math.Min(Math.Min(innerExtent - idx[nd - 1], end - pos), MaxRun);
            handler.Run(off, len, inner);
            pos += len;
            idx[nd - 1] += len;
            for (int o = 0; o < ops; o++) off[o] += len * inner[o];
            if (idx[nd - 1] < innerExtent || pos >= end) continue;
            // Carry into the outer dimensions.
            for (int o = 0; o < ops; o++) off[o] -= innerExtent * inner[o];
            idx[nd - 1] = 0;
            for (int d = nd - 2; d >= 0; d--)
            {
                idx[d]++;
                for (int o = 0; o < ops; o++) off[o] += Strides[o * nd + d];
                if (idx[d] < Shape[d]) break;
                for (int o = 0; o < ops; o++) off[o] -= Shape[d] * Strides[o * nd + d];
                idx[d] = 0;
            }
        }
    }

    /// <summary>Walks all elements, split over up to <paramref name="threads"/> threads when there are enough of them.</summary>
    public void WalkParallel<THandler>(int threads, ref THandler handler, long costPerElement = 1) where THandler : struct, IRunHandler
    {
        if (Numel == 0) return;
        int parts = Parallelism.Parts(Numel * costPerElement, threads);
        if (parts <= 1) { Walk(0, Numel, ref handler); return; }
        var h = handler;
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            var local = h;
            for (long p = p0; p < p1; p++) Walk(Numel * p / parts, Numel * (p + 1) / parts, ref local);
        });
    }
}

/// <summary>When to parallelise.</summary>
internal static class Parallelism
{
    /// <summary>Work below this (in element-operations) runs on the calling thread.</summary>
    public const long Threshold = 32 * 1024;

    public static int Parts(long work, int threads) =>
        threads <= 1 || work < 2 * Threshold ? 1 : (int)Math.Min(threads, work / Threshold);
}
