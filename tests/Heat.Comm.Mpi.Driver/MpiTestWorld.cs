// SPDX-License-Identifier: MIT
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Comm.Mpi.Driver;

/// <summary>
/// The MPI world as an <see cref="ITestWorld"/>: a body runs once in this process, as this process's rank, with the
/// ambient Heat context (managed backend, MPI world communicator) set. After the body the ranks agree on the outcome
/// over a separate control communicator, so every rank throws when any rank failed, and per-rank results are gathered
/// (as JSON) so every rank sees all of them in rank order, as in process.
/// </summary>
public sealed class MpiTestWorld(ICommunicator world, ICommunicator control, ITensorBackend backend) : ITestWorld
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <inheritdoc/>
    public string Name => "mpi";

    /// <summary>The world communicator the bodies use.</summary>
    public ICommunicator World => world;

    /// <inheritdoc/>
    public void Run(int ranks, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore(ranks, () => { body(); return 0; });
    }

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, body);
    }

    /// <inheritdoc/>
    public void Run(int ranks, Action<ICommunicator> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunCore(ranks, () => { body(world); return 0; });
    }

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<ICommunicator, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunCore(ranks, () => body(world));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private T[] RunCore<T>(int ranks, Func<T> body)
    {
        if (ranks != world.Size)
            throw new InvalidOperationException($"A body for {ranks} ranks cannot run on an MPI world of {world.Size}; the driver leaves such cases out.");
        T result = default!;
        Exception? error = null;
        using (HeatContext.Enter(new RankContext(backend, world)))
        {
            try { result = body(); }
            catch (Exception e) { error = e; }
        }
        int failed = control.Allreduce(error is null ? 0 : 1, ReduceOp.Sum);
        if (error is not null)
        {
            error.Data["heat.rank"] = world.Rank;
            ExceptionDispatchInfo.Capture(error).Throw();
        }
        if (failed > 0) throw new RankFailedException($"{failed} other rank(s) failed in this run.");
        return Gather(result);
    }

    private T[] Gather<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var lengths = control.Allgather((long)bytes.Length);
        var displs = new long[lengths.Length];
        for (int i = 1; i < lengths.Length; i++) displs[i] = displs[i - 1] + lengths[i - 1];
        var all = new byte[displs[^1] + lengths[^1]];
        control.Allgatherv<byte>(bytes, all, lengths, displs);
        var results = new T[lengths.Length];
        for (int i = 0; i < results.Length; i++)
            results[i] = JsonSerializer.Deserialize<T>(all.AsSpan((int)displs[i], (int)lengths[i]), Json)!;
        return results;
    }
}
