// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>The distance capability through ATen (native/heat_torch/hts_distances.cpp): matmul expansion or
/// at::cdist.</summary>
public sealed unsafe partial class TorchBackend : IDistanceKernels
{
    void IDistanceKernels.Block(LocalTensor x, LocalTensor y, LocalTensor destination, DistanceKind kind) =>
        Cdist(x, y, destination, null, kind);

    void IDistanceKernels.SymmetricBlock(LocalTensor x, LocalTensor destination, DistanceKind kind) =>
        Cdist(x, null, destination, null, kind);

    void IDistanceKernels.MirroredBlock(LocalTensor x, LocalTensor y, LocalTensor destination, LocalTensor mirror, DistanceKind kind) =>
        Cdist(x, y, destination, mirror, kind);

    void IDistanceKernels.CopyBlock(LocalTensor block, LocalTensor destination) => Copy(block, destination);

    private void Cdist(LocalTensor x, LocalTensor? y, LocalTensor d, LocalTensor? mirror, DistanceKind kind)
    {
        if (x.Shape[0] == 0 || y?.Shape[0] == 0) return;
        // The shim takes contiguous operands and destinations with non-negative strides: anything else goes through
        // copies.
        if (!WritableInPlace(d) || (mirror is not null && !WritableInPlace(mirror)))
        {
            using var dt = Empty(d.Shape, d.DType, d.Device);
            using var mt = mirror is null ? null : Empty(mirror.Shape, mirror.DType, mirror.Device);
            Cdist(x, y, dt, mt, kind);
            Copy(dt, d);
            if (mirror is not null) Copy(mt!, mirror);
            return;
        }
        using var xc = this.Contiguous(x);
        using var yc = y is null ? null : this.Contiguous(y);
        ReadOnlySpan<long> ys = yc is null ? default : yc.Shape, yst = yc is null ? default : yc.Strides;
        ReadOnlySpan<long> ms = mirror is null ? default : mirror.Shape, mst = mirror is null ? default : mirror.Strides;
        fixed (long* xsp = xc.Shape, xst = xc.Strides, ysp = ys, ystp = yst, dsp = d.Shape, dst = d.Strides, msp = ms, mstp = mst)
        {
            var xt = Describe(xc, xsp, xst);
            var dtt = Describe(d, dsp, dst);
            HtsTensor yt = yc is null ? default : Describe(yc, ysp, ystp);
            HtsTensor mt = mirror is null ? default : Describe(mirror, msp, mstp);
            TorchNative.CheckCdist(TorchNative.hts_cdist(&xt, yc is null ? null : &yt, &dtt, mirror is null ? null : &mt,
                (int)kind.Metric, kind.QuadraticExpansion ? 1 : 0, kind.Sigma));
        }
    }

    private static bool WritableInPlace(LocalTensor t)
    {
        for (int i = 0; i < t.NDim; i++)
            if (t.Strides[i] < 0 || (t.Strides[i] == 0 && t.Shape[i] > 1)) return false;
        return true;
    }
}
