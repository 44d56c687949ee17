// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Fft;

/// <summary>The three kinds of one-axis transform.</summary>
internal enum FftKind
{
    /// <summary>Complex to complex (n → n).</summary>
    ComplexToComplex,
    /// <summary>Real to half-spectrum (n → n/2 + 1).</summary>
    RealToComplex,
    /// <summary>Half-spectrum to real (n/2 + 1 → n).</summary>
    ComplexToReal,
}

/// <summary>
/// One transform along one axis of a DNDarray, the input cropped or zero-padded to the logical length n first. Along
/// a non-split axis every rank transforms its chunk. Along the split axis of an n-d array: one slab transpose (resplit
/// to another axis, one Alltoallv), the local transform, and back (one more). A 1-d array split along its only axis
/// goes through the four-step algorithm (<see cref="FourStep"/>), so no rank holds the whole vector. The result keeps
/// the input's split.
/// </summary>
internal static class Transforms
{
    /// <summary>The transform of <paramref name="x"/>, whose dtype is the kind's input type (complex, or float for
    /// real-to-complex).</summary>
    public static DNDarray Along(DNDarray x, FftKind kind, int axis, long n, bool inverse, double scale)
    {
        if (x.split != axis || x.comm.Size == 1) return Local(x, kind, axis, n, inverse, scale);
        using var scope = DisposeScope.Begin();
        if (x.ndim == 1) return scope.MoveToOuter(Distributed1d(x, kind, n, inverse, scale));
        int other = Enumerable.Range(0, x.ndim).Where(d => d != axis).MaxBy(d => x.GShapeRef[d]);
        var slab = Redistribution.ResplitCopy(x, other);
        var done = Local(slab, kind, axis, n, inverse, scale);
        slab.Dispose();
        return scope.MoveToOuter(Redistribution.ResplitCopy(done, axis));
    }

    /// <summary>The complex dtype a transform of <paramref name="type"/> computes in (HeAT: float64 → complex128,
    /// complex stays, everything else complex64).</summary>
    public static DType ComplexOf(DType type) =>
        type.IsComplex ? type : type == DType.Float64 ? DType.Complex128 : DType.Complex64;

    /// <summary>The real dtype of <paramref name="type"/>'s precision (float64 for float64 and complex128, else
    /// float32).</summary>
    public static DType RealOf(DType type) =>
        type == DType.Float64 || type == DType.Complex128 ? DType.Float64 : DType.Float32;

    private static DNDarray Local(DNDarray x, FftKind kind, int axis, long n, bool inverse, double scale)
    {
        var backend = x.Backend;
        long inLen = kind == FftKind.ComplexToReal ? n / 2 + 1 : n;
        long outLen = kind == FftKind.RealToComplex ? n / 2 + 1 : n;
        var type = kind switch
        {
            FftKind.RealToComplex => ComplexOf(x.dtype),
            FftKind.ComplexToReal => RealOf(x.dtype),
            _ => x.dtype,
        };
        using var input = Resize(backend, x.larray, axis, inLen);
        var shape = x.larray.GetShape();
        shape[axis] = outLen;
        var result = backend.Empty(shape, type, x.larray.Device);
        try
        {
            if (result.Numel > 0)
            {
                var kernels = FftEngine.Of(backend);
                switch (kind)
                {
                    case FftKind.ComplexToComplex: kernels.ComplexToComplex(input, result, axis, inverse, scale); break;
                    case FftKind.RealToComplex: kernels.RealToComplex(input, result, axis, scale); break;
                    default: kernels.ComplexToReal(input, result, axis, scale); break;
                }
            }
            var gshape = x.shape;
            gshape[axis] = outLen;
            var y = new DNDarray(result, gshape, x.split, x.Context, x.balanced);
            if (x.split is int s && s != axis && x.balanced != true) y.SetSplitCounts(x.SplitCounts());
            return y;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary><paramref name="t"/> cropped or zero-padded to <paramref name="length"/> along
    /// <paramref name="axis"/> (shared when it already has that length).</summary>
    internal static LocalTensor Resize(ITensorBackend backend, LocalTensor t, int axis, long length)
    {
        long have = t.Shape[axis];
        if (have == length) return t.Share();
        var shape = t.GetShape();
        shape[axis] = length;
        var result = backend.Zeros(shape, t.DType, t.Device);
        try
        {
            long keep = Math.Min(have, length);
            using var from = t.Slice(axis, 0, keep);
            using var into = result.Slice(axis, 0, keep);
            if (from.Numel > 0) backend.Copy(from, into);
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary>
    /// A 1-d array split along its only axis. Complex: the four-step transform of the cropped or padded vector.
    /// Real-to-complex: the complex transform, cropped to the n/2 + 1 non-negative frequencies. Complex-to-real:
    /// y[j] = Re Σ_{k ≤ n/2} w_k X[k] e^{2πijk/n} with w_k = 2 except w_0 = w_{n/2} = 1, which is the inverse of
    /// the
    /// Hermitian extension of X without building its mirrored half.
    /// </summary>
    private static DNDarray Distributed1d(DNDarray x, FftKind kind, long n, bool inverse, double scale)
    {
        switch (kind)
        {
            case FftKind.ComplexToComplex:
                {
                    using var input = Resize1d(x, n);
                    return FourStep.Transform(input, n, inverse, scale);
                }
            case FftKind.RealToComplex:
                {
                    using var complex = x.astype(ComplexOf(x.dtype));
                    using var input = Resize1d(complex, n);
                    using var full = FourStep.Transform(input, n, inverse: false, scale);
                    return Resize1d(full, n / 2 + 1);
                }
            default:
                {
                    using var half = Resize1d(x, n / 2 + 1);
                    using var weighted = HermitianWeights(half, n);
                    using var padded = Resize1d(weighted, n);
                    using var full = FourStep.Transform(padded, n, inverse: true, scale);
                    return ht.real(full);
                }
        }
    }

    /// <summary>The half-spectrum times its weights in the Hermitian sum (2, except 1 at frequency 0 and, for even
    /// n, at n/2); each rank scales its own chunk.</summary>
    private static DNDarray HermitianWeights(DNDarray half, long n)
    {
        var backend = half.Backend;
        long offset = half.SplitOffset(), count = half.larray.Shape[0];
        var local = backend.BinaryScalar(BinaryOp.Multiply, half.larray, 2.0);
        try
        {
            foreach (long k in n % 2 == 0 ? new[] { 0L, n / 2 } : [0L])
            {
                if (k < offset || k >= offset + count) continue;
                using var one = local.Slice(0, k - offset, 1);
                using var src = half.larray.Slice(0, k - offset, 1);
                backend.Copy(src, one);
            }
            var y = new DNDarray(local, half.shape, 0, half.Context, half.balanced);
            y.SetSplitCounts(half.SplitCounts());
            return y;
        }
        catch { local.Dispose(); throw; }
    }

    /// <summary>A 1-d split array cropped or zero-padded to <paramref name="length"/> (the zeros join the last rank),
    /// then balanced (one Alltoallv).</summary>
    internal static DNDarray Resize1d(DNDarray x, long length)
    {
        long total = x.GShapeRef[0];
        if (total == length) return x.Alias();
        var comm = x.comm;
        int p = comm.Size, me = comm.Rank;
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        var kept = new long[p];
        for (int r = 0; r < p; r++) kept[r] = Math.Clamp(Math.Min(displs[r] + counts[r], length) - displs[r], 0,
            counts[r]);
        var target = (long[])kept.Clone();
        target[p - 1] += Math.Max(0, length - total);
        var backend = x.Backend;
        using var keep = x.larray.Slice(0, 0, kept[me]);
        var local = Resize(backend, keep, 0, target[me]);
        try
        {
            var y = new DNDarray(local, [length], 0, x.Context, target.SequenceEqual(Chunking.Counts(length, p)));
            y.SetSplitCounts(target);
            return y.balance_();
        }
        catch { local.Dispose(); throw; }
    }
}
