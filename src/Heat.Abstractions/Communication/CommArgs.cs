// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local argument checks every communicator makes before communicating, with one set of messages, so ranks fail
/// alike whatever the transport. Consistency between ranks is each transport's own to check.
/// </summary>
public static class CommArgs
{
    /// <summary>Requires a host buffer from a communicator that is not GPU-aware.</summary>
    /// <param name="kind">The buffer's memory.</param>
    /// <param name="communicator">The communicator as messages name it (<c>in-process</c>, <c>MPI</c>).</param>
    /// <exception cref="ArgumentException">The buffer is device memory.</exception>
    public static void Host(MemoryKind kind, string communicator)
    {
        if (kind != MemoryKind.Host)
            throw new ArgumentException($"The {communicator} communicator is not GPU-aware: pass host buffers.");
    }

    /// <summary>Checks a send's destination and tag.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination is no rank, or the tag is negative.</exception>
    public static void Send(int dest, int tag, int size, string call)
    {
        if ((uint)dest >= (uint)size)
            throw new ArgumentOutOfRangeException(nameof(dest), $"{call}: destination {dest} is not a rank of a communicator of size {size}.");
        ArgumentOutOfRangeException.ThrowIfNegative(tag);
    }

    /// <summary>Checks a receive's source (a rank or <see cref="Comm.AnySource"/>) and tag (non-negative or
    /// <see cref="Comm.AnyTag"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The source is no rank, or the tag is negative.</exception>
    public static void Recv(int source, int tag, int size, string call)
    {
        if (source != Comm.AnySource && (uint)source >= (uint)size)
            throw new ArgumentOutOfRangeException(nameof(source), $"{call}: source {source} is not a rank of a communicator of size {size}.");
        if (tag < 0 && tag != Comm.AnyTag) throw new ArgumentOutOfRangeException(nameof(tag), $"{call}: tag {tag} is negative.");
    }

    /// <summary>Checks a collective's root.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The root is no rank.</exception>
    public static void Root(int root, int size, string call)
    {
        if ((uint)root >= (uint)size)
            throw new ArgumentOutOfRangeException(nameof(root), $"{call}: root {root} is not a rank of a communicator of size {size}.");
    }

    /// <summary>Checks that the <paramref name="which"/> buffer (<c>send</c>, <c>receive</c>) holds
    /// <paramref name="need"/> elements.</summary>
    /// <exception cref="ArgumentException">It holds fewer.</exception>
    public static void Capacity(long have, long need, string call, string which)
    {
        if (have < need)
            throw new ArgumentException($"{call}: the {which} buffer holds {have} elements but {need} are needed.");
    }

    /// <summary>Checks that a send buffer splits into <paramref name="size"/> equal blocks (Alltoall).</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void EqualBlocks(long count, int size, string call)
    {
        if (count % size != 0)
            throw new ArgumentException($"{call}: the send buffer's {count} elements do not split into {size} equal blocks.", "send");
    }

    /// <summary>
    /// Checks the per-rank counts and displacements of the <paramref name="which"/> buffer (<c>send</c>,
    /// <c>receive</c>):
    /// one pair per rank, non-negative, each block inside the buffer.
    /// </summary>
    /// <exception cref="ArgumentException">A count is missing or a block reaches outside the buffer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or displacement is negative.</exception>
    public static void Blocks(ReadOnlySpan<long> counts, ReadOnlySpan<long> displs, long bufferCount, int size,
                              string call, string which)
    {
        if (counts.Length != size || displs.Length != size)
            throw new ArgumentException($"{call}: {which} counts and displacements need {size} entries each, got {counts.Length} and {displs.Length}.");
        for (int i = 0; i < size; i++)
        {
            if (counts[i] < 0 || displs[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(counts), $"{call}: {which} block {i} has count {counts[i]} and displacement {displs[i]}; both must be >= 0.");
            if (displs[i] + counts[i] > bufferCount)
                throw new ArgumentException($"{call}: {which} block {i} [{displs[i]}, {displs[i] + counts[i]}) is outside the {which} buffer of {bufferCount} elements.");
        }
    }

    /// <summary>Checks a Split colour: non-negative or <see cref="Comm.Undefined"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is negative otherwise.</exception>
    public static void Color(int color)
    {
        if (color < 0 && color != Comm.Undefined)
            throw new ArgumentOutOfRangeException(nameof(color), $"Split: colour {color} is negative (use Comm.Undefined to leave a rank out).");
    }
}
