// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Runtime;
using Heat.Abstractions;
using Heat.Backend.ILGPU.Kernels;

namespace Heat.Backend.ILGPU;

public sealed partial class ILGPUBackend
{
    /// <summary>Multiply-adds above which the CPU accelerator runs the direct matmul kernel.</summary>
    internal const long DirectThreshold = 1 << 15;

    /// <inheritdoc/>
    public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false)
    {
        if (a.NDim < 2 || b.NDim < 2 || destination.NDim < 2)
            throw new ArgumentException("Matmul operands need at least 2 dimensions.");
        (Type T, Type A)? types = a.DType.Code switch
        {
            DTypeCode.Float32 => (typeof(float), typeof(AF32)),
            DTypeCode.Float64 => (typeof(double), typeof(AF64)),
            _ => null,
        };
        if (types is not { } ta)
        {
            Fallback("matmul", a.DType, [a, b], [destination], (h, t) => h.Matmul(t[0], t[1], t[2], accumulate));
            return;
        }
        int nd = destination.NDim;
        long m = destination.Shape[nd - 2], n = destination.Shape[nd - 1], k = a.Shape[^1];
        var batch = destination.Shape[..(nd - 2)].ToArray();
        using var av = a.BroadcastTo([.. batch, m, k]);
        using var bv = b.BroadcastTo([.. batch, k, n]);
        long batches = Shapes.Numel(batch);
        if (batches == 0 || m == 0 || n == 0) return;
        var slot = SlotOf(destination);
        // The tiled kernel everywhere but for larger products on the CPU accelerator, whose simulated group barriers
        // cost more than the shared memory saves (tests still run the tiled kernel on small products).
        bool direct = !slot.IsGpu && m * n * k > DirectThreshold;
        var kernel = direct
            ? slot.AutoGrouped(typeof(MatmulDirectKernel), nameof(MatmulDirectKernel.Matmul), ta.T, ta.A)
            : slot.Grouped(typeof(MatmulKernel), nameof(MatmulKernel.Matmul), ta.T, ta.A);
        int tile = slot.Tile;
        var config = new KernelConfig(
            new Index3D((int)((n + tile - 1) / tile), (int)((m + tile - 1) / tile), 1), new Index3D(tile, tile, 1),
            ta.T == typeof(float) ? SharedMemoryConfig.RequestDynamic<float>(2 * tile * tile)
                : SharedMemoryConfig.RequestDynamic<double>(2 * tile * tile));
        object va = View(av, ta.T), vb = View(bv, ta.T), vc = View(destination, ta.T);
        var idx = new long[batch.Length];
        slot.Bind();
        for (long i = 0; i < batches; i++)
        {
            long oa = av.Offset, ob = bv.Offset, oc = destination.Offset;
            for (int dd = 0; dd < batch.Length; dd++)
            {
                oa += idx[dd] * av.Strides[dd]; ob += idx[dd] * bv.Strides[dd]; oc += idx[dd] * destination.Strides[dd];
            }
            var p = new MatmulArgs
            {
                M = m, N = n, K = k, Tile = tile,
                SA0 = av.Strides[nd - 2], SA1 = av.Strides[nd - 1], SB0 = bv.Strides[nd - 2], SB1 = bv.Strides[nd - 1],
                SC0 = destination.Strides[nd - 2], SC1 = destination.Strides[nd - 1], OA = oa, OB = ob, OC = oc,
                Accumulate = accumulate ? 1 : 0,
            };
            if (direct) slot.Launch(kernel, m * n, va, vb, vc, p);
            else kernel.Launch(slot.Stream, config, va, vb, vc, p);
            for (int dd = batch.Length - 1; dd >= 0; dd--)
            {
                if (++idx[dd] < batch[dd]) break;
                idx[dd] = 0;
            }
        }
        slot.Synchronize();
    }
}
