// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Heat;

/// <summary>
/// One process's Heat set-up: the backend, the world communicator and the device chosen by configuration, made the
/// ambient context of the thread that created it (and of the async work it starts). Dispose it at the end of the program.
/// </summary>
public sealed class HeatRuntime : IDisposable
{
    private static readonly object DefaultLock = new();
    private static HeatRuntime? _processDefault;
    private readonly IDisposable? _scope;
    private readonly bool _ownsLoggers;
    private int _disposed;

    private HeatRuntime(HeatOptions options, RankContext context, ILoggerFactory loggers, bool ownsLoggers, bool enter)
    {
        Options = options; Context = context; Loggers = loggers; _ownsLoggers = ownsLoggers;
        if (enter) _scope = HeatContext.Enter(context);
        loggers.CreateLogger("Heat").LogInformation("Heat {Version}: backend {Backend}, communicator {Comm} rank {Rank}/{Size}, device {Device}",
            Version, context.Backend.Name, context.Communicator.Kind, context.Communicator.Rank, context.Communicator.Size, context.Device);
    }

    /// <summary>Heat's version.</summary>
    public static string Version => typeof(HeatRuntime).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    /// <summary>The options in force.</summary>
    public HeatOptions Options { get; }
    /// <summary>The rank context (backend, communicator, device).</summary>
    public RankContext Context { get; }
    /// <summary>The loggers.</summary>
    public ILoggerFactory Loggers { get; }
    /// <summary>The node-local backend.</summary>
    public ITensorBackend Backend => Context.Backend;
    /// <summary>The world communicator.</summary>
    public ICommunicator Communicator => Context.Communicator;

    /// <summary>Builds the configuration Heat reads: <c>appsettings.json</c> (optional), environment variables (<c>Heat__Backend</c>), then command-line arguments (<c>--Heat:Backend=torch</c>).</summary>
    public static IConfiguration BuildConfiguration(string[]? args = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(FilterHeatArguments(args ?? []))
            .Build();

    /// <summary>Creates the runtime from configuration and makes it the ambient context of the calling thread.</summary>
    /// <exception cref="BackendUnavailableException">The configured backend is not installed.</exception>
    /// <exception cref="CommunicatorUnavailableException">The configured communicator is not installed or not valid here.</exception>
    public static HeatRuntime Create(IConfiguration configuration, ILoggerFactory? loggers = null, bool enterContext = true) =>
        Create(configuration, loggers, enterContext, LauncherDetection.Marker());

    internal static HeatRuntime Create(IConfiguration configuration, ILoggerFactory? loggers, bool enterContext, string? launcherMarker)
    {
        var options = HeatOptions.From(configuration);
        bool ownsLoggers = loggers is null;
        loggers ??= CreateLoggers(options);
        var communicator = CreateCommunicator(options, configuration, loggers, launcherMarker, out int ranksOnNode);
        ITensorBackend? backend = null;
        try
        {
            backend = ComponentDiscovery.FindBackend(options.Backend).Create(new ProviderContext(configuration, loggers, ranksOnNode));
            var device = ResolveDevice(options.Device, backend, communicator, ranksOnNode);
            return new HeatRuntime(options, new RankContext(backend, communicator, device, loggers), loggers, ownsLoggers, enterContext);
        }
        catch
        {
            backend?.Dispose();
            communicator.Dispose();
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

    /// <summary>Makes this runtime the fallback context of threads that entered none (used by dependency injection hosts).</summary>
    internal void UseAsProcessDefault()
    {
        lock (DefaultLock) _processDefault ??= this;
    }

    /// <summary>Makes this runtime's context ambient on the calling thread until the returned scope is disposed.</summary>
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

    private static ILoggerFactory CreateLoggers(HeatOptions options)
    {
        var level = Enum.Parse<LogLevel>(options.LogLevel, ignoreCase: true);
        return LoggerFactory.Create(b => b.SetMinimumLevel(level).AddSimpleConsole(o => { o.SingleLine = true; }));
    }

    private static ICommunicator CreateCommunicator(HeatOptions options, IConfiguration configuration, ILoggerFactory loggers, string? marker, out int ranksOnNode)
    {
        ranksOnNode = 1;
        string name = options.Communicator.ToLowerInvariant();
        if (name == "self") return InProcWorld.CreateSelf();
        if (name == "inproc")
            throw new CommunicatorUnavailableException("Heat:Communicator=inproc is valid only through InProcWorld.Run or the heat command's --ranks N; use 'self', 'mpi' or 'auto' for a program.");
        if (name == "auto")
        {
            if (marker is null) return InProcWorld.CreateSelf();
            var mpi = ComponentDiscovery.FindCommunicator("mpi", required: false)
                ?? throw new CommunicatorUnavailableException(
                    $"This process was started by an MPI launcher ({marker} is set) but the MPI communicator is not installed: " +
                    "reference Heat.Comm.Mpi and install MPICH (Debian: apt-get install mpich libmpich-dev), or set Heat:Communicator=self to run every process alone.");
            ranksOnNode = mpi.RanksOnNode();
            return mpi.CreateWorld(new ProviderContext(configuration, loggers, ranksOnNode));
        }
        var provider = ComponentDiscovery.FindCommunicator(name)!;
        ranksOnNode = provider.RanksOnNode();
        return provider.CreateWorld(new ProviderContext(configuration, loggers, ranksOnNode));
    }

    private static Device ResolveDevice(string text, ITensorBackend backend, ICommunicator communicator, int ranksOnNode)
    {
        var requested = Device.Parse(text);
        if (!requested.IsGpu) return Device.Cpu;
        var gpus = backend.Devices.Where(d => d.IsGpu).ToList();
        if (gpus.Count == 0)
            throw new BackendUnavailableException($"Heat:Device={text} but the '{backend.Name}' backend has no GPU (devices: {string.Join(", ", backend.Devices)}). " +
                "Use the torch backend with a CUDA libtorch, or the opencl backend with a GPU driver.");
        if (text.Contains(':')) return gpus.FirstOrDefault(g => g.Index == requested.Index)
            ?? throw new BackendUnavailableException($"Heat:Device={text}: no such GPU; the '{backend.Name}' backend has {string.Join(", ", gpus)}.");
        int localRank = communicator.Rank % Math.Max(1, ranksOnNode);
        return gpus[localRank % gpus.Count];
    }

    /// <summary>Keeps the <c>--Heat:Key=value</c> and <c>--Heat:Key value</c> arguments, so a program's own arguments pass through.</summary>
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
