// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// The k-means assignment step in one pass: for every row of X (split 0 or replicated) the nearest row of Y
/// (replicated, few rows) as <see cref="NearestRows"/>, and the per-label sums and counts of X's rows, combined by one
/// Allreduce each. Local sums come from the backend's <see cref="IClusterKernels"/> (or its host backend's, staged);
/// backends with neither take the unfused path (<see cref="NearestRows.Local"/>, then segment sums and counts).
/// </summary>
internal static class NearestRowsSums
{
    public static (DNDarray Labels, DNDarray Sums, DNDarray Counts) Compute(DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        const string name = "pairwise_distances_argmin_sums";
        if (x.ndim != 2 || y.ndim != 2)
            throw new ArgumentException($"{name} needs 2-d arrays (samples x features); got "
                + $"{Shapes.Format(x.GShapeRef)} and {Shapes.Format(y.GShapeRef)}.");
        if (x.GShapeRef[1] != y.GShapeRef[1])
            throw new ArgumentException($"{name}: X has {x.GShapeRef[1]} features, Y has {y.GShapeRef[1]}.",
                nameof(y));
        if (y.GShapeRef[0] == 0) throw new ArgumentException($"{name}: Y has no rows.", nameof(y));
        var type = DTypePromotion.Promote(x.dtype, y.dtype);
        if (type.IsComplex)
            throw new ArgumentException($"{name} is not defined for complex data ({type}).");
        if (!type.IsInexact) type = DType.Float32;
        using var xc = x.AliasOrCast(type);
        using var xs = xc.split == 1 ? ht.resplit(xc, 0) : xc.Alias();
        using var yc = y.AliasOrCast(type);
        using var ys = yc.split is null ? yc.Alias() : ht.resplit(yc, null);
        long k = y.GShapeRef[0], f = x.GShapeRef[1];
        var comm = xs.split == 0 && xs.comm.Size > 1 ? xs.comm : null;
        var (labels, sums, counts) = Local(x.Backend, xs.larray, ys.larray, type, comm);
        try
        {
            return (new DNDarray(labels, [x.GShapeRef[0]], xs.split, x.Context, xs.balanced),
                new DNDarray(sums, [k, f], null, x.Context, true), new DNDarray(counts, [k], null, x.Context, true));
        }
        catch { labels.Dispose(); sums.Dispose(); counts.Dispose(); throw; }
    }

    // This rank's labels, and the sums (in type) and counts of all ranks (combined when comm is given).
    private static (LocalTensor, LocalTensor, LocalTensor) Local(ITensorBackend backend, LocalTensor x,
        LocalTensor y, DType type, ICommunicator? comm)
    {
        long m = x.Shape[0], k = y.Shape[0], f = x.Shape[1];
        var device = x.Device;
        var kernels = backend is IClusterKernels || backend is IHostFallback
            ? backend.Capability<IClusterKernels>() : null;
        if (kernels is null)
        {
            var plain = NearestRows.Local(backend, x, y);
            LocalTensor? total = null;
            try
            {
                total = Segments.Local(backend, x, plain, k, type, comm);
                return (plain, total, Segments.CountLocal(backend, plain, k, comm));
            }
            catch { plain.Dispose(); total?.Dispose(); throw; }
        }
        var labels = backend.Empty([m], DType.Int64, device);
        try
        {
            using var wide = backend.Zeros([k, f], DType.Float64, device);
            var counts = backend.Zeros([k], DType.Int64, device);
            try
            {
                if (m > 0)
                {
                    using var xk = backend.Contiguous(x);
                    using var yk = backend.Contiguous(y);
                    kernels.NearestRowsSums(xk, yk, labels, wide, counts);
                }
                if (comm is not null)
                {
                    Collectives.AllreduceInPlace(comm, wide, ReduceOp.Sum);
                    Collectives.AllreduceInPlace(comm, counts, ReduceOp.Sum);
                }
                return (labels, backend.Copy(wide, type), counts);
            }
            catch { counts.Dispose(); throw; }
        }
        catch { labels.Dispose(); throw; }
    }
}
