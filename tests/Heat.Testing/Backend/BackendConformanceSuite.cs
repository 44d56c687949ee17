// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>
/// The general contract of <see cref="ITensorBackend"/>: identity, allocation, host round trips of every dtype, views
/// sharing storage, and clear <see cref="NotSupportedException"/>s. The op families have their own suites
/// (<see cref="BackendElementwiseSuite"/>, <see cref="BackendReductionSuite"/>, <see cref="BackendMatmulSuite"/>,
/// <see cref="BackendCopySuite"/>).
/// </summary>
public abstract class BackendConformanceSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    [Fact]
    public void Backend_DescribesItself()
    {
        Assert.False(string.IsNullOrWhiteSpace(B.Name));
        Assert.Contains(B.DefaultDevice, B.Devices);
        Assert.NotNull(B.NativeVersions);
        Assert.True(B.Threads >= 1);
        B.Synchronize();
    }

    /// <summary>All dtypes by name.</summary>
    public static TheoryData<string> AllDTypes()
    {
        var d = new TheoryData<string>();
        foreach (var t in DType.All) d.Add(t.Name);
        return d;
    }

    [Theory, MemberData(nameof(AllDTypes))]
    public void HostRoundTrip_PreservesBits(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        foreach (var shape in new long[][] { [], [0], [1], [5], [2, 3, 4], [3, 0, 2] })
        {
            long n = Shapes.Numel(shape);
            var bytes = new byte[n * dt.ItemSize];
            new Random(7).NextBytes(bytes);
            if (dt == DType.Bool) for (int i = 0; i < bytes.Length; i++) bytes[i] &= 1;
            using var t = B.Empty(shape, dt);
            Assert.Equal(shape, t.GetShape());
            Assert.Equal(dt, t.DType);
            Assert.True(t.IsContiguous);
            var back = new byte[bytes.Length];
            unsafe
            {
                fixed (byte* p = bytes) B.CopyFromHost(p, t);
                fixed (byte* p = back) B.CopyToHost(t, p);
            }
            Assert.Equal(bytes, back);
        }
    }

    [Fact]
    public void Views_ShareStorage_AndOutliveTheirBase()
    {
        var values = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var t = Make(B, DType.Float64, [4, 5], values);
        var v = t.Slice(1, 4, 3, -2); // columns 4, 2, 0
        t.Dispose();
        Assert.False(v.Storage.IsReleased);
        B.Fill(v, -1);
        using var all = v.View([4, 5], [5, 1], 0);
        var got = Read(all);
        for (int i = 0; i < 20; i++) Assert.Equal(i % 5 % 2 == 0 ? -1 : i, got[i]);
        v.Dispose();
        Assert.False(all.Storage.IsReleased);
    }

    [Fact]
    public void UnsupportedPairs_ThrowNotSupported_NamingOpAndDType()
    {
        using var f = Make(B, DType.Float32, [4], [1, 2, 3, 4]);
        using var r = B.Empty([4], DType.Float32);
        var e = Assert.Throws<NotSupportedException>(() => B.Binary(BinaryOp.BitwiseAnd, f, f, r));
        Assert.Contains("BitwiseAnd", e.Message);
        Assert.Contains("float32", e.Message);
        using var i = Make(B, DType.Int32, [4], [1, 2, 3, 4]);
        using var ri = B.Empty([4], DType.Int32);
        e = Assert.Throws<NotSupportedException>(() => B.Unary(UnaryOp.Sqrt, i, ri));
        Assert.Contains("Sqrt", e.Message);
        Assert.Contains("int32", e.Message);
        using var c = MakeComplex(B, DType.Complex128, [4], [Complex.One, Complex.One, Complex.One, Complex.One]);
        using var rc = B.Empty([1], DType.Complex128);
        e = Assert.Throws<NotSupportedException>(() => B.Reduce(ReduceOp.Max, c, [0], rc));
        Assert.Contains("max", e.Message);
        Assert.Contains("complex128", e.Message);
    }

    [Fact]
    public void ZeroDimensionalTensors_WorkEverywhere()
    {
        using var x = Make(B, DType.Float64, [], [2.5]);
        using var y = B.Empty([], DType.Float64);
        B.Unary(UnaryOp.Negative, x, y);
        Assert.Equal(-2.5, Read(y)[0]);
        B.Binary(BinaryOp.Multiply, x, x, y);
        Assert.Equal(6.25, Read(y)[0]);
        B.Reduce(ReduceOp.Sum, x, [], y);
        Assert.Equal(2.5, Read(y)[0]);
        using var m = B.Empty([], DType.Float64);
        using var q = B.Empty([], DType.Float64);
        B.Moments(x, [], m, q);
        Assert.Equal(2.5, Read(m)[0]);
        Assert.Equal(0, Read(q)[0]);
    }
}
