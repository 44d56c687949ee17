// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Creates balanced DNDarrays: each rank allocates and fills only its canonical chunk.</summary>
internal static class Factory
{
    /// <summary>Validates a global shape (no negative extents).</summary>
    public static long[] CheckShape(ReadOnlySpan<long> shape, string paramName = "shape")
    {
        foreach (var d in shape)
            if (d < 0) throw new ArgumentException($"{paramName} {Shapes.Format(shape)} has a negative dimension; extents must be >= 0.", paramName);
        return shape.ToArray();
    }

    /// <summary>Normalises a split axis against <paramref name="ndim"/> (null stays null).</summary>
    public static int? CheckSplit(int? split, int ndim)
    {
        if (split is not int s) return null;
        if (s < -ndim || s >= ndim)
            throw new ArgumentOutOfRangeException(nameof(split), s, $"split {s} is out of bounds for an array of dimension {ndim}; expected None or -{ndim} <= split < {ndim}.");
        return s < 0 ? s + ndim : s;
    }

    /// <summary>The local shape and offset along the split axis of this rank's canonical chunk.</summary>
    public static (long[] LocalShape, long Offset) LocalChunk(long[] gshape, int? split, ICommunicator comm)
    {
        var local = (long[])gshape.Clone();
        if (split is not int s) return (local, 0);
        var (offset, count) = Chunking.Chunk(gshape[s], comm.Size, comm.Rank);
        local[s] = count;
        return (local, offset);
    }

    /// <summary>A balanced array whose local chunk <paramref name="fill"/> writes (given the chunk's offset along the
    /// split axis).</summary>
    public static DNDarray Create(ReadOnlySpan<long> shape, DType dtype, int? split, Device? device, Action<LocalTensor, long> fill)
    {
        var ctx = ht.Context;
        var gshape = CheckShape(shape);
        var s = CheckSplit(split, gshape.Length);
        var (lshape, offset) = LocalChunk(gshape, s, ctx.Communicator);
        using var scope = DisposeScope.Begin();
        var local = scope.Include(ctx.Backend.Empty(lshape, dtype, device ?? ctx.Device));
        fill(local, offset);
        return scope.MoveToOuter(new DNDarray(local, gshape, s, ctx, balanced: true), transferred: local);
    }

    /// <summary>Wraps a local tensor as a DNDarray of the current rank.</summary>
    public static DNDarray Wrap(LocalTensor local, long[] gshape, int? split, bool? balanced) =>
        new(local, gshape, split, ht.Context, balanced);
}
