// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;
using Heat.Backend.Managed.Kernels;

namespace Heat.Backend.Managed;

public sealed unsafe partial class ManagedBackend
{
    /// <inheritdoc/>
    public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false)
    {
        if (a.NDim < 2 || b.NDim < 2 || destination.NDim < 2) throw new ArgumentException("Matmul operands need at least 2 dimensions.");
        if (F16.AnyHalf(a, b) || F16.IsHalf(destination)) { F16.Matmul(this, a, b, destination, accumulate); return; }
        if (a.DType == DType.Complex64)
        {
            using var wa = this.Copy(a, DType.Complex128);
            using var wb = this.Copy(b, DType.Complex128);
            using var wd = this.Copy(destination, DType.Complex128);
            Matmul(wa, wb, wd, accumulate);
            Copy(wd, destination);
            return;
        }
        int nd = destination.NDim;
        long m = destination.Shape[nd - 2], n = destination.Shape[nd - 1], k = a.Shape[^1];
        var batch = destination.Shape[..(nd - 2)].ToArray();
        using var av = a.BroadcastTo([.. batch, m, k]);
        using var bv = b.BroadcastTo([.. batch, k, n]);
        var batchLayout = StridedLayout.Create(batch, av.Strides[..(nd - 2)].ToArray(), bv.Strides[..(nd - 2)].ToArray(), destination.Strides[..(nd - 2)].ToArray());
        long batches = batchLayout.Numel;
        if (batches == 0) return;
        var offsets = new long[batches * 3];
        var collect = new TripleOffsets(offsets);
        batchLayout.Walk(0, batches, ref collect);
        var p = new MatmulArgs(m, n, k, av.Strides[nd - 2], av.Strides[nd - 1], bv.Strides[nd - 2], bv.Strides[nd - 1],
            destination.Strides[nd - 2], destination.Strides[nd - 1], accumulate);
        nint pa = av.HostPointer, pb = bv.HostPointer, pd = destination.HostPointer;
        switch (a.DType.Code)
        {
            case DTypeCode.Float32: MatmulBatches<float>(p, pa, pb, pd, offsets, batches, true); break;
            case DTypeCode.Float64: MatmulBatches<double>(p, pa, pb, pd, offsets, batches, true); break;
            case DTypeCode.UInt8: MatmulBatches<byte>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Int8: MatmulBatches<sbyte>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Int16: MatmulBatches<short>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Int32: MatmulBatches<int>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Int64: MatmulBatches<long>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Complex128: MatmulBatches<Complex>(p, pa, pb, pd, offsets, batches, false); break;
            case DTypeCode.Bool:
                for (long i = 0; i < batches; i++)
                    BoolGemm.Multiply(m, n, k, (byte*)pa + offsets[3 * i], p.Rsa, p.Csa, (byte*)pb + offsets[3 * i + 1], p.Rsb, p.Csb,
                        (byte*)pd + offsets[3 * i + 2], p.Rsc, p.Csc, accumulate);
                break;
            default: throw Unsupported("matmul", a.DType);
        }
    }

    private readonly record struct MatmulArgs(long M, long N, long K, long Rsa, long Csa, long Rsb, long Csb, long Rsc, long Csc, bool Accumulate);

    private void MatmulBatches<T>(MatmulArgs p, nint a, nint b, nint d, long[] offsets, long batches, bool blocked) where T : unmanaged, INumberBase<T>
    {
        long flops = 2 * p.M * p.N * p.K;
        // Many small products: one thread per product; otherwise every product uses all threads.
        bool perBatch = batches > 1 && flops < 1 << 22;
        int inner = perBatch ? 1 : Threads;
        WorkerPool.For(batches, perBatch && batches * flops >= 1 << 18 ? Threads : 1, (b0, b1) =>
        {
            for (long i = b0; i < b1; i++)
            {
                T* pa = (T*)a + offsets[3 * i], pb = (T*)b + offsets[3 * i + 1], pd = (T*)d + offsets[3 * i + 2];
                if (blocked && typeof(T) == typeof(float))
                    Gemm<float>.Multiply(inner, p.M, p.N, p.K, (float*)pa, p.Rsa, p.Csa, (float*)pb, p.Rsb, p.Csb, (float*)pd, p.Rsc, p.Csc, p.Accumulate);
                else if (blocked && typeof(T) == typeof(double))
                    Gemm<double>.Multiply(inner, p.M, p.N, p.K, (double*)pa, p.Rsa, p.Csa, (double*)pb, p.Rsb, p.Csb, (double*)pd, p.Rsc, p.Csc, p.Accumulate);
                else
                    NaiveGemm<T>.Multiply(inner, p.M, p.N, p.K, pa, p.Rsa, p.Csa, pb, p.Rsb, p.Csb, pd, p.Rsc, p.Csc, p.Accumulate);
            }
        });
    }

    private struct TripleOffsets(long[] offsets) : IRunHandler
    {
        private long _next;
        public void Run(long* off, long length, long* st)
        {
            for (long i = 0; i < length; i++)
            {
                offsets[_next++] = off[0] + i * st[0];
                offsets[_next++] = off[1] + i * st[1];
                offsets[_next++] = off[2] + i * st[2];
            }
        }
    }
}
