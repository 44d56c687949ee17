// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Torch.Tests;

/// <summary>The Torch backend's own sort capability (ATen's stable sort), against the managed backend's.</summary>
public sealed class TorchSortTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Fact]
    public void Capability_IsTheTorchBackendItself() => Assert.Same(B, B.Capability<ISortKernels>());

    [Theory]
    [InlineData("float64", 0, false)]
    [InlineData("float32", 1, true)]
    [InlineData("int16", 1, false)]
    [InlineData("bool", 0, true)]
    public void Sort_WithNaNsZerosAndTies_AgreesWithManaged(string dtype, int axis, bool descending)
    {
        var dt = DType.Parse(dtype);
        using var managed = new ManagedBackend(threads: 1);
        var values = Values(dt, 6 * 9, 7, -3, 3);
        if (dt.IsFloat)
            for (int i = 0; i < values.Length; i += 5) values[i] = i % 10 == 0 ? double.NaN : -0.0;
        var (tv, ti) = Sorted(B, dt, values, axis, descending);
        var (mv, mi) = Sorted(managed, dt, values, axis, descending);
        AssertClose(mv, tv, dt, "values", 0);
        Assert.Equal(mi, ti);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void SortAndMergeSegments_AgreeWithManaged(bool descending, bool withOrder)
    {
        using var managed = new ManagedBackend(threads: 1);
        var x = Values(DType.Float32, 40, 3, -2, 2).Select((v, i) => i % 7 == 0 ? double.NaN : v).ToArray();
        double[] starts = [0, 0, 9, 25, 40], order = [.. Enumerable.Range(0, 40).Select(i => 1000.0 - i)];
        double[] Segments(ITensorBackend b, bool merge)
        {
            using var xt = Make(b, DType.Float32, [40], x);
            using var st = Make(b, DType.Int64, [5], starts);
            using var ot = Make(b, DType.Int64, [40], order);
            using var v = b.Empty([40], DType.Float32);
            using var o = b.Empty([40], DType.Int64);
            var k = b.Capability<ISortKernels>();
            if (!merge) k.SortSegments(xt, withOrder ? ot : null, 5, st, descending, v, o);
            else
            {
                // Each segment sorted as two runs first, then merged.
                using var ht = Make(b, DType.Int64, [9], [0, 0, 0, 0, 9, 17, 25, 30, 40]);
                using var sv = b.Empty([40], DType.Float32);
                using var so = b.Empty([40], DType.Int64);
                k.SortSegments(xt, ot, 0, ht, descending, sv, so);
                k.MergeSegments(sv, so, ht, 2, descending, v, o);
            }
            return [.. Read(v), .. Read(o)];
        }
        AssertClose(Segments(managed, false), Segments(B, false), DType.Float64, "segments", 0);
        AssertClose(Segments(managed, true), Segments(B, true), DType.Float64, "merged runs", 0);
    }

    private static (double[] Values, double[] Indices) Sorted(ITensorBackend b, DType dt, double[] values, int axis,
        bool descending)
    {
        using var x = Make(b, dt, [9, 6], values);
        using var t = x.Permute([1, 0]); // a transposed view: strided along the sorted axis
        using var v = b.Empty([6, 9], dt);
        using var i = b.Empty([6, 9], DType.Int64);
        b.Capability<ISortKernels>().Sort(t, axis, descending, stable: true, v, i);
        return (Read(v), Read(i));
    }
}
