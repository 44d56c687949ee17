// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// solve for a square A split along a matrix axis, without gathering A: A = QR by block Gram–Schmidt with
/// re-orthogonalisation over the ranks' column panels (<see cref="PanelQr"/>; split 0 is moved to split 1 first), y =
/// Qᴴ b (each rank its rows, one Allreduce), then a block back-substitution R x = y from the last panel to the first:
/// the owner of a panel solves its diagonal block (LAPACK trtrs) and broadcasts that piece of x with its update of the
/// rows above. The right-hand side and x are replicated (n × k).
/// </summary>
internal static class DistributedSolve
{
    public static DNDarray Solve(DNDarray a, DNDarray b, bool vector)
    {
        using var scope = DisposeScope.Begin();
        var backend = a.Backend;
        var comm = a.comm;
        long n = a.GShapeRef[0];
        var columns = a.split == 1 ? a : ht.resplit(a, 1);
        var counts = columns.SplitCounts();
        var offsets = Chunking.Displacements(counts);
        var br = b.split is null ? b : ht.resplit(b, null);
        long k = vector ? 1 : b.GShapeRef[^1];
        int rank = comm.Rank;
        var (q, r, _) = PanelQr.Factor(backend, comm, columns.larray, counts, withQ: true);
        using (q)
        using (r)
        {
            using var rhsC = backend.Contiguous(br.larray);
            using var rhs = rhsC.TryReshapeView([n, k])!;
            // y = Qᴴ b: this rank's Q columns give its rows of y.
            var y = backend.Zeros([n, k], a.dtype, a.larray.Device);
            try
            {
                if (counts[rank] > 0)
                {
                    using var qh = Local.ConjT(backend, q!);
                    using var rows = y.Slice(0, offsets[rank], counts[rank]);
                    backend.Matmul(qh, rhs, rows);
                }
                Collectives.AllreduceInPlace(comm, y, ReduceOp.Sum);
                for (int owner = comm.Size - 1; owner >= 0; owner--)
                {
                    long off = offsets[owner], c = counts[owner];
                    if (c == 0) continue;
                    using var piece = backend.Empty([off + c, k], a.dtype, a.larray.Device);
                    Span<int> singular = [0];
                    if (rank == owner) singular[0] = SolveBlock(backend, r, y, off, c, piece) ? 0 : 1;
                    comm.AllreduceInPlace(singular, ReduceOp.Max);
                    if (singular[0] != 0)
                        throw new ArgumentException("solve: A is singular (a zero diagonal element of R).", "A");
                    if (comm.Size > 1) Transfer.Bcast(comm, piece, owner);
                    using (var update = piece.Slice(0, 0, off))
                    using (var above = y.Slice(0, 0, off))
                        backend.Binary(BinaryOp.Subtract, above, update, above);
                    using (var xo = piece.Slice(0, off, c))
                    using (var target = y.Slice(0, off, c))
                        backend.Copy(xo, target);
                }
            }
            catch { y.Dispose(); throw; }
            long[] shape = vector ? [n] : [n, k];
            var flat = y.TryReshapeView(shape)!;
            y.Dispose();
            var x = new DNDarray(flat, shape, null, a.Context, true);
            int? split = b.split is int bs && b.ndim == shape.Length ? bs : null;
            return scope.MoveToOuter(split is null ? x : ht.resplit(x, split));
        }
    }

    // The owner's panel: x_o = R_oo⁻¹ y_o into the last c rows of piece, R[:off, cols] x_o into its first off rows.
    private static bool SolveBlock(ITensorBackend backend, LocalTensor r, LocalTensor y, long off, long c,
        LocalTensor piece)
    {
        using var diagonal = r.Slice(0, off, c);
        using var rc = backend.Contiguous(diagonal);
        using var yo = y.Slice(0, off, c);
        using var yc = backend.Contiguous(yo);
        using var xo = piece.Slice(0, off, c);
        using var x = backend.Empty(yo.Shape, y.DType, y.Device);
        try { DenseKernels.Of(backend).SolveTriangular(rc, yc, upper: true, unitDiagonal: false, x); }
        catch (ArgumentException) { return false; }
        backend.Copy(x, xo);
        if (off > 0)
        {
            using var rAbove = r.Slice(0, 0, off);
            using var update = piece.Slice(0, 0, off);
            backend.Matmul(rAbove, x, update);
        }
        return true;
    }
}
