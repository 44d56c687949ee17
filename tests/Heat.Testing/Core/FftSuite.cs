// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;

namespace Heat.Testing.Core;

/// <summary>
/// ht.fft on the world's rank counts: every function against NumPy (Fixtures/fft/fft.json, made by generate.py beside
/// it) on every split of the input incl. the transformed axes and None, float32 and float64; the 1-d four-step
/// transform of split vectors (odd, even, prime, 1, 2 elements, balanced and unbalanced chunks, cropping and padding)
/// against the undistributed transform; round trips within 10·ε·log2(n)·max|x|; HeAT's dtype promotion; bad
/// arguments
/// raised alike on every rank.
/// </summary>
public abstract class FftSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly Lazy<JsonElement[]> Fixtures = new(() =>
    {
        using var stream = typeof(FftSuite<>).Assembly.GetManifestResourceStream("Heat.Testing.Fixtures.fft.json")
            ?? throw new InvalidOperationException("The fft fixtures are not embedded.");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    private static readonly string[] Frequencies = ["fftfreq", "rfftfreq"];
    private static readonly string[] Shifts = ["fftshift", "ifftshift"];

    private static IEnumerable<JsonElement> TransformCases =>
        Fixtures.Value.Where(c => !Frequencies.Contains(c.GetProperty("func").GetString()) &&
            !Shifts.Contains(c.GetProperty("func").GetString()));

    /// <summary>The fixtures' input signal (generate.py's signal()).</summary>
    private static Complex[] Signal(long n, bool complex) =>
        Enumerable.Range(0, (int)n).Select(i => new Complex(Math.Sin(0.7 * i + 0.3) + 0.25 * Math.Cos(2.3 * i),
            complex ? Math.Cos(1.1 * i) - 0.5 : 0)).ToArray();

    private static long[] ShapeOf(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(v =>
        v.GetInt64()).ToArray();

    private static DNDarray Input(JsonElement x, int? split, bool single)
    {
        var shape = ShapeOf(x);
        bool complex = x.GetProperty("complex").GetBoolean();
        var values = Signal(shape.Aggregate(1L, (a, b) => a * b), complex);
        var dtype = complex ? (single ? ht.complex64 : ht.complex128) : (single ? ht.float32 : ht.float64);
        return complex ? ht.array(values, shape, dtype: dtype,
            split: split) : ht.array(values.Select(v => v.Real).ToArray(), shape, dtype: dtype, split: split);
    }

    private static long? OptLong(JsonElement c, string name) =>
        c.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt64() : null;

    private static long[]? OptLongs(JsonElement c, string name) =>
        c.TryGetProperty(name,
            out var v) && v.ValueKind != JsonValueKind.Null ? v.EnumerateArray().Select(e => e.GetInt64()).ToArray() :
                null;

    private static int[]? OptInts(JsonElement c, string name) => OptLongs(c, name)?.Select(v => (int)v).ToArray();

    private static string? OptString(JsonElement c, string name) =>
        c.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    private static DNDarray Call(JsonElement c, DNDarray x)
    {
        var f = ht.fft;
        long? n = OptLong(c, "n");
        int axis = (int)(OptLong(c, "axis") ?? -1);
        var s = OptLongs(c, "s");
        var axes = OptInts(c, "axes");
        var norm = OptString(c, "norm");
        return c.GetProperty("func").GetString() switch
        {
            "fft" => f.fft(x, n, axis, norm),
            "ifft" => f.ifft(x, n, axis, norm),
            "rfft" => f.rfft(x, n, axis, norm),
            "irfft" => f.irfft(x, n, axis, norm),
            "hfft" => f.hfft(x, n, axis, norm),
            "ihfft" => f.ihfft(x, n, axis, norm),
            "fftn" => f.fftn(x, s, axes, norm),
            "ifftn" => f.ifftn(x, s, axes, norm),
            "rfftn" => f.rfftn(x, s, axes, norm),
            "irfftn" => f.irfftn(x, s, axes, norm),
            "hfftn" => f.hfftn(x, s, axes, norm),
            "ihfftn" => f.ihfftn(x, s, axes, norm),
            "fft2" => f.fft2(x, s, axes, norm),
            "ifft2" => f.ifft2(x, s, axes, norm),
            "rfft2" => f.rfft2(x, s, axes, norm),
            "irfft2" => f.irfft2(x, s, axes, norm),
            "hfft2" => f.hfft2(x, s, axes, norm),
            "ihfft2" => f.ihfft2(x, s, axes, norm),
            "fftshift" => axes is null ? f.fftshift(x) : f.fftshift(x, axes),
            "ifftshift" => axes is null ? f.ifftshift(x) : f.ifftshift(x, axes),
            var other => throw new InvalidOperationException($"Unknown fixture function {other}."),
        };
    }

    /// <summary>Asserts shape and values within <paramref name="tolerance"/> · max(1, max|expected|).</summary>
    private static void AssertMatches(JsonElement expected, DNDarray actual, double tolerance, string what)
    {
        Assert.Equal(ShapeOf(expected), actual.shape);
        var data = expected.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        bool complex = expected.GetProperty("complex").GetBoolean();
        Assert.True(complex == actual.dtype.IsComplex, $"{what}: expected a {(complex ? "complex" : "real")} "
            + $"result, got {actual.dtype}");
        var want = complex ? Enumerable.Range(0, data.Length / 2).Select(i => new Complex(data[2 * i],
            data[2 * i + 1])).ToArray()
                           : data.Select(v => new Complex(v, 0)).ToArray();
        var got = complex ? actual.ToArray<Complex>() : actual.ToArray<double>().Select(v => new Complex(v,
            0)).ToArray();
        AssertClose(want, got, tolerance, what);
    }

    private static void AssertClose(Complex[] want, Complex[] got, double tolerance, string what)
    {
        Assert.Equal(want.Length, got.Length);
        double scale = Math.Max(1, want.Select(Complex.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < want.Length; i++)
            Assert.True(Complex.Abs(want[i] - got[i]) <= tolerance * scale, $"{what}: element {i} expected "
                + $"{want[i]}, got {got[i]}");
    }

    private static string Describe(JsonElement c, int? split, DNDarray x) =>
        $"{c.GetProperty("func").GetString()}(shape {string.Join("x", x.shape)}, split "
            + $"{split?.ToString() ?? "None"}, n {OptLong(c, "n")}, axis {OptLong(c, "axis")}, s "
                + $"[{string.Join(",", OptLongs(c, "s") ?? [])}], axes "
                    + $"[{string.Join(",", OptInts(c, "axes") ?? [])}], norm {OptString(c, "norm")})";

    [Theory, MemberData(nameof(Ranks))]
    public void Transforms_MatchNumPy_OnEverySplit(int ranks) =>
        World.Run(ranks, () =>
        {
            foreach (var c in TransformCases)
            {
                var xDesc = c.GetProperty("x");
                foreach (var split in new int?[] { null }.Concat(Enumerable.Range(0,
                    ShapeOf(xDesc).Length).Select(a => (int?)a)))
                {
                    using var x = Input(xDesc, split, single: false);
                    using var y = Call(c, x);
                    string what = Describe(c, split, x);
                    Assert.True(y.split == split, $"{what}: split {y.split}");
                    Assert.True(y.dtype == (y.dtype.IsComplex ? ht.complex128 : ht.float64), $"{what}: dtype "
                        + $"{y.dtype}");
                    AssertMatches(c.GetProperty("y"), y, 1e-12, what);
                }
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void SinglePrecision_GivesComplex64AndFloat32(int ranks) =>
        World.Run(ranks, () =>
        {
            foreach (var c in TransformCases.Where(c => OptString(c, "norm") is null && OptLong(c,
                "n") is null && OptLongs(c, "s") is null))
            {
                var xDesc = c.GetProperty("x");
                int? split = ShapeOf(xDesc).Length - 1;
                using var x = Input(xDesc, split, single: true);
                using var y = Call(c, x);
                string what = Describe(c, split, x);
                Assert.True(y.dtype == (y.dtype.IsComplex ? ht.complex64 : ht.float32), $"{what}: dtype {y.dtype}");
                AssertMatches(c.GetProperty("y"), y, 2e-5, what);
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void FrequenciesAndShifts_MatchNumPy(int ranks) =>
        World.Run(ranks, () =>
        {
            foreach (var c in Fixtures.Value.Where(c => Frequencies.Contains(c.GetProperty("func").GetString())))
            {
                long n = OptLong(c, "n")!.Value;
                double d = c.GetProperty("d").GetDouble();
                bool real = c.GetProperty("func").GetString() == "rfftfreq";
                foreach (var split in new int?[] { null, 0 })
                {
                    using var f32 = real ? ht.fft.rfftfreq(n, d, split: split) : ht.fft.fftfreq(n, d, split: split);
                    Assert.Equal(ht.float32, f32.dtype);
                    Assert.Equal(split, f32.split);
                    AssertMatches(c.GetProperty("y"), f32, 1e-7, $"{c.GetProperty("func")}({n}, {d}) float32");
                    using var f64 = real ? ht.fft.rfftfreq(n, d, ht.float64, split) : ht.fft.fftfreq(n, d, ht.float64,
                        split);
                    Assert.Equal(ht.float64, f64.dtype);
                    AssertMatches(c.GetProperty("y"), f64, 1e-15, $"{c.GetProperty("func")}({n}, {d}) float64");
                }
            }
            foreach (var c in Fixtures.Value.Where(c => Shifts.Contains(c.GetProperty("func").GetString())))
            {
                var shape = ShapeOf(c.GetProperty("x"));
                foreach (var split in new int?[] { null }.Concat(Enumerable.Range(0,
                    shape.Length).Select(a => (int?)a)))
                {
                    using var x = ht.arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ht.float64).reshape(shape);
                    using var xs = ht.array(x, split: split);
                    using var y = Call(c, xs);
                    Assert.Equal(split, y.split);
                    AssertMatches(c.GetProperty("y"), y, 0, Describe(c, split, xs));
                }
            }
        });

    private static Complex[] Random(int n, int seed)
    {
        var rng = new System.Random(seed);
        return Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5,
            rng.NextDouble() - 0.5)).ToArray();
    }

    /// <summary>A 1-d complex128 array split along 0, balanced or deliberately unbalanced (empty chunks).</summary>
    private static DNDarray SplitVector(Complex[] data, bool unbalanced)
    {
        if (!unbalanced) return ht.array(data, [data.Length], split: 0);
        var comm = ht.get_comm();
        var counts = Reference.UnbalancedCounts(data.Length, comm.Size);
        long start = counts.Take(comm.Rank).Sum();
        return ht.array(data.Skip((int)start).Take((int)counts[comm.Rank]).ToArray(), [counts[comm.Rank]], is_split: 0);
    }

    public static TheoryData<int, int> RanksAndLengths
    {
        get
        {
            var data = new TheoryData<int, int>();
            foreach (var r in RankSample)
                foreach (var n in new[] { 1, 2, 3, 97, 202, 360, 1024 }) data.Add(r, n);
            return data;
        }
    }

    [Theory, MemberData(nameof(RanksAndLengths))]
    public void SplitVector_MatchesTheUndistributedTransform(int ranks, int length) =>
        World.Run(ranks, () =>
        {
            var values = Random(length, length);
            using var whole = ht.array(values, [length]);
            using var wholeReal = ht.real(whole);
            foreach (bool unbalanced in new[] { false, true })
            {
                using var x = SplitVector(values, unbalanced);
                using var xr = ht.real(x);
                foreach (long? n in new long?[] { null, length + 5, Math.Max(1, length - 1) })
                {
                    foreach (var (name, f, real) in new (string, Func<DNDarray, long?, DNDarray>, bool)[]
                    {
                        ("fft", (a, m) => ht.fft.fft(a, m), false), ("ifft", (a, m) => ht.fft.ifft(a, m,
                            norm: "ortho"), false),
                        ("rfft", (a, m) => ht.fft.rfft(a, m), true), ("ihfft", (a, m) => ht.fft.ihfft(a, m), true),
                        ("irfft", (a, m) => ht.fft.irfft(a, m ?? length), false), ("hfft", (a, m) => ht.fft.hfft(a,
                            m ?? length, norm: "forward"), false),
                    })
                    {
                        using var expected = f(real ? wholeReal : whole, n);
                        using var actual = f(real ? xr : x, n);
                        string what = $"{name} of {length} (n {n}, {(unbalanced ? "unbalanced" : "balanced")})";
                        Assert.True(actual.split == 0, $"{what}: split {actual.split}");
                        Assert.Equal(expected.shape, actual.shape);
                        Assert.Equal(expected.dtype, actual.dtype);
                        Assert.True(actual.is_balanced(force_check: true), $"{what}: not balanced");
                        AssertClose(expected.ToArray<Complex>(), actual.ToArray<Complex>(), 1e-12 * Math.Max(1,
                            Math.Log2(length)), what);
                    }
                }
            }
        });

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void UnbalancedArrays_MatchTheUndistributedTransform(int ranks, int? split) =>
        World.Run(ranks, () =>
        {
            var values = Random(7 * 6, 11);
            using var whole = ht.array(values, [7, 6]);
            using var x = ht.array(values, [7, 6], split: split);
            if (split is int s)
            {
                var map = x.lshape_map;
                var counts = Reference.UnbalancedCounts(x.shape[s], x.comm.Size);
                for (int r = 0; r < counts.Length; r++) map[r, s] = counts[r];
                x.redistribute_(target_map: map);
            }
            foreach (var (name, f) in new (string, Func<DNDarray, DNDarray>)[]
            {
                ("fft axis 0", a => ht.fft.fft(a, axis: 0)), ("ifft axis 1", a => ht.fft.ifft(a, n: 9, axis: 1)),
                ("fft2", a => ht.fft.fft2(a, s: [5, 8])), ("irfftn", a => ht.fft.irfftn(a, axes: [1, 0])),
                ("fftshift", a => ht.fft.fftshift(a)),
            })
            {
                using var expected = f(whole);
                using var actual = f(x);
                Assert.Equal(split, actual.split);
                Assert.Equal(expected.shape, actual.shape);
                AssertClose(expected.ToArray<Complex>(), actual.ToArray<Complex>(), 1e-13, $"{name}, unbalanced "
                    + $"split {split}");
            }
        });

    [Theory, MemberData(nameof(Ranks))]
    public void RoundTrips_StayWithinTenEpsilonLogN(int ranks) =>
        World.Run(ranks, () =>
        {
            foreach (int n in new[] { 1, 16, 97, 1000, 4096 })
            {
                var values = Random(n, n + 1);
                double bound = 10 * Math.Pow(2, -52) * Math.Max(1, Math.Log2(n)) * values.Max(Complex.Abs);
                foreach (var split in new int?[] { null, 0 })
                {
                    using var x = ht.array(values, [n], split: split);
                    using var spectrum = ht.fft.fft(x);
                    using var back = ht.fft.ifft(spectrum);
                    AssertWithin(values, back.ToArray<Complex>(), bound, $"ifft(fft(x)) of {n}, split {split}");
                    using var xr = ht.real(x);
                    using var half = ht.fft.rfft(xr);
                    using var backReal = ht.fft.irfft(half, n);
                    AssertWithin(values.Select(v => new Complex(v.Real, 0)).ToArray(), backReal.ToArray<Complex>(),
                        bound, $"irfft(rfft(x)) of {n}, split {split}");
                }
            }
            var cube = Random(4 * 5 * 6, 7);
            double cubeBound = 10 * Math.Pow(2, -52) * Math.Log2(120) * cube.Max(Complex.Abs);
            foreach (var split in new int?[] { null, 0, 1, 2 })
            {
                using var x = ht.array(cube, [4, 5, 6], split: split);
                using var spectrum = ht.fft.fftn(x, norm: "ortho");
                using var back = ht.fft.ifftn(spectrum, norm: "ortho");
                Assert.Equal(split, back.split);
                AssertWithin(cube, back.ToArray<Complex>(), cubeBound, $"ifftn(fftn(x)), split {split}");
            }
        });

    private static void AssertWithin(Complex[] want, Complex[] got, double bound, string what)
    {
        Assert.Equal(want.Length, got.Length);
        double worst = want.Zip(got, (a, b) => Complex.Abs(a - b)).Max();
        Assert.True(worst <= bound, $"{what}: max error {worst:E3} above {bound:E3}");
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Dtypes_PromoteAsHeAT(int ranks) =>
        World.Run(ranks, () =>
        {
            using var ints = ht.arange(6, dtype: ht.int32, split: 0);
            using var f = ht.fft.fft(ints);
            Assert.Equal(ht.complex64, f.dtype);
            using var r = ht.fft.rfft(ints);
            Assert.Equal(ht.complex64, r.dtype);
            using var d = ht.arange(6, dtype: ht.float64, split: 0);
            using var rd = ht.fft.rfft(d);
            Assert.Equal(ht.complex128, rd.dtype);
            using var back = ht.fft.irfft(rd, 6);
            Assert.Equal(ht.float64, back.dtype);
            Reference.AssertClose([0, 1, 2, 3, 4, 5], back.ToArray<double>(), 1e-14);
            using var h = ht.fft.hfft(f.astype(ht.complex64));
            Assert.Equal(ht.float32, h.dtype);
        });

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        DNDarray Vector() => ht.arange(5, dtype: ht.float64, split: 0);
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = Vector(); ht.fft.fft(x,
            axis: 1); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = Vector(); ht.fft.fft(x,
            n: 0); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = Vector(); ht.fft.irfft(x,
            n: -2); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = Vector(); ht.fft.fft(x,
            norm: "sideways"); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks,
            () => { using var x = Vector(); using var c = ht.fft.fft(x); ht.fft.rfft(c); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = ht.arange(1, dtype: ht.float64,
            split: 0); ht.fft.irfft(x); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 0); ht.fft.fftn(x, s: [3, 4], axes: [0]); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 0); ht.fft.fftn(x, axes: [1, -1]); });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 0); ht.fft.fftn(x, s: [2, 3, 4]); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 1); ht.fft.fft2(x, axes: [0, 2]); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 1); ht.fft.fftn(x, s: [0, 4]); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => { using var x = ht.zeros([3, 4],
            split: 1); ht.fft.fftshift(x, 2); });
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => ht.fft.fftfreq(0));
        AssertThrowsOnEveryRank<ArgumentOutOfRangeException>(ranks, () => ht.fft.fftfreq(4, split: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.fft.rfftfreq(4, dtype: ht.int32));
    }
}
