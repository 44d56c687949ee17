// SPDX-License-Identifier: MIT
using Heat.Backend.OpenCL.Interop;

namespace Heat.Cli;

/// <summary>The OpenCL platforms and devices for <c>heat info</c> (or why there are none).</summary>
internal static class OpenClListing
{
    public static IEnumerable<string> Lines()
    {
        IReadOnlyList<OpenClDeviceInfo> devices;
        try { devices = OpenClPlatforms.List(); }
        catch (DllNotFoundException e) { return [$"OpenCL: unavailable: {e.Message}"]; }
        if (devices.Count == 0) return ["OpenCL: the ICD loader found no platform (install pocl-opencl-icd or a GPU vendor's ICD)."];
        return devices.Select(d => $"OpenCL: {d}");
    }
}
