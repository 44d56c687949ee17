// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.ILGPU.Kernels;

namespace Heat.Backend.ILGPU;

public sealed unsafe partial class ILGPUBackend
{
    /// <inheritdoc/>
    public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        var d = destination;
        var xt = x.DType;
        if (!OpRegistry.Defined(op, xt, d.DType)) throw Unsupported(OpRegistry.ReductionLabel(op, xt, d.DType), xt);
        RedKind? kind = op.Kind switch
        {
            ReduceKind.Sum => RedKind.Sum,
            ReduceKind.Prod => RedKind.Prod,
            ReduceKind.Min when xt == d.DType => RedKind.Min,
            ReduceKind.Max when xt == d.DType => RedKind.Max,
            _ => null,
        };
        bool floating = d.DType.IsFloat;
        bool integral = d.DType.IsInteger && !xt.IsFloat;
        if (kind is null || KernelTypes.Real(xt) is not { } te || !(floating || integral))
        {
            var axesCopy = axes.ToArray();
            Fallback($"reduction {op.Name}", xt, [x], [d], (h, t) => h.Reduce(op, t[0], axesCopy, t[1]));
            return;
        }
        if (kind is RedKind.Min or RedKind.Max && integral && Layouts.Split(x, axes).Inner.N == 0)
        {
            // Integer min/max of nothing: the dtype's extreme (the kernels' int64 identity would wrap).
            Fill(d, kind == RedKind.Min ? IntegerMax(d.DType) : IntegerMin(d.DType));
            return;
        }
        ReduceInto(x, axes, d, kind.Value, floating, te, null, 1.0);
    }

    private static long IntegerMax(DType t) => t.Code switch
    {
        DTypeCode.UInt8 => byte.MaxValue, DTypeCode.Int8 => sbyte.MaxValue, DTypeCode.Int16 => short.MaxValue,
        DTypeCode.Int32 => int.MaxValue, _ => long.MaxValue,
    };

    private static long IntegerMin(DType t) => t.Code switch
    {
        DTypeCode.UInt8 => 0, DTypeCode.Int8 => sbyte.MinValue, DTypeCode.Int16 => short.MinValue,
        DTypeCode.Int32 => int.MinValue, _ => long.MinValue,
    };

    /// <summary>Two passes: partial results per (output, part), then one combine per output into a float64 or int64
    /// tensor of the destination's shape, cast into the destination.</summary>
    private void ReduceInto(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor d, RedKind kind, bool floating,
        (Type T, Type E) te, LocalTensor? mean, double scale)
    {
        var (outer, os, inner, ins) = Layouts.Split(x, axes);
        long outputs = outer.N;
        if (outputs == 0) return;
        var slot = SlotOf(d);
        long parts = Parts(slot, outputs, inner.N);
        var acc = floating ? DType.Float64 : DType.Int64;
        using var partial = Empty([outputs * parts], acc, d.Device);
        using var result = Empty(d.Shape, acc, d.Device);
        var args = new RedArgs
        {
            Outer = outer, Inner = inner, OuterStrides = os, InnerStrides = ins, Parts = parts, Count = outputs * parts,
            Kind = (int)kind,
        };
        if (floating)
        {
            slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.PartF), te.T, te.E),
                args.Count,
                View(x, te.T), View(partial, typeof(double)), View(mean ?? partial, typeof(double)), args);
            slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.CombineFloat)), outputs,
                Typed<double>(partial, outputs * parts), Typed<double>(result, outputs), parts, (int)kind, scale);
        }
        else
        {
            slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.PartI), te.T, te.E),
                args.Count,
                View(x, te.T), View(partial, typeof(long)), args);
            slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.CombineInt)), outputs,
                Typed<long>(partial, outputs * parts), Typed<long>(result, outputs), parts, (int)kind);
        }
        Copy(result, d);
    }

    /// <summary>A view of exactly <paramref name="length"/> elements (the combine kernels read the length).</summary>
    private static global::ILGPU.ArrayView<T> Typed<T>(LocalTensor t, long length) where T : unmanaged =>
        Storage(t).Bytes.Cast<T>().SubView(t.Offset, length);

    /// <summary>Parts per output: enough work-items to fill the device, at least 64 elements each.</summary>
    private static long Parts(DeviceSlot slot, long outputs, long inner)
    {
        long target = slot.MaxWorkItems;
        long parts = (target + outputs - 1) / outputs;
        return Math.Clamp(parts, 1, Math.Max(1, Math.Min(inner / 64, 1L << 16)));
    }

    /// <inheritdoc/>
    public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    {
        if (indices.DType != DType.Int64)
            throw new NotSupportedException($"ILGPU backend: {kind} writes int64 indices, not {indices.DType}.");
        if (!OpRegistry.Defined(kind, x.DType)) throw Unsupported(kind.ToString(), x.DType);
        if (x.NDim == 0)
        {
            Copy(x, values);
            Fill(indices, 0);
            return;
        }
        axis = Shapes.NormalizeAxis(axis, x.NDim);
        long n = x.Shape[axis];
        if (n == 0)
        {
            if (values.Numel == 0) return;
            throw new ArgumentException(
                $"{kind} of an empty sequence along axis {axis} of shape {Shapes.Format(x.Shape)}.", nameof(x));
        }
        if (KernelTypes.Real(x.DType) is not { } te || values.DType != x.DType)
        {
            int ax = axis;
            Fallback(kind.ToString(), x.DType, [x], [values, indices], (h, t)
                => h.ArgReduce(kind, t[0], ax, t[1], t[2]));
            return;
        }
        var (l, s) = Layouts.Lines(axis, x, values, indices);
        var args = new LineArgs
        {
            Lines = l, X = s[0], Y = s[1], Z = s[2], Length = n, StrideX = x.Strides[axis],
            Max = kind == ArgReduceKind.ArgMax ? 1 : 0,
        };
        var slot = SlotOf(values);
        slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.Arg), te.T, te.E), l.N,
            View(x, te.T), View(values, te.T), View(indices, typeof(long)), args, x.DType.IsFloat ? 1 : 0);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    {
        if (KernelTypes.Real(x.DType) is not { } te)
        {
            var axesCopy = axes.ToArray();
            Fallback("moments", x.DType, [x], [mean, m2], (h, t) => h.Moments(t[0], axesCopy, t[1], t[2]));
            return;
        }
        var (_, _, inner, _) = Layouts.Split(x, axes);
        long count = inner.N;
        // Two passes over x in float64: the mean, then the squared deviations from it.
        using var meanAcc = Empty(mean.Shape, DType.Float64, mean.Device);
        ReduceInto(x, axes, meanAcc, RedKind.Sum, true, te, null, count == 0 ? double.NaN : 1.0 / count);
        using var m2Acc = Empty(m2.Shape, DType.Float64, m2.Device);
        ReduceInto(x, axes, m2Acc, RedKind.SqDev, true, te, meanAcc, 1.0);
        Copy(meanAcc, mean);
        Copy(m2Acc, m2);
    }

    /// <inheritdoc/>
    public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (x.DType != destination.DType)
        {
            using var cast = Empty(x.Shape, destination.DType, destination.Device);
            Copy(x, cast);
            Scan(op, cast, axis, destination);
            return;
        }
        var dt = x.DType;
        if (!OpRegistry.DefinedScan(op, dt)) throw Unsupported($"scan {op.Name}", dt);
        if (x.NDim == 0) { Copy(x, destination); return; }
        axis = Shapes.NormalizeAxis(axis, x.NDim);
        RedKind? kind = op.Kind switch
        {
            ReduceKind.Sum => RedKind.Sum,
            ReduceKind.Prod => RedKind.Prod,
            ReduceKind.Min => RedKind.Min,
            ReduceKind.Max => RedKind.Max,
            _ => null,
        };
        if (kind is null || dt == DType.Bool || KernelTypes.Real(dt) is not { } te)
        {
            int ax = axis;
            Fallback($"scan {op.Name}", dt, [x], [destination], (h, t) => h.Scan(op, t[0], ax, t[1]));
            return;
        }
        var (l, s) = Layouts.Lines(axis, x, destination);
        var args = new LineArgs
        {
            Lines = l, X = s[0], Y = s[1], Length = x.Shape[axis], StrideX = x.Strides[axis],
            StrideY = destination.Strides[axis],
        };
        var slot = SlotOf(destination);
        slot.Launch(slot.AutoGrouped(typeof(ReductionKernels), nameof(ReductionKernels.Scan), te.T, te.E), l.N,
            View(x, te.T), View(destination, te.T), args, (int)kind.Value, dt.IsFloat ? 1 : 0);
        slot.Synchronize();
    }
}
