// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;

namespace Heat.Comm.InProc;

/// <summary>
/// What all communicators of one <see cref="InProcWorld"/> run share: the call timeout, the first failure (which
/// releases every rank blocked in a call), per-rank call counters for fault injection, and the time of the last progress
/// (for the watchdog that lets Run return when a rank is stuck in user code).
/// </summary>
internal sealed class InProcJob
{
    /// <summary>How often a blocked rank looks at the job's failure state.</summary>
    internal const int PollMilliseconds = 20;

    private readonly long[] _calls;
    private readonly int[] _inCall;
    private readonly object _lock = new();
    private Exception? _failure;
    private int _failedRank = -1;
    private long _lastProgress = Stopwatch.GetTimestamp();
    private int _nextCommId;

    public InProcJob(int size, TimeSpan timeout, InProcFaults? faults)
    {
        Size = size; Timeout = timeout; Faults = faults;
        _calls = new long[size];
        _inCall = new int[size];
    }

    public int Size { get; }
    public TimeSpan Timeout { get; }
    public InProcFaults? Faults { get; }

    /// <summary>The first failure, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);
    public int FailedRank => Volatile.Read(ref _failedRank);

    public int NextCommId() => Interlocked.Increment(ref _nextCommId);

    /// <summary>Records the first failure of the job; later ones are kept by Run only.</summary>
    public void Fail(int worldRank, Exception error)
    {
        lock (_lock)
        {
            if (_failure is not null) return;
            // A release caused by an earlier failure is not a failure of its own.
            _failedRank = worldRank;
            Volatile.Write(ref _failure, error);
        }
    }

    public void Progress() => Volatile.Write(ref _lastProgress, Stopwatch.GetTimestamp());

    public TimeSpan SinceProgress => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastProgress));

    /// <summary>Counts a communication call of <paramref name="worldRank"/> and applies injected faults.</summary>
    public void OnCall(int worldRank, string call)
    {
        Progress();
        long n = Interlocked.Increment(ref _calls[worldRank]);
        Faults?.Apply(worldRank, n, call);
    }

    /// <summary>Marks <paramref name="worldRank"/> as blocked in a Heat call until the scope is disposed.</summary>
    public CallScope EnterCall(int worldRank)
    {
        Interlocked.Increment(ref _inCall[worldRank]);
        return new CallScope(this, worldRank);
    }

    /// <summary>True while <paramref name="worldRank"/> is inside a communication call (not in user code).</summary>
    public bool IsInCall(int worldRank) => Volatile.Read(ref _inCall[worldRank]) > 0;

    internal readonly struct CallScope(InProcJob job, int worldRank) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.Decrement(ref job._inCall[worldRank]);
            job.Progress();
        }
    }

    /// <summary>Throws when another rank has failed, so that no rank starts a call that cannot complete.</summary>
    public void ThrowIfFailed(int worldRank, string call)
    {
        if (Failure is { } e) throw Released(worldRank, call, e, FailedRank);
    }

    /// <summary>The exception a rank blocked in <paramref name="call"/> gets when rank <paramref name="failedRank"/> failed.</summary>
    public static Exception Released(int worldRank, string call, Exception cause, int failedRank)
    {
        if (cause is RankFailedException) return new RankFailedException($"Rank {worldRank} was released from {call}: {cause.Message}", cause);
        return new RankFailedException(
            $"Rank {failedRank} failed ({cause.GetType().Name}: {cause.Message}); rank {worldRank} was released from {call}.", cause);
    }
}
