// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// The SVD of a 2-d matrix split 0 or 1 in general position (ScaLAPACK's pdgesvd scheme, backward stable): X = A
/// (m ≥ n) or Aᴴ (m &lt; n), row-distributed, is reduced to bidiagonal form X = Q B Pᴴ
/// (<see cref="Bidiagonalization"/>); LAPACK's bdsdc factors B = U_B Σ V_Bᵀ on every rank (O(n) input, O(n²)
/// output); then U_X = Q U_B is formed on the rows of X (blocked reflectors, one Allreduce per block) and V_X = P V_B
/// on a balanced block of columns per rank (ormtr on the replicated P). The factors leave as HeAT's: U split 0 for
/// split 0 (else replicated), Vᴴ split 1 for split 1 (else replicated), S replicated.
/// </summary>
internal static class DistributedSvd
{
    public static (DNDarray? U, DNDarray S, DNDarray? Vt) Svd(DNDarray a, bool full, bool computeUv)
    {
        long m = a.GShapeRef[0], n = a.GShapeRef[1];
        bool transposed = m < n;
        long bigM = Math.Max(m, n), bigN = Math.Min(m, n);
        var b = a.Backend;
        var comm = a.comm;
        var dtype = a.dtype;
        var dev = a.larray.Device;
        using var scope = DisposeScope.Begin();
        int rowSplit = transposed ? 1 : 0;
        var source = a.split == rowSplit ? a : ht.resplit(a, rowSplit);
        var counts = source.SplitCounts();
        long o = Chunking.Displacements(counts)[comm.Rank], c = counts[comm.Rank];
        using var rows = transposed ? Local.ConjTCopy(b, source.larray) : b.Copy(source.larray);
        var (d, e, tauQ, tauP, refl) = Bidiagonalization.Reduce(b, comm, rows, counts);
        using (d)
        using (e)
        using (tauQ)
        using (tauP)
        using (refl)
        {
            var S = new DNDarray(b.Empty([bigN], dtype.RealType, dev), [bigN], null, a.Context, true);
            var kernels = BidiagonalKernels.Of(b);
            if (!computeUv)
            {
                kernels.BidiagonalSvd(d, e, S.larray, null, null);
                return (null, scope.MoveToOuter(S), null);
            }
            using var ub = b.Empty([bigN, bigN], dtype.RealType, dev);
            using var vtb = b.Empty([bigN, bigN], dtype.RealType, dev);
            kernels.BidiagonalSvd(d, e, S.larray, ub, vtb);
            // U_X = Q [U_B 0; 0 I] (the identity block only for full matrices), this rank's rows.
            long kc = full ? bigM : bigN;
            var cl = b.Zeros([c, kc], dtype, dev);
            var UX = DNDarray.WithSplitCounts(cl, [bigM, kc], 0, a.Context, counts);
            long top = Math.Clamp(bigN - o, 0, c);
            if (top > 0)
                using (var src = ub.Slice(0, o, top))
                using (var rowsView = cl.Slice(0, 0, top))
                using (var dst = rowsView.Slice(1, 0, bigN))
                    b.Copy(src, dst);
            if (full && c > top)
            {
                // Global rows r ≥ N of this rank: 1 at column r.
                long count = c - top, first = o + top;
                var strides = cl.Strides;
                using var diagonal = cl.View([count], [strides[0] + strides[1]],
                    cl.Offset + top * strides[0] + first * strides[1]);
                b.Fill(diagonal, 1);
            }
            Bidiagonalization.ApplyLeft(b, comm, rows, tauQ, counts, cl);
            // V_X = P V_B, a balanced block of columns per rank.
            var vCounts = Chunking.Counts(bigN, comm.Size);
            long vo = Chunking.Displacements(vCounts)[comm.Rank], vk = vCounts[comm.Rank];
            var vl = b.Empty([bigN, vk], dtype, dev);
            var VX = DNDarray.WithSplitCounts(vl, [bigN, bigN], 1, a.Context, vCounts);
            if (vk > 0)
            {
                using var vbRows = vtb.Slice(0, vo, vk);
                using var vbView = vbRows.Permute([1, 0]);
                using var vb = b.Copy(vbView, dtype);
                TridiagonalKernels.Of(b).ApplyReflectors(refl, tauP, vb, vl);
            }
            // A = U_X Σ V_Xᴴ, or for X = Aᴴ: A = V_X Σ U_Xᴴ.
            DNDarray U, Vt;
            if (!transposed)
            {
                U = UX;
                Vt = DNDarray.WithSplitCounts(Local.ConjTCopy(b, vl), [bigN, bigN], 0, a.Context, vCounts);
            }
            else
            {
                U = VX;
                Vt = DNDarray.WithSplitCounts(Local.ConjTCopy(b, cl), [kc, bigM], 1, a.Context, counts);
            }
            int? uSplit = a.split == 0 ? 0 : null, vSplit = a.split == 1 ? 1 : null;
            var uOut = U.split == uSplit ? U : ht.resplit(U, uSplit);
            var vOut = Vt.split == vSplit ? Vt : ht.resplit(Vt, vSplit);
            return (scope.MoveToOuter(uOut), scope.MoveToOuter(S), scope.MoveToOuter(vOut));
        }
    }
}
