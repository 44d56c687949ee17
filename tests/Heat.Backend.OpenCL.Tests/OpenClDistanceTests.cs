// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>OpenCL has no distance kernels: the host backend's, handed over by the runtime, run through the staging
/// adapter.</summary>
public sealed class OpenClDistanceTests(OpenClBackendFixture f) : IClassFixture<OpenClBackendFixture>
{
    private OpenClBackend B => (OpenClBackend)f.Backend;

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception));
        }
    }

    [Fact]
    public void Provider_HandsOverTheContextsHostBackend()
    {
        var context = new ProviderContext(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, 1);
        using var backend = (OpenClBackend)new OpenClBackendProvider().Create(context);
        Assert.Same(context.HostBackend, backend.HostBackend);
        Assert.Equal("managed", backend.HostBackend.Name);
    }

    [Fact]
    public void Distances_RunStagedOnTheHostBackend_OneLinePerOp_EqualManaged()
    {
        var log = new ListLogger();
        using var b = new OpenClBackend(B.Info, log);
        Assert.False(((ITensorBackend)b) is IDistanceKernels);
        var kernels = b.Capability<IDistanceKernels>();
        Assert.NotSame(b.HostBackend, kernels);
        var host = b.HostBackend.Capability<IDistanceKernels>();
        var kind = new DistanceKind(DistanceMetric.Rbf, QuadraticExpansion: true, Sigma: 2);
        var xv = Values(DType.Float32, 50 * 4, 5, -4, 4); var yv = Values(DType.Float32, 30 * 4, 6, -4, 4);
        using var x = Make(b, DType.Float32, [50, 4], xv);
        using var y = Make(b, DType.Float32, [30, 4], yv);
        using var d = b.Empty([50, 30], DType.Float32);
        kernels.Block(x, y, d, kind);
        kernels.Block(x, y, d, kind);
        using var hx = Make(b.HostBackend, DType.Float32, [50, 4], xv);
        using var hy = Make(b.HostBackend, DType.Float32, [30, 4], yv);
        using var expected = b.HostBackend.Empty([50, 30], DType.Float32);
        host.Block(hx, hy, expected, kind);
        AssertClose(Read(expected), Read(d), DType.Float32, "staged rbf block", 1e-6);
        var line = Assert.Single(log.Lines);
        Assert.Contains("opencl", line);
        Assert.Contains("IDistanceKernels.Block", line);
        Assert.Contains("managed", line);
    }
}
