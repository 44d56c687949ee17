// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.ILGPU.Tests;

/// <summary>ILGPU-specific behaviour: device memory, kernel cache, buffer pool, visible fallback,
/// configuration.</summary>
public sealed class ILGPUBackendTests(ILGPUBackendFixture f) : IClassFixture<ILGPUBackendFixture>
{
    private ILGPUBackend B => (ILGPUBackend)f.Backend;

    [Fact]
    public void Tensors_AreDeviceMemory_NotHostAddressable()
    {
        using var t = B.Empty([100], DType.Float64);
        Assert.Equal(0, t.HostPointer);
        B.Fill(t, 2.5);
        Assert.All(Read(t), v => Assert.Equal(2.5, v));
    }

    [Fact]
    public void Kernels_AreLoadedOncePerSignature()
    {
        using var x = Make(B, DType.Int16, [4], [1, 2, 3, 4]);
        using var d = B.Empty([4], DType.Int16);
        B.Binary(BinaryOp.Add, x, x, d);
        var slot = B.Slot(Device.Cpu);
        int loaded = slot.KernelsLoaded;
        B.Binary(BinaryOp.Multiply, x, x, d);
        B.Binary(BinaryOp.Subtract, x, d, d);
        Assert.Equal(loaded, slot.KernelsLoaded);
        Assert.Equal([0.0, -2, -6, -12], Read(d));
    }

    [Fact]
    public void ReleasedBuffers_AreReusedFromThePool()
    {
        using var b = new ILGPUBackend(ILGPUAcceleratorKind.Cpu);
        b.Empty([1000], DType.Float32).Dispose();
        var pool = b.Slot(Device.Cpu).Pool;
        long reused = pool.Reused;
        using var again = b.Empty([900], DType.Float32);
        Assert.Equal(reused + 1, pool.Reused);
    }

    [Fact]
    public void Fallback_LogsOneLinePerOpAndDType_AndStaysCorrect()
    {
        var log = new ListLogger();
        using var b = new ILGPUBackend(ILGPUAcceleratorKind.Cpu, logger: log);
        using var x = Make(b, DType.Float64, [3], [0.5, 1.5, -2.5]);
        using var d = b.Empty([3], DType.Float64);
        b.Unary(UnaryOp.Round, x, d);
        b.Unary(UnaryOp.Round, x, d);
        b.Unary(UnaryOp.Exp, x, d); // a kernel: no line
        var line = Assert.Single(log.Lines);
        Assert.Contains("Round", line);
        Assert.Contains("float64", line);
        Assert.Equal(Math.Exp(-2.5), Read(d)[2], 12);
    }

    [Fact]
    public void LargeReductions_UseManyParts_AndAccumulateFloat32InDouble()
    {
        const int n = 1 << 16;
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i % 3 == 0 ? 1e-4 : 1;
        using var x = Make(B, DType.Float32, [n], v);
        using var s = B.Empty([], DType.Float32);
        B.Reduce(ReduceOp.Sum, x, [0], s);
        double expected = v.Sum(e => (double)(float)e);
        Assert.Equal(expected, Read(s)[0], expected * 1e-7);
        using var m = B.Empty([1], DType.Float64);
        using var q = B.Empty([1], DType.Float64);
        B.Moments(x, [0], m, q);
        Assert.Equal(expected / n, Read(m)[0], 1e-9);
    }

    [Fact]
    public void Provider_ParsesTheAcceleratorKey_AndRejectsOthersNamingIt()
    {
        Assert.Equal(ILGPUAcceleratorKind.Auto, ILGPUBackendProvider.ParseAccelerator(null));
        Assert.Equal(ILGPUAcceleratorKind.Cuda, ILGPUBackendProvider.ParseAccelerator(" CUDA "));
        Assert.Equal(ILGPUAcceleratorKind.OpenCL, ILGPUBackendProvider.ParseAccelerator("opencl"));
        Assert.Equal(ILGPUAcceleratorKind.Cpu, ILGPUBackendProvider.ParseAccelerator("cpu"));
        var e = Assert.Throws<ArgumentException>(() => ILGPUBackendProvider.ParseAccelerator("rocm"));
        Assert.Contains(ILGPUBackendProvider.AcceleratorKey, e.Message);
    }

    [Fact]
    public void Provider_WithoutAGpu_ExplainsWhatToInstall()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ILGPUBackendProvider.AcceleratorKey] = "cpu", ["Heat:Device"] = "gpu",
        }).Build();
        var e = Assert.Throws<BackendUnavailableException>(() =>
            new ILGPUBackendProvider().Create(new ProviderContext(config, NullLoggerFactory.Instance, 1)));
        Assert.Contains("NVIDIA driver", e.Message);
        Assert.Contains("PoCL", e.Message);
    }

    [Fact]
    public void Provider_CreatesTheCpuAcceleratorBackend()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ILGPUBackendProvider.AcceleratorKey] = "cpu",
        }).Build();
        using var backend = new ILGPUBackendProvider().Create(
            new ProviderContext(config, NullLoggerFactory.Instance, 1));
        Assert.Equal("ilgpu", backend.Name);
        Assert.Equal([Device.Cpu], backend.Devices);
        Assert.Contains("ilgpu", backend.NativeVersions.Keys);
    }

    [Fact]
    public void Describe_ListsTheCpuAccelerator()
    {
        var lines = ILGPUDevices.Describe();
        Assert.Contains(lines, l => l.StartsWith("ILGPU: CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void SelectedByName_RunsADistributedSum()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ILGPUBackendProvider.AcceleratorKey] = "cpu",
        }).Build();
        var sums = InProcWorld.Run(3, () =>
        {
            Assert.Equal("ilgpu", HeatContext.Current!.Backend.Name);
            using var x = ht.arange(10, dtype: DType.Float64, split: 0);
            using var s = ht.sum(x);
            return s.item<double>();
        }, TimeSpan.FromSeconds(60), backend: "ilgpu", configuration: config);
        Assert.All(sums, s => Assert.Equal(45.0, s));
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel,
            Microsoft.Extensions.Logging.EventId eventId,
            TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Lines.Add(formatter(state, exception));
    }
}
