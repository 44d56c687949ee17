// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>
/// The one way a rank is set up, for programs (HeatRuntime), in-process worlds (InProcWorld.Run) and the CLI alike:
/// settings, then the backend their name finds, then the device (plain <c>gpu</c> = <c>gpu:(local rank % GPUs)</c>),
/// then the <see cref="RankContext"/>.
/// </summary>
public static class RankSetup
{
    /// <summary>Creates the rank's backend and its context over <paramref name="communicator"/>.</summary>
    /// <param name="settings">The parsed <c>Heat</c> section.</param>
    /// <param name="communicator">The rank's world communicator (not disposed on failure).</param>
    /// <param name="localRank">The rank's index among the ranks on its node.</param>
    /// <param name="ranksOnNode">How many ranks share the node (threads per rank follow from it).</param>
    /// <param name="loggers">Where log messages go.</param>
    /// <exception cref="BackendUnavailableException">The backend or device is not available; the message says what to
    /// install.</exception>
    public static RankContext CreateContext(HeatSettings settings, ICommunicator communicator, int localRank, int ranksOnNode,
                                            ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(communicator);
        ArgumentNullException.ThrowIfNull(loggers);
        var provider = ComponentDiscovery.FindBackend(settings.Backend);
        ITensorBackend backend;
        try { backend = provider.Create(new ProviderContext(settings.Configuration, loggers, ranksOnNode) { Settings = settings }); }
        catch (BackendUnavailableException e)
            when (ComponentDiscovery.InstallHint(provider) is { } hint && !e.Message.Contains(hint, StringComparison.Ordinal))
        {
            throw new BackendUnavailableException($"{e.Message} {hint}", e);
        }
        try
        {
            var device = ResolveDevice(settings.Device, settings.DevicePerLocalRank, backend, localRank);
            return new RankContext(backend, communicator, device, loggers) { LocalRank = localRank };
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The device a rank uses: cpu; with <paramref name="perLocalRank"/> <c>gpu:(localRank % GPUs)</c> of the backend's
    /// GPUs; else the GPU of the requested index.
    /// </summary>
    /// <exception cref="BackendUnavailableException">The backend has no GPU, or none of that index.</exception>
    public static Device ResolveDevice(Device requested, bool perLocalRank, ITensorBackend backend, int localRank)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(backend);
        if (!requested.IsGpu) return Device.Cpu;
        var gpus = backend.Devices.Where(d => d.IsGpu).ToList();
        string text = perLocalRank ? "gpu" : requested.ToString();
        if (gpus.Count == 0)
            throw new BackendUnavailableException(
                $"Device '{text}' is not available: the '{backend.Name}' backend has no GPU (devices: {string.Join(", ", backend.Devices)}).");
        if (perLocalRank) return gpus[Math.Max(0, localRank) % gpus.Count];
        return gpus.FirstOrDefault(g => g.Index == requested.Index) ?? throw new BackendUnavailableException(
            $"Device '{text}' is not available: the '{backend.Name}' backend has {string.Join(", ", gpus)}.");
    }
}
