// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// unique on data that takes the hash path (few distinct values per chunk), the sort path (many) and both (one rank
/// with many forces every rank to sort): many duplicates, all equal, all distinct, NaNs and ±0, empty chunks, every
/// dtype; values, counts and inverse against the host reference, exact.
/// </summary>
public abstract partial class SortSuite<TWorld>
{
    private static readonly Lazy<(string Name, double[] Data, long[] Shape)[]> UniqueData = new(() =>
    {
        var random = new Random(5);
        var distinct = Enumerable.Range(0, 30000).Select(i => (double)i * 0.5 - 7000).OrderBy(_ => random.Next())
            .ToArray();
        var half = distinct.Take(15000).Concat(Enumerable.Range(0, 15000).Select(i => (double)(i % 10))).ToArray();
        return
        [
            ("duplicates", Enumerable.Range(0, 2400).Select(_ => (double)(random.Next(37) * 3 - 50)).ToArray(),
                [48, 50]),
            ("all equal", Enumerable.Repeat(7.0, 600).ToArray(), [24, 25]),
            ("all distinct", distinct, [300, 100]),
            ("half distinct", half, [300, 100]),
            ("nans", SortReference.Mixed(1200, seed: 3), [40, 30]),
            ("tiny", [3, -1, 3, 3, -1, 8], [3, 2]),
        ];
    });

    private static readonly Lazy<(double[] Values, long[] Counts, long[] Inverse)[]> UniqueExpected =
        new(() => [.. UniqueData.Value.Select(c => SortReference.Unique(c.Data))]);

    [Theory, MemberData(nameof(UniqueCases))]
    public void Unique_HashAndSortPaths_MatchReference(int ranks, int? split, bool uneven)
    {
        var cases = UniqueData.Value;
        var expected = UniqueExpected.Value;
        World.Run(ranks, () =>
        {
            for (int c = 0; c < cases.Length; c++)
            {
                var (name, data, shape) = cases[c];
                var (ev, ec, ei) = expected[c];
                using var x = split is int s ? (uneven ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape,
                    split: s)) : ht.array(data, shape);
                bool distributed = x.is_distributed();
                var (values, counts) = ht.unique_counts(x);
                using (values)
                using (counts)
                {
                    Reference.AssertClose(ev, values.ToArray<double>());
                    Assert.True(ec.SequenceEqual(counts.ToArray<long>()), $"counts of {name}");
                    Assert.Equal(distributed ? 0 : null, values.split);
                    Assert.Equal(values.split, counts.split);
                    if (distributed) Assert.True(values.is_balanced(force_check: true), $"balance of {name}");
                }
                var (v2, inverse) = ht.unique_inverse(x);
                using (v2)
                using (inverse)
                {
                    Reference.AssertClose(ev, v2.ToArray<double>());
                    Assert.Equal(shape, inverse.shape);
                    Assert.Equal(x.split, inverse.split);
                    Assert.True(ei.SequenceEqual(inverse.ToArray<long>()), $"inverse of {name}");
                }
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Unique_HashPath_EveryDtype(int ranks)
    {
        var random = new Random(9);
        var data = Enumerable.Range(0, 3000).Select(_ => (double)random.Next(100)).ToArray();
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.int64, ht.int32, ht.int16, ht.int8, ht.uint8, ht.float32, ht.float64,
                ht.@bool })
            {
                var typed = dtype == ht.@bool ? data.Select(v => v % 3 == 0 ? 1.0 : 0.0).ToArray() : data;
                var (ev, ec, ei) = SortReference.Unique(typed);
                using var x = ht.array(typed, [3000], dtype: dtype, split: 0);
                var (values, counts) = ht.unique_counts(x);
                using (values)
                using (counts)
                {
                    Assert.Equal(dtype, values.dtype);
                    Assert.Equal(ev, values.ToArray<double>());
                    Assert.Equal(ec, counts.ToArray<long>());
                }
                var (v2, inverse) = ht.unique_inverse(x);
                using (v2)
                using (inverse) Assert.Equal(ei, inverse.ToArray<long>());
            }
        });
    }
}
