// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Spatial;

/// <summary>
/// Pairwise distances between the rows of X (split 0 or replicated) and Y (split 0 or replicated). With both split, Y's
/// blocks travel around a ring, the next block arriving (non-blocking) while the current one is used; the result keeps
/// X's rows local (split 0). The local blocks are the backend's distance capability (<see cref="IDistanceKernels"/>:
/// its
/// own, or the host backend's staged through host copies).
/// </summary>
internal static partial class Distances
{
    private const int Tag = 7521, MirrorTag = 7522;

    public static DNDarray Compute(DNDarray x, DNDarray? y, DistanceMetric metric, bool quadratic, double sigma = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var other = y ?? x;
        if (x.ndim != 2 || other.ndim != 2)
            throw new ArgumentException($"cdist needs 2-d arrays (samples x features); got {Shapes.Format(x.GShapeRef)} and {Shapes.Format(other.GShapeRef)}.");
        if (x.GShapeRef[1] != other.GShapeRef[1])
            throw new ArgumentException($"cdist: X has {x.GShapeRef[1]} features, Y has {other.GShapeRef[1]}.", nameof(y));
        var type = DTypePromotion.Promote(x.dtype, other.dtype);
        if (type.IsComplex) throw new ArgumentException($"cdist is not defined for complex data ({type}).");
        if (!type.IsInexact) type = DType.Float32;
        using var xs = Prepare(x, type);
        using var ys = Prepare(other, type);
        long n = x.GShapeRef[0], m = other.GShapeRef[0];
        var backend = x.Backend;
        var kernels = backend.Capability<IDistanceKernels>();
        var kind = new DistanceKind(metric, quadratic, sigma);
        var comm = x.comm;
        bool symmetric = y is null || ReferenceEquals(y, x);
        if (xs.split is null && ys.split is int)
        {
            // Replicated X against split Y: this rank's columns of the result.
            var local = backend.Empty([n, ys.larray.Shape[0]], type);
            try { kernels.Block(xs.larray, ys.larray, local, kind); }
            catch { local.Dispose(); throw; }
            return new DNDarray(local, [n, m], 1, x.Context, ys.balanced);
        }
        var result = backend.Empty([xs.larray.Shape[0], m], type);
        try
        {
            if (symmetric && (xs.split is null || comm.Size == 1))
                kernels.SymmetricBlock(xs.larray, result, kind);
            else if (symmetric)
                SymmetricRing(xs, result, kernels, kind);
            else if (ys.split is null || comm.Size == 1)
                kernels.Block(xs.larray, ys.larray, result, kind);
            else
                Ring(xs, ys, result, kernels, kind);
            return new DNDarray(result, [n, m], xs.split, x.Context, xs.balanced);
        }
        catch { result.Dispose(); throw; }
    }

    private static DNDarray Prepare(DNDarray a, DType type)
    {
        using var cast = a.AliasOrCast(type);
        return cast.split == 1 ? ht.resplit(cast, 0) : cast.Alias();
    }

    private static void Ring(DNDarray xs, DNDarray ys, LocalTensor result, IDistanceKernels kernels, DistanceKind kind)
    {
        var comm = xs.comm;
        var backend = xs.Backend;
        int p = comm.Size, me = comm.Rank;
        var counts = ys.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long features = ys.GShapeRef[1];
        var current = backend.Contiguous(ys.larray);
        try
        {
            for (int step = 0; step < p; step++)
            {
                int owner = (me + step) % p;
                LocalTensor? next = null;
                var shift = new RingShift();
                try
                {
                    if (step < p - 1)
                    {
                        next = backend.Empty([counts[(me + step + 1) % p], features], current.DType);
                        shift.Start(comm, current, (me - 1 + p) % p, next, (me + 1) % p, Tag);
                    }
                    if (counts[owner] > 0 && result.Shape[0] > 0)
                    {
                        using var target = result.Slice(1, displs[owner], counts[owner]);
                        kernels.Block(xs.larray, current, target, kind);
                    }
                    shift.Finish();
                }
                catch { shift.Abandon(); next?.Dispose(); throw; }
                if (next is not null) { current.Dispose(); current = next; }
            }
        }
        finally { current.Dispose(); }
    }
}
