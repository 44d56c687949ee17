// SPDX-License-Identifier: MIT
using System.Runtime.ExceptionServices;
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Comm.InProc;

/// <summary>Runs a body on N ranks, each a dedicated thread of this process with its own backend and
/// communicator.</summary>
/// <remarks>
/// Each rank is set up as a program's is (<see cref="RankSetup"/>): settings from <c>configuration</c> (default: the
/// environment, <c>Heat__Backend</c>), overridden by <c>backend</c> and <c>device</c>; plain <c>gpu</c> gives rank r
/// <c>gpu:(r % GPUs)</c>, as all ranks share this node. The timeout bounds every communication call and the time
/// without progress. An exception on any rank releases the others and is rethrown by Run: the original exception of
/// the lowest failing rank (peers' <see cref="RankFailedException"/>s only when nothing else failed), with
/// <c>Data["heat.rank"]</c>, <c>Data["heat.other_exceptions"]</c> (rank to exception) and, when ranks are stuck in user
/// code, <c>Data["heat.stuck_ranks"]</c>. Stuck ranks are left running as background threads.
/// </remarks>
public static class InProcWorld
{
    /// <summary>The timeout when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="body"/> on <paramref name="ranks"/> ranks with the ambient Heat context
    /// set.</summary>
    /// <remarks><c>configuration</c> (optional): the settings the ranks' backends are created with; null: the
    /// environment's.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one rank, or a non-positive timeout.</exception>
    /// <exception cref="CommunicationTimeoutException">A rank made no progress within the timeout.</exception>
    public static void Run(int ranks, Action body, TimeSpan? timeout = null, string? backend = null, Device? device = null,
        InProcFaults? faults = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore<int>(ranks, _ => { body(); return 0; }, withBackend: true, timeout, backend, device, faults, configuration);
    }

    /// <summary>Runs <paramref name="body"/> on every rank and returns the per-rank results in rank order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one rank, or a non-positive timeout.</exception>
    /// <exception cref="CommunicationTimeoutException">A rank made no progress within the timeout.</exception>
    public static T[] Run<T>(int ranks, Func<T> body, TimeSpan? timeout = null, string? backend = null, Device? device = null,
        InProcFaults? faults = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, _ => body(), withBackend: true, timeout, backend, device, faults, configuration);
    }

    /// <summary>Runs a body that uses the rank's communicator directly (the ambient context is set as well).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one rank, or a non-positive timeout.</exception>
    /// <exception cref="CommunicationTimeoutException">A rank made no progress within the timeout.</exception>
    public static void Run(int ranks, Action<ICommunicator> body, TimeSpan? timeout = null, string? backend = null, Device? device = null,
        InProcFaults? faults = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore<int>(ranks, c => { body(c); return 0; }, withBackend: true, timeout, backend, device, faults, configuration);
    }

    /// <summary>Runs a body that uses the rank's communicator and returns the per-rank results in rank order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one rank, or a non-positive timeout.</exception>
    /// <exception cref="CommunicationTimeoutException">A rank made no progress within the timeout.</exception>
    public static T[] Run<T>(int ranks, Func<ICommunicator, T> body, TimeSpan? timeout = null, string? backend = null, Device? device = null,
        InProcFaults? faults = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, body, withBackend: true, timeout, backend, device, faults, configuration);
    }

    /// <summary>A one-rank communicator for single-process use outside
    /// <see cref="Run(int, Action, TimeSpan?, string?, Device?, InProcFaults?, IConfiguration?)"/>.</summary>
    public static ICommunicator CreateSelf()
    {
        var job = new InProcJob(1, DefaultTimeout, faults: null);
        return new InProcCommunicator(new InProcGroup(job, [0], "self"), 0);
    }

    /// <summary>
    /// Runs communicator-only bodies without creating backends or entering the ambient context: for the communicator's
    /// own tests, which must not depend on a backend being installed.
    /// </summary>
    internal static T[] RunCommunicators<T>(int ranks, Func<ICommunicator, T> body, TimeSpan? timeout = null, InProcFaults? faults = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, body, withBackend: false, timeout, backend: null, device: null, faults, configuration: null);
    }

    /// <inheritdoc cref="RunCommunicators{T}(int, Func{ICommunicator, T}, TimeSpan?, InProcFaults?)"/>
    internal static void RunCommunicators(int ranks, Action<ICommunicator> body, TimeSpan? timeout = null, InProcFaults? faults = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore<int>(ranks, c => { body(c); return 0; }, withBackend: false, timeout, backend: null, device: null, faults, configuration: null);
    }

    private static T[] RunCore<T>(int ranks, Func<ICommunicator, T> body, bool withBackend, TimeSpan? timeout, string? backend, Device? device,
                                  InProcFaults? faults, IConfiguration? configuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranks, 1);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));

        var settings = withBackend
            ? HeatSettings.From(configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build()).With(backend, device)
            : null;

        var job = new InProcJob(ranks, limit, faults);
        var world = new InProcGroup(job, Enumerable.Range(0, ranks).ToArray(), "world");
        var results = new T[ranks];
        var errors = new Exception?[ranks];
        var threads = new Thread[ranks];
        var done = new bool[ranks];
        // Not disposed: a rank stuck in user code may still signal it long after Run has returned.
        var finished = new CountdownEvent(ranks);

        for (int r = 0; r < ranks; r++)
        {
            int rank = r;
            threads[r] = new Thread(() =>
            {
                var comm = new InProcCommunicator(world, rank);
                ITensorBackend? rankBackend = null;
                try
                {
                    if (settings is not null)
                    {
                        // All ranks share this node: the local rank is the rank.
                        var context = RankSetup.CreateContext(settings, comm, localRank: rank, ranksOnNode: ranks, NullLoggerFactory.Instance);
                        rankBackend = context.Backend;
                        using (HeatContext.Enter(context))
                            results[rank] = body(comm);
                    }
                    else results[rank] = body(comm);
                }
                catch (Exception e)
                {
                    errors[rank] = e;
                    job.Fail(rank, e);
                }
                finally
                {
                    try { rankBackend?.Dispose(); }
                    catch (Exception e) { errors[rank] ??= e; job.Fail(rank, e); }
                    comm.Dispose();
                    job.Progress();
                    Volatile.Write(ref done[rank], true);
                    finished.Signal();
                }
            })
            { IsBackground = true, Name = $"heat-rank-{rank}" };
        }
        // Rank threads start with a clean ambient context, not the caller's.
        using (ExecutionContext.SuppressFlow())
            foreach (var t in threads) t.Start();

        var stuck = Watch(job, done, finished, limit);
        return Outcome(results, errors, stuck, job, limit);
    }

    /// <summary>Waits for the ranks; returns those still running when no progress was made within the limit.</summary>
    private static int[] Watch(InProcJob job, bool[] done, CountdownEvent finished, TimeSpan limit)
    {
        // After a failure, ranks blocked in Heat calls leave within a poll interval; ranks in user code get this long.
        var grace = TimeSpan.FromTicks(Math.Min(limit.Ticks, TimeSpan.FromSeconds(2).Ticks));
        DateTime? failedAt = null;
        while (!finished.Wait(InProcJob.PollMilliseconds * 2))
        {
            if (job.Failure is not null)
            {
                failedAt ??= DateTime.UtcNow;
                if (DateTime.UtcNow - failedAt > grace) break;
            }
            else if (job.SinceProgress > limit)
            {
                var running = Enumerable.Range(0, done.Length).Where(r => !Volatile.Read(ref done[r])).ToArray();
                var inUserCode = running.Where(r => !job.IsInCall(r)).ToArray();
                // Ranks blocked in a call time out by themselves (naming who they wait for); step in only if they do
                // not.
                if (inUserCode.Length < running.Length && job.SinceProgress < limit + grace) continue;
                if (inUserCode.Length == 0) inUserCode = running;
                var error = new CommunicationTimeoutException(
                    $"Rank(s) {string.Join(", ", inUserCode)} made no progress (no communication call, not finished) within {limit.TotalSeconds:0.###} s; " +
                    "they are left running as background threads.");
                job.Fail(inUserCode.Length > 0 ? inUserCode[0] : -1, error);
                failedAt = DateTime.UtcNow;
            }
        }
        return Enumerable.Range(0, done.Length).Where(r => !Volatile.Read(ref done[r])).ToArray();
    }

    private static T[] Outcome<T>(T[] results, Exception?[] errors, int[] stuck, InProcJob job, TimeSpan limit)
    {
        // A peer's RankFailedException is a consequence; the cause is the lowest rank's own exception.
        int chosen = Array.FindIndex(errors, e => e is not null and not RankFailedException);
        Exception? primary = chosen >= 0 ? errors[chosen] : null;
        if (primary is null && job.Failure is CommunicationTimeoutException watchdog && !errors.Contains(watchdog))
        {
            primary = watchdog;
            chosen = job.FailedRank;
        }
        if (primary is null && Array.FindIndex(errors, e => e is not null) is var first and >= 0)
        {
            chosen = first;
            primary = errors[first];
        }
        if (primary is null && stuck.Length > 0)
        {
            primary = new CommunicationTimeoutException(
                $"Rank(s) {string.Join(", ", stuck)} did not finish within {limit.TotalSeconds:0.###} s; they are left running as background threads.");
            chosen = stuck[0];
        }
        if (primary is null) return results;

        var others = new Dictionary<int, Exception>();
        for (int r = 0; r < errors.Length; r++)
            if (errors[r] is { } e && r != chosen) others[r] = e;
        primary.Data["heat.rank"] = chosen;
        primary.Data["heat.other_exceptions"] = others;
        if (stuck.Length > 0) primary.Data["heat.stuck_ranks"] = stuck;
        ExceptionDispatchInfo.Capture(primary).Throw();
        return results;
    }
}
