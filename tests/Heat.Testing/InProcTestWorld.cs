// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Testing;

/// <summary>
/// Runs test bodies on in-process ranks. Bodies that take the communicator run without a backend (so communicator
/// tests do not depend on one being installed); the others get the full ambient context through InProcWorld.Run.
/// </summary>
/// <param name="timeout">The per-run timeout; 30 s when null.</param>
/// <param name="backend">The backend name for bodies that run with a backend; null: <c>Heat:Backend</c> or managed.</param>
public sealed class InProcTestWorld(TimeSpan? timeout = null, string? backend = null) : ITestWorld
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public string Name => "inproc";

    /// <inheritdoc/>
    public void Run(int ranks, Action body) => InProcWorld.Run(ranks, body, _timeout, backend);

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<T> body) => InProcWorld.Run(ranks, body, _timeout, backend);

    /// <inheritdoc/>
    public void Run(int ranks, Action<ICommunicator> body) => InProcWorld.RunCommunicators(ranks, body, _timeout);

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<ICommunicator, T> body) => InProcWorld.RunCommunicators(ranks, body, _timeout);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
