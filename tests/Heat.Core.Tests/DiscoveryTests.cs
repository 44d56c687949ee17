// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Core.Tests;

// Heat.Backend.Fake and Heat.Comm.Fake are test projects no Heat code names: they are found by their assembly names.
public class DiscoveryTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("fake")]
    [InlineData("Fake")]
    [InlineData("FAKE")]
    public void NewBackend_IsFoundByConvention_IgnoringCase(string name)
    {
        var provider = ComponentDiscovery.FindBackend(name);
        Assert.Equal("fake", provider.Name);
        Assert.Equal("Heat.Backend.Fake", provider.GetType().Assembly.GetName().Name);
        Assert.Contains("test double", ComponentDiscovery.InstallHint(provider));
        Assert.Contains("fake", ComponentDiscovery.BackendNames);
        Assert.Contains("managed", ComponentDiscovery.BackendNames);
    }

    [Fact]
    public void NewCommunicator_IsFoundByConvention()
    {
        var provider = ComponentDiscovery.FindCommunicator("Fake")!;
        Assert.Equal("fake", provider.Name);
        Assert.Equal("Heat.Comm.Fake", provider.GetType().Assembly.GetName().Name);
        Assert.Contains("test double", ComponentDiscovery.InstallHint(provider));
        Assert.Equal(["fake", "inproc"], ComponentDiscovery.CommunicatorNames);
        Assert.Equal(["fake", "inproc"], ComponentDiscovery.FindCommunicators().Select(p => p.Name).Order());
        using var runtime = HeatRuntime.Create(Config(("Heat:Communicator", "fake"), ("Heat:Fake:Rank", "2")), null, enterContext: false, launcherMarker: null);
        Assert.Equal(("fake", 2, 4), (runtime.Communicator.Kind, runtime.Communicator.Rank, runtime.Communicator.Size));
    }

    [Fact]
    public void UnknownNames_ListWhatIsNextToTheApplication()
    {
        var backend = Assert.Throws<BackendUnavailableException>(() => ComponentDiscovery.FindBackend("numpy"));
        Assert.Contains("'numpy' backend (Heat:Backend=numpy)", backend.Message);
        Assert.Contains("Heat.Backend.numpy", backend.Message);
        Assert.Contains("Found: fake, managed.", backend.Message);
        Assert.Contains(AppContext.BaseDirectory, backend.Message);
        var comm = Assert.Throws<CommunicatorUnavailableException>(() => ComponentDiscovery.FindCommunicator("pigeon"));
        Assert.Contains("'pigeon' communicator (Heat:Communicator=pigeon)", comm.Message);
        Assert.Contains("Found: fake, inproc.", comm.Message);
        Assert.Null(ComponentDiscovery.FindCommunicator("pigeon", required: false));
        // Test and driver assemblies share the prefix but are no components.
        Assert.Throws<CommunicatorUnavailableException>(() => ComponentDiscovery.FindCommunicator("InProc.Tests"));
    }

    [Fact]
    public void ProviderFailure_CarriesItsInstallHint()
    {
        var e = Assert.Throws<BackendUnavailableException>(() =>
            HeatRuntime.Create(Config(("Heat:Communicator", "self"), ("Heat:Backend", "fake"), ("Heat:Fake:Fail", "no driver"))));
        Assert.Contains("Fake backend: no driver.", e.Message);
        Assert.EndsWith("it is a test double.", e.Message);
    }

    [Fact]
    public void InProcWorld_Gpu_IsRankModuloGpus_WithGivenConfiguration()
    {
        var config = Config(("Heat:Backend", "fake"), ("Heat:Device", "gpu"));
        var devices = InProcWorld.Run(5, () => HeatContext.Current!.Device.ToString(), configuration: config);
        Assert.Equal(["gpu:0", "gpu:1", "gpu:0", "gpu:1", "gpu:0"], devices);
        var backends = InProcWorld.Run(2, () => HeatContext.Current!.Backend.Name, configuration: config, backend: "managed", device: Device.Cpu);
        Assert.Equal(["managed", "managed"], backends);
    }

    [Fact]
    public void UseDevice_Gpu_IsLocalRankModuloGpus()
    {
        var devices = InProcWorld.Run(3, () =>
        {
            ht.use_device("gpu");
            var local = ht.get_device().ToString();
            ht.use_device("gpu:0");
            return (local, ht.get_device().ToString());
        }, configuration: Config(("Heat:Backend", "fake")));
        Assert.Equal([("gpu:0", "gpu:0"), ("gpu:1", "gpu:0"), ("gpu:0", "gpu:0")], devices);
    }

    [Fact]
    public void ResolveDevice_NamesWhatIsMissing()
    {
        using var backend = ComponentDiscovery.FindBackend("fake").Create(new ProviderContext(Config(), NullLoggerFactory.Instance, 1));
        Assert.Equal(Device.Cpu, RankSetup.ResolveDevice(Device.Cpu, false, backend, 3));
        Assert.Equal(new Device(DeviceKind.Gpu, 1), RankSetup.ResolveDevice(new Device(DeviceKind.Gpu, 1), false, backend, 0));
        var e = Assert.Throws<BackendUnavailableException>(() => RankSetup.ResolveDevice(new Device(DeviceKind.Gpu, 2), false, backend, 0));
        Assert.Contains("'gpu:2' is not available: the 'fake' backend has gpu:0, gpu:1", e.Message);
    }
}
