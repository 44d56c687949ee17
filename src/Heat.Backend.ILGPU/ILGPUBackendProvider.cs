// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.ILGPU;
using Microsoft.Extensions.Logging;

[assembly: HeatBackendProvider(typeof(ILGPUBackendProvider),
    Install = "The ILGPU backend needs no native library for its CPU accelerator; CUDA GPUs need the NVIDIA driver " +
    "(libcuda.so.1, no toolkit), OpenCL GPUs an OpenCL 2.0 driver with the generic address space.")]

namespace Heat.Backend.ILGPU;

/// <summary>Creates the ILGPU backend (configuration name <c>ilgpu</c>).</summary>
/// <remarks>
/// Key: <c>Heat:ILGPU:Accelerator</c> = <c>auto</c> (default: CUDA GPUs, else OpenCL GPUs) | <c>cuda</c> |
/// <c>opencl</c> | <c>cpu</c> (ILGPU's CPU accelerator only). <c>Heat:Device=gpu</c> gives each rank
/// <c>gpu:(local rank % GPUs found)</c>; <c>cpu</c> (the default) is ILGPU's CPU accelerator, a slow simulator.
/// </remarks>
public sealed class ILGPUBackendProvider : ITensorBackendProvider
{
    /// <summary>The configuration key choosing the accelerator kind.</summary>
    public const string AcceleratorKey = "Heat:ILGPU:Accelerator";

    /// <inheritdoc/>
    public string Name => "ilgpu";

    /// <inheritdoc/>
    public ITensorBackend Create(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = ParseAccelerator(context.Configuration[AcceleratorKey]);
        var settings = context.Settings;
        var backend = new ILGPUBackend(kind, null, context.Loggers.CreateLogger<ILGPUBackend>(), context.HostBackend);
        bool explicitGpuKind = kind is ILGPUAcceleratorKind.Cuda or ILGPUAcceleratorKind.OpenCL;
        if ((settings.Device.IsGpu || explicitGpuKind) && !backend.Devices.Any(d => d.IsGpu))
        {
            var e = backend.NoDevice(settings.Device.IsGpu ? settings.Device : new Device(DeviceKind.Gpu, 0));
            backend.Dispose();
            throw e;
        }
        return backend;
    }

    /// <summary>Reads <see cref="AcceleratorKey"/>.</summary>
    /// <exception cref="ArgumentException">A value other than auto, cuda, opencl or cpu.</exception>
    public static ILGPUAcceleratorKind ParseAccelerator(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => ILGPUAcceleratorKind.Auto,
        "cuda" => ILGPUAcceleratorKind.Cuda,
        "opencl" => ILGPUAcceleratorKind.OpenCL,
        "cpu" => ILGPUAcceleratorKind.Cpu,
        _ => throw new ArgumentException(
            $"{AcceleratorKey} is '{value}'; expected auto, cuda, opencl or cpu.", nameof(value)),
    };
}
