// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Distributed <c>nonzero</c>: the coordinates of the true elements in row-major order. A split mask is first brought
/// to
/// split 0 (so that every rank's coordinates follow the previous rank's), then each rank lists its own elements and
/// offsets the first coordinate by its chunk's true displacement (right on unbalanced arrays).
/// </summary>
internal static class Nonzero
{
    /// <summary>The (N, ndim) int64 coordinates of the true elements of the bool array <paramref name="mask"/>, split
    /// along 0 when the mask is split (unbalanced in general), else replicated.</summary>
    public static DNDarray Coordinates(DNDarray mask)
    {
        var backend = mask.Backend;
        var kernels = backend.Capability<IIndexKernels>();
        var comm = mask.comm;
        int k = mask.ndim;
        using var scope = DisposeScope.Begin();
        LocalTensor local;
        long offset = 0;
        if (mask.split is int s)
        {
            local = scope.Include(Redistribution.Resplit(mask, 0));
            var counts = s == 0 ? mask.SplitCounts() : Chunking.Counts(mask.GShapeRef[0], comm.Size);
            offset = Chunking.Displacements(counts)[comm.Rank];
        }
        else local = mask.larray;
        long n = kernels.CountNonzero(local);
        var coordinates = scope.Include(backend.Empty([n, k], DType.Int64, mask.device));
        kernels.Nonzero(local, coordinates);
        if (offset != 0 && n > 0)
        {
            using var first = coordinates.Slice(1, 0, 1);
            backend.BinaryScalar(BinaryOp.Add, first, offset, false, first);
        }
        if (mask.split is null)
            return scope.MoveToOuter(new DNDarray(coordinates, [n, k], null, mask.Context, true),
                transferred: coordinates);
        var found = comm.Allgather(n);
        return scope.MoveToOuter(DNDarray.WithSplitCounts(coordinates, [found.Sum(), k], 0, mask.Context, found),
            transferred: coordinates);
    }
}
