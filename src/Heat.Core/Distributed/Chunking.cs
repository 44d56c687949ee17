// SPDX-License-Identifier: MIT
namespace Heat.Distributed;

/// <summary>HeAT's canonical chunking: <c>n / p</c> rows each, one more for the first <c>n % p</c> ranks.</summary>
internal static class Chunking
{
    /// <summary>The rows rank <paramref name="rank"/> of <paramref name="size"/> holds of <paramref name="n"/>.</summary>
    public static (long Offset, long Count) Chunk(long n, int size, int rank)
    {
        long q = n / size, r = n % size;
        long count = q + (rank < r ? 1 : 0);
        long offset = rank * q + Math.Min(rank, r);
        return (offset, count);
    }

    /// <summary>Counts of every rank.</summary>
    public static long[] Counts(long n, int size)
    {
        var counts = new long[size];
        for (int i = 0; i < size; i++) counts[i] = Chunk(n, size, i).Count;
        return counts;
    }

    /// <summary>Exclusive prefix sums of <paramref name="counts"/>.</summary>
    public static long[] Displacements(ReadOnlySpan<long> counts)
    {
        var displs = new long[counts.Length];
        for (int i = 1; i < counts.Length; i++) displs[i] = displs[i - 1] + counts[i - 1];
        return displs;
    }
}
