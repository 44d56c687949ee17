// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Testing.Core;

/// <summary>The element-wise extras of issue #19 (divmod, gcd, lcm, nan_to_num, logaddexp, angle conversions, the short
/// trigonometric names, sgn, abs/round with dtype, angle in degrees, clip with array bounds, constants) against NumPy's
/// values, on every split.</summary>
public abstract class ElementwiseMoreSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    // NumPy 1.24: np.logaddexp(A, B), np.logaddexp2(A, B).
    private static readonly double[] A =
        [0.0, 1, -2, 1000, -1000, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NaN,
         3.5, -0.5, 700, 2, 1e-10, -50];
    private static readonly double[] B =
        [0.0, 2, -3, 999, -1001, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity, 1.0, 3.5,
            20,
         -700, -2, 0, -50];
    private static readonly double[] LogAddExp =
        [0.6931471805599453, 2.313261687518223, -1.6867383124817772, 1000.3132616875182, -999.6867383124818,
         double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 4.193147180559945,
         20.000000001250154, 700.0, 2.01814992791781, 0.6931471806099453, -49.30685281944005];
    private static readonly double[] LogAddExp2 =
        [1.0, 2.584962500721156, -1.415037499278844, 1000.5849625007212, -999.4150374992788, double.PositiveInfinity,
         double.NegativeInfinity, double.PositiveInfinity, double.NaN, 4.5, 20.00000097288046, 700.0,
             2.0874628412503395,
         1.00000000005, -49.0];

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void LogAddExp_MatchesNumPy(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var a = ht.array(A, [5, 3], split: split);
            using var b = ht.array(B, [5, 3], split: split is null ? 0 : null);
            using var e = ht.logaddexp(a, b);
            Assert.Equal(ht.float64, e.dtype);
            Assert.Equal(split ?? 0, e.split);
            Reference.AssertClose(LogAddExp, e.ToArray<double>(), 1e-15);
            using var e2 = ht.logaddexp2(a, b);
            Reference.AssertClose(LogAddExp2, e2.ToArray<double>(), 1e-15);
            using var ints = ht.array(new[] { 1, 2, 3 }, [3], split: split is null ? null : 0);
            using var fromInts = ht.logaddexp(ints, ints);
            Assert.Equal(ht.float32, fromInts.dtype);
            Reference.AssertClose(new[] { 1 + Math.Log(2), 2 + Math.Log(2), 3 + Math.Log(2) },
                fromInts.ToArray<double>(), 1e-6);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void DivmodGcdLcm_MatchNumPy(int ranks, int? split)
    {
        long[] x = [12, -18, 0, 0, 7, -2, 48, 17, -17, 100, 9, -9, 5, 1, 64];
        long[] y = [18, 12, 0, -5, 13, 6, -180, 5, 5, -7, -4, -4, 3, -1, 96];
        World.Run(ranks, () =>
        {
            using var a = ht.array(x, [5, 3], split: split);
            using var b = ht.array(y, [5, 3], split: split);
            using var g = ht.gcd(a, b);
            Assert.Equal(ht.int64, g.dtype);
            Assert.Equal(new long[] { 6, 6, 0, 5, 1, 2, 12, 1, 1, 1, 1, 1, 1, 1, 32 }, g.ToArray<long>());
            using var l = ht.lcm(a, b);
            Assert.Equal(new long[] { 36, 36, 0, 0, 91, 6, 720, 85, 85, 700, 36, 36, 15, 1, 192 }, l.ToArray<long>());
            using var a32 = a.astype(ht.int32);
            using var g32 = ht.gcd(a32, 4);
            Assert.Equal(ht.int32, g32.dtype);
            Assert.Equal(x.Select(v => (int)BigInteger.GreatestCommonDivisor(v, 4)).ToArray(), g32.ToArray<int>());
            using var l8 = ht.lcm(6, a.astype(ht.int16));
            Assert.Equal(ht.int16, l8.dtype);

            var (q, r) = ht.divmod(a, b);
            using (q) using (r)
            {
                var qs = q.ToArray<long>();
                var rs = r.ToArray<long>();
                for (int i = 0; i < x.Length; i++)
                {
                    if (y[i] == 0) { Assert.Equal(0, qs[i]); Assert.Equal(0, rs[i]); continue; }
                    long fq = (long)Math.Floor((double)x[i] / y[i]);
                    Assert.Equal(fq, qs[i]);
                    Assert.Equal(x[i] - fq * y[i], rs[i]);
                }
            }
            using var af = a.astype(ht.float64);
            var (qf, rf) = ht.divmod(af, 2.5);
            using (qf) using (rf)
            {
                Assert.Equal(x.Select(v => Math.Floor(v / 2.5)).ToArray(), qf.ToArray<double>());
                Assert.Equal(x.Select(v => v - Math.Floor(v / 2.5) * 2.5).ToArray(), rf.ToArray<double>());
            }
            var (qs2, rs2) = ht.divmod(7, b);
            using (qs2) using (rs2) Assert.Equal(y.Select(v => v == 0 ? 0 : (long)Math.Floor(7.0 / v)).ToArray(),
                qs2.ToArray<long>());
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var f = ht.array(x.Select(v => (double)v).ToArray(), [5, 3], split: split);
            ht.gcd(f, f).Dispose();
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var i = ht.array(x, [5, 3], split: split);
            ht.lcm(i, 2.5).Dispose();
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void NanToNum_ReplacesNaNAndInfinities(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var a = ht.array(A, [5, 3], split: split);
            using var d = ht.nan_to_num(a);
            Assert.Equal(A.Select(v => double.IsNaN(v) ? 0 : v == double.PositiveInfinity ? double.MaxValue
                : v == double.NegativeInfinity ? double.MinValue : v).ToArray(), d.ToArray<double>());
            using var c = ht.nan_to_num(a, nan: -1, posinf: 9, neginf: -9);
            Assert.Equal(A.Select(v => double.IsNaN(v) ? -1 : v == double.PositiveInfinity ? 9
                : v == double.NegativeInfinity ? -9 : v).ToArray(), c.ToArray<double>());
            using var f = a.astype(ht.float32);
            using var df = ht.nan_to_num(f);
            Assert.Equal(ht.float32, df.dtype);
            Assert.Equal(float.MaxValue, df.ToArray<float>()[5]);
            Assert.Equal(float.MinValue, df.ToArray<float>()[6]);
            using var z = ht.array(A.Select((v, i) => new Complex(v, B[i])).ToArray(), [5, 3], split: split);
            using var dz = ht.nan_to_num(z, nan: 2);
            Assert.Equal(ht.complex128, dz.dtype);
            var got = dz.ToArray<Complex>();
            Assert.Equal(new Complex(2, 1), got[8]);
            Assert.Equal(new Complex(double.MaxValue, double.MinValue), got[7]);
            Assert.Equal(new Complex(3.5, 3.5), got[9]);
            using var ints = ht.array(new[] { 1, 2, 3 }, [3], split: split is null ? null : 0);
            using var same = ht.nan_to_num(ints);
            Assert.Equal(new[] { 1, 2, 3 }, same.ToArray<int>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void AnglesSignsAndAliases_MatchNumPy(int ranks, int? split)
    {
        var v = new[] { -0.9, -0.5, 0, 0.25, 0.5, 0.75, 0.9, 0.1, -0.1, 0.3, 0.6, -0.6, 0.99, -0.99, 0.45 };
        World.Run(ranks, () =>
        {
            using var x = ht.array(v, [5, 3], split: split);
            using var radians = ht.deg2rad(x);
            Assert.Equal(v.Select(d => d * (Math.PI / 180)).ToArray(), radians.ToArray<double>());
            using var radians2 = ht.radians(x);
            Assert.True(ht.equal(radians, radians2));
            using var degrees = ht.rad2deg(x);
            Assert.Equal(v.Select(d => d * (180 / Math.PI)).ToArray(), degrees.ToArray<double>());
            using var degrees2 = ht.degrees(x);
            Assert.True(ht.equal(degrees, degrees2));
            using var ints = ht.array(new[] { 0, 90, 180 }, [3], split: split is null ? null : 0);
            using var intRadians = ht.deg2rad(ints);
            Assert.Equal(ht.float32, intRadians.dtype);

            foreach (var (shortName, longName) in new (Func<DNDarray, DNDarray>, Func<DNDarray, DNDarray>)[]
            {
                (ht.acos, ht.arccos), (ht.asin, ht.arcsin), (ht.atan, ht.arctan), (ht.asinh, ht.arcsinh),
                (ht.atanh, ht.arctanh), (ht.conjugate, ht.conj), (ht.positive, ht.pos),
            })
            {
                using var s = shortName(x);
                using var l = longName(x);
                Assert.Equal(l.ToArray<double>(), s.ToArray<double>());
            }
            using var big = x + 2.0;
            using var acosh = ht.acosh(big);
            Reference.AssertClose(v.Select(d => Math.Acosh(d + 2)).ToArray(), acosh.ToArray<double>(), 1e-15);
            using var at2 = ht.atan2(x, big);
            Reference.AssertClose(v.Select(d => Math.Atan2(d, d + 2)).ToArray(), at2.ToArray<double>(), 1e-15);
            using var at2s = ht.atan2(x, 0.5);
            Reference.AssertClose(v.Select(d => Math.Atan2(d, 0.5)).ToArray(), at2s.ToArray<double>(), 1e-15);

            using var s1 = ht.sgn(x);
            Assert.Equal(v.Select(d => (double)Math.Sign(d)).ToArray(), s1.ToArray<double>());
            var zs = v.Select((d, i) => new Complex(d, i % 3 == 0 ? 0 : 0.5 * i - 3)).ToArray();
            zs[2] = Complex.Zero;
            using var z = ht.array(zs, [5, 3], split: split);
            using var sz = ht.sgn(z);
            Reference.AssertClose(zs.Select(c => c == Complex.Zero ? 0 : c.Real / c.Magnitude).ToArray(),
                ht.real(sz).ToArray<double>(), 1e-15);
            Reference.AssertClose(zs.Select(c => c == Complex.Zero ? 0 : c.Imaginary / c.Magnitude).ToArray(),
                ht.imag(sz).ToArray<double>(), 1e-15);
            using var deg = ht.angle(z, deg: true);
            Reference.AssertClose(zs.Select(c => c.Phase * (180 / Math.PI)).ToArray(), deg.ToArray<double>(), 1e-14);
            using var rad = ht.angle(z);
            Reference.AssertClose(zs.Select(c => c.Phase).ToArray(), rad.ToArray<double>(), 1e-15);

            using var absInt = ht.abs(x, dtype: ht.int32);
            Assert.Equal(ht.int32, absInt.dtype);
            Assert.Equal(v.Select(d => (int)Math.Abs(d)).ToArray(), absInt.ToArray<int>());
            using var scaled = x * 10.0;
            using var rounded = ht.round(scaled, 0, ht.int64);
            Assert.Equal(ht.int64, rounded.dtype);
            Assert.Equal(v.Select(d => (long)Math.Round(d * 10, MidpointRounding.ToEven)).ToArray(),
                rounded.ToArray<long>());
            using var r1 = ht.round(x, 1, ht.float32);
            Assert.Equal(ht.float32, r1.dtype);

            using var lo = ht.array(Enumerable.Repeat(-0.5, 3).ToArray(), [3]);
            using var hi = ht.array(v.Select(d => d + 0.1).ToArray(), [5, 3], split: split);
            using var clipped = ht.clip(x, lo, hi);
            Assert.Equal(v.Select(d => Math.Min(Math.Max(d, -0.5), d + 0.1)).ToArray(), clipped.ToArray<double>());
            using var clippedScalar = ht.clip(x, lo, 0.5);
            Assert.Equal(v.Select(d => Math.Min(Math.Max(d, -0.5), 0.5)).ToArray(), clippedScalar.ToArray<double>());

            using var cp = ht.cumproduct(x, split ?? 0);
            using var cp2 = ht.cumprod(x, split ?? 0);
            Assert.Equal(cp2.ToArray<double>(), cp.ToArray<double>());
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var flags = ht.ones([3], ht.@bool, split: 0);
            ht.pos(flags).Dispose();
        });
    }

    [Fact]
    public void Constants_AreHeatsDoubles()
    {
        Assert.Equal(Math.PI, ht.pi);
        Assert.Equal(Math.E, ht.e);
        Assert.Equal(Math.E, ht.Euler);
        foreach (var infinity in new[] { ht.inf, ht.Inf, ht.Infty, ht.Infinity })
            Assert.Equal(double.PositiveInfinity, infinity);
        Assert.True(double.IsNaN(ht.nan) && double.IsNaN(ht.NaN));
    }
}
