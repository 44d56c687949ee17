// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>unique, unique_values, unique_inverse and unique_counts against the host reference.</summary>
public abstract partial class SortSuite<TWorld>
{
    public static TheoryData<int, int?, bool> UniqueCases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var uneven in new[] { false, true })
                        if (s is not null || !uneven) data.Add(r, s, uneven);
            return data;
        }
    }

    [Theory, MemberData(nameof(UniqueCases))]
    public void Unique_ValuesInverseAndCounts(int ranks, int? split, bool uneven)
    {
        long[] shape = [9, 5];
        World.Run(ranks, () =>
        {
            foreach (var data in new[] { SortReference.Mixed(45, seed: 1), SortReference.Integers(45),
                Enumerable.Repeat(-2.0, 45).ToArray() })
            {
                var (ev, ec, ei) = SortReference.Unique(data);
                using var x = split is int s ? (uneven ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape,
                    split: s)) : ht.array(data, shape);
                bool distributed = x.is_distributed();
                using var values = ht.unique(x);
                Reference.AssertClose(ev, values.ToArray<double>());
                Assert.Equal(distributed ? 0 : null, values.split);
                if (distributed) Assert.True(values.is_balanced(force_check: true));

                var (v2, inverse) = ht.unique(x, sorted: true, return_inverse: true);
                using (v2)
                using (inverse)
                {
                    Reference.AssertClose(ev, v2.ToArray<double>());
                    Assert.Equal(shape, inverse!.shape);
                    Assert.Equal(x.split, inverse.split);
                    Assert.Equal(ht.int64, inverse.dtype);
                    Assert.Equal(ei, inverse.ToArray<long>());
                }
                var (v3, counts) = ht.unique_counts(x);
                using (v3)
                using (counts)
                {
                    Reference.AssertClose(ev, v3.ToArray<double>());
                    Assert.Equal(ec, counts.ToArray<long>());
                    Assert.Equal(ht.int64, counts.dtype);
                }
                var (v4, inv4) = ht.unique_inverse(x);
                using (v4)
                using (inv4) Assert.Equal(ei, inv4.ToArray<long>());
                using var v5 = ht.unique_values(x);
                Reference.AssertClose(ev, v5.ToArray<double>());
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Unique_IntegersEmptyAndTiny(int ranks)
    {
        World.Run(ranks, () =>
        {
            var data = SortReference.Integers(13);
            var (ev, ec, ei) = SortReference.Unique(data);
            foreach (var dtype in new[] { ht.int32, ht.int64, ht.uint8 })
            {
                var shifted = dtype == ht.uint8 ? data.Select(v => v + 5).ToArray() : data;
                using var x = ht.array(shifted, [13], dtype: dtype, split: 0);
                var (values, counts) = ht.unique_counts(x);
                using (values)
                using (counts)
                {
                    Assert.Equal(dtype, values.dtype);
                    Assert.Equal(ev.Select(v => dtype == ht.uint8 ? v + 5 : v), values.ToArray<double>());
                    Assert.Equal(ec, counts.ToArray<long>());
                }
            }
            using var empty = ht.array(Array.Empty<double>(), [0], split: 0);
            var (ue, ie) = ht.unique(empty, false, return_inverse: true);
            using (ue)
            using (ie)
            {
                Assert.Equal([0L], ue.shape);
                Assert.Equal([0L], ie!.shape);
            }
            using var two = ht.array(new[] { 4.0, 4.0 }, [2], split: 0);
            var (u2, c2) = ht.unique_counts(two);
            using (u2)
            using (c2) Assert.Equal([2L], c2.ToArray<long>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Unique_BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.unique(ht.zeros([4], dtype: ht.complex128,
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.unique(ht.zeros([4, 2], split: 0), axis: 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.unique(ht.zeros([], split: null), axis: 0));
    }
}
