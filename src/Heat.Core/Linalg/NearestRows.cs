// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// The nearest row of Y (replicated, few rows) for every row of X (split 0 or replicated), by the quadratic expansion
/// argmin_j |y_j|² − 2 x·y_j: the backend's <see cref="IReductionKernels.NearestRows"/>, or (backends without it) its
/// matmul, element-wise ops and arg-reduction. Local to every rank: no communication unless Y is split.
/// </summary>
internal static class NearestRows
{
    public static DNDarray Argmin(DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ndim != 2 || y.ndim != 2)
            throw new ArgumentException($"pairwise_distances_argmin needs 2-d arrays (samples x features); got {Shapes.Format(x.GShapeRef)} and {Shapes.Format(y.GShapeRef)}.");
        if (x.GShapeRef[1] != y.GShapeRef[1])
            throw new ArgumentException($"pairwise_distances_argmin: X has {x.GShapeRef[1]} features, Y has {y.GShapeRef[1]}.", nameof(y));
        if (y.GShapeRef[0] == 0) throw new ArgumentException("pairwise_distances_argmin: Y has no rows.", nameof(y));
        var type = DTypePromotion.Promote(x.dtype, y.dtype);
        if (type.IsComplex) throw new ArgumentException($"pairwise_distances_argmin is not defined for complex data ({type}).");
        if (!type.IsInexact) type = DType.Float32;
        using var xc = x.AliasOrCast(type);
        using var xs = xc.split == 1 ? ht.resplit(xc, 0) : xc.Alias();
        using var yc = y.AliasOrCast(type);
        using var ys = yc.split is null ? yc.Alias() : ht.resplit(yc, null);
        var labels = Local(x.Backend, xs.larray, ys.larray);
        return new DNDarray(labels, [x.GShapeRef[0]], xs.split, x.Context, xs.balanced);
    }

    /// <summary>
    /// The labels of this rank's rows (m), through the backend's reduction kernels when <paramref name="useKernels"/>
    /// and it has them.
    /// </summary>
    internal static LocalTensor Local(ITensorBackend backend, LocalTensor x, LocalTensor y, bool useKernels = true)
    {
        long m = x.Shape[0], k = y.Shape[0];
        var device = x.Device;
        var kernels = useKernels ? ReductionKernels.Of(backend) : null;
        var labels = backend.Empty(kernels is null ? [m, 1] : [m], DType.Int64, device);
        try
        {
            if (m > 0 && kernels is not null)
            {
                using var xc = backend.Contiguous(x);
                using var yc = backend.Contiguous(y);
                kernels.NearestRows(xc, yc, labels);
                return labels;
            }
            if (m > 0)
            {
                using var yt = y.Permute([1, 0]);
                using var g = backend.Empty([m, k], x.DType, device);
                backend.Matmul(x, yt, g);
                using var squares = backend.Binary(BinaryOp.Multiply, y, y);
                using var yy = backend.Reduce(ReduceOp.Sum, squares, [1]);
                backend.BinaryScalar(BinaryOp.Multiply, g, Scalar.FromDouble(-2), false, g);
                using var row = yy.ExpandDims(0);
                using var rowB = row.BroadcastTo([m, k]);
                backend.Binary(BinaryOp.Add, g, rowB, g);
                using var values = backend.Empty([m, 1], x.DType, device);
                backend.ArgReduce(ArgReduceKind.ArgMin, g, 1, values, labels);
            }
            var flat = labels.TryReshapeView([m])!;
            labels.Dispose();
            return flat;
        }
        catch { labels.Dispose(); throw; }
    }
}
