// SPDX-License-Identifier: MIT
namespace Heat.Backend.OpenCL;

public sealed partial class OpenClBackend
{
    /// <summary>Where tensors live: zero-copy host memory on CPU devices (default) or device buffers
    /// everywhere.</summary>
    public OpenClMemory Memory { get; init; } = OpenClMemory.Host;

    /// <summary>True when new tensors are zero-copy host memory (<see cref="OpenClMemory.Host"/> on a CPU
    /// device).</summary>
    private bool ZeroCopy => Memory == OpenClMemory.Host && !_device.IsGpu;
}
