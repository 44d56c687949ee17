// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Heat.Core.Tests;

public class RuntimeTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Create_Self_EntersAndLeavesTheAmbientContext()
    {
        Assert.Null(HeatContext.Current);
        using (var runtime = HeatRuntime.Create(Config(("Heat:Communicator", "self"))))
        {
            Assert.Same(runtime.Context, HeatContext.Current);
            Assert.Equal(1, ht.get_comm().Size);
            Assert.Equal("managed", runtime.Backend.Name);
            Assert.Equal(Device.Cpu, ht.get_device());
        }
        Assert.Null(HeatContext.Current);
    }

    [Fact]
    public void Create_Auto_WithoutLauncher_IsOneRank()
    {
        using var runtime = HeatRuntime.Create(Config(), null, enterContext: false, launcherMarker: null);
        Assert.Equal(1, runtime.Communicator.Size);
        Assert.Null(HeatContext.Current);
    }

    [Fact]
    public void Create_Auto_UnderMpiLauncherWithoutMpi_FailsNamingMpich()
    {
        var e = Assert.Throws<CommunicatorUnavailableException>(() => HeatRuntime.Create(Config(), null, false, "PMI_RANK"));
        Assert.Contains("PMI_RANK", e.Message);
        Assert.Contains("mpich", e.Message);
    }

    [Theory]
    [InlineData("torch", "Heat.Backend.torch")]
    [InlineData("opencl", "Heat.Backend.opencl")]
    public void Create_MissingBackend_NamesTheAssemblyAndWhatIsThere(string name, string assembly)
    {
        var e = Assert.Throws<BackendUnavailableException>(() => HeatRuntime.Create(Config(("Heat:Backend", name), ("Heat:Communicator", "self"))));
        Assert.Contains(assembly, e.Message);
        Assert.Contains("Found: fake, managed", e.Message);
    }

    [Fact]
    public void Create_MissingOrMisusedCommunicator_SaysWhy()
    {
        var mpi = Assert.Throws<CommunicatorUnavailableException>(() => HeatRuntime.Create(Config(("Heat:Communicator", "mpi"))));
        Assert.Contains("Heat.Comm.mpi", mpi.Message);
        Assert.Contains("Found: fake, inproc", mpi.Message);
        var inproc = Assert.Throws<CommunicatorUnavailableException>(() => HeatRuntime.Create(Config(("Heat:Communicator", "inproc"))));
        Assert.Contains("InProcWorld.Run", inproc.Message);
    }

    [Fact]
    public void Create_Auto_UnderALauncher_TakesTheCommunicatorThatRecognisesIt()
    {
        // The fake communicator (found by convention) pretends to recognise the launch.
        var launched = ComponentDiscovery.FindCommunicator("fake")!.GetType().GetProperty("Launched")!;
        launched.SetValue(null, true);
        try
        {
            using var runtime = HeatRuntime.Create(Config(("Heat:Backend", "fake")), null, enterContext: false, launcherMarker: "PMI_RANK");
            Assert.Equal("fake", runtime.Communicator.Kind);
        }
        finally { launched.SetValue(null, false); }
    }

    [Theory]
    [InlineData("0", "gpu:0")]
    [InlineData("1", "gpu:1")]
    [InlineData("2", "gpu:0")]
    [InlineData("3", "gpu:1")]
    public void Create_Gpu_IsLocalRankModuloGpus(string rank, string device)
    {
        // The fake world has two ranks per node, the fake backend two GPUs: world rank r is local rank r % 2.
        using var runtime = HeatRuntime.Create(Config(("Heat:Communicator", "fake"), ("Heat:Backend", "fake"), ("Heat:Device", "gpu"), ("Heat:Fake:Rank", rank)),
            null, enterContext: false, launcherMarker: null);
        Assert.Equal(device, runtime.Context.Device.ToString());
        Assert.Equal(int.Parse(rank) % 2, runtime.Context.LocalRank);
    }

    [Fact]
    public void Gpu_OnManagedBackend_FailsClearly()
    {
        var e = Assert.Throws<BackendUnavailableException>(() => HeatRuntime.Create(Config(("Heat:Communicator", "self"), ("Heat:Device", "gpu"))));
        Assert.Contains("no GPU", e.Message);
        using var runtime = HeatRuntime.Create(Config(("Heat:Communicator", "self")));
        Assert.Throws<BackendUnavailableException>(() => ht.use_device("gpu"));
        ht.use_device("cpu");
    }

    [Fact]
    public void AddHeat_RegistersRuntimeBackendAndCommunicator()
    {
        using var provider = new ServiceCollection().AddHeat(Config(("Heat:Communicator", "self"))).BuildServiceProvider();
        var runtime = provider.GetRequiredService<HeatRuntime>();
        Assert.Same(runtime.Backend, provider.GetRequiredService<ITensorBackend>());
        Assert.Equal(1, provider.GetRequiredService<ICommunicator>().Size);
        Assert.Equal("managed", provider.GetRequiredService<HeatSettings>().Backend);
    }

    [Fact]
    public void LauncherDetection_RecognisesHydraPmixAndSlurm()
    {
        Assert.Null(LauncherDetection.Marker(_ => null));
        Assert.Equal("PMI_RANK", LauncherDetection.Marker(n => n == "PMI_RANK" ? "0" : null));
        Assert.Equal("SLURM_STEP_NUM_TASKS", LauncherDetection.Marker(n => n == "SLURM_STEP_NUM_TASKS" ? "4" : null));
        Assert.Null(LauncherDetection.Marker(n => n == "SLURM_STEP_NUM_TASKS" ? "1" : null));
    }

    [Fact]
    public void InProcRanks_EachSeeTheirOwnContext()
    {
        var ranks = InProcWorld.Run(3, () => (ht.get_comm().Rank, ht.get_comm().Size, HeatContext.Current!.Backend.Name));
        Assert.Equal([(0, 3, "managed"), (1, 3, "managed"), (2, 3, "managed")], ranks);
        Assert.Null(HeatContext.Current);
    }
}
