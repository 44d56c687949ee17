// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// QR of a column-split matrix by block Gram–Schmidt with re-orthogonalisation (CGS2) over the ranks' column panels,
/// as HeAT's split-1 QR: rank p factors its panel (already projected against the panels before it) with Householder
/// QR and broadcasts its new Q columns; every later rank projects its panel against them twice, and the two
/// coefficient blocks together are its block of R. Q (m × min(m, n)) and R (min(m, n) × n) come out split like the
/// columns: rank r holds the Q columns of its panel that fall below min(m, n), and all rows of its R columns.
/// </summary>
internal static class PanelQr
{
    /// <summary>This rank's Q columns (m × k_r; null unless <paramref name="withQ"/>) and R columns (k × n_r), and
    /// the
    /// Q column counts of all ranks.</summary>
    public static (LocalTensor? Q, LocalTensor R, long[] QCounts) Factor(
        ITensorBackend backend, ICommunicator comm, LocalTensor a, long[] counts, bool withQ)
    {
        int rank = comm.Rank, p = comm.Size;
        long m = a.Shape[0], nr = a.Shape[1];
        long k = Math.Min(m, counts.Sum());
        var qCounts = new long[p];
        var qOffsets = new long[p];
        long offset = 0;
        for (int r = 0; r < p; r++)
        {
            qOffsets[r] = Math.Min(offset, k);
            qCounts[r] = Math.Clamp(k - offset, 0, counts[r]);
            offset += counts[r];
        }
        var panel = backend.Copy(a);
        var rLocal = backend.Zeros([k, nr], a.DType, a.Device);
        LocalTensor? qOwn = null;
        try
        {
            for (int owner = 0; owner < p; owner++)
            {
                long kp = qCounts[owner];
                if (kp == 0) continue;
                LocalTensor qp;
                if (rank == owner)
                {
                    var (qf, rf) = Local.Qr(backend, panel, withQ: true);
                    using (qf)
                    using (rf)
                    {
                        using (var qView = qf!.Slice(1, 0, kp)) qp = backend.Copy(qView);
                        using var rRows = rf.Slice(0, 0, kp);
                        using var target = rLocal.Slice(0, qOffsets[owner], kp);
                        backend.Copy(rRows, target);
                    }
                }
                else qp = backend.Empty([m, kp], a.DType, a.Device);
                try
                {
                    if (m * kp > 0 && p > 1) Transfer.Bcast(comm, qp, owner);
                    if (rank > owner && nr > 0)
                    {
                        using var qh = Local.ConjT(backend, qp);
                        using var target = rLocal.Slice(0, qOffsets[owner], kp);
                        for (int pass = 0; pass < 2; pass++)
                        {
                            using var c = Local.Matmul(backend, qh, panel);
                            Local.SubtractProduct(backend, panel, qp, c);
                            backend.Binary(BinaryOp.Add, target, c, target);
                        }
                    }
                    if (rank == owner && withQ) { qOwn = qp; qp = null!; }
                }
                finally { qp?.Dispose(); }
            }
            qOwn ??= withQ ? backend.Empty([m, qCounts[rank]], a.DType, a.Device) : null;
            return (qOwn, rLocal, qCounts);
        }
        catch { rLocal.Dispose(); qOwn?.Dispose(); throw; }
        finally { panel.Dispose(); }
    }
}
