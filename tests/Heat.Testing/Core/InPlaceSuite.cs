// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Core;

/// <summary>
/// The in-place family (add_, ..., cumsum_, nan_to_num_), out= parameters, method forms and the DNDarray attributes
/// (nbytes, strides, mT, fill_diagonal, lloc, ...) on 1..5 ranks, every split, unbalanced and empty chunks: in-place
/// results equal the out-of-place ones, the array's own storage is written (no new local tensor), views see the
/// change, and bad arguments raise on every rank.
/// </summary>
public abstract class InPlaceSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly long[] Shape = [5, 7];

    private static DNDarray Make(double[] data, long[] shape, int? split) =>
        split is int s ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape);

    private static readonly (string Name, Func<DNDarray, DNDarray, DNDarray> InPlace, Func<DNDarray, DNDarray,
        DNDarray> Reference)[] FloatOps =
    [
        ("add_", (x, y) => x.add_(y), ht.add), ("sub_", (x, y) => x.sub_(y), ht.sub), ("mul_", (x, y) => x.mul_(y),
            ht.mul),
        ("div_", (x, y) => x.div_(y), ht.div), ("pow_", (x, y) => x.pow_(y), ht.pow), ("mod_", (x, y) => x.mod_(y),
            ht.mod),
        ("floordiv_", (x, y) => x.floordiv_(y), ht.floordiv), ("fmod_", (x, y) => x.fmod_(y), ht.fmod),
        ("copysign_", (x, y) => x.copysign_(y), ht.copysign), ("hypot_", (x, y) => x.hypot_(y), ht.hypot),
    ];

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void FloatFamily_WritesOwnStorage_MatchesOutOfPlace(int ranks, int? split)
    {
        var a = Iota(35, 0.25).Select(v => v + 0.5).ToArray();
        var b = Iota(35, -0.125).Select(v => v - 1.5).ToArray();
        World.Run(ranks, () =>
        {
            foreach (int? otherSplit in new int?[] { null, 0, 1 })
                foreach (var (name, inPlace, reference) in FloatOps)
                {
                    using var x = Make(a, Shape, split);
                    using var y = Make(b, Shape, otherSplit);
                    using var row = ht.array(b.Take(7).ToArray(), [7], split: otherSplit is null ? null : 0);
                    using var expected = reference(x, y);
                    using var expectedRow = reference(expected, row);
                    var local = x.larray;
                    var storage = x.larray.Storage;
                    var lshape = x.lshape;
                    Assert.Same(x, inPlace(x, y));
                    Assert.Same(x, inPlace(x, row));
                    Assert.Same(local, x.larray);
                    Assert.Same(storage, x.larray.Storage);
                    Assert.Equal(lshape, x.lshape);
                    Assert.Equal(split, x.split);
                    Reference.AssertClose(expectedRow.ToArray<double>(), x.ToArray<double>(), 1e-15);
                    Assert.True(x.ToArray<double>().Length == 35, name);
                }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void ScalarsViewsAndSelfOperands(int ranks, int? split)
    {
        var a = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape, split);
            using var view = ht.expand_dims(x, 0); // shares x's storage
            x.add_(2).mul_(0.5).sub_(1.0).pow_(2);
            var expected = a.Select(v => Math.Pow((v + 2) * 0.5 - 1, 2)).ToArray();
            Assert.Equal(expected, x.ToArray<double>());
            Assert.Equal(expected, view.ToArray<double>());
            x.add_(x); // the operand is the array itself
            Assert.Equal(expected.Select(v => 2 * v).ToArray(), x.ToArray<double>());
            using var alias = ht.squeeze(view); // another view of the same storage
            x.sub_(alias);
            Assert.All(x.ToArray<double>(), v => Assert.Equal(0.0, v));
            x.add_(1).neg_();
            Assert.All(view.ToArray<double>(), v => Assert.Equal(-1.0, v));

            using var f = Make(a.Select(v => v % 5 == 0 ? double.NaN : v % 5 == 1 ? double.PositiveInfinity : v % 5 == 2
                ? double.NegativeInfinity : v).ToArray(), Shape, split);
            var storage = f.larray.Storage;
            Assert.Same(f, f.nan_to_num_(nan: -1, posinf: 1e9));
            Assert.Same(storage, f.larray.Storage);
            Assert.Equal(a.Select(v => v % 5 == 0 ? -1 : v % 5 == 1 ? 1e9 : v % 5 == 2 ? double.MinValue : v).ToArray(),
                f.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void IntegerFamilyAndCumulative(int ranks, int? split)
    {
        var a = Iota(35);
        World.Run(ranks, () =>
        {
            using var f = Make(a, Shape, split);
            using var x = f.astype(ht.int64);
            using var y = ht.array(Enumerable.Range(0, 7).Select(i => (long)(i % 3 + 1)).ToArray(), [7]);
            x.left_shift_(y).right_shift_(1).bitwise_xor_(5).bitwise_or_(y).bitwise_and_(1023).invert_().neg_().add_(3)
             .floordiv_(2).mod_(7).fmod_(5).mul_(3).sub_(y);
            var expected = a.Select((v, i) =>
            {
                long s = i % 7 % 3 + 1, e = (long)v;
                e = -~((((e << (int)s) >> 1) ^ 5 | s) & 1023) + 3;
                e = Math.DivRem(e, 2L) is var (q, r) && r != 0 && (e < 0) ? q - 1 : q;
                e = ((e % 7) + 7) % 7;
                return (double)((e % 5) * 3 - s);
            }).ToArray();
            Assert.Equal(expected, x.ToArray<double>());
            foreach (var axis in new[] { 0, 1 })
            {
                using var c = f.astype(ht.int32);
                using var expectedSum = ht.cumsum(c, axis, ht.int32);
                var storage = c.larray.Storage;
                Assert.Same(c, c.cumsum_(axis));
                Assert.Same(storage, c.larray.Storage);
                Assert.Equal(expectedSum.ToArray<int>(), c.ToArray<int>());
                using var p = Make(a.Select(v => 1 + v / 64).ToArray(), Shape, split);
                using var expectedProd = ht.cumprod(p, axis);
                p.cumprod_(axis);
                Reference.AssertClose(expectedProd.ToArray<double>(), p.ToArray<double>(), 1e-14);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInPlaceArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.arange(10, split: 0).div_(2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.arange(10, split: 0).add_(1.5));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.arange(10, split: 0).add_(ht.ones([10], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.ones([10], split: 0).add_(ht.ones([10],
            dtype: ht.float64)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.ones([10], split: 0).add_(ht.ones([2, 10])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.ones([10], split: 0).bitwise_and_(1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.ones([4, 3], dtype: ht.@bool, split: 0).cumsum_(0));
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void OutParameters_WriteIntoGivenArray(int ranks, int? split)
    {
        var a = Iota(35);
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape, split);
            using var c = ht.zeros(Shape, dtype: ht.float64, split: split);
            Assert.Same(c, ht.add(x, x, @out: c));
            Assert.Equal(a.Select(v => 2 * v).ToArray(), c.ToArray<double>());
            Assert.Same(c, ht.mul(x, 3, @out: c));
            Assert.Equal(a.Select(v => 3 * v).ToArray(), c.ToArray<double>());
            Assert.Same(c, ht.sqrt(x, @out: c));
            Assert.Equal(a.Select(Math.Sqrt).ToArray(), c.ToArray<double>());
            using var i = x.astype(ht.int64);
            using var fromInts = ht.zeros(Shape, dtype: ht.float32, split: split);
            ht.sub(i, 1, @out: fromInts); // int64 into float32: same_kind
            Assert.Equal(a.Select(v => v - 1).ToArray(), fromInts.ToArray<double>());
            using var s = ht.zeros([7], dtype: ht.float64, split: split == 1 ? 0 : null);
            Assert.Same(s, ht.sum(x, @out: s, axis: 0));
            Assert.Equal(Enumerable.Range(0, 7).Select(j => Enumerable.Range(0, 5).Sum(r => a[r * 7 + j])).ToArray(),
                s.ToArray<double>());
            using var cs = ht.zeros(Shape, dtype: ht.float64, split: split);
            ht.cumsum(x, @out: cs, axis: 1);
            using var expectedCs = ht.cumsum(x, 1);
            Assert.Equal(expectedCs.ToArray<double>(), cs.ToArray<double>());
            using var wrongShape = ht.zeros([5, 6], split: split);
            Assert.Throws<ArgumentException>(() => ht.add(x, x, @out: wrongShape));
            using var ints = ht.zeros(Shape, dtype: ht.int32, split: split);
            Assert.Throws<ArgumentException>(() => ht.add(x, x, @out: ints));
            if (ranks > 1)
            {
                using var otherSplit = ht.zeros(Shape, dtype: ht.float64, split: split is null ? 0 : null);
                Assert.Throws<ArgumentException>(() => ht.add(x, x, @out: otherSplit));
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void MethodFormsAndAttributes(int ranks, int? split)
    {
        var a = Iota(35, 0.1);
        World.Run(ranks, () =>
        {
            using var x = Make(a, Shape, split);
            Func<DNDarray, DNDarray>[] methods = [v => v.abs(), v => v.exp(), v => v.sqrt(), v => v.sin(),
                v => v.floor(), v => v.log1p(), v => v.acos()];
            Func<DNDarray, DNDarray>[] functions = [v => ht.abs(v), ht.exp, ht.sqrt, ht.sin, ht.floor, ht.log1p,
                ht.arccos];
            for (int k = 0; k < methods.Length; k++)
            {
                using var m = methods[k](x);
                using var e = functions[k](x);
                Assert.Equal(e.ToArray<double>(), m.ToArray<double>());
            }
            Assert.Equal(35 * 8, x.nbytes);
            Assert.Equal(x.stride.Select(s => s * 8).ToArray(), x.strides);
            Assert.Equal(x.lshape.Length, x.stride.Length);
            using var t = x.mT;
            Assert.Equal([7L, 5L], t.shape);
            using var tt = x.T;
            Assert.Equal(tt.ToArray<double>(), t.ToArray<double>());
            using var real = x.real;
            Assert.Equal(a, real.ToArray<double>());
            Assert.Same(x, x.cpu());
            Assert.Same(x, x.to_device(x.device));

            using var d = Make(a, Shape, split);
            var storage = d.larray.Storage;
            Assert.Same(d, d.fill_diagonal(-3));
            Assert.Same(storage, d.larray.Storage);
            Assert.Equal(a.Select((v, i) => i / 7 == i % 7 ? -3 : v).ToArray(), d.ToArray<double>());
            using var wide = Make(Iota(35), [7, 5], split);
            wide.fill_diagonal(9);
            Assert.Equal(Iota(35).Select((v, i) => i / 5 == i % 5 ? 9 : v).ToArray(), wide.ToArray<double>());

            var local = x.ToLocalArray<double>();
            var lshape = x.lshape;
            using var copy = Make(a, Shape, split); // collective: made on every rank
            if (lshape[0] > 0 && lshape[1] > 1)
            {
                using (var first = x.lloc[0, 1]) Assert.Equal(local[1], first.ToArray<double>()[0]);
                using (var row = x.lloc[^1]) Assert.Equal(local.Skip((int)((lshape[0] - 1) * lshape[1])).ToArray(),
                    row.ToArray<double>());
                copy.lloc.fill(42, ht.ellipsis, ht.slice(0, 1));
                Assert.Equal(local.Select((v, i) => i % lshape[1] == 0 ? 42 : v).ToArray(),
                    copy.ToLocalArray<double>());
                using var column = copy.lloc[ht.slice(), 1];
                var values = column.ToArray<double>().Select(v => 2 * v).ToArray();
                using var doubled = column.Backend.FromSpan<double>(values, [lshape[0]], column.Device);
                copy.lloc[ht.slice(), 1] = doubled;
                Assert.Equal(local[1] * 2, copy.ToLocalArray<double>()[1]);
            }
            var kept = (List<object>)x.tolist(keepsplit: true);
            Assert.Equal(lshape[0], kept.Count);
            var whole = (List<object>)x.tolist(keepsplit: false);
            Assert.Equal(5, whole.Count);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void AliasNames_DoWhatTheirNamesakesDo(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var a = Iota(35).Select(v => v + 1).ToArray();
            var b = Iota(35).Select(v => 1 + v % 4).ToArray();
            var pairs = new (Func<DNDarray, DNDarray, DNDarray> Alias, Func<DNDarray, DNDarray, DNDarray> Name)[]
            {
                ((x, y) => x.subtract_(y), (x, y) => x.sub_(y)), ((x, y) => x.multiply_(y), (x, y) => x.mul_(y)),
                ((x, y) => x.divide_(y), (x, y) => x.div_(y)), ((x, y) => x.floor_divide_(y), (x, y) => x.floordiv_(y)),
                ((x, y) => x.power_(y), (x, y) => x.pow_(y)), ((x, y) => x.remainder_(y), (x, y) => x.mod_(y)),
                ((x, _) => x.negative_(), (x, _) => x.neg_()), ((x, _) => x.cumproduct_(0), (x, _) => x.cumprod_(0)),
            };
            foreach (var (alias, name) in pairs)
            {
                var x1 = Make(a, Shape, split);
                var x2 = Make(a, Shape, split);
                var y = Make(b, Shape, split);
                Assert.Same(x1, alias(x1, y));
                name(x2, y);
                Assert.Equal(x2.ToArray<double>(), x1.ToArray<double>());
            }
            var i = Make(a, Shape, split).astype(ht.int64);
            var j = Make(b, Shape, split).astype(ht.int64);
            using var gcd = ht.gcd(i, j);
            using var lcm = ht.lcm(i, j);
            var k = ht.copy(i);
            Assert.Same(i, i.gcd_(j));
            Assert.Equal(gcd.ToArray<long>(), i.ToArray<long>());
            Assert.Equal(lcm.ToArray<long>(), k.lcm_(j).ToArray<long>());
            var bits = ht.copy(k);
            Assert.Equal(ht.bitwise_not(k).ToArray<long>(), bits.bitwise_not_().ToArray<long>());
            Assert.Equal(ht.unique(j).ToArray<long>(), j.unique().ToArray<long>());
            Assert.Equal(ht.norm(Make(a, Shape, split)).item<double>(), Make(a, Shape, split).norm().item<double>());
            Assert.Equal(i.lshape_map, i.create_lshape_map());
        });
    }
}
