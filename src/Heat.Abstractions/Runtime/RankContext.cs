// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Abstractions;

/// <summary>What one rank computes with: its backend, communicator, current device and loggers.</summary>
public sealed class RankContext
{
    /// <summary>Creates a context.</summary>
    public RankContext(ITensorBackend backend, ICommunicator communicator, Device? device = null, ILoggerFactory? loggers = null)
    {
        Backend = backend ?? throw new ArgumentNullException(nameof(backend));
        Communicator = communicator ?? throw new ArgumentNullException(nameof(communicator));
        Device = device ?? backend.DefaultDevice;
        Loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <summary>The node-local engine.</summary>
    public ITensorBackend Backend { get; }
    /// <summary>The world communicator of this rank.</summary>
    public ICommunicator Communicator { get; }
    /// <summary>The device new arrays are created on (<c>ht.use_device</c> changes it).</summary>
    public Device Device { get; set; }
    /// <summary>Where log messages go.</summary>
    public ILoggerFactory Loggers { get; }
    /// <summary>This rank's index among the ranks on its node (plain <c>gpu</c> means <c>gpu:(LocalRank %
    /// GPUs)</c>).</summary>
    public int LocalRank { get; init; }
}

/// <summary>The ambient per-rank context: an <see cref="AsyncLocal{T}"/>, one per rank thread, never
/// process-global.</summary>
public static class HeatContext
{
    private static readonly AsyncLocal<RankContext?> Ambient = new();

    /// <summary>The current rank's context, or null outside any rank.</summary>
    public static RankContext? Current => Ambient.Value;

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed.</summary>
    public static IDisposable Enter(RankContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Scope(previous);
    }

    private sealed class Scope(RankContext? previous) : IDisposable
    {
        private bool _done;
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            Ambient.Value = previous;
        }
    }
}
