// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>Empty, Fill, Arange, host copies and dtype casts on strided views.</summary>
public abstract class BackendCopySuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    /// <summary>Every pair of dtypes.</summary>
    public static TheoryData<string, string> CastPairs()
    {
        var d = new TheoryData<string, string>();
        foreach (var a in DType.All) foreach (var b in DType.All) d.Add(a.Name, b.Name);
        return d;
    }

    private static double CCast(DType to, double v) => to.Code switch
    {
        DTypeCode.Bool => v != 0 ? 1 : 0,
        DTypeCode.Float16 => (double)(Half)v,
        DTypeCode.Float32 or DTypeCode.Complex64 => (float)v,
        DTypeCode.Float64 or DTypeCode.Complex128 => v,
        _ => Wrap(to, Math.Truncate(v)),
    };

    [Theory, MemberData(nameof(CastPairs))]
    public void Copy_CastsBetweenAllDTypes_AsCCasts(string fromName, string toName)
    {
        var from = DType.Parse(fromName); var to = DType.Parse(toName);
        double[] values = from == DType.Bool ? [0, 1, 1, 0, 1, 0] : from == DType.UInt8 ? [0, 1, 7, 100, 200, 255]
            : from.IsInteger ? [0, 1, -1, 100, -100, 42] : [0, 1.75, -1.75, 100.5, -2.25, 0.5];
        using var src = Make(B, from, [2, 3], values);
        using var srcView = src.Permute([1, 0]); // strided source
        var logical = ViewValues(srcView, values.Select(v => Wrap(from, v)).ToArray());
        using var dst = B.Empty([3, 2], to);
        B.Copy(srcView, dst);
        var expected = logical.Select(v => CCast(to, v)).ToArray();
        var actual = Read(dst);
        // Out-of-range float -> integer conversions are implementation-defined in C (NumPy wraps, .NET saturates): not
        // compared.
        for (int i = 0; i < expected.Length; i++)
            if (from.IsInexact && to.IsInteger && Wrap(to, Math.Truncate(logical[i])) != Math.Truncate(logical[i])) expected[i] = actual[i];
        AssertClose(expected, actual, to, $"{from} -> {to}");
        if (from.IsComplex && !to.IsComplex)
        {
            // complex -> real keeps the real part.
            using var c = MakeComplex(B, from, [2], [new(2.5, 9), new(1, -3)]);
            using var r = B.Empty([2], to);
            B.Copy(c, r);
            AssertClose([CCast(to, 2.5), CCast(to, 1)], Read(r), to, $"{from} -> {to} real part");
        }
    }

    [Fact]
    public void Copy_FloatToInt_Truncates_AndEmptyOrZeroDWork()
    {
        using var x = Make(B, DType.Float64, [4], [2.9, -2.9, 0.1, -0.1]);
        using var y = B.Empty([4], DType.Int32);
        B.Copy(x, y);
        Assert.Equal(new double[] { 2, -2, 0, 0 }, Read(y));
        using var e = B.Empty([0, 3], DType.Float32);
        using var e2 = B.Empty([0, 3], DType.Int64);
        B.Copy(e, e2);
        Assert.Empty(Read(e2));
        using var s = Make(B, DType.Int16, [], [7]);
        using var s2 = B.Empty([], DType.Float64);
        B.Copy(s, s2);
        Assert.Equal(new double[] { 7 }, Read(s2));
    }

    [Theory]
    [InlineData("bool")]
    [InlineData("uint8")]
    [InlineData("int8")]
    [InlineData("int16")]
    [InlineData("int32")]
    [InlineData("int64")]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("complex64")]
    [InlineData("complex128")]
    public void Fill_WritesOnlyTheView(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        using var t = B.Empty([4, 6], dt);
        B.Fill(t, 0);
        using var v = t.Slice(1, 5, 3, -2); // columns 5, 3, 1
        B.Fill(v, 1);
        var got = Read(t);
        for (int i = 0; i < 24; i++) Assert.Equal(i % 6 % 2 == 1 ? 1.0 : 0.0, got[i]);
        using var z = B.Empty([], dt);
        B.Fill(z, 3);
        Assert.Equal(dt == DType.Bool ? 1.0 : 3.0, Read(z)[0]);
        using var e = B.Empty([0], dt);
        B.Fill(e, 1);
        using var bc = B.Empty([1], dt);
        using var bcv = bc.BroadcastTo([5]);
        B.Fill(bcv, 1);
        Assert.Equal(1.0, Read(bc)[0]);
    }

    [Theory]
    [InlineData("int64", 0, 1, 10)]
    [InlineData("int32", 5, -2, 7)]
    [InlineData("float32", 0.5, 0.25, 9)]
    [InlineData("float64", -1, 0.1, 11)]
    [InlineData("uint8", 250, 1, 10)]
    [InlineData("int64", 0, 1, 0)]
    public void Arange_ComputesStartPlusIStep(string dtypeName, double start, double step, int n)
    {
        var dt = DType.Parse(dtypeName);
        using var t = B.Empty([n], dt);
        Scalar s0 = dt.IsInteger ? Scalar.FromInt((long)start) : Scalar.FromDouble(start);
        Scalar ds = dt.IsInteger ? Scalar.FromInt((long)step) : Scalar.FromDouble(step);
        B.Arange(t, s0, ds);
        AssertClose(Enumerable.Range(0, n).Select(i => Wrap(dt, start + i * step)).ToArray(), Read(t), dt, "arange");
        // Exact for large int64 values.
        using var big = B.Empty([3], DType.Int64);
        B.Arange(big, Scalar.FromInt((1L << 60) + 1), Scalar.FromInt(1));
        var got = new long[3];
        unsafe { fixed (long* p = got) B.CopyToHost(big, p); }
        Assert.Equal(new[] { (1L << 60) + 1, (1L << 60) + 2, (1L << 60) + 3 }, got);
        // A strided destination.
        using var baseT = B.Empty([10], DType.Float64);
        using var rev = baseT.Slice(0, 9, 5, -2);
        B.Arange(rev, Scalar.FromInt(0), Scalar.FromInt(1));
        var r = Read(baseT);
        Assert.Equal(new double[] { 4, 3, 2, 1, 0 }, new[] { r[1], r[3], r[5], r[7], r[9] });
    }

    [Fact]
    public unsafe void HostCopies_HandleStridedTensors()
    {
        var values = Enumerable.Range(0, 24).Select(i => (double)i).ToArray();
        using var t = Make(B, DType.Float64, [4, 6], values);
        using var v = t.Slice(0, 3, 4, -1).Permute([1, 0]); // (6, 4), reversed rows, transposed
        var expected = ViewValues(v, values);
        Assert.Equal(expected, Read(v));
        var host = Enumerable.Range(100, 24).Select(i => (double)i).ToArray();
        fixed (double* p = host) B.CopyFromHost(p, v);
        Assert.Equal(host, Read(v));
        Assert.Equal(LocalTensorNumel(t), 24);
    }

    private static long LocalTensorNumel(LocalTensor t) => t.Numel;

    [Fact]
    public void Empty_HasContiguousLayout_OnTheDefaultDevice()
    {
        using var t = B.Empty([3, 0, 2], DType.Float32);
        Assert.Equal(0, t.Numel);
        using var u = B.Empty([5, 7], DType.Complex128);
        Assert.True(u.IsContiguous);
        Assert.Equal(B.DefaultDevice, u.Device);
        Assert.Contains(B.DefaultDevice, B.Devices);
    }
}
