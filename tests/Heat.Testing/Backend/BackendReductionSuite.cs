// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>Reduce, ArgReduce, Moments and Scan against double references.</summary>
public abstract class BackendReductionSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    /// <summary>The registry's reductions (by name, as <see cref="ReduceOp.Name"/>) with input dtypes.</summary>
    public static TheoryData<string, string> ReduceCases()
    {
        var d = new TheoryData<string, string>();
        foreach (var op in OpRegistry.ReduceTable.Where(e => e.Key != ReduceKind.User).Select(e => e.Value.Name))
            foreach (var t in RealDTypes) d.Add(op, t);
        return d;
    }

    private static ReduceOp Op(string name) => name switch
    {
        "sum" => ReduceOp.Sum, "prod" => ReduceOp.Prod, "min" => ReduceOp.Min, "max" => ReduceOp.Max,
        "land" => ReduceOp.LAnd, "lor" => ReduceOp.LOr, "band" => ReduceOp.BAnd, "bor" => ReduceOp.BOr, _ => ReduceOp.BXor,
    };

    /// <summary>The destination dtype NumPy/HeAT would use: sums and products of small ints and bool go to
    /// int64.</summary>
    private static DType DestType(ReduceOp op, DType x) =>
        op.Kind is ReduceKind.Sum or ReduceKind.Prod && (x.IsInteger || x == DType.Bool) ? DType.Int64
        : op.Kind is ReduceKind.LAnd or ReduceKind.LOr ? DType.Bool : x;

    private static double Identity(ReduceOp op, DType x) => op.Kind switch
    {
        ReduceKind.Sum or ReduceKind.LOr or ReduceKind.BOr or ReduceKind.BXor => 0,
        ReduceKind.Prod or ReduceKind.LAnd => 1,
        ReduceKind.BAnd => x == DType.Bool ? 1 : x == DType.UInt8 ? 255 : -1,
        ReduceKind.Min => x.Code switch { DTypeCode.Bool => 1, DTypeCode.UInt8 => 255, DTypeCode.Int8 => sbyte.MaxValue, DTypeCode.Int16 => short.MaxValue, DTypeCode.Int32 => int.MaxValue, DTypeCode.Int64 => long.MaxValue, _ => double.PositiveInfinity },
        _ => x.Code switch { DTypeCode.Bool or DTypeCode.UInt8 => 0, DTypeCode.Int8 => sbyte.MinValue, DTypeCode.Int16 => short.MinValue, DTypeCode.Int32 => int.MinValue, DTypeCode.Int64 => long.MinValue, _ => double.NegativeInfinity },
    };

    private static double Combine(ReduceOp op, DType dest, double acc, double v) => op.Kind switch
    {
        ReduceKind.Sum => acc + v,
        ReduceKind.Prod => Wrap(dest, acc * v),
        ReduceKind.Min => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : Math.Min(acc, v),
        ReduceKind.Max => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : Math.Max(acc, v),
        ReduceKind.LAnd => acc != 0 && v != 0 ? 1 : 0,
        ReduceKind.LOr => acc != 0 || v != 0 ? 1 : 0,
        ReduceKind.BAnd => (long)acc & (long)v,
        ReduceKind.BOr => (long)acc | (long)v,
        _ => (long)acc ^ (long)v,
    };

    /// <summary>Reference reduction of row-major values of <paramref name="shape"/> over
    /// <paramref name="axes"/>.</summary>
    private static double[] Reference(ReduceOp op, DType x, DType dest, double[] values, long[] shape, int[] axes)
    {
        var outShape = shape.Select((s, i) => axes.Contains(i) ? 1 : s).ToArray();
        var outStrides = Shapes.ContiguousStrides(outShape);
        var result = Enumerable.Repeat(Identity(op, x), (int)Shapes.Numel(outShape)).ToArray();
        var idx = new long[shape.Length];
        for (long i = 0; i < values.Length; i++)
        {
            long o = 0;
            for (int d = 0; d < shape.Length; d++) if (!axes.Contains(d)) o += idx[d] * outStrides[d];
            result[o] = Combine(op, dest, result[o], values[i]);
            for (int d = shape.Length - 1; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
        }
        return result.Select(v => Wrap(dest, v)).ToArray();
    }

    private static readonly (long[] shape, int[] axes)[] AxisCases =
    [
        ([], []), ([0], [0]), ([7], [0]), ([3, 5], [0]), ([3, 5], [1]), ([3, 5], [0, 1]), ([2, 3, 4], [1]),
        ([2, 3, 4], [0, 2]), ([2, 3, 4], [0, 1, 2]), ([4, 0, 3], [1]), ([4, 0, 3], [0]), ([5, 1, 6], [2]),
    ];

    [Theory, MemberData(nameof(ReduceCases))]
    public void Reduce_OverAxisSets_MatchesReference(string opName, string dtypeName)
    {
        var op = Op(opName);
        var dt = DType.Parse(dtypeName);
        var dest = DestType(op, dt);
        if (!OpRegistry.Defined(op, dt, dest))
        {
            using var x = Make(B, dt, [3], [1, 2, 3]);
            using var r = B.Empty([1], dt);
            var e = Assert.Throws<NotSupportedException>(() => B.Reduce(op, x, [0], r));
            Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }
        foreach (var (shape, axes) in AxisCases)
        {
            var values = Values(dt, Shapes.Numel(shape), shape.Length * 13 + axes.Length, op.Kind == ReduceKind.Prod ? -3 : -9, op.Kind == ReduceKind.Prod ? 3 : 9);
            using var x = Make(B, dt, shape, values);
            var outShape = shape.Select((s, i) => axes.Contains(i) ? 1 : s).ToArray();
            using var d = B.Empty(outShape, dest);
            B.Reduce(op, x, axes, d);
            AssertClose(Reference(op, dt, dest, values, shape, axes), Read(d), dest, $"{opName} {dt} shape {Shapes.Format(shape)} axes [{string.Join(",", axes)}]");
        }
        // Strided input: a reversed, stepped, permuted view.
        {
            var baseValues = Values(dt, 6 * 10, 99, op.Kind == ReduceKind.Prod ? -2 : -9, op.Kind == ReduceKind.Prod ? 2 : 9);
            using var t = Make(B, dt, [6, 10], baseValues);
            using var s1 = t.Slice(1, 9, 4, -2);
            using var v = s1.Permute([1, 0]); // shape (4, 6)
            var logical = ViewValues(v, baseValues);
            foreach (var axes in new[] { new[] { 0 }, new[] { 1 }, new[] { 0, 1 } })
            {
                var outShape = new long[] { axes.Contains(0) ? 1 : 4, axes.Contains(1) ? 1 : 6 };
                using var d = B.Empty(outShape, dest);
                B.Reduce(op, v, axes, d);
                AssertClose(Reference(op, dt, dest, logical, [4, 6], axes), Read(d), dest, $"{opName} {dt} strided axes [{string.Join(",", axes)}]");
            }
        }
    }

    [Theory]
    [InlineData("sum", "float32", 20000, 16)]
    [InlineData("sum", "float64", 50, 10000)]
    [InlineData("sum", "int32", 3000, 24)]
    [InlineData("min", "float32", 4000, 33)]
    [InlineData("max", "int64", 700, 300)]
    [InlineData("prod", "float64", 40, 9)]
    [InlineData("land", "uint8", 500, 64)]
    public void Reduce_OverLeadingAxes_OfWideTensors(string opName, string dtypeName, int rows, int cols)
    {
        var op = Op(opName);
        var dt = DType.Parse(dtypeName);
        var dest = DestType(op, dt);
        var values = Values(dt, (long)rows * cols, rows + cols, op.Kind == ReduceKind.Prod ? -1.2 : -9, op.Kind == ReduceKind.Prod ? 1.2 : 9);
        if (dt.IsFloat && op.Kind == ReduceKind.Min) values[cols * (rows / 2) + 3] = double.NaN;
        using var x = Make(B, dt, [rows, cols], values);
        using var d = B.Empty([1, cols], dest);
        B.Reduce(op, x, [0], d);
        AssertClose(Reference(op, dt, dest, values, [rows, cols], [0]), Read(d), dest, $"{opName} {dt} ({rows}, {cols}) axis 0", dt == DType.Float32 ? 1e-5 : null);
        // Three dimensions, reducing the two outer ones.
        int r2 = rows / 2 * 2;
        using var x3 = Make(B, dt, [2, r2 / 2, cols], values[..(r2 * cols)]);
        using var d3 = B.Empty([1, 1, cols], dest);
        B.Reduce(op, x3, [0, 1], d3);
        AssertClose(Reference(op, dt, dest, values[..(r2 * cols)], [2, r2 / 2, cols], [0, 1]), Read(d3), dest, $"{opName} {dt} 3-d axes 0,1", dt == DType.Float32 ? 1e-5 : null);
    }

    [Fact]
    public void SumFloat32_OfTenMillionTenths_IsAccurate()
    {
        const int n = 10_000_000;
        using var x = B.Empty([n], DType.Float32);
        B.Fill(x, 0.1f);
        using var d = B.Empty([1], DType.Float32);
        B.Reduce(ReduceOp.Sum, x, [0], d);
        double expected = (double)0.1f * n;
        Assert.True(Math.Abs(Read(d)[0] - expected) <= 1e-6 * expected, $"sum {Read(d)[0]:R} vs {expected:R}");
        // The same through a strided view (every other element, reversed).
        using var v = x.Slice(0, n - 1, n / 2, -2);
        B.Reduce(ReduceOp.Sum, v, [0], d);
        Assert.True(Math.Abs(Read(d)[0] - expected / 2) <= 1e-6 * expected / 2, $"strided sum {Read(d)[0]:R}");
    }

    [Fact]
    public void SumInt32IntoInt64_DoesNotOverflow()
    {
        const int n = 3000;
        using var x = B.Empty([n], DType.Int32);
        B.Fill(x, int.MaxValue);
        using var d = B.Empty([1], DType.Int64);
        B.Reduce(ReduceOp.Sum, x, [0], d);
        Assert.Equal((double)int.MaxValue * n, Read(d)[0]);
    }

    [Theory]
    [InlineData("sum", 0.0)]
    [InlineData("prod", 1.0)]
    [InlineData("min", double.PositiveInfinity)]
    [InlineData("max", double.NegativeInfinity)]
    public void Reduce_OfEmptyInput_GivesIdentity(string opName, double identity)
    {
        using var x = B.Empty([3, 0], DType.Float64);
        using var d = B.Empty([3, 1], DType.Float64);
        B.Reduce(Op(opName), x, [1], d);
        Assert.Equal(new[] { identity, identity, identity }, Read(d));
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    public void MinMax_PropagateNaN(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        var values = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        values[777] = double.NaN;
        using var x = Make(B, dt, [1000], values);
        using var d = B.Empty([1], dt);
        B.Reduce(ReduceOp.Min, x, [0], d);
        Assert.True(double.IsNaN(Read(d)[0]));
        B.Reduce(ReduceOp.Max, x, [0], d);
        Assert.True(double.IsNaN(Read(d)[0]));
    }

    [Fact]
    public void LogicalReductions_WriteBoolOrNumericZeroOne()
    {
        using var x = Make(B, DType.Float64, [2, 3], [0, 2, 3, 4, 5, 6]);
        using var b = B.Empty([2, 1], DType.Bool);
        using var f = B.Empty([2, 1], DType.Float32);
        B.Reduce(ReduceOp.LAnd, x, [1], b);
        Assert.Equal(new double[] { 0, 1 }, Read(b));
        B.Reduce(ReduceOp.LOr, x, [1], f);
        Assert.Equal(new double[] { 1, 1 }, Read(f));
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("int32")]
    [InlineData("uint8")]
    public void ArgReduce_FindsFirstOccurrence_NaNWins(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        // shape (3, 5): row 0 has ties, row 1 a NaN (floats), row 2 is descending.
        double[] values = [2, 1, 5, 1, 5, 3, 3, 9, 0, 9, 4, 3, 2, 1, 0];
        if (dt.IsFloat) values[7] = double.NaN;
        using var x = Make(B, dt, [3, 5], values);
        using var v = B.Empty([3, 1], dt);
        using var i = B.Empty([3, 1], DType.Int64);
        B.ArgReduce(ArgReduceKind.ArgMin, x, 1, v, i);
        Assert.Equal(new double[] { 1, dt.IsFloat ? 2 : 3, 4 }, Read(i));
        B.ArgReduce(ArgReduceKind.ArgMax, x, 1, v, i);
        Assert.Equal(new double[] { 2, 2, 0 }, Read(i));
        var vals = Read(v);
        Assert.Equal(5, vals[0]);
        if (dt.IsFloat) Assert.True(double.IsNaN(vals[1])); else Assert.Equal(9, vals[1]);
        // Along axis 0 of a transposed view.
        using var t = x.Permute([1, 0]); // (5, 3)
        using var v0 = B.Empty([1, 3], dt);
        using var i0 = B.Empty([1, 3], DType.Int64);
        B.ArgReduce(ArgReduceKind.ArgMin, t, 0, v0, i0);
        Assert.Equal(new double[] { 1, dt.IsFloat ? 2 : 3, 4 }, Read(i0));
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    public void Moments_AreStable_OnLargeOffsetData(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        const int n = 200_000;
        var rng = new Random(5);
        // 1e8 + noise: float32 has a spacing of 8 there, so its noise is wider to survive the rounding.
        double noise = dt == DType.Float32 ? 200 : 1;
        var values = Enumerable.Range(0, n).Select(_ => Wrap(dt, 1e8 + noise * (rng.NextDouble() - 0.5))).ToArray();
        double mean = values.Average();
        double m2 = values.Sum(v => (v - mean) * (v - mean));
        using var x = Make(B, dt, [n], values);
        using var dm = B.Empty([1], dt);
        using var d2 = B.Empty([1], dt);
        B.Moments(x, [0], dm, d2);
        Assert.True(Math.Abs(Read(dm)[0] - mean) <= Tolerance(dt) * mean, $"mean {Read(dm)[0]:R} vs {mean:R}");
        Assert.True(Math.Abs(Read(d2)[0] - m2) <= 1e-5 * m2, $"m2 {Read(d2)[0]:R} vs {m2:R}");
    }

    [Fact]
    public void Moments_OverAxes_MatchTwoPassReference()
    {
        var values = Values(DType.Float64, 4 * 5 * 6, 17);
        using var x = Make(B, DType.Float64, [4, 5, 6], values);
        using var v = x.Slice(2, 5, 6, -1); // reversed last axis
        var logical = ViewValues(v, values);
        foreach (var axes in new[] { new[] { 0 }, new[] { 1, 2 }, new[] { 0, 1, 2 } })
        {
            var outShape = new long[] { 4, 5, 6 }.Select((s, i) => axes.Contains(i) ? 1 : s).ToArray();
            using var dm = B.Empty(outShape, DType.Float64);
            using var d2 = B.Empty(outShape, DType.Float64);
            B.Moments(v, axes, dm, d2);
            var sums = Reference(ReduceOp.Sum, DType.Float64, DType.Float64, logical, [4, 5, 6], axes);
            long count = axes.Aggregate(1L, (c, a) => c * new long[] { 4, 5, 6 }[a]);
            var means = sums.Select(s => s / count).ToArray();
            AssertClose(means, Read(dm), DType.Float64, $"mean axes [{string.Join(",", axes)}]", 1e-12);
            // M2 reference: sum of squared deviations per output.
            var outStrides = Shapes.ContiguousStrides(outShape);
            var m2 = new double[means.Length];
            for (int i = 0, a0 = 0; a0 < 4; a0++) for (int a1 = 0; a1 < 5; a1++) for (int a2 = 0; a2 < 6; a2++, i++)
            {
                long o = (axes.Contains(0) ? 0 : a0 * outStrides[0]) + (axes.Contains(1) ? 0 : a1 * outStrides[1]) + (axes.Contains(2) ? 0 : a2 * outStrides[2]);
                m2[o] += (logical[i] - means[o]) * (logical[i] - means[o]);
            }
            AssertClose(m2, Read(d2), DType.Float64, $"m2 axes [{string.Join(",", axes)}]", 1e-10);
        }
    }

    [Theory]
    [InlineData("sum", "int32")]
    [InlineData("sum", "float64")]
    [InlineData("prod", "int64")]
    [InlineData("prod", "float32")]
    [InlineData("min", "float64")]
    [InlineData("max", "int16")]
    [InlineData("max", "float32")]
    public void Scan_AlongEachAxis_MatchesReference(string opName, string dtypeName)
    {
        var op = Op(opName);
        var dt = DType.Parse(dtypeName);
        long[] shape = [3, 4, 5];
        var values = Values(dt, 60, 8, -3, 3);
        if (dt.IsFloat && op.Kind is ReduceKind.Min or ReduceKind.Max) values[22] = double.NaN;
        using var x = Make(B, dt, shape, values);
        for (int axis = 0; axis < 3; axis++)
        {
            using var d = B.Empty(shape, dt);
            B.Scan(op, x, axis, d);
            var expected = new double[60];
            var strides = Shapes.ContiguousStrides(shape);
            for (int i = 0; i < 60; i++)
            {
                long pos = i / strides[axis] % shape[axis];
                double acc = values[i - pos * strides[axis]];
                for (long j = 1; j <= pos; j++) acc = Combine(op, dt, acc, values[i - (pos - j) * strides[axis]]);
                expected[i] = Wrap(dt, acc);
            }
            AssertClose(expected, Read(d), dt, $"scan {opName} {dt} axis {axis}");
        }
        // Reversed input, int64 destination for int inputs.
        using var rev = x.Slice(2, 4, 5, -1);
        var revValues = ViewValues(rev, values);
        var dest = dt.IsInteger ? DType.Int64 : dt;
        using var dr = B.Empty(shape, dest);
        B.Scan(op, rev, 2, dr);
        var got = Read(dr);
        for (int row = 0; row < 12; row++)
        {
            double acc = revValues[row * 5];
            Assert.Equal(acc, got[row * 5], Tolerance(dest) > 0 ? 5 : 12);
        }
        using var empty = B.Empty([2, 0], dt);
        using var de = B.Empty([2, 0], dt);
        B.Scan(op, empty, 1, de);
    }

    /// <summary>Every dtype.</summary>
    public static TheoryData<string> EveryDType() => new(DType.All.Select(t => t.Name));

    [Theory, MemberData(nameof(EveryDType))]
    public void RegistryPairs_RunOrThrow_AsDeclared(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        using var m = new Heat.Backend.Managed.ManagedBackend(1);
        var values = Values(dt.IsComplex ? dt.RealType : dt, 6, 17, -3, 3);
        LocalTensor Input(ITensorBackend b) => dt.IsComplex
            ? MakeComplex(b, dt, [2, 3], values.Select((v, i) => new System.Numerics.Complex(v, i % 2 == 0 ? 0.5 : -1)).ToArray())
            : Make(b, dt, [2, 3], values);
        using var x = Input(B);
        using var mx = Input(m);
        foreach (var (kind, _) in OpRegistry.ReduceTable.Where(e => e.Key != ReduceKind.User))
        {
            var op = Op(OpRegistry.Of(kind).Name);
            var dest = dt.IsComplex ? (OpRegistry.Of(kind).Result == OpResult.Bool ? DType.Bool : dt) : DestType(op, dt);
            Check($"reduction {op.Name}", OpRegistry.Defined(op, dt, dest), dest, [2, 1],
                (b, t, d) => b.Reduce(op, t, [1], d));
            if (dt.IsComplex && OpRegistry.Of(kind).Result == OpResult.Same)
            {
                using var real = B.Empty([2, 1], dt.RealType);
                Assert.False(OpRegistry.Defined(op, dt, dt.RealType));
                Assert.Throws<NotSupportedException>(() => B.Reduce(op, x, [1], real));
            }
            Check($"scan {op.Name}", OpRegistry.DefinedScan(op, dt), dt, [2, 3], (b, t, d) => b.Scan(op, t, 1, d));
        }
        foreach (var (kind, _) in OpRegistry.ArgReduceTable)
        {
            using var idx = B.Empty([2, 1], DType.Int64);
            using var midx = m.Empty([2, 1], DType.Int64);
            Check(kind.ToString(), OpRegistry.Defined(kind, dt), dt, [2, 1], (b, t, d) =>
                b.ArgReduce(kind, t, 1, d, ReferenceEquals(b, m) ? midx : idx));
            if (OpRegistry.Defined(kind, dt)) Assert.Equal(Read(midx), Read(idx));
        }

        void Check(string what, bool defined, DType dest, long[] shape, Action<ITensorBackend, LocalTensor, LocalTensor> run)
        {
            using var d = B.Empty(shape, dest);
            if (!defined)
            {
                var e = Assert.Throws<NotSupportedException>(() => run(B, x, d));
                Assert.Contains(dt.Name, e.Message, StringComparison.OrdinalIgnoreCase);
                return;
            }
            run(B, x, d);
            using var md = m.Empty(shape, dest);
            run(m, mx, md);
            if (dest.IsComplex)
            {
                var e = ReadComplex(md);
                var g = ReadComplex(d);
                for (int i = 0; i < e.Length; i++)
                    Assert.True((e[i] - g[i]).Magnitude <= 1e-5 * Math.Max(1, e[i].Magnitude), $"{what} {dt} element {i}: {e[i]} vs {g[i]}");
            }
            else AssertClose(Read(md), Read(d), dest, $"{what} {dt}");
        }
    }
}
