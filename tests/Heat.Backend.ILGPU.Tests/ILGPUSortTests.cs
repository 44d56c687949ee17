// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.ILGPU.Tests;

/// <summary>
/// The radix sort of 1-d float32, float64, int32 and int64 tensors against the managed backend's stable sort: the
/// same values (bit for bit: NaNs of either sign last ascending and first descending, −0 and +0 tied) and the same
/// positions (stable in both directions), for contiguous and strided inputs.
/// </summary>
public sealed class ILGPUSortTests(ILGPUBackendFixture f) : IClassFixture<ILGPUBackendFixture>
{
    public static TheoryData<string, bool, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, bool>();
            foreach (var dtype in new[] { "float32", "float64", "int32", "int64" })
                foreach (var descending in new[] { false, true })
                    foreach (var strided in new[] { false, true }) data.Add(dtype, descending, strided);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void RadixSort_EqualsTheStableHostSort(string dtypeName, bool descending, bool strided)
    {
        var dtype = DType.Parse(dtypeName);
        var random = new Random(7);
        var values = new List<double>();
        if (dtype.IsFloat)
            values.AddRange([double.NaN, -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, -double.NaN,
                0.0, -0.0, double.NaN]);
        for (int i = 0; i < 300; i++) values.Add(random.Next(-20, 20) * (dtype.IsFloat ? 0.5 : 1));
        var input = values.ToArray();
        using var host = new ManagedBackend(1);
        var want = SortOn(host, dtype, input, descending, strided);
        var got = SortOn(f.Backend, dtype, input, descending, strided);
        Assert.Equal(want.Indices, got.Indices);
        Assert.Equal(want.Values.Select(BitConverter.DoubleToInt64Bits),
            got.Values.Select(BitConverter.DoubleToInt64Bits));
    }

    private static (double[] Values, double[] Indices) SortOn(ITensorBackend backend, DType dtype, double[] input,
        bool descending, bool strided)
    {
        // Strided: every element twice, the sort reads every second one.
        var source = strided ? input.SelectMany(v => new[] { v, 1.0 }).ToArray() : input;
        using var all = Make(backend, dtype, [source.Length], source);
        using var x = strided ? all.Slice(0, 0, input.Length, 2) : all.Share();
        using var values = backend.Empty([input.Length], dtype);
        using var indices = backend.Empty([input.Length], DType.Int64);
        backend.Capability<ISortKernels>().Sort(x, 0, descending, stable: true, values, indices);
        return (Read(values), Read(indices));
    }
}
