// SPDX-License-Identifier: MIT
using System.Reflection;

namespace Heat.Abstractions;

/// <summary>
/// Finds backends and communicators by configuration name. Each lives in an assembly named after it
/// (<c>Heat.Backend.Torch</c>, <c>Heat.Comm.Mpi</c>) that announces its provider with an assembly attribute, so an
/// application selects one by configuration alone and Core never references native pieces at compile time.
/// </summary>
public static class ComponentDiscovery
{
    private static readonly Dictionary<string, (string Assembly, string Install)> Backends = new(StringComparer.OrdinalIgnoreCase)
    {
        ["managed"] = ("Heat.Backend.Managed", "it ships with Heat.Core; check that Heat.Backend.Managed.dll is next to the application"),
        ["torch"] = ("Heat.Backend.Torch", "reference the Heat.Backend.Torch project and install libtorch (Debian: apt-get install libtorch-dev cmake g++)"),
        ["opencl"] = ("Heat.Backend.OpenCL", "reference the Heat.Backend.OpenCL project and install an OpenCL runtime (Debian: apt-get install ocl-icd-opencl-dev pocl-opencl-icd)"),
    };

    private static readonly Dictionary<string, (string Assembly, string Install)> Communicators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["inproc"] = ("Heat.Comm.InProc", "it ships with Heat.Core"),
        ["mpi"] = ("Heat.Comm.Mpi", "reference the Heat.Comm.Mpi project and install MPICH (Debian: apt-get install mpich libmpich-dev)"),
    };

    /// <summary>The backend names Heat knows of.</summary>
    public static IReadOnlyCollection<string> BackendNames => Backends.Keys;

    /// <summary>The provider of the named backend.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    /// <exception cref="BackendUnavailableException">Its assembly cannot be loaded.</exception>
    public static ITensorBackendProvider FindBackend(string name)
    {
        if (!Backends.TryGetValue(name, out var entry))
            throw new ArgumentException($"Unknown backend '{name}' in Heat:Backend; expected one of {string.Join(", ", Backends.Keys)}.", nameof(name));
        var assembly = Load(entry.Assembly);
        if (assembly is null)
            throw new BackendUnavailableException($"The '{name}' backend is not installed: assembly {entry.Assembly} was not found. To use it, {entry.Install}.");
        var attribute = assembly.GetCustomAttribute<HeatBackendProviderAttribute>()
            ?? throw new BackendUnavailableException($"Assembly {entry.Assembly} announces no backend provider ([assembly: HeatBackendProvider]).");
        return (ITensorBackendProvider)Activator.CreateInstance(attribute.ProviderType)!;
    }

    /// <summary>The provider of the named communicator, or null when its assembly is absent and <paramref name="required"/> is false.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    /// <exception cref="CommunicatorUnavailableException">Its assembly cannot be loaded and it is required.</exception>
    public static ICommunicatorProvider? FindCommunicator(string name, bool required = true)
    {
        if (!Communicators.TryGetValue(name, out var entry))
            throw new ArgumentException($"Unknown communicator '{name}' in Heat:Communicator; expected one of auto, self, {string.Join(", ", Communicators.Keys)}.", nameof(name));
        var assembly = Load(entry.Assembly);
        if (assembly is null)
        {
            if (!required) return null;
            throw new CommunicatorUnavailableException($"The '{name}' communicator is not installed: assembly {entry.Assembly} was not found. To use it, {entry.Install}.");
        }
        var attribute = assembly.GetCustomAttribute<HeatCommunicatorProviderAttribute>()
            ?? throw new CommunicatorUnavailableException($"Assembly {entry.Assembly} announces no communicator provider ([assembly: HeatCommunicatorProvider]).");
        return (ICommunicatorProvider)Activator.CreateInstance(attribute.ProviderType)!;
    }

    private static Assembly? Load(string assemblyName)
    {
        try { return Assembly.Load(new AssemblyName(assemblyName)); }
        catch (FileNotFoundException) { return null; }
        catch (FileLoadException) { return null; }
    }
}
