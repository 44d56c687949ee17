// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// This rank's part of the intermediate array Y = x[basic part of an advanced key]: a view of x's chunk (a copy only
/// for a getter whose integer picks the split axis), its split axis in Y, and the positions
/// <c>[Lo[r], Lo[r] + Have[r])</c> along that axis that rank r holds.
/// </summary>
/// <param name="Local">The view (null on ranks that hold none of it: a setter whose integer picks another rank's
/// row).</param>
/// <param name="Split">Y's split axis, or null when every rank holds all of Y (or only its owner does).</param>
/// <param name="Lo">Per rank, the first position along <paramref name="Split"/>.</param>
/// <param name="Have">Per rank, the number of positions along <paramref name="Split"/>.</param>
/// <param name="InRankOrder">Whether the ranks' positions follow each other in rank order.</param>
internal sealed record YView(LocalTensor? Local, int? Split, long[]? Lo, long[]? Have, bool InRankOrder)
{
    /// <summary>Y's view on this rank; views and copies join <paramref name="scope"/>.</summary>
    public static YView Of(DNDarray x, IndexPlan plan, bool forWrite, DisposeScope scope)
    {
        if (x.split is not int s) return new(scope.Include(plan.LocalView(x.larray)), null, null, null, true);
        var comm = x.comm;
        int me = comm.Rank;
        var counts = x.SplitCounts();
        var displs = Chunking.Displacements(counts);
        var sel = plan.Axes[s];
        if (sel.IsInteger)
        {
            if (!forWrite)
            {
                var y = scope.Include(Indexing.Get(x, plan));
                return new(y.larray, null, null, null, true);
            }
            bool mine = sel.Start >= displs[me] && sel.Start < displs[me] + counts[me];
            var local = mine ? scope.Include(plan.LocalView(x.larray, s, sel.Start - displs[me], 1)) : null;
            return new(local, null, null, null, true);
        }
        var (lo, hi) = IndexPlan.Ranges(sel, counts, displs);
        var have = new long[comm.Size];
        for (int r = 0; r < have.Length; r++) have[r] = hi[r] - lo[r];
        long localStart = have[me] > 0 ? sel.Start + lo[me] * sel.Step - displs[me] : 0;
        var view = scope.Include(plan.LocalView(x.larray, s, localStart, have[me]));
        var haveDispls = Chunking.Displacements(have);
        bool inRankOrder = true;
        for (int r = 0; r < have.Length; r++) inRankOrder &= have[r] == 0 || lo[r] == haveDispls[r];
        return new(view, plan.OutputAxisOf(s), lo, have, inRankOrder);
    }
}
