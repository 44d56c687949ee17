// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Backend.Torch.Interop;
using Heat.Testing.Backend;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.Torch.Tests;

public sealed class TorchBackendTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Fact]
    public void Backend_DescribesItself_AndReportsLibtorch()
    {
        Assert.Equal("torch", B.Name);
        Assert.Equal(Device.Cpu, B.DefaultDevice);
        Assert.Equal(Device.Cpu, B.Devices[0]);
        Assert.Equal(2, B.Threads);
        Assert.StartsWith("1.", B.NativeVersions["libtorch"]); // Debian's libtorch 1.13 in CI
        Assert.Contains("ABI 1", B.NativeVersions["heat_torch"]);
    }

    [Fact]
    public void Provider_IsAnnounced_AndReadsThreadsFromConfiguration()
    {
        var attr = typeof(TorchBackend).Assembly.GetCustomAttributes(typeof(HeatBackendProviderAttribute), false).Cast<HeatBackendProviderAttribute>().Single();
        Assert.Equal(typeof(TorchBackendProvider), attr.ProviderType);
        var provider = ComponentDiscovery.FindBackend("torch");
        Assert.IsType<TorchBackendProvider>(provider);
        var empty = new ConfigurationBuilder().Build();
        using (var b = provider.Create(new ProviderContext(empty, NullLoggerFactory.Instance, 4)))
            Assert.Equal(CpuBudget.ThreadsPerRank(4), b.Threads);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:Threads"] = "1" }).Build();
        using (var b = provider.Create(new ProviderContext(config, NullLoggerFactory.Instance, 1)))
            Assert.Equal(1, b.Threads);
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:Threads"] = "-2" }).Build();
        Assert.Throws<ArgumentException>(() => provider.Create(new ProviderContext(bad, NullLoggerFactory.Instance, 1)));
    }

    [Fact]
    public void Gpu_WithoutCuda_FailsClearly()
    {
        if (B.Devices.Any(d => d.IsGpu))
        {
            using var t = B.Empty([3], DType.Float32, B.Devices.First(d => d.IsGpu));
            Assert.Equal(0, t.HostPointer); // device memory is not host-addressable: communication stages through the host
            return;
        }
        var e = Assert.Throws<BackendUnavailableException>(() => B.Empty([3], DType.Float32, new Device(DeviceKind.Gpu, 0)));
        Assert.Contains("no CUDA", e.Message);
        Assert.Contains("cmake_prefix_path", e.Message);
    }

    [Fact]
    public void Loader_ListsWhatItTried_AndWhatToInstall()
    {
        var candidates = NativeLoader.Candidates().ToList();
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, NativeLoader.FileName), candidates);
        Assert.Contains(candidates, c => c.Contains(Path.Combine("runtimes", "linux-x64", "native"), StringComparison.Ordinal));
        Assert.EndsWith(Path.Combine("obj", "native", "Release", NativeLoader.FileName), candidates[^1]);
        var message = NativeLoader.FailureMessage(["/nowhere/libheat_torch.so: not found"]);
        Assert.Contains("/nowhere/libheat_torch.so: not found", message);
        Assert.Contains("apt-get install libtorch-dev cmake g++", message);
        Assert.Contains(NativeLoader.PathVariable, message);
        Assert.NotNull(NativeLoader.LoadedFrom);
    }

    [Fact]
    public void LibtorchErrors_BecomeTypedExceptions_WithoutBacktrace()
    {
        using var a = B.Empty([2, 3], DType.Float32);
        using var b = B.Empty([4, 5], DType.Float32);
        using var c = B.Empty([2, 5], DType.Float32);
        var e = Assert.Throws<TorchException>(() => B.Matmul(a, b, c));
        Assert.Contains("matmul", e.Message);
        Assert.DoesNotContain("frame #", e.Message);
        using var m = new ManagedBackend(1);
        using var foreign = m.Empty([2, 3], DType.Float32);
        Assert.Throws<ArgumentException>(() => B.Copy(foreign, a));
    }

    [Fact]
    public void FloatToIntCasts_Saturate_AsTheManagedBackend()
    {
        double[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 3e9, -3e9, 300, -300, 2.5, -2.5];
        using var m = new ManagedBackend(1);
        foreach (var to in new[] { DType.UInt8, DType.Int8, DType.Int16, DType.Int32, DType.Int64 })
            foreach (var from in new[] { DType.Float32, DType.Float64 })
            {
                using var xt = BackendTestData.Make(B, from, [values.Length], values);
                using var xm = BackendTestData.Make(m, from, [values.Length], values);
                using var dt = B.Empty([values.Length], to);
                using var dm = m.Empty([values.Length], to);
                B.Copy(xt, dt);
                m.Copy(xm, dm);
                Assert.Equal(BackendTestData.Read(dm), BackendTestData.Read(dt));
            }
    }

    [Fact]
    public void RandomOps_AgreeWithTheManagedBackend()
    {
        using var m = new ManagedBackend(2);
        var rng = new Random(42);
        foreach (var dt in new[] { DType.Float32, DType.Float64, DType.Int32, DType.Int64 })
        {
            var av = BackendTestData.Values(dt, 6 * 7, rng.Next(), -5, 5);
            var bv = BackendTestData.Values(dt, 6 * 7, rng.Next(), 1, 5);
            using var at = BackendTestData.Make(B, dt, [6, 7], av);
            using var bt = BackendTestData.Make(B, dt, [6, 7], bv);
            using var am = BackendTestData.Make(m, dt, [6, 7], av);
            using var bm = BackendTestData.Make(m, dt, [6, 7], bv);
            foreach (var op in new[] { BinaryOp.Add, BinaryOp.Multiply, BinaryOp.FloorDivide, BinaryOp.Remainder, BinaryOp.Power, BinaryOp.Maximum })
                Compare(B.Binary(op, at, bt), m.Binary(op, am, bm), dt, op.ToString());
            foreach (var axes in new[] { new[] { 0 }, new[] { 1 }, new[] { 0, 1 } })
                Compare(B.Reduce(ReduceOp.Sum, at, axes, keepDims: true, dtype: dt.IsFloat ? dt : DType.Int64),
                    m.Reduce(ReduceOp.Sum, am, axes, keepDims: true, dtype: dt.IsFloat ? dt : DType.Int64), dt, "sum");
            using var tt = at.Permute([1, 0]);
            using var tm = am.Permute([1, 0]);
            Compare(B.Matmul(at, tt), m.Matmul(am, tm), dt, "matmul");
        }
    }

    private static void Compare(LocalTensor torch, LocalTensor managed, DType dt, string what)
    {
        using (torch) using (managed)
            BackendTestData.AssertClose(BackendTestData.Read(managed), BackendTestData.Read(torch), torch.DType, $"{what} {dt}");
    }
}
