// SPDX-License-Identifier: MIT
using Heat.Testing;

namespace Heat.Backend.ILGPU.Tests;

/// <summary>
/// ILGPU backend on its CPU accelerator (device buffers: <c>HostPointer</c> 0, every host access staged), in-process
/// ranks. The accelerator simulates a GPU thread by thread, so the world runs a small rank sample and a sample of the
/// suites (<see cref="ILGPUSample"/>).
/// </summary>
public sealed class ILGPUCpuInProcWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 3];
    /// <inheritdoc/>
    public static int SeedStride => 10;
    /// <inheritdoc/>
    public static ITestWorld Create() =>
        new InProcTestWorld(TimeSpan.FromSeconds(120), backend: "ilgpu",
            settings: new Dictionary<string, string?> { [ILGPUBackendProvider.AcceleratorKey] = "cpu" });
}
