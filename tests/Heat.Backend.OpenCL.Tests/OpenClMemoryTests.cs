// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>Heat:OpenCL:Memory (zero-copy host memory or device buffers) and the device's largest allocation.</summary>
public sealed unsafe class OpenClMemoryTests(OpenClBackendFixture f) : IClassFixture<OpenClBackendFixture>
{
    private OpenClBackend B => (OpenClBackend)f.Backend;

    private static IConfiguration Config(string? memory) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:OpenCL:Memory"] = memory }).Build();

    [Fact]
    public void DeviceMode_HasNoHostPointer_AndStagesEveryHostAccess()
    {
        using var b = new OpenClBackend(B.Info) { Memory = OpenClMemory.Device };
        var v = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        using var x = b.FromSpan<double>(v, [3, 4]);
        Assert.Equal(0, x.HostPointer);
        Assert.Throws<InvalidOperationException>(() => x.AsSpan<double>());
        Assert.Equal(v, x.ToArray<double>());
        using var column = x.Slice(1, 2, 1);                      // strided: staged through a contiguous copy
        Assert.Equal([2.0, 6, 10], column.ToArray<double>());
        var fresh = new double[] { -1, -2, -3 };
        fixed (double* p = fresh) b.CopyFromHost(p, column);
        Assert.Equal([0.0, 1, -1, 3, 4, 5, -2, 7, 8, 9, -3, 11], x.ToArray<double>());
    }

    [Fact]
    public void Provider_ReadsTheMemoryKey_AndRejectsOtherValues()
    {
        var context = (string? m) => new ProviderContext(Config(m), NullLoggerFactory.Instance, 1);
        using (var host = (OpenClBackend)new OpenClBackendProvider().Create(context(null))) Assert.Equal(OpenClMemory.Host, host.Memory);
        using (var device = (OpenClBackend)new OpenClBackendProvider().Create(context("Device")))
        {
            Assert.Equal(OpenClMemory.Device, device.Memory);
            using var t = device.Empty([8], DType.Float32);
            Assert.Equal(0, t.HostPointer);
        }
        var e = Assert.Throws<ArgumentException>(() => new OpenClBackendProvider().Create(context("pinned")));
        Assert.Contains("Heat:OpenCL:Memory", e.Message);
    }

    [Fact]
    public void DeviceMode_ThroughInProcWorld_RunsDistributedOpsWithoutHostPointers()
    {
        var sums = InProcWorld.Run(3, () =>
        {
            using var x = ht.arange(10, dtype: ht.float64, split: 0);
            Assert.Equal(0, x.larray.HostPointer);
            using var r = x.reshape(2, 5);
            using var y = ht.resplit(r, 1);
            using var s = y.sum();
            return s.item<double>();
        }, backend: "opencl", configuration: Config("device"));
        Assert.All(sums, s => Assert.Equal(45.0, s));
    }

    [Fact]
    public void TensorAboveTheLargestAllocation_FailsBeforeAllocating_NamingLimitSizeAndRemedy()
    {
        long max = B.Info.MaxAllocation;
        Assert.True(max > 0 && max < long.MaxValue / 4, $"CL_DEVICE_MAX_MEM_ALLOC_SIZE = {max}");
        long n = max / 8 + 1;
        var e = Assert.Throws<InsufficientMemoryException>(() => B.Empty([n], DType.Float64));
        Assert.Contains($"{n * 8} bytes", e.Message);
        Assert.Contains($"CL_DEVICE_MAX_MEM_ALLOC_SIZE = {max} bytes", e.Message);
        Assert.Contains("more ranks", e.Message);
        Assert.Contains("another backend", e.Message);
    }

    [Fact]
    public void DistributedArrayWhoseChunksExceedTheLimit_FailsOnEveryRank()
    {
        long n = B.Info.MaxAllocation / 8 * 2 + 64;  // two ranks: each chunk just over the limit
        var threw = InProcWorld.Run(2, () =>
        {
            try { ht.zeros([n], dtype: ht.float64, split: 0).Dispose(); return false; }
            catch (InsufficientMemoryException) { return true; }
        }, backend: "opencl", configuration: Config("device"));
        Assert.All(threw, Assert.True);
    }
}
