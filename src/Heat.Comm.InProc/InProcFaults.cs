// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Comm.InProc;

/// <summary>
/// Fault injection for tests: fails or delays a rank at its k-th communication call. Calls are counted per world rank,
/// from 1, over the world communicator and every communicator derived from it (Split, Dup); every
/// <see cref="ICommunicator"/> method counts once (Isend and Irecv at the call, not at Wait).
/// </summary>
public sealed class InProcFaults
{
    private readonly List<(int Rank, long Call, Exception? Error, TimeSpan Delay)> _rules = [];

    /// <summary>Makes <paramref name="rank"/> throw at its <paramref name="call"/>-th communication call.</summary>
    /// <param name="rank">The world rank.</param>
    /// <param name="call">Which call, counted from 1.</param>
    /// <param name="exception">What to throw; an <see cref="InjectedFaultException"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rank is negative or the call is below 1.</exception>
    public InProcFaults FailAt(int rank, long call, Exception? exception = null)
    {
        Check(rank, call);
        lock (_rules) _rules.Add((rank, call, exception, TimeSpan.Zero));
        return this;
    }

    /// <summary>Makes <paramref name="rank"/> sleep for <paramref name="delay"/> before its <paramref name="call"/>-th communication call.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is negative, the call is below 1 or the delay is negative.</exception>
    public InProcFaults DelayAt(int rank, long call, TimeSpan delay)
    {
        Check(rank, call);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_rules) _rules.Add((rank, call, null, delay));
        return this;
    }

    internal void Apply(int rank, long call, string name)
    {
        (int Rank, long Call, Exception? Error, TimeSpan Delay)[] hits;
        lock (_rules) hits = _rules.Where(r => r.Rank == rank && r.Call == call).ToArray();
        foreach (var hit in hits)
        {
            if (hit.Delay > TimeSpan.Zero) Thread.Sleep(hit.Delay);
            else throw hit.Error ?? new InjectedFaultException($"Injected fault: rank {rank} failed at its communication call {call} ({name}).");
        }
    }

    private static void Check(int rank, long call)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfLessThan(call, 1);
    }
}

/// <summary>The failure <see cref="InProcFaults.FailAt"/> injects by default.</summary>
public sealed class InjectedFaultException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public InjectedFaultException(string message) : base(message) { }
}
