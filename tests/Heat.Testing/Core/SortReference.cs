// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// Host references of the sorting functions, written from NumPy's definitions: a stable sort (LINQ's OrderBy) by a
/// key with NaN after every number and −0 equal to +0; descending keeps ties in index order with NaN first
/// (torch.sort).
/// </summary>
public static class SortReference
{
    private static (int Nan, double Value) Key(double v) => double.IsNaN(v) ? (1, 0) : (0, v == 0 ? 0 : v);

    /// <summary>The stable sort of row-major <paramref name="data"/> along <paramref name="axis"/>.</summary>
    public static (double[] Values, long[] Indices) Sort(double[] data, long[] shape, int axis, bool descending)
    {
        long n = shape[axis], outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= shape[d];
        for (int d = axis + 1; d < shape.Length; d++) inner *= shape[d];
        var values = new double[data.Length];
        var indices = new long[data.Length];
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                long At(long j) => (o * n + j) * inner + i;
                var order = Enumerable.Range(0, (int)n).Select(j => (long)j);
                var sorted = (descending ? order.OrderByDescending(j => Key(data[At(j)])) : order.OrderBy(j => Key(data[At(j)]))).ToArray();
                for (long j = 0; j < n; j++)
                {
                    values[At(j)] = data[At(sorted[j])];
                    indices[At(j)] = sorted[j];
                }
            }
        return (values, indices);
    }

    /// <summary>The first <paramref name="k"/> of the stable sort along <paramref name="axis"/>.</summary>
    public static (double[] Values, long[] Indices) TopK(double[] data, long[] shape, int axis, long k, bool largest)
    {
        var (v, i) = Sort(data, shape, axis, largest);
        var kshape = (long[])shape.Clone();
        return (Reference.Chunk(v, shape, axis, 0, k), Reference.Chunk(i, shape, axis, 0, k));
    }

    /// <summary>Sorted distinct values (NaNs one value, ±0 one value: the first in sorted order), their counts and the
    /// inverse.</summary>
    public static (double[] Values, long[] Counts, long[] Inverse) Unique(double[] data)
    {
        var groups = data.Select((v, i) => (v, i)).GroupBy(p => Key(p.v)).OrderBy(g => g.Key).ToArray();
        var values = groups.Select(g => data[g.OrderBy(p => p.i).First().i]).ToArray();
        var counts = groups.Select(g => (long)g.Count()).ToArray();
        var inverse = new long[data.Length];
        for (int u = 0; u < groups.Length; u++)
            foreach (var (_, i) in groups[u]) inverse[i] = u;
        return (values, counts, inverse);
    }

    /// <summary>How many elements of <paramref name="a"/> are less than each v (or not greater when
    /// <paramref name="right"/>): searchsorted of a sorted a.</summary>
    public static long[] Count(double[] a, double[] v, bool right) =>
        v.Select(x => (long)a.Count(e => right ? Key(e).CompareTo(Key(x)) <= 0 : Key(e).CompareTo(Key(x)) < 0)).ToArray();

    /// <summary>Values with many duplicates, NaNs, −0 and +0.</summary>
    public static double[] Mixed(int n, int seed = 0) =>
        Enumerable.Range(0, n).Select(i => ((i + seed) * 7919 % 17) switch
        {
            0 => double.NaN,
            1 => -0.0,
            2 => 0.0,
            var r => (r % 6) - 2.5 + (i % 4 == 0 ? 0.25 : 0),
        }).ToArray();

    /// <summary>Small integers with many duplicates.</summary>
    public static double[] Integers(int n, int seed = 0) => Enumerable.Range(0, n).Select(i => (double)(((i + seed) * 37 % 11) - 5)).ToArray();
}
