// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Core.Tests;

public class SettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_MatchApi()
    {
        var config = Config();
        var s = HeatSettings.From(config);
        Assert.Equal(("managed", "auto", Device.Cpu, false, 0, LogLevel.Warning), (s.Backend, s.Communicator, s.Device, s.DevicePerLocalRank, s.Threads, s.LogLevel));
        Assert.Same(config, s.Configuration);
    }

    [Fact]
    public void EveryKey_IsParsed()
    {
        var s = HeatSettings.From(Config(("Heat:Backend", "OpenCL"), ("Heat:Communicator", "MPI"), ("Heat:Device", " GPU "),
            ("Heat:Threads", "3"), ("Heat:LogLevel", "debug"), ("Heat:OpenCL:Memory", "device")));
        Assert.Equal(("opencl", "mpi", new Device(DeviceKind.Gpu, 0), true, 3, LogLevel.Debug),
            (s.Backend, s.Communicator, s.Device, s.DevicePerLocalRank, s.Threads, s.LogLevel));
        Assert.Equal("device", s.Configuration["Heat:OpenCL:Memory"]);
    }

    [Theory]
    [InlineData("gpu:1", DeviceKind.Gpu, 1, false)]
    [InlineData("cuda", DeviceKind.Gpu, 0, true)]
    [InlineData("cpu", DeviceKind.Cpu, 0, false)]
    public void Device_IndexedOrPerLocalRank(string text, DeviceKind kind, int index, bool perLocalRank)
    {
        var s = HeatSettings.From(Config(("Heat:Device", text)));
        Assert.Equal((new Device(kind, index), perLocalRank), (s.Device, s.DevicePerLocalRank));
    }

    [Theory]
    [InlineData("Heat:Backend", "")]
    [InlineData("Heat:Communicator", "  ")]
    [InlineData("Heat:Threads", "")]
    public void EmptyValues_MeanTheDefault(string key, string value)
    {
        var s = HeatSettings.From(Config((key, value)));
        Assert.Equal(("managed", "auto", 0), (s.Backend, s.Communicator, s.Threads));
    }

    [Theory]
    [InlineData("Heat:Backend", "torch-2")]
    [InlineData("Heat:Backend", "2d")]
    [InlineData("Heat:Communicator", "carrier pigeon")]
    [InlineData("Heat:Communicator", "../mpi")]
    [InlineData("Heat:Device", "tpu")]
    [InlineData("Heat:Device", "gpu:-1")]
    [InlineData("Heat:Threads", "-2")]
    [InlineData("Heat:Threads", "zero")]
    [InlineData("Heat:Threads", "1.5")]
    [InlineData("Heat:LogLevel", "loud")]
    [InlineData("Heat:LogLevel", "3")]
    public void BadValues_FailNamingTheKeyAndValue(string key, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => HeatSettings.From(Config((key, value))));
        Assert.Contains($"{key} is '{value}'", e.Message);
        Assert.Contains("expected", e.Message);
    }

    [Fact]
    public void With_OverridesBackendAndDevice()
    {
        var s = HeatSettings.From(Config(("Heat:Backend", "torch"), ("Heat:Device", "gpu"))).With("Fake", Device.Cpu);
        Assert.Equal(("fake", Device.Cpu, false), (s.Backend, s.Device, s.DevicePerLocalRank));
        Assert.Equal(s, s.With(null, null));
        Assert.Throws<ArgumentException>(() => s.With("no such", null));
    }

    [Fact]
    public void ProviderContext_CarriesTheSettings_AndThreadsFollowFromThem()
    {
        var context = new ProviderContext(Config(("Heat:Threads", "3")), NullLoggerFactory.Instance, 4);
        Assert.Equal(3, context.Settings.Threads);
        Assert.Equal(3, context.Threads);
        var automatic = new ProviderContext(Config(), NullLoggerFactory.Instance, 4);
        Assert.Equal(CpuBudget.ThreadsPerRank(4), automatic.Threads);
        var given = automatic with { Settings = HeatSettings.From(Config(("Heat:Threads", "5"))) };
        Assert.Equal(5, given.Threads);
        var bad = new ProviderContext(Config(("Heat:Threads", "zero")), NullLoggerFactory.Instance, 1);
        Assert.Contains("Heat:Threads", Assert.Throws<ArgumentException>(() => bad.Threads).Message);
    }
}
