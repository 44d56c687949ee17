// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;
using F16 = Heat.Abstractions.Float16Widening;

namespace Heat.Backend.Torch;

public sealed unsafe partial class TorchBackend
{
    /// <inheritdoc/>
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, x.DType)) throw Unsupported(op.ToString(), x.DType);
        // float16: libtorch 1.13's CPU kernels lack most half ops; computed in float32, rounded once.
        if (F16.AnyHalf(x, destination)) { F16.Unary(this, op, x, destination); return; }
        fixed (long* xs = x.Shape, xst = x.Strides, ds = destination.Shape, dst = destination.Strides)
        {
            var tx = Describe(x, xs, xst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_unary((int)op, &tx, &d), op.ToString());
        }
    }

    /// <inheritdoc/>
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, a.DType)) throw Unsupported(op.ToString(), a.DType);
        if (F16.AnyHalf(a, b) || F16.IsHalf(destination)) { F16.Binary(this, op, a, b, destination); return; }
        fixed (long* @as = a.Shape, ast = a.Strides, bs = b.Shape, bst = b.Strides, ds = destination.Shape,
            dst = destination.Strides)
        {
            var ta = Describe(a, @as, ast);
            var tb = Describe(b, bs, bst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_binary((int)op, &ta, &tb, &d), op.ToString());
        }
    }

    /// <inheritdoc/>
    public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, a.DType)) throw Unsupported(op.ToString(), a.DType);
        if (F16.AnyHalf(a, destination)) { F16.BinaryScalar(this, op, a, scalar, scalarFirst, destination); return; }
        byte* s = stackalloc byte[16];
        ScalarBytes.Write(a.DType, scalar, s);
        fixed (long* @as = a.Shape, ast = a.Strides, ds = destination.Shape, dst = destination.Strides)
        {
            var ta = Describe(a, @as, ast);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_binary_scalar((int)op, &ta, s, scalarFirst ? 1 : 0, &d), op.ToString());
        }
    }

    /// <inheritdoc/>
    public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (!OpRegistry.Defined(op, x.DType, destination.DType))
            throw Unsupported(OpRegistry.ReductionLabel(op, x.DType, destination.DType), x.DType);
        if (F16.AnyHalf(x, destination)) { F16.Reduce(this, op, x, axes, destination); return; }
        fixed (long* xs = x.Shape, xst = x.Strides, ds = destination.Shape, dst = destination.Strides)
        fixed (int* pa = axes)
        {
            var tx = Describe(x, xs, xst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_reduce((int)op.Kind, &tx, pa, axes.Length, &d), $"reduction {op.Name}");
        }
    }

    /// <inheritdoc/>
    public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    {
        if (!OpRegistry.Defined(kind, x.DType)) throw Unsupported(kind.ToString(), x.DType);
        if (F16.AnyHalf(x, values)) { F16.ArgReduce(this, kind, x, axis, values, indices); return; }
        if (indices.DType != DType.Int64) throw new NotSupportedException($"Torch backend: {kind} writes int64 "
            + $"indices, not {indices.DType}.");
        fixed (long* xs = x.Shape, xst = x.Strides, vs = values.Shape, vst = values.Strides, @is = indices.Shape,
            ist = indices.Strides)
        {
            var tx = Describe(x, xs, xst);
            var tv = Describe(values, vs, vst);
            var ti = Describe(indices, @is, ist);
            TorchNative.Check(TorchNative.hts_argreduce((int)kind, &tx, axis, &tv, &ti), kind.ToString());
        }
    }

    /// <inheritdoc/>
    public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    {
        if (x.DType.IsComplex) throw Unsupported("moments", x.DType);
        if (F16.AnyHalf(x, mean) || F16.IsHalf(m2)) { F16.Moments(this, x, axes, mean, m2); return; }
        fixed (long* xs = x.Shape, xst = x.Strides, ms = mean.Shape, mst = mean.Strides, qs = m2.Shape,
            qst = m2.Strides)
        fixed (int* pa = axes)
        {
            var tx = Describe(x, xs, xst);
            var tm = Describe(mean, ms, mst);
            var tq = Describe(m2, qs, qst);
            TorchNative.Check(TorchNative.hts_moments(&tx, pa, axes.Length, &tm, &tq), "moments");
        }
    }

    /// <inheritdoc/>
    public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (!OpRegistry.DefinedScan(op, destination.DType)) throw Unsupported($"scan {op.Name}", destination.DType);
        if (F16.AnyHalf(x, destination)) { F16.Scan(this, op, x, axis, destination); return; }
        fixed (long* xs = x.Shape, xst = x.Strides, ds = destination.Shape, dst = destination.Strides)
        {
            var tx = Describe(x, xs, xst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_scan((int)op.Kind, &tx, axis, &d), $"scan {op.Name}");
        }
    }

    /// <inheritdoc/>
    public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false)
    {
        if (a.NDim < 2 || b.NDim < 2 || destination.NDim < 2) throw new ArgumentException("Matmul operands need at "
            + "least 2 dimensions.");
        if (F16.AnyHalf(a, b) || F16.IsHalf(destination)) { F16.Matmul(this, a, b, destination, accumulate); return; }
        fixed (long* @as = a.Shape, ast = a.Strides, bs = b.Shape, bst = b.Strides, ds = destination.Shape,
            dst = destination.Strides)
        {
            var ta = Describe(a, @as, ast);
            var tb = Describe(b, bs, bst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_matmul(&ta, &tb, &d, accumulate ? 1 : 0), "matmul");
        }
    }

    private static NotSupportedException Unsupported(string op, DType dtype)
        => OpRegistry.NotImplemented("Torch", op, dtype);
}
