// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;
using Heat.Backend.Managed.Kernels;

namespace Heat.Backend.Managed;

public sealed unsafe partial class ManagedBackend
{
    /// <summary>Splits x's dimensions into kept (outer) and reduced (inner) parts.</summary>
    private static (long[] keptShape, long[] keptStrides, long[] innerShape, long[] innerStrides) Split(LocalTensor x, ReadOnlySpan<int> axes)
    {
        var reduced = new bool[x.NDim];
        foreach (var a in axes) reduced[Shapes.NormalizeAxis(a, x.NDim)] = true;
        var ks = new List<long>(); var kst = new List<long>(); var rs = new List<long>(); var rst = new List<long>();
        for (int d = 0; d < x.NDim; d++)
        {
            if (reduced[d]) { rs.Add(x.Shape[d]); rst.Add(x.Strides[d]); }
            else { ks.Add(x.Shape[d]); kst.Add(x.Strides[d]); }
        }
        return (ks.ToArray(), kst.ToArray(), rs.ToArray(), rst.ToArray());
    }

    /// <inheritdoc/>
    public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (!OpRegistry.Defined(op, x.DType, destination.DType))
            throw Unsupported(OpRegistry.ReductionLabel(op, x.DType, destination.DType), x.DType);
        if (F16.AnyHalf(x, destination)) { F16.Reduce(this, op, x, axes, destination); return; }
        var axesCopy = axes.ToArray();
        switch (x.DType.Code)
        {
            case DTypeCode.Bool: ReduceIn<byte>(op, x, axesCopy, destination); break;
            case DTypeCode.UInt8: ReduceIn<byte>(op, x, axesCopy, destination); break;
            case DTypeCode.Int8: ReduceIn<sbyte>(op, x, axesCopy, destination); break;
            case DTypeCode.Int16: ReduceIn<short>(op, x, axesCopy, destination); break;
            case DTypeCode.Int32: ReduceIn<int>(op, x, axesCopy, destination); break;
            case DTypeCode.Int64: ReduceIn<long>(op, x, axesCopy, destination); break;
            case DTypeCode.Float32: ReduceFloat<float>(op, x, axesCopy, destination); break;
            case DTypeCode.Float64: ReduceFloat<double>(op, x, axesCopy, destination); break;
            case DTypeCode.Complex128: ReduceComplex(op, x, axesCopy, destination); break;
            case DTypeCode.Complex64:
                {
                    using var wide = this.Copy(x, DType.Complex128);
                    ReduceComplex(op, wide, axesCopy, destination);
                    break;
                }
            default: throw Unsupported($"reduction {op.Name}", x.DType);
        }
    }

    private void ReduceComplex(ReduceOp op, LocalTensor x, int[] axes, LocalTensor d)
    {
        if (!d.DType.IsComplex && op.Kind is ReduceKind.Sum or ReduceKind.Prod)
            throw Unsupported($"reduction {op.Name} into {d.DType}", x.DType);
        switch (op.Kind)
        {
            case ReduceKind.Sum: ReduceCore<Complex, Complex, SumR<Complex, Complex>>(x, axes, d, DType.Complex128, Complex.Zero); break;
            case ReduceKind.Prod: ReduceCore<Complex, Complex, ProdR<Complex, Complex>>(x, axes, d, DType.Complex128, Complex.One); break;
            case ReduceKind.LAnd: ReduceCore<Complex, byte, LAndR<Complex>>(x, axes, d, DType.Bool, 1); break;
            case ReduceKind.LOr: ReduceCore<Complex, byte, LOrR<Complex>>(x, axes, d, DType.Bool, 0); break;
            default: throw Unsupported($"reduction {op.Name}", x.DType);
        }
    }

    private void ReduceFloat<T>(ReduceOp op, LocalTensor x, int[] axes, LocalTensor d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (op.Kind is ReduceKind.BAnd or ReduceKind.BOr or ReduceKind.BXor) throw Unsupported($"reduction {op.Name}", x.DType);
        ReduceIn<T>(op, x, axes, d);
    }

    private void ReduceIn<T>(ReduceOp op, LocalTensor x, int[] axes, LocalTensor d) where T : unmanaged, INumber<T>
    {
        bool floatAcc = d.DType.IsFloat;
        switch (op.Kind)
        {
            case ReduceKind.Sum when floatAcc: ReduceCore<T, double, SumR<T, double>>(x, axes, d, DType.Float64, 0.0); break;
            case ReduceKind.Sum when d.DType.IsComplex: ReduceCore<T, Complex, SumR<T, Complex>>(x, axes, d, DType.Complex128, Complex.Zero); break;
            case ReduceKind.Sum when x.DType == DType.Bool && d.DType == DType.Bool: ReduceCore<T, byte, LOrR<T>>(x, axes, d, DType.Bool, 0); break;
            case ReduceKind.Sum: ReduceCore<T, long, SumR<T, long>>(x, axes, d, DType.Int64, 0L); break;
            case ReduceKind.Prod when floatAcc: ReduceCore<T, double, ProdR<T, double>>(x, axes, d, DType.Float64, 1.0); break;
            case ReduceKind.Prod when d.DType.IsComplex: ReduceCore<T, Complex, ProdR<T, Complex>>(x, axes, d, DType.Complex128, Complex.One); break;
            case ReduceKind.Prod when x.DType == DType.Bool && d.DType == DType.Bool: ReduceCore<T, byte, LAndR<T>>(x, axes, d, DType.Bool, 1); break;
            case ReduceKind.Prod: ReduceCore<T, long, ProdR<T, long>>(x, axes, d, DType.Int64, 1L); break;
            case ReduceKind.Min: ReduceCore<T, T, MinR<T>>(x, axes, d, x.DType, x.DType == DType.Bool ? T.One : op.Identity<T>()); break;
            case ReduceKind.Max: ReduceCore<T, T, MaxR<T>>(x, axes, d, x.DType, x.DType == DType.Bool ? T.Zero : op.Identity<T>()); break;
            case ReduceKind.LAnd: ReduceCore<T, byte, LAndR<T>>(x, axes, d, DType.Bool, 1); break;
            case ReduceKind.LOr: ReduceCore<T, byte, LOrR<T>>(x, axes, d, DType.Bool, 0); break;
            case ReduceKind.BAnd or ReduceKind.BOr or ReduceKind.BXor:
                switch (x.DType.Code)
                {
                    case DTypeCode.Bool or DTypeCode.UInt8: ReduceBits<byte>(op, x, axes, d); break;
                    case DTypeCode.Int8: ReduceBits<sbyte>(op, x, axes, d); break;
                    case DTypeCode.Int16: ReduceBits<short>(op, x, axes, d); break;
                    case DTypeCode.Int32: ReduceBits<int>(op, x, axes, d); break;
                    case DTypeCode.Int64: ReduceBits<long>(op, x, axes, d); break;
                    default: throw Unsupported($"reduction {op.Name}", x.DType);
                }
                break;
            default: throw Unsupported($"reduction {op.Name}", x.DType);
        }
    }

    private void ReduceBits<T>(ReduceOp op, LocalTensor x, int[] axes, LocalTensor d) where T : unmanaged, IBinaryInteger<T>
    {
        var accType = x.DType;
        switch (op.Kind)
        {
            case ReduceKind.BAnd: ReduceCore<T, T, BAndR<T>>(x, axes, d, accType, x.DType == DType.Bool ? T.One : T.AllBitsSet); break;
            case ReduceKind.BOr: ReduceCore<T, T, BOrR<T>>(x, axes, d, accType, T.Zero); break;
            default: ReduceCore<T, T, BXorR<T>>(x, axes, d, accType, T.Zero); break;
        }
    }

    /// <summary>Reduces into accumulators of <paramref name="accType"/> (the destination itself when it has that dtype
    /// and is contiguous), then casts.</summary>
    private void ReduceCore<TIn, TAcc, TR>(LocalTensor x, int[] axes, LocalTensor d, DType accType, TAcc identity)
        where TIn : unmanaged where TAcc : unmanaged where TR : IReducer<TIn, TAcc>
    {
        var (ks, kst, rs, rst) = Split(x, axes);
        bool direct = d.DType == accType && d.IsContiguous;
        var acc = direct ? d.Share() : Empty(d.Shape, accType);
        try
        {
            long outputs = Shapes.Numel(ks);
            var inner = StridedLayout.Create(rs, rst);
            TIn* px = (TIn*)x.HostPointer;
            TAcc* pa = (TAcc*)acc.HostPointer;
            bool vertical = outputs >= 8 && inner.Numel > 1 && kst.Length > 0 && kst[^1] == 1 && ks[^1] > 1
                && inner.Strides[inner.NDim - 1] != 1;
            if (outputs > 0 && vertical && ks.Length == 1 && rs.Length == 1 && typeof(TAcc) == typeof(double)
                && (typeof(TR) == typeof(SumR<float, double>) || typeof(TR) == typeof(SumR<double, double>)))
            {
                // Sums along axis 0 of a matrix with contiguous rows (the short, wide case): column sums at memory
                // speed.
                double* sums = (double*)pa;
                if (typeof(TIn) == typeof(float)) ColumnSums.Run((float*)px, rs[0], ks[0], rst[0], sums, Threads);
                else ColumnSums.Run((double*)px, rs[0], ks[0], rst[0], sums, Threads);
            }
            else if (outputs > 0 && vertical)
                ReduceVertical<TIn, TAcc, TR>(px, pa, StridedLayout.Create(ks, kst, Shapes.ContiguousStrides(ks)), inner, identity);
            else if (outputs > 0)
            {
                int innerParts = Parallelism.Parts(inner.Numel, Threads);
                if (outputs >= Threads * 4L || innerParts <= 1 || outputs * inner.Numel < 2 * Parallelism.Threshold)
                {
                    var outer = StridedLayout.Create(ks, kst, Shapes.ContiguousStrides(ks));
                    var h = new ReduceOutputsRun<TIn, TAcc, TR>(px, pa, inner, identity);
                    outer.WalkParallel(Threads, ref h, Math.Max(1, inner.Numel));
                }
                else
                {
                    // Few outputs, long reductions: split each reduction over the threads and combine the partials in
                    // order.
                    var outer = StridedLayout.Create(ks, kst);
                    var partials = new TAcc[innerParts];
                    var offsets = new long[outputs];
                    var collect = new OffsetsRun(offsets);
                    outer.Walk(0, outputs, ref collect);
                    for (long o = 0; o < outputs; o++)
                    {
                        TIn* start = px + offsets[o];
                        WorkerPool.For(innerParts, innerParts, (p0, p1) =>
                        {
                            for (long p = p0; p < p1; p++)
                            {
                                var h = new AccumulateRun<TIn, TAcc, TR>(start, identity);
                                inner.Walk(inner.Numel * p / innerParts, inner.Numel * (p + 1) / innerParts, ref h);
                                partials[p] = h.Acc;
                            }
                        });
                        TAcc total = partials[0];
                        for (int p = 1; p < innerParts; p++) total = TR.Combine(total, partials[p]);
                        pa[o] = total;
                    }
                }
            }
            if (!direct) Copy(acc, d);
        }
        finally { acc.Dispose(); }
    }

    /// <summary>
    /// Reduction over outer axes (the kept ones are dense in memory): streams x once, combining each kept slice into
    /// the
    /// accumulators. Threads split the outputs when there are many, else the reduced range with private partials.
    /// </summary>
    private void ReduceVertical<TIn, TAcc, TR>(TIn* x, TAcc* acc, StridedLayout kept, StridedLayout inner, TAcc identity)
        where TIn : unmanaged where TAcc : unmanaged where TR : IReducer<TIn, TAcc>
    {
        long outputs = kept.Numel, reduced = inner.Numel;
        new Span<TAcc>(acc, (int)Math.Min(outputs, int.MaxValue)).Fill(identity);
        for (long o = int.MaxValue; o < outputs; o++) acc[o] = identity;
        int parts = Parallelism.Parts(outputs * reduced, Threads);
        if (parts <= 1 || outputs >= parts * 4096L)
        {
            WorkerPool.For(parts, parts, (p0, p1) =>
            {
                for (long p = p0; p < p1; p++)
                {
                    var h = new VerticalRun<TIn, TAcc, TR>(x, acc, kept, outputs * p / parts, outputs * (p + 1) / parts);
                    inner.Walk(0, reduced, ref h);
                }
            });
            return;
        }
        var partials = new TAcc[parts * outputs];
        fixed (TAcc* pp = partials)
        {
            TAcc* partialsPtr = pp;
            WorkerPool.For(parts, parts, (p0, p1) =>
            {
                for (long p = p0; p < p1; p++)
                {
                    TAcc* mine = partialsPtr + p * outputs;
                    new Span<TAcc>(mine, (int)outputs).Fill(identity);
                    var h = new VerticalRun<TIn, TAcc, TR>(x, mine, kept, 0, outputs);
                    inner.Walk(reduced * p / parts, reduced * (p + 1) / parts, ref h);
                }
            });
            for (long o = 0; o < outputs; o++)
            {
                TAcc total = pp[o];
                for (int p = 1; p < parts; p++) total = TR.Combine(total, pp[p * outputs + o]);
                acc[o] = total;
            }
        }
    }

    /// <summary>Collects the element offsets of a one-operand walk.</summary>
    private struct OffsetsRun(long[] offsets) : IRunHandler
    {
        private long _next;
        public void Run(long* off, long length, long* st)
        {
            for (long i = 0; i < length; i++) offsets[_next++] = off[0] + i * st[0];
        }
    }

    /// <inheritdoc/>
    public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    {
        if (F16.AnyHalf(x, mean) || F16.IsHalf(m2)) { F16.Moments(this, x, axes, mean, m2); return; }
        var axesCopy = axes.ToArray();
        switch (x.DType.Code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: MomentsIn<byte>(x, axesCopy, mean, m2); break;
            case DTypeCode.Int8: MomentsIn<sbyte>(x, axesCopy, mean, m2); break;
            case DTypeCode.Int16: MomentsIn<short>(x, axesCopy, mean, m2); break;
            case DTypeCode.Int32: MomentsIn<int>(x, axesCopy, mean, m2); break;
            case DTypeCode.Int64: MomentsIn<long>(x, axesCopy, mean, m2); break;
            case DTypeCode.Float32: MomentsIn<float>(x, axesCopy, mean, m2); break;
            case DTypeCode.Float64: MomentsIn<double>(x, axesCopy, mean, m2); break;
            default: throw Unsupported("moments", x.DType);
        }
    }

    private void MomentsIn<T>(LocalTensor x, int[] axes, LocalTensor mean, LocalTensor m2) where T : unmanaged, INumberBase<T>
    {
        var (ks, kst, rs, rst) = Split(x, axes);
        using var meanAcc = Empty(mean.Shape, DType.Float64);
        using var m2Acc = Empty(m2.Shape, DType.Float64);
        long outputs = Shapes.Numel(ks);
        var inner = StridedLayout.Create(rs, rst);
        T* px = (T*)x.HostPointer;
        double* pm = (double*)meanAcc.HostPointer, pq = (double*)m2Acc.HostPointer;
        int innerParts = Parallelism.Parts(inner.Numel, Threads);
        if (outputs >= Threads * 4L || innerParts <= 1)
        {
            var outer = StridedLayout.Create(ks, kst, Shapes.ContiguousStrides(ks));
            var h = new MomentsOutputsRun<T>(px, pm, pq, inner);
            outer.WalkParallel(Threads, ref h, Math.Max(1, inner.Numel));
        }
        else
        {
            var outer = StridedLayout.Create(ks, kst);
            var offsets = new long[outputs];
            var collect = new OffsetsRun(offsets);
            outer.Walk(0, outputs, ref collect);
            var partials = new MomentsAcc[innerParts];
            for (long o = 0; o < outputs; o++)
            {
                T* start = px + offsets[o];
                WorkerPool.For(innerParts, innerParts, (p0, p1) =>
                {
                    for (long p = p0; p < p1; p++)
                    {
                        var h = new MomentsRun<T>(start);
                        inner.Walk(inner.Numel * p / innerParts, inner.Numel * (p + 1) / innerParts, ref h);
                        partials[p] = h.Acc;
                    }
                });
                var total = partials[0];
                for (int p = 1; p < innerParts; p++) total.Merge(partials[p].N, partials[p].Mean, partials[p].M2);
                pm[o] = total.N == 0 ? double.NaN : total.Mean;
                pq[o] = total.N == 0 ? double.NaN : total.M2;
            }
        }
        Copy(meanAcc, mean);
        Copy(m2Acc, m2);
    }

    /// <summary>The layout of all dimensions but <paramref name="axis"/> for the given tensors.</summary>
    private static StridedLayout LinesLayout(int axis, params LocalTensor[] tensors)
    {
        var shape = tensors[0].GetShape().Where((_, i) => i != axis).ToArray();
        var strides = tensors.Select(t => t.Strides.ToArray().Where((_, i) => i != axis).ToArray()).ToArray();
        return StridedLayout.Create(shape, strides);
    }

    /// <inheritdoc/>
    public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    {
        if (!OpRegistry.Defined(kind, x.DType)) throw Unsupported(kind.ToString(), x.DType);
        if (F16.AnyHalf(x, values)) { F16.ArgReduce(this, kind, x, axis, values, indices); return; }
        axis = Shapes.NormalizeAxis(axis, Math.Max(1, x.NDim));
        switch (x.DType.Code)
        {
            case DTypeCode.Bool or DTypeCode.UInt8: ArgIn<byte>(kind, x, axis, values, indices); break;
            case DTypeCode.Int8: ArgIn<sbyte>(kind, x, axis, values, indices); break;
            case DTypeCode.Int16: ArgIn<short>(kind, x, axis, values, indices); break;
            case DTypeCode.Int32: ArgIn<int>(kind, x, axis, values, indices); break;
            case DTypeCode.Int64: ArgIn<long>(kind, x, axis, values, indices); break;
            case DTypeCode.Float32: ArgIn<float>(kind, x, axis, values, indices); break;
            case DTypeCode.Float64: ArgIn<double>(kind, x, axis, values, indices); break;
            default: throw Unsupported(kind.ToString(), x.DType);
        }
    }

    private void ArgIn<T>(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices) where T : unmanaged, INumber<T>
    {
        if (indices.DType != DType.Int64) throw new NotSupportedException($"Managed backend: {kind} writes int64 indices, not {indices.DType}.");
        if (x.NDim == 0)
        {
            Copy(x, values);
            Fill(indices, 0);
            return;
        }
        long n = x.Shape[axis];
        if (n == 0)
        {
            if (values.Numel == 0) return;
            throw new ArgumentException($"{kind} of an empty sequence along axis {axis} of shape {Shapes.Format(x.Shape)}.", nameof(x));
        }
        bool direct = values.DType == x.DType;
        var vals = direct ? values.Share() : Empty(values.Shape, x.DType);
        try
        {
            var layout = LinesLayout(axis, x, vals, indices);
            var h = new ArgRun<T>((T*)x.HostPointer, (T*)vals.HostPointer, (long*)indices.HostPointer, n, x.Strides[axis], kind == ArgReduceKind.ArgMax);
            layout.WalkParallel(Threads, ref h, n);
            if (!direct) Copy(vals, values);
        }
        finally { vals.Dispose(); }
    }

    /// <inheritdoc/>
    public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (!OpRegistry.DefinedScan(op, destination.DType)) throw Unsupported($"scan {op.Name}", destination.DType);
        if (F16.AnyHalf(x, destination)) { F16.Scan(this, op, x, axis, destination); return; }
        if (x.DType != destination.DType)
        {
            using var cast = this.Copy(x, destination.DType);
            Scan(op, cast, axis, destination);
            return;
        }
        if (x.NDim == 0) { Copy(x, destination); return; }
        axis = Shapes.NormalizeAxis(axis, x.NDim);
        switch (x.DType.Code)
        {
            case DTypeCode.Bool: ScanBool(op, x, axis, destination); break;
            case DTypeCode.UInt8: ScanIn<byte>(op, x, axis, destination); break;
            case DTypeCode.Int8: ScanIn<sbyte>(op, x, axis, destination); break;
            case DTypeCode.Int16: ScanIn<short>(op, x, axis, destination); break;
            case DTypeCode.Int32: ScanIn<int>(op, x, axis, destination); break;
            case DTypeCode.Int64: ScanIn<long>(op, x, axis, destination); break;
            case DTypeCode.Float32: ScanIn<float>(op, x, axis, destination); break;
            case DTypeCode.Float64: ScanIn<double>(op, x, axis, destination); break;
            case DTypeCode.Complex128:
                if (op.Kind == ReduceKind.Sum) ScanWith<Complex, ScanSum<Complex>>(x, axis, destination);
                else if (op.Kind == ReduceKind.Prod) ScanWith<Complex, ScanProd<Complex>>(x, axis, destination);
                else throw Unsupported($"scan {op.Name}", x.DType);
                break;
            case DTypeCode.Complex64:
                {
                    using var wide = this.Copy(x, DType.Complex128);
                    using var wd = Empty(destination.Shape, DType.Complex128);
                    Scan(op, wide, axis, wd);
                    Copy(wd, destination);
                    break;
                }
            default: throw Unsupported($"scan {op.Name}", x.DType);
        }
    }

    private void ScanBool(ReduceOp op, LocalTensor x, int axis, LocalTensor d)
    {
        switch (op.Kind)
        {
            case ReduceKind.Sum or ReduceKind.Max or ReduceKind.LOr or ReduceKind.BOr: ScanWith<byte, ScanMax<byte>>(x, axis, d); break;
            case ReduceKind.Prod or ReduceKind.Min or ReduceKind.LAnd or ReduceKind.BAnd: ScanWith<byte, ScanMin<byte>>(x, axis, d); break;
            default: throw Unsupported($"scan {op.Name}", DType.Bool);
        }
    }

    private void ScanIn<T>(ReduceOp op, LocalTensor x, int axis, LocalTensor d) where T : unmanaged, INumber<T>
    {
        switch (op.Kind)
        {
            case ReduceKind.Sum: ScanWith<T, ScanSum<T>>(x, axis, d); break;
            case ReduceKind.Prod: ScanWith<T, ScanProd<T>>(x, axis, d); break;
            case ReduceKind.Min: ScanWith<T, ScanMin<T>>(x, axis, d); break;
            case ReduceKind.Max: ScanWith<T, ScanMax<T>>(x, axis, d); break;
            default: throw Unsupported($"scan {op.Name}", x.DType);
        }
    }

    private void ScanWith<T, TOp>(LocalTensor x, int axis, LocalTensor d) where T : unmanaged where TOp : IScanOp<T>
    {
        long n = x.Shape[axis];
        var layout = LinesLayout(axis, x, d);
        var h = new ScanRun<T, TOp>((T*)x.HostPointer, (T*)d.HostPointer, n, x.Strides[axis], d.Strides[axis]);
        layout.WalkParallel(Threads, ref h, Math.Max(1, n));
    }
}
