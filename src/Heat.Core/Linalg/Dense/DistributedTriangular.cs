// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// solve_triangular for a 2-d triangular A split along a matrix axis, without gathering A: block substitution over
/// the ranks' column panels (split 0 is moved to split 1 first), last panel first for upper A, first panel first for
/// lower A. The owner of a panel solves its diagonal block (LAPACK trtrs) and broadcasts that piece of X together with
/// its panel's update of the rows still to solve; a zero diagonal element is agreed on by one small Allreduce per
/// panel, so every rank raises alike. The right-hand side and X are replicated (n × k) on the way.
/// </summary>
internal static class DistributedTriangular
{
    public static DNDarray Solve(DNDarray a, DNDarray b, bool lower, bool unitDiagonal)
    {
        using var scope = DisposeScope.Begin();
        var backend = a.Backend;
        var comm = a.comm;
        long n = a.GShapeRef[0], k = b.GShapeRef[^1];
        var columns = a.split == 1 ? a : ht.resplit(a, 1);
        var counts = columns.SplitCounts();
        var offsets = Chunking.Displacements(counts);
        var br = b.split is null ? b : ht.resplit(b, null);
        int rank = comm.Rank;
        var y = backend.Copy(br.larray);
        try
        {
            for (int step = 0; step < comm.Size; step++)
            {
                int owner = lower ? step : comm.Size - 1 - step;
                long off = offsets[owner], c = counts[owner];
                if (c == 0) continue;
                // The rows this panel updates: below its block (lower) or above it (upper).
                long u0 = lower ? off + c : 0, ul = lower ? n - off - c : off;
                using var piece = backend.Empty([c + ul, k], a.dtype, a.larray.Device);
                Span<int> singular = [0];
                if (rank == owner)
                    singular[0] = SolveBlock(backend, columns.larray, y, off, c, u0, ul, lower, unitDiagonal, piece)
                        ? 0 : 1;
                comm.AllreduceInPlace(singular, ReduceOp.Max);
                if (singular[0] != 0)
                    throw new ArgumentException("solve_triangular: A is singular (a zero diagonal element).", "A");
                if (comm.Size > 1) Transfer.Bcast(comm, piece, owner);
                using (var xo = piece.Slice(0, 0, c))
                using (var target = y.Slice(0, off, c))
                    backend.Copy(xo, target);
                if (ul == 0) continue;
                using var update = piece.Slice(0, c, ul);
                using var rows = y.Slice(0, u0, ul);
                backend.Binary(BinaryOp.Subtract, rows, update, rows);
            }
        }
        catch { y.Dispose(); throw; }
        var x = new DNDarray(y, [n, k], null, a.Context, true);
        return scope.MoveToOuter(b.split is int bs ? ht.resplit(x, bs) : x);
    }

    // The owner's panel: X_o = A_oo⁻¹ Y_o into the first c rows of piece, A[u0 : u0 + ul, panel] X_o after them.
    private static bool SolveBlock(ITensorBackend backend, LocalTensor cols, LocalTensor y, long off, long c,
        long u0, long ul, bool lower, bool unitDiagonal, LocalTensor piece)
    {
        using var diagonal = cols.Slice(0, off, c);
        using var ac = backend.Contiguous(diagonal);
        using var yo = y.Slice(0, off, c);
        using var yc = backend.Contiguous(yo);
        using var x = backend.Empty(yo.Shape, y.DType, y.Device);
        try { DenseKernels.Of(backend).SolveTriangular(ac, yc, upper: !lower, unitDiagonal, x); }
        catch (ArgumentException) { return false; }
        using (var xo = piece.Slice(0, 0, c)) backend.Copy(x, xo);
        if (ul > 0)
        {
            using var panel = cols.Slice(0, u0, ul);
            using var update = piece.Slice(0, c, ul);
            backend.Matmul(panel, x, update);
        }
        return true;
    }
}
