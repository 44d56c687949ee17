// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Heat;

/// <summary>
/// One process's Heat set-up: the backend, the world communicator and the device chosen by configuration, made the
/// ambient context of the thread that created it (and of the async work it starts). Dispose it at the end of the
/// program.
/// </summary>
public sealed class HeatRuntime : IDisposable
{
    private static readonly object DefaultLock = new();
    private static HeatRuntime? _processDefault;
    private readonly IDisposable? _scope;
    private readonly bool _ownsLoggers;
    private int _disposed;

    private HeatRuntime(HeatSettings settings, RankContext context, ILoggerFactory loggers, bool ownsLoggers, bool enter)
    {
        Settings = settings; Context = context; Loggers = loggers; _ownsLoggers = ownsLoggers;
        if (enter) _scope = HeatContext.Enter(context);
        loggers.CreateLogger("Heat").LogInformation("Heat {Version}: backend {Backend}, communicator {Comm} rank {Rank}/{Size}, device {Device}",
            Version, context.Backend.Name, context.Communicator.Kind, context.Communicator.Rank, context.Communicator.Size, context.Device);
    }

    /// <summary>Heat's version.</summary>
    public static string Version => typeof(HeatRuntime).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    /// <summary>The settings in force (the parsed <c>Heat</c> section).</summary>
    public HeatSettings Settings { get; }
    /// <summary>The rank context (backend, communicator, device).</summary>
    public RankContext Context { get; }
    /// <summary>The loggers.</summary>
    public ILoggerFactory Loggers { get; }
    /// <summary>The node-local backend.</summary>
    public ITensorBackend Backend => Context.Backend;
    /// <summary>The world communicator.</summary>
    public ICommunicator Communicator => Context.Communicator;

    /// <summary>Builds the configuration Heat reads: <c>appsettings.json</c> (optional), environment variables
    /// (<c>Heat__Backend</c>), then command-line arguments (<c>--Heat:Backend=torch</c>).</summary>
    public static IConfiguration BuildConfiguration(string[]? args = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(FilterHeatArguments(args ?? []))
            .Build();

    /// <summary>Creates the runtime from configuration and makes it the ambient context of the calling
    /// thread.</summary>
    /// <exception cref="BackendUnavailableException">The configured backend is not installed.</exception>
    /// <exception cref="CommunicatorUnavailableException">The configured communicator is not installed or not valid
    /// here.</exception>
    /// <exception cref="ArgumentException">A value of the <c>Heat</c> section is malformed (the message names the
    /// key).</exception>
    public static HeatRuntime Create(IConfiguration configuration, ILoggerFactory? loggers = null, bool enterContext = true) =>
        Create(configuration, loggers, enterContext, LauncherDetection.Marker());

    internal static HeatRuntime Create(IConfiguration configuration, ILoggerFactory? loggers, bool enterContext, string? launcherMarker)
    {
        var settings = HeatSettings.From(configuration);
        bool ownsLoggers = loggers is null;
        loggers ??= CreateLoggers(settings.LogLevel);
        ICommunicator? communicator = null;
        try
        {
            communicator = CreateCommunicator(settings, loggers, launcherMarker, out int ranksOnNode);
            // Ranks fill nodes in blocks (mpiexec's default): the local rank is the world rank modulo the node's ranks.
            int localRank = communicator.Rank % Math.Max(1, ranksOnNode);
            var context = RankSetup.CreateContext(settings, communicator, localRank, ranksOnNode, loggers);
            return new HeatRuntime(settings, context, loggers, ownsLoggers, enterContext);
        }
        catch
        {
            communicator?.Dispose();
            if (ownsLoggers) loggers.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The context Heat uses on a thread that entered none (a script that never called <c>ht.init</c>): created once
    /// per process from environment configuration, single rank unless launched by MPI.
    /// </summary>
    internal static RankContext ProcessDefaultContext()
    {
        lock (DefaultLock)
        {
            _processDefault ??= Create(BuildConfiguration(), enterContext: false);
            return _processDefault.Context;
        }
    }

    /// <summary>Makes this runtime the fallback context of threads that entered none (used by dependency injection
    /// hosts).</summary>
    internal void UseAsProcessDefault()
    {
        lock (DefaultLock) _processDefault ??= this;
    }

    /// <summary>Makes this runtime's context ambient on the calling thread until the returned scope is
    /// disposed.</summary>
    public IDisposable Enter() => HeatContext.Enter(Context);

    /// <summary>Exits the ambient context and disposes the backend and communicator.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _scope?.Dispose();
        Context.Backend.Dispose();
        Context.Communicator.Dispose();
        if (_ownsLoggers) Loggers.Dispose();
    }

    private static ILoggerFactory CreateLoggers(LogLevel level) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(level).AddSimpleConsole(o => { o.SingleLine = true; }));

    /// <summary>
    /// The world communicator: one rank for <c>self</c>, and for <c>auto</c> without a launcher; under a launcher the
    /// communicator that recognises it; else the one the name finds (<c>Heat.Comm.&lt;Name&gt;</c>).
    /// </summary>
    private static ICommunicator CreateCommunicator(HeatSettings settings, ILoggerFactory loggers, string? marker, out int ranksOnNode)
    {
        ranksOnNode = 1;
        if (settings.Communicator == "self" || (settings.Communicator == "auto" && marker is null)) return InProcWorld.CreateSelf();
        var provider = settings.Communicator == "auto"
            ? ComponentDiscovery.FindCommunicators().FirstOrDefault(p => p.IsLaunchedByLauncher()) ?? throw new CommunicatorUnavailableException(
                $"This process was started by an MPI launcher ({marker} is set) but no communicator next to the application recognises " +
                $"the launch (found: {string.Join(", ", ComponentDiscovery.CommunicatorNames)}): reference Heat.Comm.Mpi and install MPICH " +
                "(Debian: apt-get install mpich libmpich-dev), or set Heat:Communicator=self to run every process alone.")
            : ComponentDiscovery.FindCommunicator(settings.Communicator)!;
        ranksOnNode = provider.RanksOnNode();
        return provider.CreateWorld(new ProviderContext(settings.Configuration, loggers, ranksOnNode) { Settings = settings });
    }

    /// <summary>Keeps the <c>--Heat:Key=value</c> and <c>--Heat:Key value</c> arguments, so a program's own arguments
    /// pass through.</summary>
    private static string[] FilterHeatArguments(string[] args)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--Heat:", StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length) kept.Add(args[++i]);
        }
        return kept.ToArray();
    }
}
