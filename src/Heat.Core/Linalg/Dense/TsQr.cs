// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// Tall-skinny QR of a row-split matrix (Demmel et al. 2012, as HeAT): every rank factors its rows, then a merge tree
/// stacks the R factors of <c>merge</c> neighbouring ranks on the first of them and factors the stack, level by level,
/// until rank 0 holds R, which is broadcast. Q is formed by running the tree back down: rank 0 starts from the
/// identity, each merging rank multiplies its stack's Q with what it got from above and sends every member its block
/// of rows, and each rank finally multiplies its own local Q with its block. Every shape follows from the split counts
/// (the plan is the same on every rank), so only matrix data travels.
/// </summary>
internal static class TsQr
{
    private sealed record Group(int Leader, int[] Members, long[] Rows, long OutRows);

    /// <summary>The local rows of Q (m_r × k, null unless <paramref name="withQ"/>) and the replicated R (k × n), k =
    /// min(m, n).</summary>
    public static (LocalTensor? Q, LocalTensor R) Factor(
        ITensorBackend backend, ICommunicator comm, LocalTensor a, long[] counts, bool withQ, int merge)
    {
        int rank = comm.Rank;
        long n = a.Shape[1];
        var plan = Plan(counts, n, merge);
        long kFinal = plan.Count == 0 ? Math.Min(counts[0], n) : plan[^1][0].OutRows;
        var (q0, r) = Local.Qr(backend, a, withQ);
        var stackQ = new LocalTensor?[plan.Count];
        try
        {
            for (int level = 0; level < plan.Count; level++)
                foreach (var g in plan[level])
                {
                    if (rank == g.Leader)
                    {
                        using var stack = backend.Empty([g.Rows.Sum(), n], a.DType, a.Device);
                        long offset = 0;
                        for (int i = 0; i < g.Members.Length; i++)
                        {
                            long k = g.Rows[i];
                            if (k > 0)
                            {
                                using var block = stack.Slice(0, offset, k);
                                if (i == 0) backend.Copy(r, block); else Transfer.Recv(comm, block, g.Members[i]);
                            }
                            offset += k;
                        }
                        var (qs, rs) = Local.Qr(backend, stack, withQ);
                        r.Dispose();
                        r = rs;
                        stackQ[level] = qs;
                    }
                    else if (g.Members.Contains(rank) && g.Rows[Array.IndexOf(g.Members, rank)] > 0)
                        Transfer.Send(comm, r, g.Leader);
                }
            if (rank != 0) { r.Dispose(); r = backend.Empty([kFinal, n], a.DType, a.Device); }
            if (kFinal * n > 0 && comm.Size > 1) Transfer.Bcast(comm, r, 0);
            if (!withQ) return (null, r);
            return (Down(backend, comm, q0!, plan, stackQ, kFinal), r);
        }
        catch { r.Dispose(); throw; }
        finally
        {
            q0?.Dispose();
            foreach (var q in stackQ) q?.Dispose();
        }
    }

    // The merge tree: per level the groups of active ranks and the R rows each member brings.
    private static List<List<Group>> Plan(long[] counts, long n, int merge)
    {
        var rows = counts.Select(c => Math.Min(c, n)).ToArray();
        var plan = new List<List<Group>>();
        var active = Enumerable.Range(0, counts.Length).ToArray();
        while (active.Length > 1)
        {
            var level = new List<Group>();
            for (int g = 0; g < active.Length; g += merge)
            {
                var members = active.Skip(g).Take(merge).ToArray();
                var memberRows = members.Select(m => rows[m]).ToArray();
                var group = new Group(members[0], members, memberRows, Math.Min(memberRows.Sum(), n));
                level.Add(group);
                rows[group.Leader] = group.OutRows;
            }
            plan.Add(level);
            active = [.. level.Select(g => g.Leader)];
        }
        return plan;
    }

    // The tree back down: this rank's rows of Q (m_r × kFinal).
    private static LocalTensor Down(
        ITensorBackend backend, ICommunicator comm, LocalTensor q0, List<List<Group>> plan, LocalTensor?[] stackQ,
        long kFinal)
    {
        int rank = comm.Rank;
        LocalTensor? factor = null; // this rank's block of rows × kFinal, from above
        try
        {
            if (rank == 0)
            {
                factor = backend.Zeros([kFinal, kFinal], q0.DType, q0.Device);
                if (kFinal > 0)
                {
                    using var diagonal = factor.View([kFinal], [kFinal + 1], factor.Offset);
                    backend.Fill(diagonal, 1);
                }
            }
            for (int level = plan.Count - 1; level >= 0; level--)
                foreach (var g in plan[level])
                {
                    if (rank == g.Leader)
                    {
                        using var product = Local.Matmul(backend, stackQ[level]!, factor!);
                        factor!.Dispose();
                        factor = null;
                        long offset = 0;
                        for (int i = 0; i < g.Members.Length; i++)
                        {
                            long k = g.Rows[i];
                            using var block = product.Slice(0, offset, k);
                            if (i == 0) factor = backend.Copy(block);
                            else if (k > 0) Transfer.Send(comm, block, g.Members[i]);
                            offset += k;
                        }
                    }
                    else if (g.Members.Contains(rank))
                    {
                        long k = g.Rows[Array.IndexOf(g.Members, rank)];
                        factor = backend.Empty([k, kFinal], q0.DType, q0.Device);
                        if (k > 0) Transfer.Recv(comm, factor, g.Leader);
                    }
                }
            return Local.Matmul(backend, q0, factor!);
        }
        finally { factor?.Dispose(); }
    }
}
