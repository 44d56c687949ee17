// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// Householder reduction Qᴴ A Q = T of a row-distributed Hermitian (symmetric) matrix to real symmetric tridiagonal
/// form, blocked as LAPACK's sytrd/latrd (lower): within a panel of <see cref="Panel"/> columns every step broadcasts
/// the current row i from its owner (A is Hermitian, so it is column i conjugated), forms the reflector (replicated),
/// and multiplies the local trailing rows with it (one Allreduce of n − i − 1 elements); the panel's rank-2k update
/// A −= V Wᴴ + W Vᴴ of the local trailing rows is one matrix product. The reflectors come out replicated
/// (LAPACK's
/// layout, for ormtr), as do d, e and τ.
/// </summary>
internal static class Tridiagonalization
{
    public const int Panel = 32;

    /// <summary>Reduces <paramref name="rows"/> (this rank's rows of A, c_r × n, contiguous; overwritten).</summary>
    public static (LocalTensor D, LocalTensor E, LocalTensor Tau, LocalTensor Reflectors) Reduce(
        ITensorBackend backend, ICommunicator comm, LocalTensor rows, long[] counts)
    {
        var b = backend;
        int rank = comm.Rank;
        long n = rows.Shape[1];
        var offsets = Chunking.Displacements(counts);
        long o = offsets[rank], c = counts[rank];
        var dtype = rows.DType;
        var dev = rows.Device;
        bool complex = dtype.Kind == DTypeKind.Complex;
        var d = b.Zeros([n], dtype.RealType, dev);
        var e = b.Zeros([Math.Max(n - 1, 0)], dtype.RealType, dev);
        var tau = b.Zeros([Math.Max(n - 1, 0)], dtype, dev);
        var refl = b.Zeros([n, n], dtype, dev);
        try
        {
            var kernels = TridiagonalKernels.Of(b);
            for (long i0 = 0; i0 < n - 1; i0 += Panel)
            {
                long jb = Math.Min(Panel, n - 1 - i0);
                using var vp = b.Zeros([n, jb], dtype, dev);
                using var wp = b.Zeros([n, jb], dtype, dev);
                for (long j = 0; j < jb; j++)
                {
                    long i = i0 + j, m = n - i;
                    // The current row i from column i: the owner's stored row less the panel's pending update.
                    using var row = b.Empty([1, m], dtype, dev);
                    int owner = Owner(offsets, counts, i);
                    if (rank == owner)
                    {
                        using var stored = rows.Slice(0, i - o, 1);
                        using var tail = stored.Slice(1, i, m);
                        b.Copy(tail, row);
                    }
                    if (comm.Size > 1) Transfer.Bcast(comm, row, owner);
                    if (j > 0) SubtractPanel(b, row, vp, wp, i, i, j);
                    using (var flat = row.TryReshapeView([m])!)
                    using (var dv = flat.Slice(0, 0, 1))
                    using (var di = d.Slice(0, i, 1))
                        if (complex) b.Unary(UnaryOp.Real, dv, di); else b.Copy(dv, di);
                    // Column i below the diagonal is the conjugated row.
                    using var below = row.Slice(1, 1, m - 1);
                    using var x = complex ? b.Unary(UnaryOp.Conj, below) : b.Copy(below);
                    using var xv = x.TryReshapeView([m - 1])!;
                    using var v = b.Empty([m - 1], dtype, dev);
                    using var tauI = b.Empty([1], dtype, dev);
                    using var beta = b.Empty([1], dtype.RealType, dev);
                    kernels.Reflector(xv, v, tauI, beta);
                    using (var ei = e.Slice(0, i, 1)) b.Copy(beta, ei);
                    using (var ti = tau.Slice(0, i, 1)) b.Copy(tauI, ti);
                    using var vcol = v.TryReshapeView([m - 1, 1])!;
                    using (var vslot = Block(vp, i + 1, m - 1, j, 1)) b.Copy(vcol, vslot);
                    using var p = Matvec(b, kernels, comm, rows, o, c, i + 1, v);
                    if (j > 0) SubtractPanelProduct(b, p, vp, wp, i + 1, j, vcol);
                    // p = τ A v; w = p − ½ τ (pᴴ v) v.
                    using (var tb = tauI.BroadcastTo([m - 1, 1])) b.Binary(BinaryOp.Multiply, p, tb, p);
                    using var ph = Local.ConjT(b, p);
                    using var s = Local.Matmul(b, ph, vcol);
                    using (var t2 = tauI.TryReshapeView([1, 1])!) b.Binary(BinaryOp.Multiply, s, t2, s);
                    b.BinaryScalar(BinaryOp.Multiply, s, -0.5, false, s);
                    using (var sb = s.BroadcastTo([m - 1, 1]))
                    using (var sv = b.Binary(BinaryOp.Multiply, vcol, sb))
                        b.Binary(BinaryOp.Add, p, sv, p);
                    using (var wslot = Block(wp, i + 1, m - 1, j, 1)) b.Copy(p, wslot);
                }
                long start = i0 + jb, rs = Math.Max(0, start - o), nr = c - rs;
                if (start < n && nr > 0)
                {
                    using var target = Block(rows, rs, nr, start, n - start);
                    SubtractPanel(b, target, vp, wp, o + rs, start, jb);
                }
                using (var slot = refl.Slice(1, i0, jb)) b.Copy(vp, slot);
            }
            if (n > 0)
            {
                // The last diagonal element, final after the last panel's update.
                int owner = Owner(offsets, counts, n - 1);
                using var last = b.Empty([1], dtype, dev);
                if (rank == owner)
                    using (var stored = Block(rows, n - 1 - o, 1, n - 1, 1))
                    using (var lv = last.TryReshapeView([1, 1])!)
                        b.Copy(stored, lv);
                if (comm.Size > 1) Transfer.Bcast(comm, last, owner);
                using var dn = d.Slice(0, n - 1, 1);
                if (complex) b.Unary(UnaryOp.Real, last, dn); else b.Copy(last, dn);
            }
            return (d, e, tau, refl);
        }
        catch { d.Dispose(); e.Dispose(); tau.Dispose(); refl.Dispose(); throw; }
    }

    // The rank holding global row i.
    private static int Owner(long[] offsets, long[] counts, long i)
    {
        for (int r = 0; r < counts.Length; r++)
            if (i >= offsets[r] && i < offsets[r] + counts[r]) return r;
        throw new InvalidOperationException($"No rank holds row {i}.");
    }

    private static LocalTensor Block(LocalTensor t, long r0, long nr, long c0, long nc)
    {
        using var rowsView = t.Slice(0, r0, nr);
        return rowsView.Slice(1, c0, nc);
    }

    // A[start:, start:] v (a column), the local rows' part Allreduced into the whole.
    private static LocalTensor Matvec(ITensorBackend b, ITridiagonalKernels kernels, ICommunicator comm,
        LocalTensor rows, long o, long c, long start, LocalTensor v)
    {
        long n = rows.Shape[1], len = n - start;
        var p = b.Zeros([len, 1], rows.DType, rows.Device);
        try
        {
            long ls = Math.Max(0, start - o), nr = c - ls;
            if (nr > 0)
            {
                using var block = Block(rows, ls, nr, start, len);
                using var flat = p.TryReshapeView([len])!;
                using var part = flat.Slice(0, o + ls - start, nr);
                kernels.MatrixVector(block, v, part);
            }
            Collectives.AllreduceInPlace(comm, p, ReduceOp.Sum);
            return p;
        }
        catch { p.Dispose(); throw; }
    }

    // target (r × cols) −= V[r0:, :j] W[c0:, :j]ᴴ + W[r0:, :j] V[c0:, :j]ᴴ, as one product of inner size 2j.
    private static void SubtractPanel(
        ITensorBackend b, LocalTensor target, LocalTensor vp, LocalTensor wp, long r0, long c0, long j)
    {
        long r = target.Shape[0], cols = target.Shape[1];
        using var left = b.Empty([r, 2 * j], vp.DType, vp.Device);
        using var right = b.Empty([2 * j, cols], vp.DType, vp.Device);
        using (var vr = Block(vp, r0, r, 0, j)) using (var l0 = left.Slice(1, 0, j)) b.Copy(vr, l0);
        using (var wr = Block(wp, r0, r, 0, j)) using (var l1 = left.Slice(1, j, j)) b.Copy(wr, l1);
        using (var wc = Block(wp, c0, cols, 0, j))
        using (var wh = Local.ConjT(b, wc))
        using (var r0v = right.Slice(0, 0, j))
            b.Copy(wh, r0v);
        using (var vc = Block(vp, c0, cols, 0, j))
        using (var vh = Local.ConjT(b, vc))
        using (var r1v = right.Slice(0, j, j))
            b.Copy(vh, r1v);
        b.BinaryScalar(BinaryOp.Multiply, right, -1, false, right);
        b.Matmul(left, right, target, accumulate: true);
    }

    // p (len × 1) −= V_t (W_tᴴ v) + W_t (V_tᴴ v), rows from start, the panel's first j columns.
    private static void SubtractPanelProduct(
        ITensorBackend b, LocalTensor p, LocalTensor vp, LocalTensor wp, long start, long j, LocalTensor v)
    {
        long len = p.Shape[0];
        using var vt = Block(vp, start, len, 0, j);
        using var wt = Block(wp, start, len, 0, j);
        using var y = b.Empty([2 * j, 1], p.DType, p.Device);
        using (var wh = Local.ConjT(b, wt)) using (var y0 = y.Slice(0, 0, j)) b.Matmul(wh, v, y0);
        using (var vh = Local.ConjT(b, vt)) using (var y1 = y.Slice(0, j, j)) b.Matmul(vh, v, y1);
        b.BinaryScalar(BinaryOp.Multiply, y, -1, false, y);
        using var left = b.Empty([len, 2 * j], p.DType, p.Device);
        using (var l0 = left.Slice(1, 0, j)) b.Copy(vt, l0);
        using (var l1 = left.Slice(1, j, j)) b.Copy(wt, l1);
        b.Matmul(left, y, p, accumulate: true);
    }
}
