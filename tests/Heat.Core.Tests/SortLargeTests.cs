// SPDX-License-Identifier: MIT
using Heat.Comm.InProc;

namespace Heat.Core.Tests;

/// <summary>One larger sort on the managed backend: 10^6 random keys with many duplicates on 3 ranks (the radix
/// passes and the parallel chunks of the kernel, the sample sort's splitters under heavy duplication).</summary>
public sealed class SortLargeTests
{
    [Fact]
    public void Sort_OfAMillionKeysWithDuplicates_EqualsTheStableHostSort()
    {
        const int n = 1_000_000;
        var random = new System.Random(7);
        var keys = new float[n];
        for (int i = 0; i < n; i++) keys[i] = random.Next(1000) * 0.5f - 100;
        keys[17] = float.NaN;
        var stable = Enumerable.Range(0, n).OrderBy(i => float.IsNaN(keys[i]) ? float.PositiveInfinity : keys[i])
            .ThenBy(i => float.IsNaN(keys[i]) ? 1 : 0).Select(i => (long)i).ToArray();
        var expected = stable.Select(i => keys[i]).ToArray();
        InProcWorld.Run(3, () =>
        {
            using var x = ht.array(keys, [n], split: 0);
            var (values, indices) = ht.sort(x);
            using (values)
            using (indices)
            {
                Assert.Equal(expected, values.ToArray<float>());
                Assert.Equal(stable, indices.ToArray<long>());
                Assert.True(values.is_balanced(force_check: true));
            }
            var (unique, counts) = ht.unique_counts(x);
            using (unique)
            using (counts)
            {
                Assert.Equal(n, counts.sum().item<long>());
                Assert.Equal(keys.Distinct().Count(), (int)unique.size);
            }
        }, timeout: TimeSpan.FromMinutes(2));
    }
}
