// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;

namespace Heat.Backend.ILGPU.Tests;

/// <summary>One ILGPU backend on its CPU accelerator (tensors in device buffers, HostPointer 0).</summary>
public sealed class ILGPUBackendFixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new ILGPUBackend(ILGPUAcceleratorKind.Cpu);
    public void Dispose() => Backend.Dispose();
}
