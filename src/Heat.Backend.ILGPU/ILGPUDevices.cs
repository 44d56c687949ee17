// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Runtime;
using global::ILGPU.Runtime.CPU;

namespace Heat.Backend.ILGPU;

/// <summary>
/// The process-wide ILGPU context (algorithms enabled, kernel caching on: a kernel is compiled once per process and
/// accelerator type, then only loaded by each rank's accelerator) and the devices it finds.
/// </summary>
public static class ILGPUDevices
{
    private static readonly Lazy<Context> Shared = new(() => Context.Create(b => b.Default().EnableAlgorithms()
        .Caching(CachingMode.Default)));

    internal static Context Context => Shared.Value;

    /// <summary>The GPU accelerators of <paramref name="kind"/>, in the order that numbers them gpu:0, gpu:1, ...
    /// </summary>
    internal static IReadOnlyList<global::ILGPU.Runtime.Device> Gpus(ILGPUAcceleratorKind kind)
    {
        var cuda = Context.Devices.Where(d => d.AcceleratorType == AcceleratorType.Cuda).ToList();
        var opencl = Context.Devices.Where(d => d.AcceleratorType == AcceleratorType.OpenCL).ToList();
        return kind switch
        {
            ILGPUAcceleratorKind.Cuda => cuda,
            ILGPUAcceleratorKind.OpenCL => opencl,
            ILGPUAcceleratorKind.Cpu => [],
            _ => cuda.Count > 0 ? cuda : opencl,
        };
    }

    /// <summary>One line per accelerator ILGPU finds (for <c>heat info</c>), or why none.</summary>
    public static IReadOnlyList<string> Describe()
    {
        try
        {
            var lines = Context.Devices.Select(d =>
                $"ILGPU: {d.AcceleratorType} {d.Name} ({d.MemorySize / (1024 * 1024)} MiB, " +
                $"{d.NumMultiprocessors} multiprocessors, " +
                $"max {d.MaxNumThreadsPerGroup} threads per group)").ToList();
            if (!Context.Devices.Any(d => d.AcceleratorType == AcceleratorType.Cuda))
                lines.Add("ILGPU: no CUDA device (needs an NVIDIA GPU and its driver, libcuda.so.1; no CUDA toolkit).");
            return lines;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return [$"ILGPU: unavailable: {e.Message}"];
        }
    }

    /// <summary>The CPU accelerator's device: one multiprocessor, a warp of 4 threads and 16 warps (groups of up to 64
    /// threads, so the matmul tile is 8×8), few OS threads per rank.</summary>
    internal static CPUDevice CpuDevice { get; } = new(4, 16, 1);
}
