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
    private HeatSettings? _settings;

    /// <summary>The <c>Heat</c> section, parsed once (from <see cref="Configuration"/> unless given).</summary>
    /// <exception cref="ArgumentException">A value of the section is malformed.</exception>
    public HeatSettings Settings
    {
        get => _settings ??= HeatSettings.From(Configuration);
        init => _settings = value;
    }

    /// <summary>Compute threads per rank: <c>Heat:Threads</c>, else the cores divided by the ranks on this
    /// node.</summary>
    /// <exception cref="ArgumentException">A value of the section is malformed.</exception>
    public int Threads => Settings.Threads > 0 ? Settings.Threads : CpuBudget.ThreadsPerRank(RanksOnNode);

    private readonly Lazy<ITensorBackend> _host = new(()
        => ComponentDiscovery.FindBackend("managed").Create(new ProviderContext(Configuration, Loggers, RanksOnNode)));

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

/// <summary>Creates one kind of world communicator; announced by
/// <see cref="HeatCommunicatorProviderAttribute"/>.</summary>
public interface ICommunicatorProvider
{
    /// <summary>The configuration name (<c>mpi</c>).</summary>
    string Name { get; }
    /// <summary>True when this process was started by this communicator's launcher (e.g. mpiexec).</summary>
    bool IsLaunchedByLauncher();
    /// <summary>Ranks of this job on this machine (for sizing thread pools), when known before
    /// <see cref="CreateWorld"/>.</summary>
    int RanksOnNode();
    /// <summary>Creates the world communicator of this process.</summary>
    /// <exception cref="CommunicatorUnavailableException">The native library is missing or the launch is
    /// wrong.</exception>
    ICommunicator CreateWorld(ProviderContext context);
}

/// <summary>
/// Announces the backend provider type of an assembly named <c>Heat.Backend.&lt;Name&gt;</c>, where
/// <see cref="ComponentDiscovery"/> finds it by its configuration name.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HeatBackendProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="ITensorBackendProvider"/> with a public parameterless
    /// constructor.</summary>
    public Type ProviderType { get; } = providerType;
    /// <summary>What to install to use it, as a sentence (<c>"Install libtorch (Debian: apt-get install
    /// libtorch-dev)."</c>).</summary>
    public string? Install { get; set; }
}

/// <summary>
/// Announces the communicator provider type of an assembly named <c>Heat.Comm.&lt;Name&gt;</c>, where
/// <see cref="ComponentDiscovery"/> finds it by its configuration name.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HeatCommunicatorProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="ICommunicatorProvider"/> with a public parameterless
    /// constructor.</summary>
    public Type ProviderType { get; } = providerType;
    /// <summary>What to install to use it, as a sentence (<c>"Install libtorch (Debian: apt-get install
    /// libtorch-dev)."</c>).</summary>
    public string? Install { get; set; }
}
