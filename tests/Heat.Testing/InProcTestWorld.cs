// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.InProc;
using Microsoft.Extensions.Configuration;

namespace Heat.Testing;

/// <summary>
/// Runs test bodies on in-process ranks. Bodies that take the communicator run without a backend (so communicator
/// tests do not depend on one being installed); the others get the full ambient context through InProcWorld.Run.
/// </summary>
/// <param name="timeout">The per-run timeout; 30 s when null.</param>
/// <param name="backend">The backend each rank creates by configuration name (<c>torch</c>, ...); null: Heat:Backend or
/// managed.</param>
/// <param name="settings">Configuration keys the ranks' backends see over the environment's (e.g.
/// <c>Heat:OpenCL:Memory</c>).</param>
public sealed class InProcTestWorld(TimeSpan? timeout = null, string? backend = null, IReadOnlyDictionary<string,
    string?>? settings = null) : ITestWorld
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);
    private readonly IConfiguration? _configuration = settings is null ? null
        : new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();

    /// <inheritdoc/>
    public string Name => backend is null ? "inproc" : $"inproc-{backend}";

    /// <inheritdoc/>
    public void Run(int ranks, Action body)
        => InProcWorld.Run(ranks, body, _timeout, backend: backend, configuration: _configuration);

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<T> body)
        => InProcWorld.Run(ranks, body, _timeout, backend: backend, configuration: _configuration);

    /// <inheritdoc/>
    public void Run(int ranks, Action<ICommunicator> body) => InProcWorld.RunCommunicators(ranks, body, _timeout);

    /// <inheritdoc/>
    public T[] Run<T>(int ranks, Func<ICommunicator, T> body) => InProcWorld.RunCommunicators(ranks, body, _timeout);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
