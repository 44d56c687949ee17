// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.OpenCL.Interop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>OpenCL-specific behaviour: compiler logs, device selection, zero-copy host memory, program cache, visible fallback.</summary>
public sealed class OpenClBackendTests(OpenClBackendFixture f) : IClassFixture<OpenClBackendFixture>
{
    private OpenClBackend B => (OpenClBackend)f.Backend;

    [Fact]
    public void BrokenKernelSource_ThrowsWithTheCompilersLog()
    {
        var e = Assert.Throws<OpenClBuildException>(() =>
            B.Device_.Build("broken", "__kernel void k(__global float* x) { x[0] = undefined_symbol_42 + ; }", ""));
        Assert.Contains("undefined_symbol_42", e.BuildLog);
        Assert.Contains("Compiler log", e.Message);
        Assert.Contains(e.BuildLog, e.Message);
    }

    [Fact]
    public void Programs_AreBuiltOncePerFamilyAndDType()
    {
        using var x = Make(B, DType.Int16, [4], [1, 2, 3, 4]);
        using var d = B.Empty([4], DType.Int16);
        B.Binary(BinaryOp.Add, x, x, d);
        int built = B.Device_.ProgramsBuilt;
        B.Binary(BinaryOp.Multiply, x, x, d);
        B.Binary(BinaryOp.Subtract, x, d, d);
        using var other = new OpenClBackend(B.Info);
        using var y = Make(other, DType.Int16, [4], [1, 2, 3, 4]);
        using var e = other.Empty([4], DType.Int16);
        other.Binary(BinaryOp.Add, y, y, e);
        Assert.Equal(built, B.Device_.ProgramsBuilt);
        Assert.Equal([2.0, 4, 6, 8], Read(e));
    }

    [Fact]
    public void CpuDevices_ExposeZeroCopyHostMemory_GpusStage()
    {
        using var t = B.Empty([1000], DType.Float64);
        if (B.Info.IsGpu) { Assert.Equal(0, t.HostPointer); return; }
        Assert.NotEqual(0, t.HostPointer);
        Assert.Equal(0, t.HostPointer % 4096);
        B.Fill(t, 2.5);
        Assert.All(t.AsSpan<double>().ToArray(), v => Assert.Equal(2.5, v));
        t.AsSpan<double>()[7] = -1;
        using var s = B.Empty([], DType.Float64);
        B.Reduce(ReduceOp.Sum, t, [0], s);
        Assert.Equal(2500 - 3.5, Read(s)[0]);
    }

    [Fact]
    public void OpsOutsideTheKernelFamilies_FallBackToManaged_AndStayCorrect()
    {
        var a = new System.Numerics.Complex[] { new(1, 2), new(-0.5, 0.25) };
        using var x = MakeComplex(B, DType.Complex128, [2], a);
        using var d = B.Empty([2], DType.Complex128);
        B.Unary(UnaryOp.Sin, x, d);
        var got = ReadComplex(d);
        for (int i = 0; i < 2; i++) Assert.True((got[i] - System.Numerics.Complex.Sin(a[i])).Magnitude < 1e-12);
        B.Binary(BinaryOp.Power, x, x, d);
        got = ReadComplex(d);
        for (int i = 0; i < 2; i++) Assert.True((got[i] - System.Numerics.Complex.Pow(a[i], a[i])).Magnitude < 1e-12);
    }

    [Fact]
    public void Fallback_LogsOneLinePerOpAndDType()
    {
        var log = new ListLogger();
        using var b = new OpenClBackend(B.Info, log);
        using var x = MakeComplex(b, DType.Complex64, [2], [new(1, 2), new(0.5, -1)]);
        using var d = b.Empty([2], DType.Complex64);
        b.Unary(UnaryOp.Cosh, x, d);
        b.Unary(UnaryOp.Cosh, x, d);
        b.Unary(UnaryOp.Exp, x, d); // a kernel: no line
        var line = Assert.Single(log.Lines);
        Assert.Contains("Cosh", line);
        Assert.Contains("complex64", line);
        var got = ReadComplex(d);
        Assert.True((got[0] - System.Numerics.Complex.Exp(new(1, 2))).Magnitude < 1e-5);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    [Fact]
    public void Provider_SelectsDevicesByConfiguration_AndNamesAvailableOnesOnAMiss()
    {
        var all = OpenClPlatforms.List();
        Assert.NotEmpty(all);
        var first = OpenClBackendProvider.SelectDevice("0", "0");
        Assert.Equal(all.First(d => d.PlatformIndex == 0 && d.DeviceIndex == 0).Name, first.Name);
        var e = Assert.Throws<BackendUnavailableException>(() => OpenClBackendProvider.SelectDevice("no-such-platform", null));
        Assert.Contains(all[0].Name, e.Message);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:OpenCL:Device"] = "0" }).Build();
        using var backend = new OpenClBackendProvider().Create(new ProviderContext(config, NullLoggerFactory.Instance, 1));
        Assert.Equal("opencl", backend.Name);
        Assert.Contains("opencl.device", backend.NativeVersions.Keys);
    }

    [Fact]
    public void LargeReductions_UseManyParts_AndAccumulateFloat32InDouble()
    {
        const int n = 1 << 20;
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i % 3 == 0 ? 1e-4f : 1f;
        using var x = B.FromSpan<float>(v, [n]);
        using var s = B.Empty([], DType.Float32);
        B.Reduce(ReduceOp.Sum, x, [0], s);
        double expected = v.Sum(f => (double)f);
        Assert.Equal(expected, Read(s)[0], expected * 1e-7);
        using var m = B.Empty([1], DType.Float64);
        using var q = B.Empty([1], DType.Float64);
        B.Moments(x, [0], m, q);
        Assert.Equal(expected / n, Read(m)[0], 1e-9);
    }
}

/// <summary>The GPU reduction shape (work-group trees in local memory), forced on the PoCL device, against the CPU shape.</summary>
public sealed class OpenClTreeReductionTests
{
    [Fact]
    public void TreeReductions_AgreeWithTheCpuShape()
    {
        using var cpu = new OpenClBackend();
        using var gpu = new OpenClBackend(cpu.Info) { ForceTreeReductions = true };
        var rng = new Random(5);
        var v = Enumerable.Range(0, 3 * 70001).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
        v[12345] = double.NaN;
        foreach (var (op, dt, axes) in new (ReduceOp, DType, int[])[]
        {
            (ReduceOp.Sum, DType.Float32, [0, 1]), (ReduceOp.Sum, DType.Float32, [1]), (ReduceOp.Max, DType.Float64, [1]),
            (ReduceOp.Min, DType.Float64, [0]), (ReduceOp.Sum, DType.Int32, [0, 1]), (ReduceOp.LOr, DType.Int16, [1]),
        })
        {
            var results = new List<double[]>();
            foreach (var b in new[] { cpu, gpu })
            {
                using var x = Make(b, dt, [3, 70001], v);
                var shape = new long[] { axes.Contains(0) ? 1 : 3, axes.Contains(1) ? 1 : 70001 };
                var dtype = op == ReduceOp.LOr ? DType.Bool : op == ReduceOp.Sum && dt == DType.Int32 ? DType.Int64 : dt;
                using var d = b.Empty(shape, dtype);
                b.Reduce(op, x, axes, d);
                results.Add(Read(d));
            }
            AssertClose(results[0], results[1], dt, $"{op.Name} {dt} axes {string.Join(",", axes)}", dt == DType.Float32 ? 1e-6 : 1e-12);
        }
    }
}
