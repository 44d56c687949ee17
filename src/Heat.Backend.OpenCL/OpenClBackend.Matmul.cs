// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;

namespace Heat.Backend.OpenCL;

public sealed unsafe partial class OpenClBackend
{
    private const int Tile = 16;

    /// <inheritdoc/>
    public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false)
    {
        if (a.NDim < 2 || b.NDim < 2 || destination.NDim < 2) throw new ArgumentException("Matmul operands need at least 2 dimensions.");
        if (F16.AnyHalf(a, b) || F16.IsHalf(destination)) { F16.Matmul(this, a, b, destination, accumulate); return; }
        CheckDType(a.DType, "matmul");
        int nd = destination.NDim;
        long m = destination.Shape[nd - 2], n = destination.Shape[nd - 1], k = a.Shape[^1];
        var batch = destination.Shape[..(nd - 2)].ToArray();
        using var av = a.BroadcastTo([.. batch, m, k]);
        using var bv = b.BroadcastTo([.. batch, k, n]);
        long batches = Shapes.Numel(batch);
        if (batches == 0 || m == 0 || n == 0) return;
        var program = _device.Program("matmul", a.DType);
        var idx = new long[batch.Length];
        for (long i = 0; i < batches; i++)
        {
            long oa = av.Offset, ob = bv.Offset, oc = destination.Offset;
            for (int dd = 0; dd < batch.Length; dd++)
            {
                oa += idx[dd] * av.Strides[dd]; ob += idx[dd] * bv.Strides[dd]; oc += idx[dd] * destination.Strides[dd];
            }
            Launch2D(program, "matmul", n, m, Tile, Mem(av), Mem(bv), Mem(destination), m, n, k,
                av.Strides[nd - 2], av.Strides[nd - 1], bv.Strides[nd - 2], bv.Strides[nd - 1],
                destination.Strides[nd - 2], destination.Strides[nd - 1], oa, ob, oc, accumulate ? 1 : 0);
            for (int dd = batch.Length - 1; dd >= 0; dd--)
            {
                if (++idx[dd] < batch[dd]) break;
                idx[dd] = 0;
            }
        }
        Finish();
    }
}
