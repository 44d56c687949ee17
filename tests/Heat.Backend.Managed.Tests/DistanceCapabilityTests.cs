// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing.Backend;
using Microsoft.Extensions.Logging;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Managed.Tests;

/// <summary>How Core reaches the distance capability: the backend's own, or the host's through the staging
/// adapter.</summary>
public sealed class DistanceCapabilityTests
{
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }

    [Fact]
    public void Managed_IsItsOwnDistanceCapability()
    {
        using var b = new ManagedBackend(threads: 2);
        Assert.Same(b, b.Capability<IDistanceKernels>());
    }

    [Fact]
    public void WithoutCapabilityOrHost_NotSupported()
    {
        using var device = new DeviceLikeBackend(new ManagedBackend(threads: 1));
        var e = Assert.Throws<NotSupportedException>(() => device.Capability<IDistanceKernels>());
        Assert.Contains("devicelike", e.Message);
        Assert.Contains(nameof(IDistanceKernels), e.Message);
    }

    [Theory]
    [InlineData("float32", true)]
    [InlineData("float64", false)]
    public void DeviceTensors_StagedThroughHostCopies_EqualNative_OneLinePerOp(string dtypeName, bool quadratic)
    {
        var dt = DType.Parse(dtypeName);
        using var managed = new ManagedBackend(threads: 2);
        var log = new ListLogger();
        using var device = new StagingDeviceLikeBackend(new ManagedBackend(threads: 2), managed, log);
        var staged = device.Capability<IDistanceKernels>();
        Assert.NotSame(managed, staged);
        Assert.Same(staged, device.Capability<IDistanceKernels>());
        var kind = new DistanceKind(DistanceMetric.Euclidean, quadratic);
        var native = managed.Capability<IDistanceKernels>();
        int a = 70, b = 45, f = 6;
        var xv = Values(dt, a * f, 3, -4, 4); var yv = Values(dt, b * f, 4, -4, 4);
        using var x = Make(device, dt, [a, f], xv);
        using var y = Make(device, dt, [b, f], yv);
        using var hx = Make(managed, dt, [a, f], xv);
        using var hy = Make(managed, dt, [b, f], yv);
        Assert.Equal(0, x.HostPointer);

        using var wide = device.Empty([a, b + 5], dt);
        using var d = wide.Slice(1, 5, b);
        using var expected = managed.Empty([a, b], dt);
        staged.Block(x, y, d, kind);
        staged.Block(x, y, d, kind);
        native.Block(hx, hy, expected, kind);
        AssertClose(Read(expected), Read(d), dt, "staged Block");
        AssertClose(SuiteDefinition(xv, yv, a, b, f), Read(d), dt, "staged Block vs definition", dt == DType.Float32 ? 1e-3 : 1e-12);

        using var mirror = device.Empty([b, a], dt);
        using var d2 = device.Empty([a, b], dt);
        using var hm = managed.Empty([b, a], dt);
        using var hd2 = managed.Empty([a, b], dt);
        staged.MirroredBlock(x, y, d2, mirror, kind);
        native.MirroredBlock(hx, hy, hd2, hm, kind);
        AssertClose(Read(hd2), Read(d2), dt, "staged MirroredBlock");
        AssertClose(Read(hm), Read(mirror), dt, "staged MirroredBlock mirror");

        using var s = device.Empty([a, a], dt);
        using var hs = managed.Empty([a, a], dt);
        staged.SymmetricBlock(x, s, kind);
        native.SymmetricBlock(hx, hs, kind);
        AssertClose(Read(hs), Read(s), dt, "staged SymmetricBlock");

        using var place = device.Empty([a, b], dt);
        staged.CopyBlock(d, place);
        Assert.Equal(Read(d), Read(place));

        Assert.Equal(4, log.Lines.Count);   // Block twice: one line
        foreach (var op in new[] { "Block", "MirroredBlock", "SymmetricBlock", "CopyBlock" })
            Assert.Single(log.Lines, l => l.Contains($"{nameof(IDistanceKernels)}.{op} ") && l.Contains("devicelike") && l.StartsWith("Information"));
    }

    private static double[] SuiteDefinition(double[] x, double[] y, int a, int b, int f) =>
        DistanceKernelSuite.Definition(x, y, a, b, f, DistanceMetric.Euclidean, 1);
}
