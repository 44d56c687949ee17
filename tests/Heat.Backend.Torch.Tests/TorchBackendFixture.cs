// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Backend.Torch.Tests;

/// <summary>One torch backend for a test class (two threads, as CI's machine has).</summary>
public sealed class TorchBackendFixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new TorchBackend(threads: 2);
    public void Dispose() => Backend.Dispose();
}
