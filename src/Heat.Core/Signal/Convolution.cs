// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Signal;

/// <summary>
/// Distributed linear convolution along the last one or two axes (HeAT: heat/core/signal.py), NumPy's modes plus
/// HeAT's stride, batches along the leading axes.
/// </summary>
/// <remarks>
/// The result along a convolved split axis is balanced: each rank computes its canonical chunk of outputs, gathering
/// the input window they need (its halo included) from however many ranks hold it (one Alltoallw,
/// <see cref="Halo.FetchRange"/>), so chunks shorter than the kernel and empty chunks need nothing special. Split along
/// a batch axis: purely local, the result keeps the chunks. The kernel is small: a distributed one is gathered.
/// Locally the zero-padded window is correlated with the flipped kernel by the backend
/// (<see cref="IConvolutionKernels"/>).
/// </remarks>
internal static class Convolution
{
    private static readonly DType[] Supported = [DType.Int8, DType.Int16, DType.Int32, DType.Int64, DType.Float32,
        DType.Float64];

    public static DNDarray Convolve(DNDarray a, DNDarray v, string mode, long[] stride, string name)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(mode);
        int cdim = stride.Length;
        if (mode is not ("full" or "same" or "valid"))
            throw new ArgumentException($"{name}: only 'full', 'valid' or 'same' are allowed as mode, got "
                + $"'{mode}'.", nameof(mode));
        if (stride.Any(s => s < 1)) throw new ArgumentOutOfRangeException(nameof(stride), $"{name}: strides must be "
            + $"positive, got ({string.Join(", ", stride)}).");
        if (a.ndim < cdim) throw new ArgumentException($"{name}: the signal needs at least {cdim} dimension(s), got "
            + $"{a.ndim}.", nameof(a));
        if (v.ndim < cdim) throw new ArgumentException($"{name}: the filter needs at least {cdim} dimension(s), got "
            + $"{v.ndim}.", nameof(v));
        var dtype = DTypePromotion.Promote(a.dtype, v.dtype);
        if (!Supported.Contains(dtype))
            throw new ArgumentException($"{name}: signal {a.dtype} and filter {v.dtype} promote to {dtype}; "
                + $"convolution needs signed integers or real floats.", nameof(v));
        long[] aS = a.GShapeRef[^cdim..], vS = v.GShapeRef[^cdim..];
        if (vS.Zip(aS).All(p => p.First >= p.Second) && !vS.SequenceEqual(aS))
        {
            (a, v) = (v, a);
            (aS, vS) = (vS, aS);
        }
        if (vS.Zip(aS).Any(p => p.First > p.Second))
            throw new ArgumentException($"{name}: the filter must not be larger in one convolved dimension and "
                + $"smaller in another; signal {Shapes.Format(a.GShapeRef)}, filter "
                    + $"{Shapes.Format(v.GShapeRef)}.", nameof(v));
        if (vS.Any(m => m == 0)) throw new ArgumentException($"{name}: the filter is empty "
            + $"({Shapes.Format(v.GShapeRef)}).", nameof(v));
        if (mode == "same" && stride.Any(s => s > 1))
            throw new ArgumentException($"{name}: the stride must be 1 for mode 'same'.", nameof(stride));
        int nb = a.ndim - cdim;
        if (v.ndim > cdim)
        {
            if (nb == 0)
                throw new ArgumentException($"{name}: a batch of filters {Shapes.Format(v.GShapeRef)} needs a batch "
                    + $"of signals, got {Shapes.Format(a.GShapeRef)}.", nameof(v));
            if (v.ndim != a.ndim || !v.GShapeRef[..nb].SequenceEqual(a.GShapeRef[..nb]))
                throw new ArgumentException($"{name}: batch dimensions of signal and filter must match; signal "
                    + $"{Shapes.Format(a.GShapeRef)}, filter {Shapes.Format(v.GShapeRef)}.", nameof(v));
        }
        return Run(a, v, mode, stride, dtype);
    }

    private static DNDarray Run(DNDarray a, DNDarray v, string mode, long[] stride, DType dtype)
    {
        int cdim = stride.Length, nd = a.ndim, nb = nd - cdim;
        var comm = a.comm;
        var backend = a.Backend;
        int? sa = a.split;
        bool splitConv = sa >= nb && comm.Size > 1;
        // Per convolved axis: input N, taps M, first full-output index off, output length L.
        var n = new long[cdim]; var m = new long[cdim]; var off = new long[cdim]; var len = new long[cdim];
        for (int k = 0; k < cdim; k++)
        {
            n[k] = a.GShapeRef[nb + k]; m[k] = v.GShapeRef[v.ndim - cdim + k];
            (off[k], long lmode) = mode switch
            {
                "full" => (0L, n[k] + m[k] - 1),
                "same" => ((m[k] - 1) / 2, n[k]),
                _ => (m[k] - 1, n[k] - m[k] + 1),
            };
            len[k] = (lmode - 1) / stride[k] + 1;
        }
        // The padded input window [g0, g0 + glen) along convolved axis k for outputs [o0, o0 + oc), and its part
        // inside the array.
        (long G0, long GLen, long Start, long Count) Window(int k, long o0, long oc)
        {
            if (oc == 0) return (0, 0, 0, 0);
            long g0 = off[k] + o0 * stride[k] - (m[k] - 1), glen = (oc - 1) * stride[k] + m[k];
            long start = Math.Clamp(g0, 0, n[k]), end = Math.Clamp(g0 + glen, 0, n[k]);
            return (g0, glen, start, end - start);
        }
        (long O0, long Oc) OutChunk(int k, int rank) =>
            splitConv && sa == nb + k ? Chunking.Chunk(len[k], comm.Size, rank) : (0, len[k]);

        using var scope = DisposeScope.Begin();
        var ac = scope.Include(a.AliasOrCast(dtype));
        var local = ac.larray;
        var windows = new (long G0, long GLen, long Start, long Count)[cdim];
        var outLocal = new long[nd];
        var padded = new long[nd];
        for (int d = 0; d < nb; d++) outLocal[d] = padded[d] = local.Shape[d];
        for (int k = 0; k < cdim; k++)
        {
            var (o0, oc) = OutChunk(k, comm.Rank);
            windows[k] = Window(k, o0, oc);
            outLocal[nb + k] = oc;
            padded[nb + k] = windows[k].GLen;
        }
        var signal = scope.Include(backend.Zeros(padded, dtype, ac.device));
        var into = scope.Include(signal.Share());
        var source = scope.Include(local.Share());
        for (int k = 0; k < cdim; k++)
        {
            var w = windows[k];
            into = scope.Include(into.Slice(nb + k, w.Start - w.G0, w.Count));
            if (!(splitConv && sa == nb + k)) source = scope.Include(source.Slice(nb + k, w.Start, w.Count));
        }
        if (splitConv)
        {
            int ks = sa!.Value - nb;
            Halo.FetchRange(ac, source, r =>
            {
                var (o0, oc) = OutChunk(ks, r);
                var w = Window(ks, o0, oc);
                return (w.Start, w.Count);
            }, into);
        }
        else backend.Copy(source, into);

        var kernel = scope.Include(Kernel(v, dtype, a, cdim, scope));
        long batch = 1;
        for (int d = 0; d < nb; d++) batch *= outLocal[d];
        var output = scope.Include(backend.Empty(outLocal, dtype, ac.device));
        if (output.Numel > 0)
        {
            long kb = v.ndim > cdim ? batch : 1;
            using var s2 = signal.TryReshapeView([batch, .. padded[nb..]])!;
            using var k2 = kernel.TryReshapeView([kb, .. m])!;
            using var o2 = output.TryReshapeView([batch, .. outLocal[nb..]])!;
            ConvolutionKernels.Correlate(backend, s2, k2, stride, o2);
        }
        long[] gshape = [.. a.GShapeRef[..nb], .. len];
        var result = new DNDarray(output, gshape, sa, a.Context, splitConv ? true : sa is null ? true : a.balanced);
        return scope.MoveToOuter(result, transferred: output);
    }

    /// <summary>The filter on every rank, flipped along the convolved axes, contiguous, in <paramref name="dtype"/>;
    /// for a batch of filters with the signal split along a batch axis, this rank's rows.</summary>
    private static LocalTensor Kernel(DNDarray v, DType dtype, DNDarray a, int cdim, DisposeScope scope)
    {
        var backend = a.Backend;
        var whole = scope.Include(v.split is null || v.comm.Size == 1 ? v.larray.Share() : Redistribution.Gather(v));
        int nd = v.ndim, nb = nd - cdim;
        var view = scope.Include(whole.Share());
        for (int d = nb; d < nd; d++) view = scope.Include(view.Slice(d, view.Shape[d] - 1, view.Shape[d], -1));
        if (nb > 0 && a.split is int s && s < nb && a.comm.Size > 1)
            view = scope.Include(view.Slice(s, a.SplitOffset(), a.larray.Shape[s]));
        return backend.Copy(view, dtype);
    }
}
