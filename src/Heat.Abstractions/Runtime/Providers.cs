// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>What a provider gets to build a backend or communicator.</summary>
/// <param name="Configuration">The process configuration (the <c>Heat</c> section and everything else).</param>
/// <param name="Loggers">Where log messages go.</param>
/// <param name="RanksOnNode">How many ranks share this machine (threads per rank follow from it).</param>
public sealed record ProviderContext(IConfiguration Configuration, ILoggerFactory Loggers, int RanksOnNode)
{
    private readonly Lazy<ITensorBackend> _host = new(() => ComponentDiscovery.FindBackend("managed").Create(new ProviderContext(Configuration, Loggers, RanksOnNode)));

    /// <summary>
    /// The host backend (managed, created on first use, owned by the backend that takes it) on which a backend runs the
    /// op families it lacks, staging its tensors through host copies (<see cref="IHostFallback"/>).
    /// </summary>
    public ITensorBackend HostBackend => _host.Value;
}

/// <summary>Creates one kind of backend; announced by <see cref="HeatBackendProviderAttribute"/>.</summary>
public interface ITensorBackendProvider
{
    /// <summary>The configuration name (<c>managed</c>, <c>torch</c>, <c>opencl</c>).</summary>
    string Name { get; }
    /// <summary>Creates the backend, probing native libraries eagerly so a missing one fails here.</summary>
    /// <exception cref="BackendUnavailableException">A native library or device is missing.</exception>
    ITensorBackend Create(ProviderContext context);
}

/// <summary>Creates one kind of world communicator; announced by <see cref="HeatCommunicatorProviderAttribute"/>.</summary>
public interface ICommunicatorProvider
{
    /// <summary>The configuration name (<c>mpi</c>).</summary>
    string Name { get; }
    /// <summary>True when this process was started by this communicator's launcher (e.g. mpiexec).</summary>
    bool IsLaunchedByLauncher();
    /// <summary>Ranks of this job on this machine (for sizing thread pools), when known before <see cref="CreateWorld"/>.</summary>
    int RanksOnNode();
    /// <summary>Creates the world communicator of this process.</summary>
    /// <exception cref="CommunicatorUnavailableException">The native library is missing or the launch is wrong.</exception>
    ICommunicator CreateWorld(ProviderContext context);
}

/// <summary>Announces the backend provider type of an assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HeatBackendProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="ITensorBackendProvider"/> with a public parameterless constructor.</summary>
    public Type ProviderType { get; } = providerType;
}

/// <summary>Announces the communicator provider type of an assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HeatCommunicatorProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="ICommunicatorProvider"/> with a public parameterless constructor.</summary>
    public Type ProviderType { get; } = providerType;
}
