// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>Row-major reference helpers: chunks of flat data, unbalanced layouts, comparisons with NaN.</summary>
public static class Reference
{
    /// <summary>The rows [start, start + count) along <paramref name="axis"/> of row-major <paramref name="data"/>.</summary>
    public static T[] Chunk<T>(T[] data, long[] shape, int axis, long start, long count)
    {
        long outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= shape[d];
        for (int d = axis + 1; d < shape.Length; d++) inner *= shape[d];
        var result = new List<T>();
        for (long o = 0; o < outer; o++)
            for (long r = start; r < start + count; r++)
                for (long i = 0; i < inner; i++) result.Add(data[(o * shape[axis] + r) * inner + i]);
        return result.ToArray();
    }

    /// <summary>Deliberately unbalanced counts: the last rank holds about half, the others share the rest canonically (some get none).</summary>
    public static long[] UnbalancedCounts(long n, int ranks)
    {
        var counts = new long[ranks];
        if (ranks == 1) { counts[0] = n; return counts; }
        long last = (n + 1) / 2, rest = n - last;
        counts[ranks - 1] = last;
        for (int r = 0; r < ranks - 1; r++) counts[r] = rest / (ranks - 1) + (r < rest % (ranks - 1) ? 1 : 0);
        return counts;
    }

    /// <summary>An unbalanced DNDarray split along <paramref name="axis"/> built with is_split (call inside a rank).</summary>
    public static DNDarray Unbalanced(double[] data, long[] shape, int axis)
    {
        var comm = ht.get_comm();
        var counts = UnbalancedCounts(shape[axis], comm.Size);
        long start = counts.Take(comm.Rank).Sum();
        var local = Chunk(data, shape, axis, start, counts[comm.Rank]);
        var lshape = (long[])shape.Clone();
        lshape[axis] = counts[comm.Rank];
        return ht.array(local, lshape, is_split: axis);
    }

    /// <summary>Asserts equal shapes and values, NaN equal to NaN, within <paramref name="tolerance"/> (relative to max(1, |expected|)).</summary>
    public static void AssertClose(DNDarray expected, DNDarray actual, double tolerance = 0)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.dtype, actual.dtype);
        AssertClose(expected.ToArray<double>(), actual.ToArray<double>(), tolerance);
    }

    /// <summary>Asserts equal values, NaN equal to NaN, within a relative tolerance.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"element {i}: expected NaN, got {a}"); continue; }
            if (e == a) continue;
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"element {i}: expected {e}, got {a} (tolerance {tolerance})");
        }
    }
}
