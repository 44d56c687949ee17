// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;
using Heat.Linalg.Dense;

namespace Heat.Linalg.SvdTools;

/// <summary>
/// HeAT's hierarchical SVD (Iwen and Ong 2016; Himpe, Leibner and Rave 2018). Every rank truncates the SVD of its
/// columns (split 0 works on Aᵀ); the scaled factors U·diag(σ) are merged along a tree (<see cref="MergeTree"/>),
/// each merge truncating the SVD of the concatenation, until rank 0 holds U, which is broadcast. The error estimate
/// is the square root of the summed squared truncation errors of all nodes over ‖A‖_F, an upper bound of
/// ‖A − U Uᵀ A‖_F / ‖A‖_F: each node's cut is orthogonal to what it keeps, so the cuts add up.
/// </summary>
internal static class Hierarchical
{
    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double Error) Run(
        DNDarray a, long maxrank, long maxmergedim, double? rtol, int safetyshift, int? noOfMerges, bool computeSv,
        bool silent)
    {
        using var scope = DisposeScope.Begin();
        bool transposed = a.split == 0;
        var comm = a.comm;
        int p = a.is_distributed() ? comm.Size : 1;
        var backend = a.Backend;
        long rows = transposed ? a.GShapeRef[1] : a.GShapeRef[0];
        double norm = ht.linalg.norm(a).item<double>();
        double? atol = rtol is double r ? norm * r / Math.Sqrt(2 * p - 1) : null;
        double noise = (a.dtype == ht.float64 ? 1e-14 : 1e-7) * norm;
        Action<string>? warn = silent ? null : m => Console.Error.WriteLine($"in hSVD (process {comm.Rank}): {m}");

        using var local = transposed ? Local.ConjTCopy(backend, a.larray) : backend.Contiguous(a.larray);
        var (u, sigma, error) = Truncation.Compute(backend, local, maxrank, atol, safetyshift, noise, warn);
        LocalTensor current;
        using (u) using (sigma) current = Truncation.Scale(backend, u, sigma);
        double errorSquared = error;
        int level = 0;
        var active = Enumerable.Range(0, p).ToArray();
        try
        {
            while (true)
            {
                long[] dims = p > 1 ? comm.Allgather(current.Shape[1]) : [current.Shape[1]];
                var tree = MergeTree.Level(active, dims, maxmergedim, noOfMerges);
                int me = p > 1 ? comm.Rank : 0;
                bool last = tree.FutureNodes.Length == 1;
                if (!silent && me == 0)
                    Console.Error.WriteLine($"hSVD level {level + 1}: processes {string.Join(' ', tree.FutureNodes)}, "
                        + $"current ranks {string.Join(' ', active.Select(n => dims[n]))}");
                if (tree.FutureNodes.Contains(me))
                {
                    var stack = Stack(backend, comm, current, tree.ReceiveFrom[me], dims, rows);
                    current.Dispose();
                    current = stack;
                    var node = Truncation.Compute(backend, current, maxrank, atol, last ? 0 : safetyshift, noise, warn);
                    errorSquared += node.ErrorSquared;
                    current.Dispose();
                    if (last) { node.Sigma.Dispose(); current = node.U; }
                    else
                    {
                        using (node.U) using (node.Sigma) current = Truncation.Scale(backend, node.U, node.Sigma);
                    }
                }
                else if (active.Contains(me) && tree.SendTo[me] >= 0 && current.Numel > 0)
                    Send(comm, current, tree.SendTo[me]);
                level++;
                if (last) break;
                active = tree.FutureNodes;
            }
            if (p > 1)
            {
                errorSquared = comm.Allreduce(errorSquared, ReduceOp.Sum);
                long columns = comm.Bcast(comm.Rank == 0 ? current.Shape[1] : 0L, 0);
                if (comm.Rank != 0)
                {
                    current.Dispose();
                    current = backend.Empty([rows, columns], a.dtype, a.larray.Device);
                }
                if (current.Numel > 0) Transfer.Bcast(comm, current, 0);
            }
        }
        catch { current.Dispose(); throw; }
        double estimate = norm > 0 ? Math.Sqrt(errorSquared) / norm : 0;
        var U = new DNDarray(current, [rows, current.Shape[1]], null, a.Context, true);
        return Finish(scope, a, U, transposed, computeSv, estimate);
    }

    // V = Aᵀ U (or A U for split 0), σ its column norms, V normalised: U Σ Vᵀ = U Uᵀ A exactly.
    private static (DNDarray U, DNDarray? S, DNDarray? Vt, double Error) Finish(
        DisposeScope scope, DNDarray a, DNDarray u, bool transposed, bool computeSv, double estimate)
    {
        if (!transposed && !computeSv) return (scope.MoveToOuter(u), null, null, estimate);
        var v = transposed ? ht.matmul(a, u) : ht.matmul(a.T, u);
        var sigma = ht.linalg.vector_norm(v, axis: 0);
        var divisor = ht.where(sigma > 0, sigma, ht.ones_like(sigma));
        v = v / divisor;
        if (transposed)
            return computeSv
                ? (scope.MoveToOuter(v), scope.MoveToOuter(sigma), scope.MoveToOuter(u.T), estimate)
                : (scope.MoveToOuter(v), null, null, estimate);
        return (scope.MoveToOuter(u), scope.MoveToOuter(sigma), scope.MoveToOuter(v.T), estimate);
    }

    // [current | received blocks in the order of their senders] (rows × Σ columns).
    private static LocalTensor Stack(
        ITensorBackend backend, ICommunicator comm, LocalTensor current, int[] from, long[] dims, long rows)
    {
        long total = current.Shape[1] + from.Sum(f => dims[f]);
        var stack = backend.Empty([rows, total], current.DType, current.Device);
        try
        {
            long offset = 0;
            foreach (var (source, columns) in from.Select(f => (f, dims[f])).Prepend((-1, current.Shape[1])))
            {
                if (columns == 0 || rows == 0) { offset += columns; continue; }
                using var block = stack.Slice(1, offset, columns);
                if (source < 0) backend.Copy(current, block);
                else
                {
                    using var received = backend.Empty([rows, columns], current.DType, current.Device);
                    Transfer.Recv(comm, received, source);
                    backend.Copy(received, block);
                }
                offset += columns;
            }
            return stack;
        }
        catch { stack.Dispose(); throw; }
    }

    private static void Send(ICommunicator comm, LocalTensor t, int dest)
    {
        using var c = t.Backend.Contiguous(t);
        Transfer.Send(comm, c, dest);
    }
}
