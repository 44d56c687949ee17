// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.IO;

/// <summary>Which part of a stored array a load reads, and which part of it this rank gets.</summary>
/// <param name="Shape">The global shape of the result (the selected region's extents).</param>
/// <param name="Split">The normalised split axis.</param>
/// <param name="FileStart">Where this rank's box starts in the stored array.</param>
/// <param name="LocalShape">The extents of this rank's box (its local shape).</param>
internal sealed record IoLayout(long[] Shape, int? Split, long[] FileStart, long[] LocalShape)
{
    /// <summary>Elements of this rank's box.</summary>
    public long LocalNumel => Shapes.Numel(LocalShape);

    /// <summary>Applies <paramref name="slices"/> (Python-style clamping, unit step) to a stored shape and picks this rank's canonical chunk along <paramref name="split"/>.</summary>
    /// <exception cref="ArgumentException">More slices than dimensions, or a bad split axis.</exception>
    public static IoLayout For(long[] stored, Range[]? slices, int? split, ICommunicator comm)
    {
        int nd = stored.Length;
        if (slices is not null && slices.Length > nd)
            throw new ArgumentException($"{slices.Length} slices given for a {nd}-d array; expected at most {nd}.", nameof(slices));
        var start = new long[nd];
        var shape = (long[])stored.Clone();
        for (int d = 0; slices is not null && d < slices.Length; d++)
        {
            long n = stored[d];
            long a = Bound(slices[d].Start, n), b = Bound(slices[d].End, n);
            start[d] = a;
            shape[d] = Math.Max(0, b - a);
        }
        var s = Factory.CheckSplit(split, nd);
        var fileStart = (long[])start.Clone();
        var local = (long[])shape.Clone();
        if (s is int axis)
        {
            var (offset, count) = Chunking.Chunk(shape[axis], comm.Size, comm.Rank);
            fileStart[axis] += offset;
            local[axis] = count;
        }
        return new IoLayout(shape, s, fileStart, local);
    }

    private static long Bound(Index index, long n)
    {
        long v = index.IsFromEnd ? n - index.Value : index.Value;
        return Math.Clamp(v, 0, n);
    }
}
