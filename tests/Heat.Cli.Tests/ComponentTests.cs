// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Cli.Tests;

// The CLI ships every component, so their assemblies lie next to it; each is found by name alone.
public class ComponentTests
{
    [Theory]
    [InlineData("opencl", "Heat.Backend.OpenCL", "pocl-opencl-icd")]
    [InlineData("OpenCL", "Heat.Backend.OpenCL", "pocl-opencl-icd")]
    [InlineData("torch", "Heat.Backend.Torch", "libtorch-dev")]
    [InlineData("managed", "Heat.Backend.Managed", "ships with Heat.Core")]
    [InlineData("ilgpu", "Heat.Backend.ILGPU", "NVIDIA driver")]
    public void Backends_AreFoundByName_WithTheirInstallHints(string name, string assembly, string hint)
    {
        var provider = ComponentDiscovery.FindBackend(name);
        Assert.Equal(name.ToLowerInvariant(), provider.Name);
        Assert.Equal(assembly, provider.GetType().Assembly.GetName().Name);
        Assert.Contains(hint, ComponentDiscovery.InstallHint(provider));
    }

    [Theory]
    [InlineData("mpi", "Heat.Comm.Mpi", "libmpich-dev")]
    [InlineData("InProc", "Heat.Comm.InProc", "ships with Heat.Core")]
    public void Communicators_AreFoundByName_WithTheirInstallHints(string name, string assembly, string hint)
    {
        var provider = ComponentDiscovery.FindCommunicator(name)!;
        Assert.Equal(name.ToLowerInvariant(), provider.Name);
        Assert.Equal(assembly, provider.GetType().Assembly.GetName().Name);
        Assert.Contains(hint, ComponentDiscovery.InstallHint(provider));
    }
}
