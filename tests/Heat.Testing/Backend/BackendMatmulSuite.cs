// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>Matmul against a naive double-precision reference: odd sizes, batches with broadcast, strided operands,
/// accumulate.</summary>
public abstract class BackendMatmulSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    private static double[] Naive(double[] a, double[] b, long m, long k, long n)
    {
        var c = new double[m * n];
        for (long i = 0; i < m; i++)
            for (long j = 0; j < n; j++)
            {
                double s = 0;
                for (long p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    private static double Tol(DType dt, long k)
        => dt == DType.Float32 ? 1e-5 * Math.Sqrt(k + 1) : dt == DType.Float64 ? 1e-12 * Math.Sqrt(k + 1) : 0;

    public static TheoryData<string, long, long, long> Sizes()
    {
        var d = new TheoryData<string, long, long, long>();
        foreach (var t in new[] { "float32", "float64" })
            foreach (var (m, k, n) in new (long, long, long)[] { (1, 1, 1), (7, 13, 5), (65, 129, 33), (6, 256, 16),
                (130, 300, 70), (1, 40, 200), (3, 0, 4), (0, 5, 3) })
                d.Add(t, m, k, n);
        foreach (var t in new[] { "int32", "int64", "uint8", "int16" })
            d.Add(t, 7, 13, 5);
        return d;
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Matmul_MatchesNaiveReference(string dtypeName, long m, long k, long n)
    {
        var dt = DType.Parse(dtypeName);
        var av = Values(dt, m * k, 1, -3, 3); var bv = Values(dt, k * n, 2, -3, 3);
        using var a = Make(B, dt, [m, k], av);
        using var b = Make(B, dt, [k, n], bv);
        using var c = B.Empty([m, n], dt);
        B.Matmul(a, b, c);
        var expected = Naive(av, bv, m, k, n).Select(v => Wrap(dt, v)).ToArray();
        AssertClose(expected, Read(c), dt, $"matmul {dt} {m}x{k}x{n}", Tol(dt, k));
        // accumulate: c += a @ b
        B.Matmul(a, b, c, accumulate: true);
        AssertClose(expected.Select(v => Wrap(dt, 2 * v)).ToArray(), Read(c), dt, $"matmul accumulate {dt} "
            + $"{m}x{k}x{n}", Tol(dt, k));
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("int64")]
    public void Matmul_WithTransposedAndSteppedOperands(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        const long m = 37, k = 29, n = 23;
        var atv = Values(dt, k * m, 3, -3, 3); // stored as (k, m), used transposed
        var bBig = Values(dt, k * 2 * n, 4, -3, 3); // (k, 2n), every other column reversed
        using var at = Make(B, dt, [k, m], atv);
        using var a = at.Permute([1, 0]);
        using var bb = Make(B, dt, [k, 2 * n], bBig);
        using var b = bb.Slice(1, 2 * n - 1, n, -2);
        using var cBase = B.Empty([n, m], dt);
        using var c = cBase.Permute([1, 0]); // column-major destination
        B.Matmul(a, b, c);
        var expected = Naive(ViewValues(a, atv), ViewValues(b, bBig), m, k, n).Select(v => Wrap(dt, v)).ToArray();
        AssertClose(expected, Read(c), dt, $"strided matmul {dt}", Tol(dt, k));
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("int32")]
    public void Matmul_Batched_WithBroadcastBatchDims(string dtypeName)
    {
        var dt = DType.Parse(dtypeName);
        // a: (2, 1, 9, 7), b: (3, 7, 11) -> c: (2, 3, 9, 11)
        var av = Values(dt, 2 * 9 * 7, 5, -3, 3); var bv = Values(dt, 3 * 7 * 11, 6, -3, 3);
        using var a = Make(B, dt, [2, 1, 9, 7], av);
        using var b = Make(B, dt, [3, 7, 11], bv);
        using var c = B.Empty([2, 3, 9, 11], dt);
        B.Matmul(a, b, c);
        var got = Read(c);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
            {
                var expected = Naive(av[(i * 63)..((i + 1) * 63)], bv[(j * 77)..((j + 1) * 77)], 9, 7,
                    11).Select(v => Wrap(dt, v)).ToArray();
                AssertClose(expected, got[((i * 3 + j) * 99)..((i * 3 + j + 1) * 99)], dt, $"batch ({i},{j})", Tol(dt,
                    7));
            }
        // Many small products (parallel over the batch).
        var xv = Values(dt, 64 * 4 * 5, 7, -3, 3); var yv = Values(dt, 5 * 3, 8, -3, 3);
        using var x = Make(B, dt, [64, 4, 5], xv);
        using var y = Make(B, dt, [5, 3], yv);
        using var z = B.Empty([64, 4, 3], dt);
        B.Matmul(x, y, z);
        var zv = Read(z);
        for (int i = 0; i < 64; i += 9)
            AssertClose(Naive(xv[(i * 20)..((i + 1) * 20)], yv, 4, 5, 3).Select(v => Wrap(dt, v)).ToArray(),
                zv[(i * 12)..((i + 1) * 12)], dt, $"small batch {i}", Tol(dt, 5));
    }

    [Fact]
    public void Matmul_LargeFloat32_UsesTheBlockedKernel()
    {
        const long m = 300, k = 520, n = 270; // more than one KC block, several MC blocks and edge tiles
        var av = Values(DType.Float32, m * k, 9, -1, 1); var bv = Values(DType.Float32, k * n, 10, -1, 1);
        using var a = Make(B, DType.Float32, [m, k], av);
        using var b = Make(B, DType.Float32, [k, n], bv);
        using var c = B.Empty([m, n], DType.Float32);
        B.Matmul(a, b, c);
        AssertClose(Naive(av, bv, m, k, n), Read(c), DType.Float32, "300x520x270", 1e-4);
    }

    [Fact]
    public void Matmul_Complex_MatchesReference()
    {
        foreach (var dt in new[] { DType.Complex64, DType.Complex128 })
        {
            System.Numerics.Complex[] a = [new(1, 1), new(2, 0), new(0, -1), new(3, 2)]; // (2, 2)
            System.Numerics.Complex[] b = [new(0, 1), new(1, 0), new(2, 2), new(-1, 0)];
            using var ta = MakeComplex(B, dt, [2, 2], a);
            using var tb = MakeComplex(B, dt, [2, 2], b);
            using var tc = B.Empty([2, 2], dt);
            B.Matmul(ta, tb, tc);
            var got = ReadComplex(tc);
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                {
                    var e = a[i * 2] * b[j] + a[i * 2 + 1] * b[2 + j];
                    Assert.True((e - got[i * 2 + j]).Magnitude < 1e-5, $"{dt} ({i},{j}): {e} vs {got[i * 2 + j]}");
                }
        }
    }
}
