// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Abstractions.Tests;

public class ScalarAndDeviceTests
{
    [Fact]
    public void Scalar_ConvertsLikeCCasts()
    {
        Scalar s = 2.75;
        Assert.Equal(2, s.To<int>());
        Assert.Equal(2.75f, s.To<float>());
        Assert.True(s.To<bool>());
        Assert.Equal((byte)255, Scalar.FromInt(-1).To<byte>());
        Assert.Equal(new Complex64(2.75f, 0), s.To<Complex64>());
        Assert.Equal(ScalarKind.Complex, ((Scalar)new Complex(1, 2)).Kind);
        Assert.Equal(-3, Scalar.From(-3.9f).AsLong());
    }

    [Fact]
    public void Scalar_From_RoundTripsEveryElementType()
    {
        Assert.Equal(7L, Scalar.From((sbyte)7).AsLong());
        Assert.Equal(ScalarKind.Bool, Scalar.From(true).Kind);
        Assert.Equal(new Complex(1, -1), Scalar.From(new Complex64(1, -1)).AsComplex());
    }

    [Theory]
    [InlineData("cpu", DeviceKind.Cpu, 0)]
    [InlineData("gpu", DeviceKind.Gpu, 0)]
    [InlineData("gpu:3", DeviceKind.Gpu, 3)]
    [InlineData("cuda:1", DeviceKind.Gpu, 1)]
    public void Device_Parses(string text, DeviceKind kind, int index)
    {
        var d = Device.Parse(text);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(index, d.Index);
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("gpu:x")]
    [InlineData("gpu:-1")]
    public void Device_RejectsBadText(string text) => Assert.Throws<ArgumentException>(() => Device.Parse(text));

    [Fact]
    public void CpuBudget_ThreadsPerRank_IsAtLeastOne()
    {
        Assert.True(CpuBudget.Cores >= 1);
        Assert.Equal(1, CpuBudget.ThreadsPerRank(CpuBudget.Cores * 4));
        Assert.Equal(CpuBudget.Cores, CpuBudget.ThreadsPerRank(1));
    }
}
