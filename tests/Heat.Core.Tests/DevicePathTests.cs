// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Distributed;
using Heat.Linalg;

namespace Heat.Core.Tests;

/// <summary>
/// The paths Core takes for backends without <see cref="IReductionKernels"/> (one-hot matmul, backend element-wise ops
/// and arg-reductions) give what the managed kernels give, run here on the managed backend by not asking for them.
/// </summary>
public sealed class DevicePathTests
{
    private static readonly ManagedBackend Backend = new(1);

    private static LocalTensor Tensor<T>(T[] data, params long[] shape) where T : unmanaged => Backend.FromSpan<T>(data, shape);

    [Theory, InlineData(0, 7), InlineData(1, 7), InlineData(257, 7), InlineData(257, 8), InlineData(300, 4)]
    public void NearestRows_BackendOps_EqualTheKernels(int rows, int k)
    {
        var rng = new Random(rows + 1);
        var x = Enumerable.Range(0, rows * 5).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
        var y = Enumerable.Range(0, k * 5).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
        foreach (var single in new[] { false, true })
        {
            using var xt = single ? Tensor(x.Select(v => (float)v).ToArray(), rows, 5) : Tensor(x, rows, 5);
            using var yt = single ? Tensor(y.Select(v => (float)v).ToArray(), k, 5) : Tensor(y, k, 5);
            using var host = NearestRows.Local(Backend, xt, yt);
            using var device = NearestRows.Local(Backend, xt, yt, useKernels: false);
            var expected = host.ToArray<long>();
            Assert.Equal(expected, device.ToArray<long>());
            for (int i = 0; i < rows; i++)   // and the kernel's label is the nearest row
            {
                double Distance(int j) => Enumerable.Range(0, 5).Sum(d => (x[i * 5 + d] - y[j * 5 + d]) * (x[i * 5 + d] - y[j * 5 + d]));
                Assert.Equal(Enumerable.Range(0, k).MinBy(Distance), (int)expected[i]);
            }
        }
    }

    [Fact]
    public void SegmentSums_OneHotMatmul_EqualTheKernels()
    {
        var rows = Enumerable.Range(0, 30).Select(i => (i * 7 % 11) * 0.5 - 2).ToArray();
        long[] labels = [2, 0, 0, 4, 2, 1, 0, 4, 4, 2];
        using var data = Tensor(rows, 10, 3);
        using var ids = Tensor(labels, 10);
        using var host = Segments.Local(Backend, data, ids, 5, DType.Float64, null);
        using var device = Segments.Local(Backend, data, ids, 5, DType.Float64, null, useKernels: false);
        Assert.Equal(host.ToArray<double>(), device.ToArray<double>());
        using var hostCounts = Segments.CountLocal(Backend, ids, 5, null);
        using var deviceCounts = Segments.CountLocal(Backend, ids, 5, null, useKernels: false);
        Assert.Equal(new long[] { 3, 1, 3, 0, 3 }, hostCounts.ToArray<long>());
        Assert.Equal(hostCounts.ToArray<long>(), deviceCounts.ToArray<long>());
        Assert.Throws<ArgumentException>(() => Segments.Local(Backend, data, ids, 4, DType.Float64, null, useKernels: false).Dispose());
        Assert.Throws<ArgumentException>(() => Segments.CountLocal(Backend, ids, 4, null, useKernels: false).Dispose());
    }
}
