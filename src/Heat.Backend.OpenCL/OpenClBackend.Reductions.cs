// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;

namespace Heat.Backend.OpenCL;

public sealed unsafe partial class OpenClBackend
{
    /// <summary>x's kept and reduced dimensions as two kernel layouts (x's offset in the kept one).</summary>
    private static (KernelLayout outer, KernelLayout inner) SplitLayouts(LocalTensor x, ReadOnlySpan<int> axes)
    {
        var reduced = new bool[x.NDim];
        foreach (var a in axes) reduced[Shapes.NormalizeAxis(a, Math.Max(1, x.NDim))] = true;
        var ks = new List<long>(); var kst = new List<long>(); var rs = new List<long>(); var rst = new List<long>();
        for (int d = 0; d < x.NDim; d++)
        {
            if (reduced[d]) { rs.Add(x.Shape[d]); rst.Add(x.Strides[d]); }
            else { ks.Add(x.Shape[d]); kst.Add(x.Strides[d]); }
        }
        return (KernelLayout.Create(ks.ToArray(), [kst.ToArray()], [x.Offset]), KernelLayout.Create(rs.ToArray(), [rst.ToArray()], [0]));
    }

    /// <summary>How many parts each output's reduced range is cut into: enough work-items for the device, runs of at
    /// least 16K elements.</summary>
    private long Parts(long outputs, long inner)
    {
        if (outputs == 0) return 1;
        long target = _device.IsGpu ? 1L << 14 : 4L * Threads;
        long parts = (target + outputs - 1) / outputs;
        long maxParts = Math.Max(1, inner / (_device.IsGpu ? 1024 : 16384));
        return Math.Clamp(parts, 1, Math.Min(maxParts, 4096));
    }

    private const int TreeGroup = 256;

    /// <summary>Runs reductions in the GPU shape (work-group trees) on any device; for tests of that path on
    /// PoCL.</summary>
    internal bool ForceTreeReductions { get; set; }

    /// <summary>Parts per output for work-group trees: about eight work-groups per compute unit, at least 4096 elements
    /// each.</summary>
    private long TreeParts(long outputs, long inner)
    {
        long target = 8L * Threads;
        long parts = (target + outputs - 1) / outputs;
        return Math.Clamp(parts, 1, Math.Max(1, Math.Min(inner / 4096, 4096)));
    }

    /// <inheritdoc/>
    public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        var d = destination;
        var xt = x.DType;
        CheckDType(xt, $"reduction {op.Name}");
        if (!OpRegistry.Defined(op, xt, d.DType)) throw Unsupported(OpRegistry.ReductionLabel(op, xt, d.DType), xt);
        if (F16.AnyHalf(x, d)) { F16.Reduce(this, op, x, axes, d); return; }
        var wideF = Info.HasFp64 ? DType.Float64 : DType.Float32;
        var wideC = Info.HasFp64 ? DType.Complex128 : DType.Complex64;
        (string kernel, DType acc) = op.Kind switch
        {
            ReduceKind.Sum when d.DType.IsComplex || xt.IsComplex => ("cplx_sum", wideC),
            ReduceKind.Prod when d.DType.IsComplex || xt.IsComplex => ("cplx_prod", wideC),
            ReduceKind.Sum when d.DType.IsFloat => ("wide_sum", wideF),
            ReduceKind.Prod when d.DType.IsFloat => ("wide_prod", wideF),
            ReduceKind.Sum when xt == DType.Bool && d.DType == DType.Bool => ("logic_or", DType.Bool),
            ReduceKind.Prod when xt == DType.Bool && d.DType == DType.Bool => ("logic_and", DType.Bool),
            ReduceKind.Sum => ("long_sum", DType.Int64),
            ReduceKind.Prod => ("long_prod", DType.Int64),
            ReduceKind.LAnd => ("logic_and", DType.Bool),
            ReduceKind.LOr => ("logic_or", DType.Bool),
            ReduceKind.Min => ("same_min", xt),
            ReduceKind.Max => ("same_max", xt),
            ReduceKind.BAnd => ("same_band", xt),
            ReduceKind.BOr => ("same_bor", xt),
            ReduceKind.BXor => ("same_bxor", xt),
            _ => throw Unsupported($"reduction {op.Name}", xt),
        };
        var (outer, inner) = SplitLayouts(x, axes);
        long outputs = outer.N;
        if (outputs == 0) return;
        var program = _device.Program("reduce", xt);
        bool tree = _device.IsGpu || ForceTreeReductions;
        long parts = tree ? TreeParts(outputs, inner.N) : Parts(outputs, inner.N);
        // Pass 1: one work-item (CPU shape) or one work-group of TreeGroup (GPU shape) per (output, part).
        string pass1 = (tree ? "tree_" : "red_") + kernel;
        long local = tree ? TreeGroup : 0, scale = tree ? TreeGroup : 1;
        using var accT = Empty(d.Shape, acc);
        if (parts == 1)
            Launch(program, pass1, outputs * scale, local, Mem(x), Mem(accT), outer, inner, 1L, outputs);
        else
        {
            using var partial = Empty([outputs * parts], acc);
            Launch(program, pass1, outputs * parts * scale, local, Mem(x), Mem(partial), outer, inner, parts, outputs * parts);
            Launch(program, "comb_" + kernel, outputs, 0, Mem(partial), Mem(accT), parts, outputs);
        }
        Copy(accT, d);
    }

    /// <inheritdoc/>
    public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    {
        if (indices.DType != DType.Int64) throw new NotSupportedException($"OpenCL backend: {kind} writes int64 indices, not {indices.DType}.");
        if (!OpRegistry.Defined(kind, x.DType)) throw Unsupported(kind.ToString(), x.DType);
        if (F16.AnyHalf(x, values)) { F16.ArgReduce(this, kind, x, axis, values, indices); return; }
        CheckDType(x.DType, kind.ToString());
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
            throw new ArgumentException($"{kind} of an empty sequence along axis {axis} of shape {Shapes.Format(x.Shape)}.", nameof(x));
        }
        bool direct = values.DType == x.DType;
        using var vals = direct ? values.Share() : Empty(values.Shape, x.DType);
        var layout = LinesLayout(axis, x, vals, indices);
        Launch(_device.Program("reduce", x.DType), "argred", layout.N, 0, kind == ArgReduceKind.ArgMax ? 1 : 0,
            Mem(x), Mem(vals), Mem(indices), layout, n, x.Strides[axis], layout.N);
        if (!direct) Copy(vals, values);
        Finish();
    }

    /// <inheritdoc/>
    public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    {
        if (x.DType.IsComplex) throw Unsupported("moments", x.DType);
        if (F16.AnyHalf(x, mean) || F16.IsHalf(m2)) { F16.Moments(this, x, axes, mean, m2); return; }
        CheckDType(x.DType, "moments");
        var (outer, inner) = SplitLayouts(x, axes);
        long outputs = outer.N;
        if (outputs == 0) return;
        var wide = Info.HasFp64 ? DType.Float64 : DType.Float32;
        long parts = Parts(outputs, inner.N);
        var program = _device.Program("reduce", x.DType);
        using var partial = Empty([outputs * parts * 3], wide);
        using var meanAcc = Empty(mean.Shape, wide);
        using var m2Acc = Empty(m2.Shape, wide);
        Launch(program, "mom_part", outputs * parts, 0, Mem(x), Mem(partial), outer, inner, parts, outputs * parts);
        Launch(program, "mom_comb", outputs, 0, Mem(partial), Mem(meanAcc), Mem(m2Acc), parts, outputs);
        Copy(meanAcc, mean);
        Copy(m2Acc, m2);
    }

    /// <inheritdoc/>
    public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (F16.AnyHalf(x, destination) && OpRegistry.DefinedScan(op, destination.DType))
        {
            F16.Scan(this, op, x, axis, destination);
            return;
        }
        if (x.DType != destination.DType)
        {
            using var cast = Empty(x.Shape, destination.DType);
            Copy(x, cast);
            Scan(op, cast, axis, destination);
            return;
        }
        var dt = x.DType;
        CheckDType(dt, $"scan {op.Name}");
        if (!OpRegistry.DefinedScan(op, dt)) throw Unsupported($"scan {op.Name}", dt);
        // bool scans are running any/all: max/min of 0/1.
        string kernel = op.Kind switch
        {
            ReduceKind.Sum when dt == DType.Bool => "scan_max",
            ReduceKind.Prod when dt == DType.Bool => "scan_min",
            ReduceKind.Sum => "scan_sum",
            ReduceKind.Prod => "scan_prod",
            ReduceKind.Min or ReduceKind.LAnd or ReduceKind.BAnd => "scan_min",
            _ => "scan_max",
        };
        if (x.NDim == 0) { Copy(x, destination); return; }
        axis = Shapes.NormalizeAxis(axis, x.NDim);
        long n = x.Shape[axis];
        var layout = LinesLayout(axis, x, destination);
        Launch(_device.Program("reduce", dt), kernel, layout.N, 0, Mem(x), Mem(destination), layout, n, x.Strides[axis], destination.Strides[axis], layout.N);
        Finish();
    }

    /// <summary>The layout of all dimensions but <paramref name="axis"/> for the given tensors.</summary>
    private static KernelLayout LinesLayout(int axis, params LocalTensor[] tensors)
    {
        var shape = tensors[0].GetShape().Where((_, i) => i != axis).ToArray();
        var strides = tensors.Select(t => t.Strides.ToArray().Where((_, i) => i != axis).ToArray()).ToArray();
        return KernelLayout.Create(shape, strides, tensors.Select(t => t.Offset).ToArray());
    }
}
