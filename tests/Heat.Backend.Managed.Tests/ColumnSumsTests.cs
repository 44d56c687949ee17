// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Managed.Tests;

/// <summary>
/// Sums along axis 0 of matrices with contiguous rows (the column-sum kernel): against a float64 loop for eight-row
/// passes with a remainder, columns split over threads with a ragged tail, more columns than one block, few columns
/// (rows split over threads), a view with a row stride; bitwise equal results for one and two threads when the columns
/// are split.
/// </summary>
public sealed class ColumnSumsTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var d = new TheoryData<string, int, int>();
        foreach (var t in FloatDTypes)
            foreach (var (rows, cols) in new[] { (37, 3001), (9, 20000), (5000, 40), (16, 8), (8, 2050) })
                d.Add(t, rows, cols);
        return d;
    }

    private static double[] Expected(double[] v, int rows, int cols, int stride, int offset)
    {
        var sums = new double[cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) sums[j] += v[offset + i * stride + j];
        return sums;
    }

    [Theory, MemberData(nameof(Cases))]
    public void SumAlongAxis0_EqualsTheLoop(string dtypeName, int rows, int cols)
    {
        var dt = DType.Parse(dtypeName);
        using var b1 = new ManagedBackend(threads: 1);
        using var b2 = new ManagedBackend(threads: 2);
        var v = Values(dt, (long)rows * (cols + 5), 7, -4, 4);
        foreach (var backend in new[] { b1, b2 })
        {
            using var wide = Make(backend, dt, [rows, cols + 5], v);
            using var x = wide.Slice(1, 3, cols);   // row stride cols + 5
            var expected = Expected(v, rows, cols, cols + 5, 3);
            using var same = backend.Empty([cols], dt);
            backend.Reduce(ReduceOp.Sum, x, [0], same);
            AssertClose(expected, Read(same), dt, $"{dt} {rows}x{cols} into {dt}", dt == DType.Float32 ? 1e-6 : 1e-12);
            using var accurate = backend.Empty([cols], DType.Float64);
            backend.Reduce(ReduceOp.Sum, x, [0], accurate);
            AssertClose(expected, Read(accurate), DType.Float64, $"{dt} {rows}x{cols} into float64", 1e-12);
        }
        if (cols < 2048) return;
        using var one = Make(b1, dt, [rows, cols], v[..(rows * cols)]);
        using var two = Make(b2, dt, [rows, cols], v[..(rows * cols)]);
        using var s1 = b1.Empty([cols], DType.Float64);
        using var s2 = b2.Empty([cols], DType.Float64);
        b1.Reduce(ReduceOp.Sum, one, [0], s1);
        b2.Reduce(ReduceOp.Sum, two, [0], s2);
        Assert.Equal(Read(s1), Read(s2));
    }
}
