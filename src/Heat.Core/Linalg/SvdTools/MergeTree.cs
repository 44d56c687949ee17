// SPDX-License-Identifier: MIT
namespace Heat.Linalg.SvdTools;

/// <summary>
/// One level of hSVD's merging tree (HeAT's rule): walking the active nodes in rank order, a node joins the current
/// group while the group's columns stay within <c>maxmergedim</c> and it has fewer than <c>no_of_merges</c> members;
/// otherwise it starts the next group. The first member of each group is its future node. Computed from replicated
/// column counts, so every rank derives the same plan.
/// </summary>
internal sealed record MergeTree(int[] FutureNodes, int[] SendTo, int[][] ReceiveFrom)
{
    /// <summary>The plan of one level over <paramref name="active"/> nodes with <paramref name="dims"/> columns each
    /// (indexed by rank).</summary>
    public static MergeTree Level(int[] active, long[] dims, long maxmergedim, int? noOfMerges)
    {
        var sendTo = Enumerable.Repeat(-1, dims.Length).ToArray();
        var future = new List<int> { active[0] };
        long budget = 0;
        int counter = 0, current = active[0];
        foreach (int node in active)
        {
            if (budget + dims[node] > maxmergedim || counter == noOfMerges)
            {
                current = node;
                future.Add(node);
                budget = dims[node];
                counter = 1;
            }
            else
            {
                if (budget != 0 || counter != 0) sendTo[node] = current;
                budget += dims[node];
                counter++;
            }
        }
        // HeAT's loop lists node 0 twice when its own columns exceed the budget; one entry is what it means.
        int[] futureNodes = [.. future.Distinct()];
        foreach (int f in futureNodes) sendTo[f] = -1;
        var receiveFrom = new int[dims.Length][];
        for (int r = 0; r < dims.Length; r++)
            receiveFrom[r] = futureNodes.Contains(r) ? [.. active.Where(a => sendTo[a] == r)] : [];
        return new MergeTree(futureNodes, sendTo, receiveFrom);
    }
}
