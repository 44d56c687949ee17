// SPDX-License-Identifier: MIT
namespace Heat.Abstractions.Tests;

public class DTypePromotionTests
{
    public static TheoryData<string, string, string> HeatTable => new()
    {
        // HeAT (PyTorch) promotion, spot checks across every category boundary.
        { "bool", "bool", "bool" }, { "bool", "uint8", "uint8" }, { "bool", "float32", "float32" },
        { "uint8", "int8", "int16" }, { "uint8", "int16", "int16" }, { "uint8", "int32", "int32" }, { "int8", "int16",
            "int16" },
        { "int32", "int64", "int64" }, { "int64", "float32", "float64" }, { "int32", "float64", "float64" },
        { "float32", "float64", "float64" }, { "float32", "complex64", "complex64" }, { "float64", "complex64",
            "complex128" },
        { "int64", "complex64", "complex128" }, { "complex64", "complex128", "complex128" },
    };

    [Theory, MemberData(nameof(HeatTable))]
    public void Promote_FollowsHeatTable_AndIsSymmetric(string a, string b, string expected)
    {
        Assert.Same(DType.Parse(expected), DTypePromotion.Promote(DType.Parse(a), DType.Parse(b)));
        Assert.Same(DType.Parse(expected), DTypePromotion.Promote(DType.Parse(b), DType.Parse(a)));
    }

    // HeAT 1.4.2's ht.promote_types(row, column), printed by HeAT itself (issue #19), with the float16 row and column
    // of HeAT 1.8.0 added (computed by its promote_types over its types' cast lists: heat_promote_types.py here).
    private const string HeatPromoteTypes = """
        bool       bool       uint8      int8       int16      int32      int64
                   float16    float32    float64    complex64  complex128
        uint8      uint8      uint8      int16      int16      int32      int64
                   float16    float32    float64    complex64  complex128
        int8       int8       int16      int8       int16      int32      int64
                   float16    float32    float64    complex64  complex128
        int16      int16      int16      int16      int16      int32      int64
                   float16    float32    float64    complex64  complex128
        int32      int32      int32      int32      int32      int32      int64
                   float32    float32    float64    complex64  complex128
        int64      int64      int64      int64      int64      int64      int64
                   float64    float64    float64    complex128 complex128
        float16    float16    float16    float16    float16    float32    float64
                   float16    float32    float64    complex64  complex128
        float32    float32    float32    float32    float32    float32    float64
                   float32    float32    float64    complex64  complex128
        float64    float64    float64    float64    float64    float64    float64
                   float64    float64    float64    complex128 complex128
        complex64  complex64  complex64  complex64  complex64  complex64  complex128
                   complex64  complex64  complex128 complex64  complex128
        complex128 complex128 complex128 complex128 complex128 complex128 complex128
                   complex128 complex128 complex128 complex128 complex128
        """;

    [Fact]
    public void Promote_EqualsHeatsWholeTable()
    {
        string[] columns = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64",
            "complex64", "complex128"];
        // Each row (its dtype, then its 11 cells) may wrap over several lines of the table.
        var all = HeatPromoteTypes.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11 * 12, all.Length);
        int cells = 0;
        foreach (var words in all.Chunk(12))
        {
            Assert.Equal(12, words.Length);
            for (int c = 0; c < 11; c++, cells++)
                Assert.True(DTypePromotion.Promote(DType.Parse(words[0]),
                    DType.Parse(columns[c])) == DType.Parse(words[c + 1]),
                    $"promote_types({words[0]}, {columns[c]}) should be {words[c + 1]}");
        }
        Assert.Equal(121, cells);
    }

    [Theory]
    [InlineData("int8", "float16", "safe", true)]
    [InlineData("uint8", "float16", "safe", true)]
    [InlineData("int16", "float16", "safe", false)]
    [InlineData("int16", "float16", "intuitive", true)]
    [InlineData("float16", "float32", "safe", true)]
    [InlineData("float16", "complex64", "safe", true)]
    [InlineData("float32", "float16", "safe", false)]
    [InlineData("float32", "float16", "same_kind", true)]
    public void CanCast_Float16_FollowsHeatsLists(string from, string to, string casting, bool expected) =>
        Assert.Equal(expected, DTypePromotion.CanCast(DType.Parse(from), DType.Parse(to), casting));

    [Fact]
    public void Promote_IsIdempotentForEveryDType()
    {
        foreach (var d in DType.All) Assert.Same(d, DTypePromotion.Promote(d, d));
    }

    [Theory]
    [InlineData("int32", ScalarKind.Float, "float32")]   // int32_array * 2.5 -> float32
    [InlineData("float32", ScalarKind.Float, "float32")] // float32_array + 1.0 stays float32
    [InlineData("float64", ScalarKind.Int, "float64")]
    [InlineData("uint8", ScalarKind.Int, "uint8")]
    [InlineData("bool", ScalarKind.Int, "int64")]
    [InlineData("bool", ScalarKind.Bool, "bool")]
    [InlineData("float64", ScalarKind.Complex, "complex128")]
    [InlineData("int16", ScalarKind.Complex, "complex64")]
    public void PromoteWithScalar_TreatsScalarsAsWeak(string array, ScalarKind scalar, string expected) =>
        Assert.Same(DType.Parse(expected), DTypePromotion.PromoteWithScalar(DType.Parse(array), scalar));

    [Theory]
    [InlineData("int32", "float64", true)]
    [InlineData("int64", "float32", false)]
    [InlineData("int64", "float64", true)]
    [InlineData("int64", "complex128", true)]
    [InlineData("int32", "float32", false)]
    [InlineData("float64", "int32", false)]
    [InlineData("uint8", "int8", false)]
    [InlineData("uint8", "int16", true)]
    [InlineData("float32", "complex64", true)]
    [InlineData("float64", "complex64", false)]
    public void CanCastSafely_MatchesNumPySafeCasting(string from, string to, bool expected) =>
        Assert.Equal(expected, DTypePromotion.CanCastSafely(DType.Parse(from), DType.Parse(to)));
}
