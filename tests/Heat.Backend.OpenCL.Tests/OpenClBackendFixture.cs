// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>One OpenCL backend on the default device (PoCL's CPU device in CI).</summary>
public sealed class OpenClBackendFixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new OpenClBackend();
    public void Dispose() => Backend.Dispose();
}
