// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Backend.Managed.Tests;

/// <summary>One managed backend using two threads (so the parallel paths run even on small machines' worker counts).</summary>
public sealed class ManagedBackendFixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new ManagedBackend(threads: 2);
    public void Dispose() => Backend.Dispose();
}
