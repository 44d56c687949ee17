// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// sort, argsort and topk on the world's rank counts against the host stable sort (<see cref="SortReference"/>):
/// N-d arrays along every axis, every split incl. None, uneven and empty chunks, duplicates, NaN, ±0, all-equal,
/// sorted and reverse-sorted input, every sortable dtype; values and int64 indices exact.
/// </summary>
public abstract partial class SortSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?> RanksAndSplits3D
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1, 2 }) data.Add(r, s);
            return data;
        }
    }

    private static void AssertSorted(double[] data, long[] shape, int axis, bool descending, DNDarray values, DNDarray indices, DNDarray x)
    {
        var (ev, ei) = SortReference.Sort(data, shape, axis, descending);
        Assert.Equal(shape, values.shape);
        Assert.Equal(ht.int64, indices.dtype);
        Assert.Equal(x.dtype, values.dtype);
        Assert.Equal(x.split, values.split);
        Assert.Equal(x.split, indices.split);
        Reference.AssertClose(ev, values.ToArray<double>());
        Assert.Equal(ei, indices.ToArray<long>());
        if (x.split == axis)
        {
            Assert.True(values.is_balanced(force_check: true));
            Assert.True(indices.is_balanced(force_check: true));
        }
    }

    [Theory, MemberData(nameof(RanksAndSplits3D))]
    public void Sort_AlongEveryAxis_EqualsTheStableHostSort(int ranks, int? split)
    {
        long[] shape = [7, 4, 3];
        var data = SortReference.Mixed(84);
        World.Run(ranks, () =>
        {
            using var balanced = ht.array(data, shape, split: split);
            using var uneven = split is int s ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape);
            foreach (var x in new[] { balanced, uneven })
                for (int axis = -1; axis < 3; axis++)
                    foreach (var descending in new[] { false, true })
                    {
                        var (values, indices) = ht.sort(x, axis: axis, descending: descending, stable: true);
                        using (values)
                        using (indices)
                            AssertSorted(data, shape, axis < 0 ? 2 : axis, descending, values, indices, x);
                    }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Sort_EverySortableDtype(int ranks)
    {
        var ints = SortReference.Integers(23);
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.int8, ht.int16, ht.int32, ht.int64, ht.float32, ht.float64 })
                foreach (var split in new int?[] { null, 0 })
                    foreach (var descending in new[] { false, true })
                    {
                        using var x = ht.array(ints, [23], dtype: dtype, split: split);
                        var (values, indices) = ht.sort(x, descending: descending);
                        using (values)
                        using (indices) AssertSorted(ints, [23], 0, descending, values, indices, x);
                    }
            var small = ints.Select(v => v + 5).ToArray();
            var flags = ints.Select(v => v > 0 ? 1.0 : 0.0).ToArray();
            foreach (var (dtype, data) in new[] { (ht.uint8, small), (ht.@bool, flags) })
                foreach (var descending in new[] { false, true })
                {
                    using var x = ht.array(data, [23], dtype: dtype, split: 0);
                    var (values, indices) = ht.sort(x, descending: descending);
                    using (values)
                    using (indices) AssertSorted(data, [23], 0, descending, values, indices, x);
                }
        });
    }

    public static TheoryData<int, string> SpecialCases
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var r in RankSample)
                foreach (var c in new[] { "equal", "sorted", "reversed", "nan", "tiny", "empty", "zeros" }) data.Add(r, c);
            return data;
        }
    }

    private static double[] Special(string name) => name switch
    {
        "equal" => Enumerable.Repeat(3.5, 29).ToArray(),
        "sorted" => Enumerable.Range(0, 29).Select(i => i / 2.0).ToArray(),
        "reversed" => Enumerable.Range(0, 29).Select(i => 14 - i / 2.0).ToArray(),
        "nan" => Enumerable.Range(0, 17).Select(i => i % 3 == 0 ? 1.0 : double.NaN).ToArray(),
        "tiny" => [2.0, -1.0, 2.0],
        "empty" => [],
        _ => Enumerable.Range(0, 13).Select(i => i % 2 == 0 ? -0.0 : 0.0).ToArray(),
    };

    [Theory, MemberData(nameof(SpecialCases))]
    public void Sort_SpecialInputs_AlongTheSplitAxis(int ranks, string name)
    {
        var data = Special(name);
        World.Run(ranks, () =>
        {
            foreach (var dtype in new[] { ht.float64, ht.float32 })
            {
                using var x = ht.array(data, [data.Length], dtype: dtype, split: 0);
                foreach (var descending in new[] { false, true })
                {
                    var (values, indices) = ht.sort(x, descending: descending);
                    using (values)
                    using (indices)
                    {
                        AssertSorted(data, [data.Length], 0, descending, values, indices, x);
                        // The sign of zero travels with its element: values[i] is bitwise x[indices[i]].
                        var bits = values.ToArray<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();
                        var idx = indices.ToArray<long>();
                        Assert.Equal(idx.Select(i => BitConverter.DoubleToInt64Bits(dtype == ht.float32 ? (float)data[i] : data[i])), bits);
                    }
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Argsort_IsTheStableOrder(int ranks, int? split)
    {
        var data = SortReference.Integers(35);
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [5, 7], split: split);
            for (int axis = 0; axis < 2; axis++)
                foreach (var descending in new[] { false, true })
                {
                    using var order = ht.argsort(x, axis: axis, descending: descending, stable: true);
                    Assert.Equal(SortReference.Sort(data, [5, 7], axis, descending).Indices, order.ToArray<long>());
                    Assert.Equal(split, order.split);
                }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Topk_EqualsTheFirstKOfTheSort(int ranks, int? split)
    {
        var data = SortReference.Mixed(30, seed: 3);
        long[] shape = [6, 5];
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, shape, split: split);
            for (int dim = 0; dim < 2; dim++)
                foreach (var k in new long[] { 0, 1, 3, shape[dim] })
                    foreach (var largest in new[] { true, false })
                    {
                        var (values, indices) = ht.topk(x, k, dim: dim, largest: largest);
                        using (values)
                        using (indices)
                        {
                            var (ev, ei) = SortReference.TopK(data, shape, dim, k, largest);
                            var kshape = (long[])shape.Clone();
                            kshape[dim] = k;
                            Assert.Equal(kshape, values.shape);
                            Assert.Equal(split, values.split);
                            Reference.AssertClose(ev, values.ToArray<double>());
                            Assert.Equal(ei, indices.ToArray<long>());
                        }
                    }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.sort(ht.arange(5, split: 0), axis: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.sort(ht.full([], 1.0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.argsort(ht.zeros([4], dtype: ht.complex64, split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.topk(ht.arange(5, split: 0), 6));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.topk(ht.arange(5, split: 0), -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.topk(ht.zeros([3, 4], split: 0), 2, dim: 2));
    }
}
