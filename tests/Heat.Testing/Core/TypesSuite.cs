// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Testing.Core;

/// <summary>HeAT's type helpers (heat/core/types.py): the hierarchy, issubdtype, heat_type_*, canonical_heat_type,
/// can_cast with its five rules, finfo/iinfo, iscomplex/isreal.</summary>
public abstract class TypesSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly string[] Names =
        ["bool", "uint8", "int8", "int16", "int32", "int64", "float32", "float64", "complex64", "complex128"];

    // HeAT 1.4.2's _can_be_cast_safely_to and _can_be_cast_intuitively_to lists (float16 left out).
    private static readonly Dictionary<string, string[]> Safe = new()
    {
        ["bool"] = Names,
        ["uint8"] = ["uint8", "int16", "int32", "int64", "float32", "float64", "complex64", "complex128"],
        ["int8"] = ["int8", "int16", "int32", "int64", "float32", "float64", "complex64", "complex128"],
        ["int16"] = ["int16", "int32", "int64", "float32", "float64", "complex64", "complex128"],
        ["int32"] = ["int32", "int64", "float64", "complex128"],
        ["int64"] = ["int64", "float64", "complex128"],
        ["float32"] = ["float32", "float64", "complex64", "complex128"],
        ["float64"] = ["float64", "complex128"],
        ["complex64"] = ["complex64", "complex128"],
        ["complex128"] = ["complex128"],
    };

    [Fact]
    public void CanCast_FollowsHeatsListsForEveryPairAndRule()
    {
        foreach (var f in Names)
            foreach (var t in Names)
            {
                var from = DType.Parse(f);
                var to = DType.Parse(t);
                bool safe = Safe[f].Contains(t);
                bool intuitive = safe || (f == "int32" && t is "float32" or "complex64");
                Assert.True(safe == ht.can_cast(from, to, "safe"), $"safe {f} -> {t}");
                Assert.True(intuitive == ht.can_cast(from, to), $"intuitive {f} -> {t}");
                Assert.Equal(from == to, ht.can_cast(from, to, "no"));
                Assert.True(ht.can_cast(from, to, "unsafe"));
                bool sameFamily = from.Kind == to.Kind || (from.IsInteger && to.IsInteger);
                Assert.True((safe || sameFamily) == ht.can_cast(from, to, "same_kind"), $"same_kind {f} -> {t}");
            }
        // HeAT's docstring examples.
        Assert.True(ht.can_cast(ht.int32, ht.int64));
        Assert.True(ht.can_cast(ht.int64, ht.float64));
        Assert.False(ht.can_cast(ht.int16, ht.int8));
        Assert.True(ht.can_cast(1, ht.float64));
        Assert.False(ht.can_cast(2.0e200, "u1"));
        Assert.False(ht.can_cast("i8", "i4", "no"));
        Assert.False(ht.can_cast("i8", "i4", "safe"));
        Assert.True(ht.can_cast("i8", "i4", "same_kind"));
        Assert.True(ht.can_cast("i8", "i4", "unsafe"));
        Assert.Throws<ArgumentException>(() => ht.can_cast(ht.int8, ht.int16, "sometimes"));
    }

    [Fact]
    public void Hierarchy_IssubdtypeAndPredicates()
    {
        Assert.True(ht.issubdtype(ht.int32, ht.integer));
        Assert.False(ht.issubdtype(ht.int32, ht.floating));
        Assert.False(ht.issubdtype(ht.float64, ht.float32));
        Assert.True(ht.issubdtype("i", ht.integer));
        Assert.True(ht.issubdtype(ht.uint8, ht.unsignedinteger));
        Assert.False(ht.issubdtype(ht.uint8, ht.signedinteger));
        Assert.True(ht.issubdtype(ht.int8, ht.signedinteger));
        Assert.True(ht.issubdtype(ht.complex64, ht.complex));
        Assert.True(ht.issubdtype(ht.complex64, ht.number));
        Assert.True(ht.issubdtype(ht.float32, ht.datatype));
        Assert.False(ht.issubdtype(ht.@bool, ht.number));
        Assert.True(ht.issubdtype(ht.floating, ht.number));
        Assert.False(ht.issubdtype(ht.number, ht.floating));
        Assert.False(ht.issubdtype(ht.float32, ht.flexible));
        Assert.True(ht.issubdtype(ht.float64, "d"));
        foreach (var d in DType.All)
        {
            Assert.Equal(d.IsInteger, ht.heat_type_is_exact(d));
            Assert.Equal(d.IsInexact, ht.heat_type_is_inexact(d));
            Assert.Equal(d.IsFloat, ht.heat_type_is_realfloating(d));
            Assert.Equal(d.IsComplex, ht.heat_type_is_complexfloating(d));
            Assert.Same(d, ht.canonical_heat_type(d));
            Assert.Same(d, ht.canonical_heat_type(d.Name));
            Assert.Same(d, ht.canonical_heat_type(d.ClrType));
        }
        string[] codes = ["?", "b", "h", "i", "l", "B", "f", "d", "F", "D", "i1", "i2", "i4", "i8", "u1", "f4", "f8",
            "c8", "c16"];
        string[] expected = ["bool", "int8", "int16", "int32", "int64", "uint8", "float32", "float64", "complex64",
            "complex128", "int8", "int16", "int32", "int64", "uint8", "float32", "float64", "complex64", "complex128"];
        for (int i = 0; i < codes.Length; i++) Assert.Equal(expected[i], ht.canonical_heat_type(codes[i]).Name);
        Assert.Throws<ArgumentException>(() => ht.canonical_heat_type("q7"));
        Assert.Throws<ArgumentException>(() => ht.canonical_heat_type(typeof(string)));
        Assert.Equal(ht.int32, ht.heat_type_of(3));
        Assert.Equal(ht.int64, ht.heat_type_of(3L));
        Assert.Equal(ht.float32, ht.heat_type_of(3.0));
        Assert.Equal(ht.@bool, ht.heat_type_of(true));
        Assert.Equal(ht.complex64, ht.heat_type_of(Complex.One));
        Assert.Equal(ht.float64, ht.heat_type_of(new double[] { 1, 2 }));
        Assert.Throws<ArgumentException>(() => ht.heat_type_of(new object()));
        Assert.Same(ht.int8, ht.@byte);
        Assert.Same(ht.float32, ht.@float);
        Assert.Same(ht.float64, ht.@double);
        Assert.Same(ht.int32, ht.@int);
        Assert.Same(ht.int64, ht.@long);
        Assert.Same(ht.complex128, ht.cdouble);
    }

    [Fact]
    public void FinfoIinfo_AreComplete()
    {
        var f32 = ht.finfo(ht.float32);
        Assert.Equal((32, Math.Pow(2, -23), (double)float.MaxValue, (double)float.MinValue), (f32.bits, f32.eps,
            f32.max, f32.min));
        Assert.Equal(1.1754943508222875e-38, f32.tiny, 1e-45);
        Assert.Equal(f32.tiny, f32.smallest_normal);
        Assert.Equal(1e-6, f32.resolution);
        var c128 = ht.finfo(ht.complex128);
        Assert.Equal((64, Math.Pow(2, -52), double.MaxValue, 2.2250738585072014e-308, 1e-15),
            (c128.bits, c128.eps, c128.max, c128.tiny, c128.resolution));
        Assert.Equal(ht.float64, c128.dtype);
        Assert.Equal(ht.float32, ht.finfo(ht.complex64).dtype);
        Assert.Throws<ArgumentException>(() => ht.finfo(ht.int32));
        Assert.Throws<ArgumentException>(() => ht.finfo(ht.@bool));
        foreach (var (d, bits, max, min) in new (DType, int, long, long)[]
        {
            (ht.uint8, 8, 255, 0), (ht.int8, 8, 127, -128), (ht.int16, 16, short.MaxValue, short.MinValue),
            (ht.int32, 32, int.MaxValue, int.MinValue), (ht.int64, 64, long.MaxValue, long.MinValue),
        })
        {
            var info = ht.iinfo(d);
            Assert.Equal((bits, max, min, d), (info.bits, info.max, info.min, info.dtype));
        }
        Assert.Throws<ArgumentException>(() => ht.iinfo(ht.@bool));
        Assert.Throws<ArgumentException>(() => ht.iinfo(ht.float64));
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void IsComplexIsReal_ElementWise(int ranks, int? split)
    {
        var values = Enumerable.Range(0, 15).Select(i => new Complex(i, i % 3 == 0 ? 0 : i - 7)).ToArray();
        World.Run(ranks, () =>
        {
            using var z = ht.array(values, [5, 3], split: split);
            using var c = ht.iscomplex(z);
            Assert.Equal(values.Select(v => v.Imaginary != 0).ToArray(), c.ToArray<bool>());
            Assert.Equal(z.split, c.split);
            Assert.Equal(z.lshape, c.lshape);
            using var r = ht.isreal(z);
            Assert.Equal(values.Select(v => v.Imaginary == 0).ToArray(), r.ToArray<bool>());
            using var real = ht.real(z);
            using var rc = ht.iscomplex(real);
            Assert.All(rc.ToArray<bool>(), Assert.False);
            using var rr = ht.isreal(real);
            Assert.All(rr.ToArray<bool>(), Assert.True);
            using var ints = ht.arange(7, split: split is null ? null : 0);
            using var ir = ht.isreal(ints);
            Assert.Equal(ht.@bool, ir.dtype);
            Assert.All(ir.ToArray<bool>(), Assert.True);
            Assert.Equal(ht.int32, ht.heat_type_of(ints));
        });
    }
}
