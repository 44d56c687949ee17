// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.IO;

/// <summary>The part of a DNDarray one rank writes: its own chunk when split, its canonical row block when replicated.</summary>
/// <param name="Start">Where the part starts in the global array.</param>
/// <param name="Count">The part's extents.</param>
/// <param name="Data">A view of the part in this rank's local tensor (dispose it).</param>
/// <param name="Skip">True when this rank writes nothing (a 0-d array is written by rank 0 alone).</param>
internal sealed record WriteRegion(long[] Start, long[] Count, LocalTensor Data, bool Skip = false) : IDisposable
{
    /// <summary>Elements of the part.</summary>
    public long Numel => Skip ? 0 : Shapes.Numel(Count);

    /// <summary>The region of this rank (collective: may Allgather the split counts of an unbalanced array).</summary>
    public static WriteRegion Of(DNDarray x)
    {
        int nd = x.ndim;
        var start = new long[nd];
        var count = x.lshape;
        if (x.split is int s)
        {
            start[s] = x.SplitOffset();
            return new WriteRegion(start, count, x.larray.Share());
        }
        if (nd == 0)
            return new WriteRegion(start, count, x.larray.Share(), Skip: x.comm.Rank != 0);
        var (offset, rows) = Chunking.Chunk(x.shape[0], x.comm.Size, x.comm.Rank);
        start[0] = offset; count[0] = rows;
        return new WriteRegion(start, count, x.larray.Slice(0, offset, rows));
    }

    /// <inheritdoc/>
    public void Dispose() => Data.Dispose();
}
