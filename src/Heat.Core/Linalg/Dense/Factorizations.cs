// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// The distributed drivers of <c>qr</c>, <c>svd</c> and <c>eigh</c>: which algorithm for which split, and how the
/// factors come out distributed (HeAT's rules).
/// </summary>
internal static class Factorizations
{
    public static (DNDarray? Q, DNDarray R) Qr(DNDarray a, string mode, int procs_to_merge)
    {
        Checks.Matrix(a, "qr");
        if (mode is not ("reduced" or "r" or "complete"))
            throw new ArgumentException($"qr: mode must be 'reduced', 'r' or 'complete', not '{mode}'.", nameof(mode));
        int merge = Checks.Merge(procs_to_merge, a.comm.Size, "qr");
        bool withQ = mode != "r";
        long m = a.GShapeRef[^2], n = a.GShapeRef[^1], k = Math.Min(m, n);
        var backend = a.Backend;
        if (!Checks.MatrixSplit(a))
        {
            var (q, r) = Local.Qr(backend, a.larray, withQ, complete: mode == "complete");
            return (q is null ? null : Wrap(a, q, a.split), Wrap(a, r, a.split));
        }
        if (a.ndim > 2 || (mode == "complete" && m > n))
        {
            // Batches split in a matrix dimension move the split to the batch; the complete Q (m × m) of a tall
            // matrix is formed replicated (m² elements on every rank, as NumPy's complete mode needs anyway).
            using var s = DisposeScope.Begin();
            int? target = a.ndim > 2 ? 0 : null;
            var moved = ht.resplit(a, target);
            var (q, r) = Qr(moved, mode, procs_to_merge);
            var rSplit = a.ndim > 2 ? a.split : (int?)null;
            return (q is null ? null : s.MoveToOuter(ht.resplit(q, a.split)), s.MoveToOuter(ht.resplit(r, rSplit)));
        }
        var counts = a.SplitCounts();
        if (a.split == 0)
        {
            var (q, r) = TsQr.Factor(backend, a.comm, a.larray, counts, withQ, merge);
            DNDarray? Q = null;
            try
            {
                Q = q is null ? null : DNDarray.WithSplitCounts(q, [m, k], 0, a.Context, counts);
                var R = new DNDarray(r, [k, n], null, a.Context, true);
                if (counts.Max() >= n) return (Q, R);
                // Not tall-skinny: R split along its rows, as HeAT.
                using (R) return (Q, ht.resplit(R, 0));
            }
            catch { Q?.Dispose(); throw; }
        }
        var (qc, rc, qCounts) = PanelQr.Factor(backend, a.comm, a.larray, counts, withQ);
        var Rc = DNDarray.WithSplitCounts(rc, [k, n], 1, a.Context, counts);
        return (qc is null ? null : DNDarray.WithSplitCounts(qc, [m, k], 1, a.Context, qCounts), Rc);
    }

    public static (DNDarray? U, DNDarray S, DNDarray? Vt) Svd(
        DNDarray a, bool full_matrices, bool compute_uv, int procs_to_merge = 2)
    {
        Checks.Matrix(a, "svd");
        int merge = Checks.Merge(procs_to_merge, a.comm.Size, "svd");
        long m = a.GShapeRef[^2], n = a.GShapeRef[^1], k = Math.Min(m, n);
        var backend = a.Backend;
        if (!Checks.MatrixSplit(a))
        {
            var (u, s, vt) = LocalSvd(backend, a.larray, full_matrices, compute_uv);
            int? batchSplit = a.split;
            var S = Wrap(a, s, batchSplit);
            return (u is null ? null : Wrap(a, u, batchSplit), S, vt is null ? null : Wrap(a, vt, batchSplit));
        }
        var counts = a.SplitCounts();
        if (a.ndim == 2 && !full_matrices && a.split == 0 && counts.Max() >= n)
        {
            // Tall-skinny: TS-QR, then the small SVD of the replicated R; U = Q · U_R row block by row block.
            var (q, r) = TsQr.Factor(backend, a.comm, a.larray, counts, compute_uv, merge);
            using (r)
            using (q)
            {
                var (ur, s, vt) = LocalSvd(backend, r, false, compute_uv);
                using (ur)
                {
                    var S = new DNDarray(s, [k], null, a.Context, true);
                    if (!compute_uv) return (null, S, null);
                    var u = Local.Matmul(backend, q!, ur!);
                    var U = DNDarray.WithSplitCounts(u, [m, k], 0, a.Context, counts);
                    return (U, S, new DNDarray(vt!, [k, n], null, a.Context, true));
                }
            }
        }
        if (a.ndim == 2 && !full_matrices && a.split == 1 && counts.Max() >= m)
        {
            // Short-fat: the tall-skinny SVD of Aᴴ = V S Uᴴ.
            using var scope = DisposeScope.Begin();
            var ah = DNDarray.WithSplitCounts(Local.ConjTCopy(backend, a.larray), [n, m], 0, a.Context, counts);
            var (v, S, ut) = Svd(ah, false, compute_uv, procs_to_merge);
            if (!compute_uv) return (null, scope.MoveToOuter(S), null);
            var U = new DNDarray(Local.ConjTCopy(backend, ut!.larray), [m, k], null, a.Context, true);
            var Vt = DNDarray.WithSplitCounts(Local.ConjTCopy(backend, v!.larray), [k, n], 1, a.Context, counts);
            return (scope.MoveToOuter(U), scope.MoveToOuter(S), scope.MoveToOuter(Vt));
        }
        if (a.ndim == 2 && !full_matrices && k > 0)
        {
            // Tall-skinny (short-fat) once split along the long axis: moved there for TS-QR.
            bool tall = m >= n && a.split == 1 && Chunking.Counts(m, a.comm.Size).Max() >= n;
            bool fat = m < n && a.split == 0 && Chunking.Counts(n, a.comm.Size).Max() >= m;
            if (tall || fat)
            {
                using var scope = DisposeScope.Begin();
                var (U, S, Vt) = Svd(ht.resplit(a, tall ? 0 : 1), false, compute_uv, procs_to_merge);
                int? uSplit = a.split == 0 ? 0 : null, vSplit = a.split == 1 ? 1 : null;
                var u = U is null ? null : scope.MoveToOuter(U.split == uSplit ? U : ht.resplit(U, uSplit));
                var vt = Vt is null ? null : scope.MoveToOuter(Vt.split == vSplit ? Vt : ht.resplit(Vt, vSplit));
                return (u, scope.MoveToOuter(S), vt);
            }
        }
        // General (neither tall-skinny nor short-fat) and full_matrices: distributed bidiagonalisation.
        if (a.ndim == 2 && k > 0) return DistributedSvd.Svd(a, full_matrices, compute_uv);
        {
            // Batches split in a matrix dimension: the matrices are gathered on every rank and factored by LAPACK.
            // U keeps a row split, Vᴴ a column split.
            using var scope = DisposeScope.Begin();
            var replicated = ht.resplit(a, null);
            var (U, S, Vt) = Svd(replicated, full_matrices, compute_uv, procs_to_merge);
            int nd = a.ndim;
            int? uSplit = a.split == nd - 2 ? nd - 2 : null, vSplit = a.split == nd - 1 ? nd - 1 : null;
            var u = U is null ? null : scope.MoveToOuter(ht.resplit(U, uSplit));
            var vt = Vt is null ? null : scope.MoveToOuter(ht.resplit(Vt, vSplit));
            return (u, scope.MoveToOuter(S), vt);
        }
    }

    public static (DNDarray Eigenvalues, DNDarray Eigenvectors) Eigh(DNDarray a)
    {
        Checks.Matrix(a, "eigh", square: true);
        if (a.ndim != 2)
            throw new ArgumentException($"eigh: a must be a 2-d (n × n) matrix, not {a.ndim}-d.", nameof(a));
        if (a.is_distributed() && a.GShapeRef[0] >= 2) return SymmetricEigen.Eigh(a);
        using var scope = DisposeScope.Begin();
        var replicated = a.split is null ? a : ht.resplit(a, null);
        var backend = a.Backend;
        long n = a.GShapeRef[0];
        using var w = backend.Empty([n], a.dtype.RealType, a.larray.Device);
        using var v = backend.Empty([n, n], a.dtype, a.larray.Device);
        using (var c = backend.Contiguous(replicated.larray)) DenseKernels.Of(backend).Eigh(c, w, v);
        // LAPACK ascends; HeAT returns the eigenvalues descending, the eigenvector columns in the same order.
        var lambda = new DNDarray(Local.Flip(backend, w, 0), [n], null, a.Context, true);
        var vectors = new DNDarray(Local.Flip(backend, v, 1), [n, n], null, a.Context, true);
        var values = scope.MoveToOuter(ht.resplit(lambda, 0));
        return (values, scope.MoveToOuter(a.split is null ? vectors : ht.resplit(vectors, a.split)));
    }

    // The local SVD of (a batch of) matrices: U, Vᴴ null unless computeUv.
    internal static (LocalTensor? U, LocalTensor S, LocalTensor? Vt) LocalSvd(
        ITensorBackend backend, LocalTensor a, bool full, bool computeUv)
    {
        long m = a.Shape[^2], n = a.Shape[^1], k = Math.Min(m, n);
        var batch = a.Shape[..^2].ToArray();
        using var c = backend.Contiguous(a);
        var s = backend.Empty([.. batch, k], a.DType.RealType, a.Device);
        LocalTensor? u = null, vt = null;
        try
        {
            if (computeUv)
            {
                u = backend.Empty([.. batch, m, full ? m : k], a.DType, a.Device);
                vt = backend.Empty([.. batch, full ? n : k, n], a.DType, a.Device);
            }
            DenseKernels.Of(backend).Svd(c, u, s, vt);
            return (u, s, vt);
        }
        catch { s.Dispose(); u?.Dispose(); vt?.Dispose(); throw; }
    }

    // A local result as a DNDarray: split along a batch axis like the input, else replicated.
    internal static DNDarray Wrap(DNDarray a, LocalTensor t, int? split)
    {
        int? s = split is int axis && axis < a.ndim - 2 ? axis : null;
        if (s is int batchAxis)
        {
            var shape = t.GetShape();
            shape[batchAxis] = a.GShapeRef[batchAxis];
            return DNDarray.WithSplitCounts(t, shape, batchAxis, a.Context, a.SplitCounts());
        }
        return new DNDarray(t, t.GetShape(), null, a.Context, true);
    }
}
