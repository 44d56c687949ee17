// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>Element-wise ops (binary, scalar, unary, where) against double references, on every real dtype and
/// layout.</summary>
public abstract class BackendElementwiseSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    /// <summary>Every binary op of the registry with every real dtype.</summary>
    public static TheoryData<BinaryOp, string> BinaryCases()
    {
        var d = new TheoryData<BinaryOp, string>();
        foreach (var op in OpRegistry.BinaryTable.Select(e => e.Key))
            foreach (var t in RealDTypes) d.Add(op, t);
        return d;
    }

    /// <summary>Every unary op of the registry with every real dtype.</summary>
    public static TheoryData<UnaryOp, string> UnaryCases()
    {
        var d = new TheoryData<UnaryOp, string>();
        foreach (var op in OpRegistry.UnaryTable.Select(e => e.Key))
            foreach (var t in RealDTypes) d.Add(op, t);
        return d;
    }

    /// <summary>Every binary op of the registry with both complex dtypes.</summary>
    public static TheoryData<BinaryOp, string> ComplexBinaryCases()
    {
        var d = new TheoryData<BinaryOp, string>();
        foreach (var op in OpRegistry.BinaryTable.Select(e => e.Key))
            foreach (var t in new[] { "complex64", "complex128" }) d.Add(op, t);
        return d;
    }

    /// <summary>Every unary op of the registry with both complex dtypes.</summary>
    public static TheoryData<UnaryOp, string> ComplexUnaryCases()
    {
        var d = new TheoryData<UnaryOp, string>();
        foreach (var op in OpRegistry.UnaryTable.Select(e => e.Key))
            foreach (var t in new[] { "complex64", "complex128" }) d.Add(op, t);
        return d;
    }

    /// <summary>Operand values suited to the op (shift counts and exponents small and non-negative; divisors may be
    /// 0).</summary>
    private static (double[] a, double[] b) OperandValues(BinaryOp op, DType dt, long n, int seed)
    {
        var a = Values(dt, n, seed, op == BinaryOp.Power ? -4 : -9, op == BinaryOp.Power ? 4 : 9);
        var b = op is BinaryOp.LeftShift or BinaryOp.RightShift ? Values(dt, n, seed + 1, 0, dt.ItemSize * 8 + 2)
            : op == BinaryOp.Power ? Values(dt, n, seed + 1, 0, 4)
            : Values(dt, n, seed + 1);
        if (dt.IsInteger && (op is BinaryOp.LeftShift or BinaryOp.RightShift) && dt.ItemSize * 8 + 2 > 127)
            b = b.Select(v => Math.Min(v, 70)).ToArray();
        return (a, b);
    }

    /// <summary>Views of shape (3, 4) over the same logical data: contiguous, stepped and reversed, permuted,
    /// broadcast.</summary>
    protected (LocalTensor view, double[] values) MakeView(string kind, DType dt, double[] data12)
    {
        switch (kind)
        {
            case "contiguous":
                return (Make(B, dt, [3, 4], data12), data12);
            case "stepped-reversed":
                {
                    // base (6, 8); rows 0, 2, 4 and columns 7, 5, 3, 1.
                    var baseValues = new double[48];
                    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) baseValues[(2 * i) * 8 + (7 - 2 * j)] = data12[i * 4 + j];
                    using var t = Make(B, dt, [6, 8], baseValues);
                    using var rows = t.Slice(0, 0, 3, 2);
                    var v = rows.Slice(1, 7, 4, -2);
                    Assert.Equal(data12, ViewValues(v, baseValues));
                    return (v, data12);
                }
            case "permuted":
                {
                    var baseValues = new double[12];
                    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) baseValues[j * 3 + i] = data12[i * 4 + j];
                    using var t = Make(B, dt, [4, 3], baseValues);
                    return (t.Permute([1, 0]), data12);
                }
            default: // broadcast of the first row
                {
                    var row = data12[..4];
                    using var t = Make(B, dt, [1, 4], row);
                    var values = new double[12];
                    for (int i = 0; i < 3; i++) row.CopyTo(values, i * 4);
                    return (t.BroadcastTo([3, 4]), values);
                }
        }
    }

    private static readonly string[] ViewKinds = ["contiguous", "stepped-reversed", "permuted", "broadcast"];

    [Theory, MemberData(nameof(BinaryCases))]
    public void Binary_MatchesReference_OnAllShapesAndLayouts(BinaryOp op, string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var resultType = OpRegistry.Of(op).ResultType(dt);
        if (!OpRegistry.Defined(op, dt))
        {
            using var x = Make(B, dt, [3], Values(dt, 3, 1));
            using var r = B.Empty([3], resultType);
            var e = Assert.Throws<NotSupportedException>(() => B.Binary(op, x, x, r));
            Assert.Contains(op.ToString(), e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }
        int seed = (int)op * 31 + dtypeName.Length;
        foreach (var shape in Shapes_)
        {
            long n = Shapes.Numel(shape);
            var (av, bv) = OperandValues(op, dt, n, seed);
            using var a = Make(B, dt, shape, av);
            using var b = Make(B, dt, shape, bv);
            using var d = B.Empty(shape, resultType);
            B.Binary(op, a, b, d);
            var expected = av.Zip(bv, (x, y) => BackendReference.Binary(op, dt, x, y)).ToArray();
            AssertClose(expected, Read(d), resultType, $"{op} {dt} shape {Shapes.Format(shape)}");
        }
        foreach (var ka in ViewKinds)
            foreach (var kb in ViewKinds)
            {
                var (av, bv) = OperandValues(op, dt, 12, seed + 7);
                var (a, ea) = MakeView(ka, dt, av);
                var (b, eb) = MakeView(kb, dt, bv);
                using (a) using (b)
                {
                    // A strided destination: every other column of a (3, 8) tensor, reversed.
                    using var dBase = B.Empty([3, 8], resultType);
                    using var d = dBase.Slice(1, 7, 4, -2);
                    B.Binary(op, a, b, d);
                    var expected = ea.Zip(eb, (x, y) => BackendReference.Binary(op, dt, x, y)).ToArray();
                    AssertClose(expected, Read(d), resultType, $"{op} {dt} {ka} x {kb}");
                }
            }
    }

    [Theory, MemberData(nameof(BinaryCases))]
    public void BinaryScalar_MatchesReference_BothOrders(BinaryOp op, string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        if (!OpRegistry.Defined(op, dt)) return;
        var resultType = OpRegistry.Of(op).ResultType(dt);
        var (av, bv) = OperandValues(op, dt, 12, (int)op + 100);
        double s = op is BinaryOp.LeftShift or BinaryOp.RightShift or BinaryOp.Power ? 3 : dt == DType.Bool ? 1 : dt == DType.UInt8 ? 7 : -3;
        foreach (var kind in ViewKinds)
            foreach (bool first in new[] { false, true })
            {
                var (a, ea) = MakeView(kind, dt, first && op is BinaryOp.LeftShift or BinaryOp.RightShift or BinaryOp.Power ? bv : av);
                using (a)
                {
                    using var d = B.Empty([3, 4], resultType);
                    Scalar scalar = dt.IsFloat ? Scalar.FromDouble(s) : dt == DType.Bool ? Scalar.FromBool(s != 0) : Scalar.FromInt((long)s);
                    B.BinaryScalar(op, a, scalar, first, d);
                    var expected = ea.Select(x => first ? BackendReference.Binary(op, dt, s, x) : BackendReference.Binary(op, dt, x, s)).ToArray();
                    AssertClose(expected, Read(d), resultType, $"{op} {dt} {kind} scalarFirst={first}");
                }
            }
        // 0-d and empty operands.
        foreach (var shape in new long[][] { [], [0], [2, 0] })
        {
            using var a = Make(B, dt, shape, av[..(int)Shapes.Numel(shape)]);
            using var d = B.Empty(shape, resultType);
            B.BinaryScalar(op, a, dt == DType.Bool ? Scalar.FromBool(true) : Scalar.FromInt(2), false, d);
            var expected = av[..(int)Shapes.Numel(shape)].Select(x => BackendReference.Binary(op, dt, x, dt == DType.Bool ? 1 : 2)).ToArray();
            AssertClose(expected, Read(d), resultType, $"{op} {dt} shape {Shapes.Format(shape)}");
        }
    }

    [Theory, MemberData(nameof(UnaryCases))]
    public void Unary_MatchesReference(UnaryOp op, string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var resultType = op.ResultType(dt);
        var values = Values(dt, 12, (int)op + 5, -3, 3);
        if (dt.IsFloat)
        {
            values[0] = double.NaN; values[1] = double.PositiveInfinity; values[2] = double.NegativeInfinity;
            values[3] = 2.5; values[4] = -0.5; values[5] = 0; values[6] = 0.5; values[7] = 1.5;
            if (op is UnaryOp.Acosh) for (int i = 3; i < 12; i++) values[i] = 1 + Math.Abs(values[i]);
            if (op is UnaryOp.Asin or UnaryOp.Acos or UnaryOp.Atanh) for (int i = 3; i < 12; i++) values[i] = values[i] / 4;
        }
        if (BackendReference.Unary(op, dt, values[0]) is null)
        {
            using var x = Make(B, dt, [12], values);
            using var r = B.Empty([12], resultType);
            var e = Assert.Throws<NotSupportedException>(() => B.Unary(op, x, r));
            Assert.Contains(op.ToString(), e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }
        foreach (var kind in ViewKinds)
        {
            var (x, ex) = MakeView(kind, dt, values);
            using (x)
            {
                using var dBase = B.Empty([3, 8], resultType);
                using var d = dBase.Slice(1, 0, 4, 2);
                B.Unary(op, x, d);
                var expected = ex.Select(v => BackendReference.Unary(op, dt, v)!.Value).ToArray();
                // float32 transcendental results: compare with the reference evaluated on the float32 input.
                AssertClose(expected, Read(d), resultType, $"{op} {dt} {kind}", dt == DType.Float32 ? 1e-5 : null);
            }
        }
        foreach (var shape in new long[][] { [], [0], [5, 0] })
        {
            using var x = Make(B, dt, shape, values[..(int)Shapes.Numel(shape)]);
            using var d = B.Empty(shape, resultType);
            B.Unary(op, x, d);
            var expected = values[..(int)Shapes.Numel(shape)].Select(v => BackendReference.Unary(op, dt, v)!.Value).ToArray();
            AssertClose(expected, Read(d), resultType, $"{op} {dt} shape {Shapes.Format(shape)}", dt == DType.Float32 ? 1e-5 : null);
        }
    }

    [Theory]
    [InlineData("int8")]
    [InlineData("int16")]
    [InlineData("int32")]
    [InlineData("int64")]
    [InlineData("float32")]
    [InlineData("float64")]
    public void FloorDivideAndRemainder_FollowTheDivisorsSign(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        double[] a = [7, -7, 7, -7, 0, 5];
        double[] b = [2, 2, -2, -2, 3, 0];
        using var ta = Make(B, dt, [6], a);
        using var tb = Make(B, dt, [6], b);
        using var q = B.Empty([6], dt);
        using var r = B.Empty([6], dt);
        B.Binary(BinaryOp.FloorDivide, ta, tb, q);
        B.Binary(BinaryOp.Remainder, ta, tb, r);
        var qv = Read(q); var rv = Read(r);
        Assert.Equal(new double[] { 3, -4, -4, 3, 0 }, qv[..5]);
        Assert.Equal(new double[] { 1, 1, -1, -1, 0 }, rv[..5]);
        if (dt.IsInteger) { Assert.Equal(0, qv[5]); Assert.Equal(0, rv[5]); }
        else { Assert.True(double.IsPositiveInfinity(qv[5])); Assert.True(double.IsNaN(rv[5])); }
    }

    [Theory]
    [InlineData("int32")]
    [InlineData("int64")]
    public void IntegerDivision_OfMinByMinusOne_Wraps(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        double min = dt == DType.Int32 ? int.MinValue : long.MinValue;
        using var a = Make(B, dt, [1], [min]);
        using var b = Make(B, dt, [1], [-1]);
        using var q = B.Empty([1], dt);
        B.Binary(BinaryOp.FloorDivide, a, b, q);
        Assert.Equal(min, Read(q)[0]);
        B.Binary(BinaryOp.Remainder, a, b, q);
        Assert.Equal(0, Read(q)[0]);
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    public void MinimumPropagatesNaN_FminIgnoresIt(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var n = 40; // long enough for the vectorised path
        var a = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var b = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? double.NaN : n - i).ToArray();
        using var ta = Make(B, dt, [n], a);
        using var tb = Make(B, dt, [n], b);
        using var d = B.Empty([n], dt);
        foreach (var op in new[] { BinaryOp.Minimum, BinaryOp.Maximum, BinaryOp.Fmin, BinaryOp.Fmax })
        {
            B.Binary(op, ta, tb, d);
            AssertClose(a.Zip(b, (x, y) => BackendReference.Binary(op, dt, x, y)).ToArray(), Read(d), dt, op.ToString());
        }
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
    public void Comparisons_OnLongRuns_MatchReference(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        const int n = 203; // several SIMD blocks for every element size, plus a tail
        var av = Values(dt, n, 11, -3, 3);
        var bv = Values(dt, n, 12, -3, 3);
        if (dt.IsFloat) { av[5] = double.NaN; bv[40] = double.NaN; av[77] = bv[77] = double.NaN; }
        using var a = Make(B, dt, [n], av);
        using var b = Make(B, dt, [n], bv);
        using var d = B.Empty([n], DType.Bool);
        double s = dt == DType.Bool ? 1 : 1;
        Scalar scalar = dt.IsFloat ? Scalar.FromDouble(s) : dt == DType.Bool ? Scalar.FromBool(true) : Scalar.FromInt(1);
        foreach (var op in new[] { BinaryOp.Equal, BinaryOp.NotEqual, BinaryOp.Less, BinaryOp.LessEqual, BinaryOp.Greater, BinaryOp.GreaterEqual })
        {
            B.Binary(op, a, b, d);
            AssertClose(av.Zip(bv, (x, y) => BackendReference.Binary(op, dt, x, y)).ToArray(), Read(d), DType.Bool, $"{op} {dt}");
            B.BinaryScalar(op, a, scalar, false, d);
            AssertClose(av.Select(x => BackendReference.Binary(op, dt, x, s)).ToArray(), Read(d), DType.Bool, $"{op} {dt} scalar");
            B.BinaryScalar(op, a, scalar, true, d);
            AssertClose(av.Select(x => BackendReference.Binary(op, dt, s, x)).ToArray(), Read(d), DType.Bool, $"{op} {dt} scalar first");
        }
    }

    [Fact]
    public void Round_IsHalfToEven_AndSignOfNaNIsNaN()
    {
        using var x = Make(B, DType.Float64, [8], [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, double.NaN]);
        using var d = B.Empty([8], DType.Float64);
        B.Unary(UnaryOp.Round, x, d);
        Assert.Equal(new double[] { 0, 2, 2, 0, -2, -2, 2 }, Read(d)[..7]);
        B.Unary(UnaryOp.Sign, x, d);
        var s = Read(d);
        Assert.Equal(new double[] { 1, 1, 1, -1, -1, -1, 1 }, s[..7]);
        Assert.True(double.IsNaN(s[7]));
    }

    [Theory]
    [InlineData("bool")]
    [InlineData("uint8")]
    [InlineData("int16")]
    [InlineData("int64")]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("complex64")]
    [InlineData("complex128")]
    public void Where_SelectsPerElement_WithBroadcastOperands(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var cond = Values(DType.Bool, 12, 3);
        var av = Values(dt.RealType == DType.Bool ? DType.Bool : dt.RealType, 12, 4);
        using var c = Make(B, DType.Bool, [3, 4], cond);
        var (a, ea) = MakeView("stepped-reversed", dt, av);
        using (a)
        {
            using var bRow = Make(B, dt, [4], [1, 0, 1, 0]);
            using var bv = bRow.BroadcastTo([3, 4]);
            using var d = B.Empty([3, 4], dt);
            B.Where(c, a, bv, d);
            var expected = Enumerable.Range(0, 12).Select(i => cond[i] != 0 ? ea[i] : (i % 2 == 0 ? 1.0 : 0.0)).ToArray();
            AssertClose(expected, Read(d), dt, $"where {dt}");
        }
        using var e0 = B.Empty([0, 4], dt);
        using var c0 = B.Empty([0, 4], DType.Bool);
        B.Where(c0, e0, e0, e0); // empty: nothing to do, must not throw
    }

    [Fact]
    public void Complex_ArithmeticAndAbs_MatchSystemNumerics()
    {
        foreach (var dt in new[] { DType.Complex64, DType.Complex128 })
        {
            System.Numerics.Complex[] a = [new(1, 2), new(-3, 0.5), new(0, -1)];
            System.Numerics.Complex[] b = [new(0.5, -1), new(2, 2), new(4, 0)];
            using var ta = MakeComplex(B, dt, [3], a);
            using var tb = MakeComplex(B, dt, [3], b);
            using var d = B.Empty([3], dt);
            double tol = dt == DType.Complex64 ? 1e-6 : 1e-14;
            foreach (var op in new[] { BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide })
            {
                B.Binary(op, ta, tb, d);
                var got = ReadComplex(d);
                for (int i = 0; i < 3; i++)
                {
                    var e = op switch { BinaryOp.Add => a[i] + b[i], BinaryOp.Subtract => a[i] - b[i], BinaryOp.Multiply => a[i] * b[i], _ => a[i] / b[i] };
                    Assert.True((e - got[i]).Magnitude <= tol * Math.Max(1, e.Magnitude), $"{op} {dt} element {i}: {e} vs {got[i]}");
                }
            }
            using var abs = B.Empty([3], dt.RealType);
            B.Unary(UnaryOp.Abs, ta, abs);
            AssertClose(a.Select(z => z.Magnitude).ToArray(), Read(abs), dt.RealType, $"abs {dt}");
            using var lt = B.Empty([3], DType.Bool);
            Assert.Throws<NotSupportedException>(() => B.Binary(BinaryOp.Less, ta, tb, lt));
        }
    }

    [Fact]
    public void LargeContiguousOps_UseTheParallelPath_AndStayCorrect()
    {
        const int n = 300_001;
        var av = Enumerable.Range(0, n).Select(i => (double)(i % 1000) - 500).ToArray();
        using var a = Make(B, DType.Float32, [n], av);
        using var d = B.Empty([n], DType.Float32);
        B.BinaryScalar(BinaryOp.Multiply, a, 2.0, false, d);
        B.Binary(BinaryOp.Add, d, a, d); // in place
        var got = Read(d);
        for (int i = 0; i < n; i += 997) Assert.Equal(3 * av[i], got[i]);
        Assert.Equal(3 * av[n - 1], got[n - 1]);
    }

    private static readonly System.Numerics.Complex[] ComplexA = [new(1, 2), new(-0.5, 0.25), new(0.3, -1.2), new(2, 0)];
    private static readonly System.Numerics.Complex[] ComplexB = [new(0.5, -1), new(2, 2), new(-1, 0.5), new(2, 0)];

    [Theory, MemberData(nameof(ComplexBinaryCases))]
    public void ComplexBinary_RunsOrThrows_AsTheRegistrySays(BinaryOp op, string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var resultType = OpRegistry.Of(op).ResultType(dt);
        using var a = MakeComplex(B, dt, [4], ComplexA);
        using var b = MakeComplex(B, dt, [4], ComplexB);
        using var d = B.Empty([4], resultType);
        if (!OpRegistry.Defined(op, dt))
        {
            var e = Assert.Throws<NotSupportedException>(() => B.Binary(op, a, b, d));
            Assert.Contains(op.ToString(), e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }
        B.Binary(op, a, b, d);
        using var m = new Heat.Backend.Managed.ManagedBackend(1);
        using var ma = MakeComplex(m, dt, [4], ComplexA);
        using var mb = MakeComplex(m, dt, [4], ComplexB);
        using var md = m.Empty([4], resultType);
        m.Binary(op, ma, mb, md);
        AssertSameComplex(md, d, $"{op} {dt}");
    }

    [Theory, MemberData(nameof(ComplexUnaryCases))]
    public void ComplexUnary_RunsOrThrows_AsTheRegistrySays(UnaryOp op, string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var resultType = OpRegistry.Of(op).ResultType(dt);
        using var x = MakeComplex(B, dt, [4], ComplexA);
        using var d = B.Empty([4], resultType);
        if (!OpRegistry.Defined(op, dt))
        {
            var e = Assert.Throws<NotSupportedException>(() => B.Unary(op, x, d));
            Assert.Contains(op.ToString(), e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }
        B.Unary(op, x, d);
        using var m = new Heat.Backend.Managed.ManagedBackend(1);
        using var mx = MakeComplex(m, dt, [4], ComplexA);
        using var md = m.Empty([4], resultType);
        m.Unary(op, mx, md);
        AssertSameComplex(md, d, $"{op} {dt}");
    }

    // The managed backend's result (the reference) and the backend's agree to the dtype's precision.
    private static void AssertSameComplex(LocalTensor expected, LocalTensor actual, string context)
    {
        if (!expected.DType.IsComplex)
        {
            AssertClose(Read(expected), Read(actual), expected.DType, context);
            return;
        }
        double tol = expected.DType == DType.Complex64 ? 1e-5 : 1e-12;
        var e = ReadComplex(expected);
        var g = ReadComplex(actual);
        for (int i = 0; i < e.Length; i++)
            Assert.True((e[i] - g[i]).Magnitude <= tol * Math.Max(1, e[i].Magnitude), $"{context} element {i}: {e[i]} vs {g[i]}");
    }
}
