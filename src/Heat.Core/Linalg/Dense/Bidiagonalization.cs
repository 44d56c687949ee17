// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// Householder (Golub–Kahan) reduction Qᴴ X P = B of a row-distributed M × N matrix (M ≥ N) to real upper
/// bidiagonal form, as LAPACK's gebd2: step i takes the left reflector H_i of column i (assembled on every rank by
/// one Allreduce of the ranks' disjoint parts), multiplies the local trailing rows with it (one Allreduce of vᴴX,
/// which carries the owner's row i along), then the right reflector G_i of the updated row i, applied to the local
/// rows without communication. Q = H₀ ⋯ H_{N−1} stays distributed (column i of the local rows holds v_i from
/// row i on); P = G₀ ⋯ G_{N−2} comes out replicated in ormtr's layout, as do d, e and the τ.
/// </summary>
internal static class Bidiagonalization
{
    /// <summary>Reflectors per block of the back-transformation (compact WY, I − V T Vᴴ).</summary>
    public const int Block = 32;

    /// <summary>Reduces <paramref name="rows"/> (this rank's rows of X, c × N, contiguous; overwritten).</summary>
    public static (LocalTensor D, LocalTensor E, LocalTensor TauQ, LocalTensor TauP, LocalTensor RightReflectors)
        Reduce(ITensorBackend backend, ICommunicator comm, LocalTensor rows, long[] counts)
    {
        var b = backend;
        int rank = comm.Rank;
        long n = rows.Shape[1];
        var offsets = Chunking.Displacements(counts);
        long o = offsets[rank], c = counts[rank], m = offsets[^1] + counts[^1];
        var dtype = rows.DType;
        var dev = rows.Device;
        bool complex = dtype.Kind == DTypeKind.Complex;
        var d = b.Zeros([n], dtype.RealType, dev);
        var e = b.Zeros([Math.Max(n - 1, 0)], dtype.RealType, dev);
        var tauQ = b.Zeros([n], dtype, dev);
        var tauP = b.Zeros([Math.Max(n - 1, 0)], dtype, dev);
        var refl = b.Zeros([n, n], dtype, dev);
        try
        {
            var kernels = TridiagonalKernels.Of(b);
            var bidiagonal = BidiagonalKernels.Of(b);
            using var beta = b.Empty([1], dtype.RealType, dev);
            for (long i = 0; i < n; i++)
            {
                long len = m - i, ls = Math.Max(0, i - o), nr = Math.Max(0, c - ls);
                // Column i from row i: the ranks' disjoint parts summed.
                using var col = b.Zeros([len], dtype, dev);
                if (nr > 0)
                    using (var mine = Sub(rows, ls, nr, i, 1))
                    using (var part = col.Slice(0, o + ls - i, nr))
                    using (var pv = part.TryReshapeView([nr, 1])!)
                        b.Copy(mine, pv);
                if (comm.Size > 1) Collectives.AllreduceInPlace(comm, col, ReduceOp.Sum);
                using var v = b.Empty([len], dtype, dev);
                using var tau = b.Empty([1], dtype, dev);
                kernels.Reflector(col, v, tau, beta);
                using (var di = d.Slice(0, i, 1)) b.Copy(beta, di);
                using (var ti = tauQ.Slice(0, i, 1)) b.Copy(tau, ti);
                // This rank's part of v as a column (null without rows from i on).
                using var vcol = nr > 0 ? Column(v, o + ls - i, nr) : null;
                if (vcol is not null)
                    using (var slot = Sub(rows, ls, nr, i, 1))
                        b.Copy(vcol, slot);
                if (i == n - 1) break;
                long l = n - i - 1;
                // [vᴴ X[i:, i+1:] | row i of X], summed over the ranks (only the owner adds the row).
                using var buf = b.Zeros([1, 2 * l], dtype, dev);
                using var w = buf.Slice(1, 0, l);
                using var row = buf.Slice(1, l, l);
                if (nr > 0)
                {
                    using var part = v.Slice(0, o + ls - i, nr);
                    using var vc = complex ? b.Unary(UnaryOp.Conj, part) : part.Share();
                    using var trailing = Sub(rows, ls, nr, i + 1, l);
                    using var wl = b.Empty([l], dtype, dev);
                    bidiagonal.VectorMatrix(vc, trailing, wl);
                    using var wv = wl.TryReshapeView([1, l])!;
                    b.Copy(wv, w);
                }
                if (i >= o && i < o + c)
                    using (var stored = Sub(rows, i - o, 1, i + 1, l))
                        b.Copy(stored, row);
                if (comm.Size > 1) Collectives.AllreduceInPlace(comm, buf, ReduceOp.Sum);
                // Hᴴ = I − conj(τ) v vᴴ: X[i:, i+1:] += v (−conj(τ) w); row i likewise (v₀ = 1).
                using (var nt = complex ? b.Unary(UnaryOp.Conj, tau) : b.Copy(tau))
                using (var ntb = nt.BroadcastTo([1, l]))
                {
                    b.BinaryScalar(BinaryOp.Multiply, nt, -1, false, nt);
                    b.Binary(BinaryOp.Multiply, w, ntb, w);
                }
                if (vcol is not null)
                    using (var trailing = Sub(rows, ls, nr, i + 1, l))
                        b.Matmul(vcol, w, trailing, accumulate: true);
                b.Binary(BinaryOp.Add, row, w, row);
                // The right reflector G with y G = β e₀ is larfg's of z = yᴴ
                // (Hᴴ z = β e₀, so zᴴ H = β e₀ᵀ).
                using var z = complex ? b.Unary(UnaryOp.Conj, row) : b.Copy(row);
                using var zf = z.TryReshapeView([l])!;
                using var u = b.Empty([l], dtype, dev);
                using var taup = b.Empty([1], dtype, dev);
                kernels.Reflector(zf, u, taup, beta);
                using (var ei = e.Slice(0, i, 1)) b.Copy(beta, ei);
                using (var ti = tauP.Slice(0, i, 1)) b.Copy(taup, ti);
                using var ucol = u.TryReshapeView([l, 1])!;
                using (var slot = Sub(refl, i + 1, l, i, 1)) b.Copy(ucol, slot);
                // X[i+1:, i+1:] −= τ (X u) uᴴ on the local rows.
                long rs = Math.Max(0, i + 1 - o), nrr = Math.Max(0, c - rs);
                if (nrr == 0) continue;
                using var block = Sub(rows, rs, nrr, i + 1, l);
                using var p = b.Empty([nrr], dtype, dev);
                kernels.MatrixVector(block, u, p);
                using (var tb = taup.BroadcastTo([nrr])) b.Binary(BinaryOp.Multiply, p, tb, p);
                b.BinaryScalar(BinaryOp.Multiply, p, -1, false, p);
                using var pc = p.TryReshapeView([nrr, 1])!;
                using var uh = Local.ConjT(b, ucol);
                b.Matmul(pc, uh, block, accumulate: true);
            }
            return (d, e, tauQ, tauP, refl);
        }
        catch { d.Dispose(); e.Dispose(); tauQ.Dispose(); tauP.Dispose(); refl.Dispose(); throw; }
    }

    /// <summary>
    /// <paramref name="cl"/> ← Q C for C distributed by rows like X (this rank's rows, c × k, contiguous): the
    /// reflectors in blocks of <see cref="Block"/>, last block first, each as I − V T Vᴴ (larft's T from the
    /// Allreduced Gram matrix VᴴV, sent in the same Allreduce as VᴴC).
    /// </summary>
    public static void ApplyLeft(ITensorBackend b, ICommunicator comm, LocalTensor rows, LocalTensor tauQ,
        long[] counts, LocalTensor cl)
    {
        long n = rows.Shape[1], k = cl.Shape[1];
        long o = Chunking.Displacements(counts)[comm.Rank], c = counts[comm.Rank];
        var dtype = rows.DType;
        var dev = rows.Device;
        for (long j0 = (n - 1) / Block * Block; j0 >= 0; j0 -= Block)
        {
            long nb = Math.Min(Block, n - j0), ls = Math.Max(0, j0 - o), nr = Math.Max(0, c - ls);
            // This rank's rows of V (column j zero above row j, 1 at row j as stored).
            using var vp = b.Empty([nr, nb], dtype, dev);
            if (nr > 0)
            {
                using (var src = Sub(rows, ls, nr, j0, nb)) b.Copy(src, vp);
                for (long j = 1; j < nb; j++)
                {
                    // Rows j0 .. j0 + j − 1 of column j that are local.
                    long r0 = Math.Max(j0, o), r1 = Math.Min(j0 + j, o + c);
                    if (r1 <= r0) continue;
                    using var zero = Sub(vp, r0 - o - ls, r1 - r0, j, 1);
                    b.Fill(zero, 0);
                }
            }
            using var buf = b.Zeros([nb, nb + k], dtype, dev);
            using var gram = buf.Slice(1, 0, nb);
            using var wv = buf.Slice(1, nb, k);
            if (nr > 0)
            {
                using var vh = Local.ConjT(b, vp);
                b.Matmul(vh, vp, gram);
                using var cb = Sub(cl, ls, nr, 0, k);
                b.Matmul(vh, cb, wv);
            }
            if (comm.Size > 1) Collectives.AllreduceInPlace(comm, buf, ReduceOp.Sum);
            using var taus = tauQ.Slice(0, j0, nb);
            using var t = TFactor(b, gram, taus);
            // C −= V (T (VᴴC)).
            using var tw = Local.Matmul(b, t, wv);
            b.BinaryScalar(BinaryOp.Multiply, tw, -1, false, tw);
            if (nr > 0)
                using (var cb = Sub(cl, ls, nr, 0, k))
                    b.Matmul(vp, tw, cb, accumulate: true);
        }
    }

    // larft (forward, columnwise) from G = VᴴV: T[j, j] = τ_j, T[:j, j] = −τ_j T[:j, :j] G[:j, j].
    private static LocalTensor TFactor(ITensorBackend b, LocalTensor gram, LocalTensor taus)
    {
        long nb = taus.Shape[0];
        var t = b.Zeros([nb, nb], gram.DType, gram.Device);
        try
        {
            for (long j = 0; j < nb; j++)
            {
                using var tj = taus.Slice(0, j, 1);
                using (var diag = Sub(t, j, 1, j, 1))
                using (var tv = tj.TryReshapeView([1, 1])!)
                    b.Copy(tv, diag);
                if (j == 0) continue;
                using var g = Sub(gram, 0, j, j, 1);
                using var y = b.Copy(g);
                using (var tb = tj.BroadcastTo([j, 1])) b.Binary(BinaryOp.Multiply, y, tb, y);
                b.BinaryScalar(BinaryOp.Multiply, y, -1, false, y);
                using var tl = Sub(t, 0, j, 0, j);
                using var col = Local.Matmul(b, tl, y);
                using var slot = Sub(t, 0, j, j, 1);
                b.Copy(col, slot);
            }
            return t;
        }
        catch { t.Dispose(); throw; }
    }

    private static LocalTensor Column(LocalTensor v, long start, long length)
    {
        using var part = v.Slice(0, start, length);
        return part.TryReshapeView([length, 1])!;
    }

    private static LocalTensor Sub(LocalTensor t, long r0, long nr, long c0, long nc)
    {
        using var rowsView = t.Slice(0, r0, nr);
        return rowsView.Slice(1, c0, nc);
    }
}
