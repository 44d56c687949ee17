// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>Answers that must equal HeAT 1.4.2's (issue #19): promotion through the ops, <c>full</c>'s default dtype,
/// whole-array <c>equal</c>, <c>random.normal</c> with DNDarray moments.</summary>
public abstract class HeatAnswersSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Int64WithFloat32_PromotesToFloat64_InOpsConcatenateAndWhere(int ranks, int? split)
    {
        var a = Iota(15).Select(v => (long)v * 3 - 20).ToArray();
        var b = Iota(15).Select(v => (float)(v * 0.5 - 1.25)).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [5, 3], split: split);
            using var y = ht.array(b, [5, 3], split: split is null ? 0 : null);
            using var sum = x + y;
            Assert.Equal(ht.float64, sum.dtype);
            Assert.Equal(a.Zip(b, (p, q) => p + (double)q).ToArray(), sum.ToArray<double>());
            using var c = ht.array(b.Select(v => new Complex64(v, -v)).ToArray(), [5, 3], split: split);
            using var product = x * c;
            Assert.Equal(ht.complex128, product.dtype);
            using var ySplit = ht.array(b, [5, 3], split: split);
            using var joined = ht.concatenate([x, ySplit], axis: split ?? 0);
            Assert.Equal(ht.float64, joined.dtype);
            Assert.Equal(split is 1 ? [5L, 6] : [10L, 3], joined.shape);
            using var positive = x > 0;
            using var chosen = ht.where(positive, x, y);
            Assert.Equal(ht.float64, chosen.dtype);
            Assert.Equal(a.Zip(b, (p, q) => p > 0 ? p : (double)q).ToArray(), chosen.ToArray<double>());
            // int32 with float32 stays float32 (HeAT's table), and weak scalars do not widen.
            using var small = x.astype(ht.int32);
            using var mixed = small + y;
            Assert.Equal(ht.float32, mixed.dtype);
            using var scaled = x * 2.5;
            Assert.Equal(ht.float32, scaled.dtype);
            Assert.Equal(ht.float64, ht.result_type(x, y));
            Assert.Equal(ht.float64, ht.promote_types(ht.float32, ht.int64));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Full_DefaultsToFloat32WhateverTheFillValue(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var four = ht.full([5, 2], 4, split: 0);
            Assert.Equal(ht.float32, four.dtype);
            Assert.All(four.ToArray<float>(), v => Assert.Equal(4f, v));
            using var yes = ht.full([3], true, split: 0);
            Assert.Equal(ht.float32, yes.dtype);
            Assert.All(yes.ToArray<float>(), v => Assert.Equal(1f, v));
            using var typed = ht.full([3], 4, ht.int64, split: 0);
            Assert.Equal(ht.int64, typed.dtype);
            using var complex = ht.full([2], new System.Numerics.Complex(1, 2), ht.complex64);
            Assert.Equal(new Complex64(1, 2), complex.ToArray<Complex64>()[1]);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => ht.full([2], new System.Numerics.Complex(1, 2), split: 0).Dispose());
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Equal_IsOneBoolForTheWholeArray(int ranks, int? split)
    {
        var a = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [5, 7], split: split);
            using var same = ht.array(a, [5, 7], split: split is null ? 1 : null);
            Assert.True(ht.equal(x, same));
            Assert.True(ht.equal(x, x));
            // One differing element, last row: on 4 and 5 ranks it lives on the last non-empty rank only.
            var changed = (double[])a.Clone();
            changed[33] = -1;
            using var other = ht.array(changed, [5, 7], split: split);
            Assert.False(ht.equal(x, other));
            Assert.False(ht.equal(other, x));
            using var ints = x.astype(ht.int32);
            Assert.True(ht.equal(x, ints));
            using var transposed = ht.array(a, [7, 5], split: split);
            Assert.False(ht.equal(x, transposed));
            Assert.False(ht.equal(x, 3.0));
            using var row = ht.array(a[..7], [7]);
            Assert.False(ht.equal(x, row)); // broadcastable but not the same shape
            using var one = ht.array(new[] { 3.0 }, [1, 1], split: split);
            using var three = ht.array(new[] { 3 }, [1], split: split is null ? null : 0);
            Assert.True(ht.equal(one, three));
            Assert.True(ht.equal(one, 3));
            Assert.True(ht.equal(3.0, one));
            Assert.False(ht.equal(one, 4));
            using var empty = ht.zeros([0, 3], split: split);
            using var empty2 = ht.ones([0, 3], split: 0);
            Assert.True(ht.equal(empty, empty2));
            // Element-wise equality stays ht.eq.
            using var elementwise = ht.eq(x, other);
            Assert.Equal(a.Select((v, i) => i != 33).ToArray(), elementwise.ToArray<bool>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void RandomNormal_TakesShapeAndArrayMoments(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var mean = ht.array(new[] { -1.0, 2, 10, 0, 5 }, [5], split: 0);
            using var std = ht.array(new[] { 0.5, 2, 0, 1, 3 }, [5]);
            ht.random.seed(7);
            using var draw = ht.random.normal(mean, std);
            ht.random.seed(7);
            using var z = ht.random.randn([5]);
            Assert.Equal([5L], draw.shape);
            Assert.Equal(ht.float64, draw.dtype);
            var m = mean.ToArray<double>();
            var s = std.ToArray<double>();
            var expected = z.ToArray<float>().Select((v, i) => m[i] + s[i] * (double)v).ToArray();
            Reference.AssertClose(expected, draw.ToArray<double>(), 1e-12);
            Assert.Equal(10.0, draw.ToArray<double>()[2]);
            ht.random.seed(7);
            using var grid = ht.random.normal(mean, 2.0, shape: [3, 5], split: 0);
            Assert.Equal([3L, 5L], grid.shape);
            using var scalar = ht.random.normal(1, 0, shape: [4], split: 0);
            Assert.All(scalar.ToArray<float>(), v => Assert.Equal(1f, v));
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var std = ht.array(new[] { 1.0, 1, 1, -1, 1 }, [5], split: 0);
            ht.random.normal(0.0, std).Dispose();
        });
    }
}
