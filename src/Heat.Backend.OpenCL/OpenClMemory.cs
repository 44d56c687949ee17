// SPDX-License-Identifier: MIT
namespace Heat.Backend.OpenCL;

/// <summary>Where the OpenCL backend keeps tensors (configuration key <c>Heat:OpenCL:Memory</c>).</summary>
public enum OpenClMemory
{
    /// <summary>
    /// <c>host</c> (default): on CPU devices zero-copy host memory (<c>CL_MEM_USE_HOST_PTR</c>, so
    /// <see cref="Heat.Abstractions.LocalTensor.HostPointer"/> is set); on GPUs device buffers.
    /// </summary>
    Host,
    /// <summary>
    /// <c>device</c>: plain device buffers on every device, so <see cref="Heat.Abstractions.LocalTensor.HostPointer"/>
    /// is 0 even on a CPU device and every host access is staged (clEnqueueRead/WriteBuffer), as on a GPU.
    /// </summary>
    Device,
}
