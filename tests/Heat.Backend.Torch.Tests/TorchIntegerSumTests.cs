// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Testing.Backend;

namespace Heat.Backend.Torch.Tests;

/// <summary>
/// Integer and bool sums run in the shim's own CPU kernel (narrow lanes over runs of 256 and blocks of 32768, threads
/// over chunks of long rows), also for float results of byte and short inputs (a mean): lengths across the run, block
/// and chunk boundaries, along every axis, on views, agree with the managed backend.
/// </summary>
public sealed class TorchIntegerSumTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    public static TheoryData<string> DTypes => new() { "bool", "uint8", "int8", "int16", "int32", "int64" };

    [Theory, MemberData(nameof(DTypes))]
    public void Sum_AcrossBlockAndChunkBoundaries_MatchesManaged(string name)
    {
        var dt = DType.Parse(name);
        using var m = new ManagedBackend(2);
        foreach (long[] shape in new[] { new long[] { 200_001 }, [3, 100_003], [70_001, 2], [0, 5] })
        {
            long n = shape.Aggregate(1L, (a, b) => a * b);
            var values = Extremes(dt, n);
            using var xt = BackendTestData.Make(f.Backend, dt, shape, values);
            using var xm = BackendTestData.Make(m, dt, shape, values);
            var axesList = shape.Length == 1 ? new[] { new[] { 0 } } : [[0], [1], [0, 1]];
            foreach (var axes in axesList)
                foreach (var into in dt.ItemSize <= 2 ? [DType.Int64, DType.Int32, DType.Float64, DType.Float32] : new[] { DType.Int64, DType.Int32 })
                {
                    using var st = f.Backend.Reduce(ReduceOp.Sum, xt, axes, keepDims: true, dtype: into);
                    using var sm = m.Reduce(ReduceOp.Sum, xm, axes, keepDims: true, dtype: into);
                    Assert.Equal(BackendTestData.Read(sm), BackendTestData.Read(st));
                }
            if (shape.Length == 2)
            {
                using var vt = xt.Permute([1, 0]);
                using var vm = xm.Permute([1, 0]);
                using var st = f.Backend.Reduce(ReduceOp.Sum, vt, [1], dtype: DType.Int64);
                using var sm = m.Reduce(ReduceOp.Sum, vm, [1], dtype: DType.Int64);
                Assert.Equal(BackendTestData.Read(sm), BackendTestData.Read(st));
            }
        }
    }

    [Fact]
    public void Sum_OfMaximalUInt8_DoesNotOverflowTheLanes()
    {
        const long n = 300_007;
        using var x = f.Backend.Empty([n], DType.UInt8);
        f.Backend.Fill(x, Scalar.FromInt(255));
        using var s = f.Backend.Reduce(ReduceOp.Sum, x, dtype: DType.Int64);
        Assert.Equal(255.0 * n, BackendTestData.Read(s)[0]);
    }

    // Values at the dtype's limits (so 32-bit lanes would overflow without blocks), with a pattern that differs per
    // element.
    private static double[] Extremes(DType dt, long n)
    {
        var v = new double[n];
        for (long i = 0; i < n; i++)
        {
            v[i] = dt.Code switch
            {
                DTypeCode.Bool => i % 3 == 0 ? 1 : 0,
                DTypeCode.UInt8 => 255 - i % 7,
                DTypeCode.Int8 => i % 5 == 0 ? -128 : 127 - i % 3,
                DTypeCode.Int16 => i % 5 == 0 ? -32768 : 32767 - i % 11,
                DTypeCode.Int32 => i % 4 == 0 ? -2_147_483_648.0 : 2_147_483_647 - i % 13,
                _ => (i % 2 == 0 ? 1 : -1) * (4_000_000_000_000.0 + i),
            };
        }
        return v;
    }
}
