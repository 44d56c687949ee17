// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>unique along an axis (lexicographic order of the slices) and the three-flag overload, against a host
/// reference written from NumPy's definition, exact.</summary>
public abstract partial class SortSuite<TWorld>
{
    public static TheoryData<int, int, int?, bool> UniqueAxisCases
    {
        get
        {
            var data = new TheoryData<int, int, int?, bool>();
            foreach (var r in RankSample)
                for (int axis = 0; axis < 3; axis++)
                    foreach (var s in new int?[] { null, 0, 1, 2 })
                        foreach (var uneven in new[] { false, true })
                            if (s is not null || !uneven) data.Add(r, axis, s, uneven);
            return data;
        }
    }

    [Theory, MemberData(nameof(UniqueAxisCases))]
    public void Unique_Axis_MatchesLexicographicReference(int ranks, int axis, int? split, bool uneven)
    {
        var random = new Random(11 + axis);
        long[] shape = [7, 3, 4];
        // Few values, so slices repeat along every axis; one NaN and both zeros on top.
        var data = Enumerable.Range(0, 84).Select(_ => (double)random.Next(2)).ToArray();
        for (long i = 0, o = 0; i < 3; i++) data[(o * 3 + i) * 4] = i == 0 ? double.NaN : i == 1 ? -0.0 : 0.0;
        var cases = new (double[] Data, long[] Shape)[]
        {
            (data, shape),
            (Enumerable.Range(0, 84).Select(i => (double)(i % 3)).ToArray(), shape),
            (Enumerable.Range(0, 6).Select(i => (double)(i % 2)).ToArray(), [3, 2, 1]),
            ([], [0, 2, 3]),
        };
        World.Run(ranks, () =>
        {
            foreach (var (d, sh) in cases)
            {
                var (ev, eshape, ei, ec) = UniqueAxisReference(d, sh, axis);
                using var x = split is int s ? (uneven ? Reference.Unbalanced(d, sh, s) : ht.array(d, sh, split: s))
                    : ht.array(d, sh);
                var (values, inverse, counts) = ht.unique(x, sorted: true, return_inverse: true, return_counts: true,
                    axis: axis);
                using (values)
                using (inverse)
                using (counts)
                {
                    Assert.Equal(eshape, values.shape);
                    Assert.Equal(x.split, values.split);
                    Reference.AssertClose(ev, values.ToArray<double>());
                    Assert.Equal(ht.int64, inverse!.dtype);
                    Assert.Equal(ei, inverse.ToArray<long>());
                    Assert.Equal(x.split is null ? null : 0, inverse.split);
                    Assert.Equal(ec, counts!.ToArray<long>());
                }
                using var plain = ht.unique(x, axis: axis);
                Reference.AssertClose(ev, plain.ToArray<double>());
            }
        });
    }

    [Theory, MemberData(nameof(UniqueCases))]
    public void Unique_ThreeFlags_WithoutAxis(int ranks, int? split, bool uneven)
    {
        long[] shape = [9, 5];
        var data = SortReference.Mixed(45, seed: 2);
        var (ev, ec, ei) = SortReference.Unique(data);
        World.Run(ranks, () =>
        {
            using var x = split is int s ? (uneven ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape,
                split: s)) : ht.array(data, shape);
            var (values, inverse, counts) = ht.unique(x, false, true, true);
            using (values)
            using (inverse)
            using (counts)
            {
                Reference.AssertClose(ev, values.ToArray<double>());
                Assert.Equal(ei, inverse!.ToArray<long>());
                Assert.Equal(x.split, inverse.split);
                Assert.Equal(ec, counts!.ToArray<long>());
            }
            var (v2, i2, c2) = x.unique(false, false, true);
            using (v2)
            using (c2)
            {
                Assert.Null(i2);
                Assert.Equal(ec, c2!.ToArray<long>());
            }
        });
    }

    /// <summary>NumPy's unique with axis: the slices in lexicographic order (sort order per element), the inverse
    /// over the slices and the counts.</summary>
    private static (double[] Values, long[] Shape, long[] Inverse, long[] Counts) UniqueAxisReference(double[] data,
        long[] shape, int axis)
    {
        long n = shape[axis], outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= shape[d];
        for (int d = axis + 1; d < shape.Length; d++) inner *= shape[d];
        var slices = Enumerable.Range(0, (int)n).Select(k => Enumerable.Range(0, (int)(outer * inner))
            .Select(j => data[(j / inner * n + k) * inner + j % inner]).ToArray()).ToArray();
        static (int, double) Key(double v) => double.IsNaN(v) ? (1, 0) : (0, v == 0 ? 0 : v);
        int Compare(double[] p, double[] q)
        {
            for (int j = 0; j < p.Length; j++)
            {
                int c = Key(p[j]).CompareTo(Key(q[j]));
                if (c != 0) return c;
            }
            return 0;
        }
        var order = Enumerable.Range(0, (int)n).ToArray();
        Array.Sort(order, (p, q) => Compare(slices[p], slices[q]) is var c and not 0 ? c : p.CompareTo(q));
        var reps = new List<double[]>();
        var counts = new List<long>();
        var inverse = new long[n];
        foreach (var k in order)
        {
            if (reps.Count == 0 || Compare(reps[^1], slices[k]) != 0)
            {
                reps.Add(slices[k]);
                counts.Add(0);
            }
            counts[^1]++;
            inverse[k] = reps.Count - 1;
        }
        long u = reps.Count;
        var values = new double[outer * u * inner];
        for (long o = 0; o < outer; o++)
            for (long r = 0; r < u; r++)
                for (long i = 0; i < inner; i++) values[(o * u + r) * inner + i] = reps[(int)r][o * inner + i];
        var resultShape = (long[])shape.Clone();
        resultShape[axis] = u;
        return (values, resultShape, inverse, counts.ToArray());
    }
}
