// SPDX-License-Identifier: MIT
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Comm.Mpi.Driver;

using Comm = Heat.Abstractions.Comm;

/// <summary>
/// The MPI world as an <see cref="ITestWorld"/>: a body runs once in this process, as this process's rank, with the
/// ambient Heat context (managed backend, MPI communicator) set. A body for fewer ranks than the world runs on the
/// first ranks (a sub-communicator; the others wait), so a suite's 1-rank reference works in every world; a body for
/// more ranks than the world (or, with <see cref="ExactSizeOnly"/>, for another number of ranks) throws
/// <see cref="LeftOutException"/> on every rank. After the body the ranks agree on
/// the outcome over a separate control communicator, so every rank throws when any rank failed, and per-rank results
/// are gathered (as JSON) so every rank sees all of them in rank order, as in process.
/// </summary>
public sealed class MpiTestWorld(ICommunicator world, ICommunicator control, ITensorBackend backend) : ITestWorld
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <inheritdoc/>
    public string Name => "mpi";

    /// <summary>The world communicator the bodies use.</summary>
    public ICommunicator World => world;

    /// <summary>Leave out bodies for fewer ranks too (instead of running them on the first ranks).</summary>
    public bool ExactSizeOnly { get; set; }

    /// <inheritdoc/>
    public void Run(int ranks, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore(ranks, _ => { body(); return 0; });
    }

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, _ => body());
    }

    /// <inheritdoc/>
    public void Run(int ranks, Action<ICommunicator> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore(ranks, c => { body(c); return 0; });
    }

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<ICommunicator, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, body);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private T[] RunCore<T>(int ranks, Func<ICommunicator, T> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranks, 1);
        if (ranks > world.Size || (ExactSizeOnly && ranks != world.Size))
            throw new LeftOutException($"a body for {ranks} ranks is left out on an MPI world of {world.Size}");
        ICommunicator? sub = null;
        T result = default!;
        Exception? error = null;
        try
        {
            // Ranks [0, ranks) run the body; with key = world rank, sub-communicator rank i is world rank i.
            var comm = ranks == world.Size ? world : sub = world.Split(world.Rank < ranks ? 0 : Comm.Undefined, world.Rank);
            if (comm is not null)
            {
                using (HeatContext.Enter(new RankContext(backend, comm)))
                {
                    try { result = body(comm); }
                    catch (Exception e) { error = e; }
                }
            }
        }
        finally { sub?.Dispose(); }
        int failed = control.Allreduce(error is null ? 0 : 1, ReduceOp.Sum);
        if (error is not null)
        {
            error.Data["heat.rank"] = world.Rank;
            ExceptionDispatchInfo.Capture(error).Throw();
        }
        if (failed > 0) throw new RankFailedException($"{failed} other rank(s) failed in this run.");
        return Gather(result, ranks);
    }

    private T[] Gather<T>(T value, int ranks)
    {
        var bytes = world.Rank < ranks ? JsonSerializer.SerializeToUtf8Bytes(value, Json) : [];
        var lengths = control.Allgather((long)bytes.Length);
        var displs = new long[lengths.Length];
        for (int i = 1; i < lengths.Length; i++) displs[i] = displs[i - 1] + lengths[i - 1];
        var all = new byte[displs[^1] + lengths[^1]];
        control.Allgatherv<byte>(bytes, all, lengths, displs);
        var results = new T[ranks];
        for (int i = 0; i < ranks; i++)
            results[i] = JsonSerializer.Deserialize<T>(all.AsSpan((int)displs[i], (int)lengths[i]), Json)!;
        return results;
    }
}

/// <summary>A body needs more ranks than the MPI world has: the case is left out (reported, neither passed nor failed).</summary>
public sealed class LeftOutException(string message) : Exception(message);
