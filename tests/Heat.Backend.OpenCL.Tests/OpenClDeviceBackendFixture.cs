// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>
/// One OpenCL backend with device buffers (<see cref="OpenClMemory.Device"/>: tensors not host-addressable, as on a
/// GPU), so the capabilities it lacks run through the staging adapter's host copies.
/// </summary>
public sealed class OpenClDeviceBackendFixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new OpenClBackend { Memory = OpenClMemory.Device };
    public void Dispose() => Backend.Dispose();
}
