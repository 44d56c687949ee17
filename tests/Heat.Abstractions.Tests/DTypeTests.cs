// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Abstractions.Tests;

public class DTypeTests
{
    [Fact]
    public void Of_MapsClrTypes()
    {
        Assert.Same(DType.Float32, DType.Of<float>());
        Assert.Same(DType.Complex128, DType.Of<Complex>());
        Assert.Same(DType.Complex64, DType.Of<Complex64>());
        Assert.Same(DType.Bool, DType.Of<bool>());
        Assert.Throws<NotSupportedException>(() => DType.Of<decimal>());
    }

    [Fact]
    public void ItemSizes_MatchClrSizes()
    {
        foreach (var d in DType.All)
            Assert.Equal(System.Runtime.InteropServices.Marshal.SizeOf(d.ClrType == typeof(bool) ? typeof(byte) : d.ClrType), d.ItemSize);
    }

    [Fact]
    public void Parse_RejectsUnknownNames_NamingTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => DType.Parse("float128"));
        Assert.Contains("float32", e.Message);
        Assert.Same(DType.Float64, DType.Parse("float"));
    }

    [Fact]
    public void RealType_OfComplex_IsMatchingFloat()
    {
        Assert.Same(DType.Float32, DType.Complex64.RealType);
        Assert.Same(DType.Float64, DType.Complex128.RealType);
        Assert.Same(DType.Int32, DType.Int32.RealType);
    }
}
