// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.ILGPU.Kernels;

namespace Heat.Backend.ILGPU;

public sealed unsafe partial class ILGPUBackend
{
    /// <inheritdoc/>
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination)
    {
        var dt = x.DType;
        if (!OpRegistry.Defined(op, dt)) throw Unsupported(op.ToString(), dt);
        var te = KernelTypes.Real(dt);
        bool returnsBool = op.ReturnsBool();
        string? kernel = te is null ? null
            : dt.IsFloat && returnsBool && ElementwiseOps.PredicateFloat(op) ? nameof(ElementwiseKernels.UnaryFloatBool)
            : dt.IsFloat && !returnsBool && destination.DType == dt && ElementwiseOps.UnaryFloat(op)
                ? nameof(ElementwiseKernels.UnaryFloat)
            : dt.IsInteger && !returnsBool && destination.DType == dt && ElementwiseOps.UnaryInt(op)
                ? nameof(ElementwiseKernels.UnaryInt)
            : null;
        if (kernel is null)
        {
            Fallback(op.ToString(), dt, [x], [destination], (h, t) => h.Unary(op, t[0], t[1]));
            return;
        }
        var (l, s) = Layouts.Of(x, destination);
        var slot = SlotOf(destination);
        slot.Launch(slot.AutoGrouped(typeof(ElementwiseKernels), kernel, te!.Value.T, te.Value.E), l.N,
            View(x, te.Value.T), View(destination, returnsBool ? typeof(byte) : te.Value.T), l,
            new Strides2 { A = s[0], B = s[1] }, (int)op);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        var dt = a.DType;
        if (!OpRegistry.Defined(op, dt)) throw Unsupported(op.ToString(), dt);
        var te = KernelTypes.Real(dt);
        bool compare = ElementwiseOps.Comparison(op);
        string? kernel = te is null || dt == DType.Bool ? null
            : compare && destination.DType == DType.Bool ? nameof(ElementwiseKernels.Compare)
            : dt.IsFloat && destination.DType == dt && ElementwiseOps.BinaryFloat(op)
                ? nameof(ElementwiseKernels.BinaryFloat)
            : dt.IsInteger && destination.DType == dt && ElementwiseOps.BinaryInt(op)
                ? nameof(ElementwiseKernels.BinaryInt)
            : null;
        if (kernel is null)
        {
            Fallback(op.ToString(), dt, [a, b], [destination], (h, t) => h.Binary(op, t[0], t[1], t[2]));
            return;
        }
        var (l, s) = Layouts.Of(a, b, destination);
        var slot = SlotOf(destination);
        var strides = new Strides4 { A = s[0], B = s[1], C = s[2] };
        var k = slot.AutoGrouped(typeof(ElementwiseKernels), kernel, te!.Value.T, te.Value.E);
        if (compare)
            slot.Launch(k, l.N, View(a, te.Value.T), View(b, te.Value.T), View(destination, typeof(byte)), l, strides,
                (int)op,
                dt.IsFloat ? 1 : 0);
        else
            slot.Launch(k, l.N, View(a, te.Value.T), View(b, te.Value.T), View(destination, te.Value.T), l, strides,
                (int)op);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, a.DType)) throw Unsupported(op.ToString(), a.DType);
        // The scalar becomes a one-element tensor broadcast with stride 0.
        using var s = Empty([], a.DType, destination.Device);
        Fill(s, scalar);
        using var sv = s.BroadcastTo(a.Shape);
        if (scalarFirst) Binary(op, sv, a, destination);
        else Binary(op, a, sv, destination);
    }
}
