// SPDX-License-Identifier: MIT
namespace Heat.Backend.ILGPU;

/// <summary>Which ILGPU accelerators serve as GPUs (configuration key <c>Heat:ILGPU:Accelerator</c>).</summary>
public enum ILGPUAcceleratorKind
{
    /// <summary><c>auto</c> (default): CUDA devices, else OpenCL GPUs ILGPU supports; the CPU accelerator is always
    /// <c>cpu</c>.</summary>
    Auto,
    /// <summary><c>cuda</c>: NVIDIA GPUs through the CUDA driver (libcuda; no toolkit needed).</summary>
    Cuda,
    /// <summary><c>opencl</c>: OpenCL 2.0 GPUs with the generic address space (PoCL is refused by ILGPU).</summary>
    OpenCL,
    /// <summary><c>cpu</c>: only ILGPU's CPU accelerator (a simulator: correct but slow; for tests).</summary>
    Cpu,
}
