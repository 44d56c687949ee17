// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.OpenCL;
using Heat.Backend.OpenCL.Interop;
using Microsoft.Extensions.Logging;

[assembly: HeatBackendProvider(typeof(OpenClBackendProvider),
    Install = "Install an OpenCL runtime (Debian: apt-get install " + ClLibrary.Packages + ").")]

namespace Heat.Backend.OpenCL;

/// <summary>Creates the OpenCL backend (configuration name <c>opencl</c>).</summary>
/// <remarks>
/// Keys: <c>Heat:OpenCL:Platform</c> (index or case-insensitive part of the platform name) and
/// <c>Heat:OpenCL:Device</c>
/// (index within the platform or part of the device name). Default: the first GPU, else the first device.
/// <c>Heat:OpenCL:Memory</c> = <c>host</c> (default: zero-copy host memory on CPU devices) | <c>device</c> (device
/// buffers everywhere, host access staged: how a GPU behaves, on any device).
/// </remarks>
public sealed class OpenClBackendProvider : ITensorBackendProvider
{
    /// <inheritdoc/>
    public string Name => "opencl";

    /// <inheritdoc/>
    public ITensorBackend Create(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var device = SelectDevice(context.Configuration["Heat:OpenCL:Platform"], context.Configuration["Heat:OpenCL:Device"]);
        return new OpenClBackend(device, context.Loggers.CreateLogger<OpenClBackend>(), context.HostBackend) { Memory = ParseMemory(context.Configuration["Heat:OpenCL:Memory"]) };
    }

    /// <summary>Reads <c>Heat:OpenCL:Memory</c> (<c>host</c>, the default, or <c>device</c>).</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static OpenClMemory ParseMemory(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "host" => OpenClMemory.Host,
        "device" => OpenClMemory.Device,
        _ => throw new ArgumentException($"Heat:OpenCL:Memory must be 'host' or 'device', got '{value}'.", nameof(value)),
    };

    /// <summary>Chooses a device by the configured platform and device (index or name part).</summary>
    /// <exception cref="BackendUnavailableException">The loader, a platform or the chosen device is
    /// missing.</exception>
    public static OpenClDeviceInfo SelectDevice(string? platform, string? device)
    {
        IReadOnlyList<OpenClDeviceInfo> all;
        try { all = OpenClPlatforms.List(); }
        catch (DllNotFoundException e) { throw new BackendUnavailableException(e.Message, e); }
        if (all.Count == 0)
            throw new BackendUnavailableException(
                $"OpenCL backend: the ICD loader found no OpenCL platform with a device. Install one, e.g. `sudo apt-get install -y {ClLibrary.Packages}` (PoCL, a CPU platform).");
        IEnumerable<OpenClDeviceInfo> candidates = all;
        if (!string.IsNullOrWhiteSpace(platform))
        {
            candidates = int.TryParse(platform, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pi)
                ? candidates.Where(d => d.PlatformIndex == pi)
                : candidates.Where(d => d.Platform.Contains(platform, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(device))
        {
            candidates = int.TryParse(device, NumberStyles.Integer, CultureInfo.InvariantCulture, out var di)
                ? candidates.Where(d => d.DeviceIndex == di)
                : candidates.Where(d => d.Name.Contains(device, StringComparison.OrdinalIgnoreCase));
        }
        var list = candidates.ToList();
        if (list.Count == 0)
            throw new BackendUnavailableException(
                $"OpenCL backend: no device matches Heat:OpenCL:Platform='{platform}' and Heat:OpenCL:Device='{device}'. Available: {string.Join("; ", all)}.");
        return list.FirstOrDefault(d => d.IsGpu) ?? list[0];
    }
}
