// SPDX-License-Identifier: MIT
using System.Text;

namespace Heat.Backend.OpenCL.Interop;

/// <summary>One OpenCL device as the ICD loader reports it.</summary>
/// <param name="PlatformIndex">Index of the platform in the loader's list.</param>
/// <param name="DeviceIndex">Index of the device within its platform.</param>
/// <param name="Platform">The platform's name.</param>
/// <param name="Name">The device's name.</param>
/// <param name="Version">The device's OpenCL version string.</param>
/// <param name="IsGpu">True for GPU devices.</param>
/// <param name="ComputeUnits">Compute units.</param>
/// <param name="GlobalMemory">Global memory in bytes.</param>
/// <param name="HasFp64">True when the device supports double precision.</param>
public sealed record OpenClDeviceInfo(int PlatformIndex, int DeviceIndex, string Platform, string Name, string Version, bool IsGpu,
    int ComputeUnits, long GlobalMemory, bool HasFp64)
{
    /// <summary>The largest single buffer the device allocates (<c>CL_DEVICE_MAX_MEM_ALLOC_SIZE</c>), in
    /// bytes.</summary>
    public long MaxAllocation { get; init; } = long.MaxValue;
    internal nint PlatformId { get; init; }
    internal nint DeviceId { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"[{PlatformIndex}:{DeviceIndex}] {Name} ({(IsGpu ? "GPU" : "CPU/other")}, {ComputeUnits} CUs, {GlobalMemory / (1 << 20)} MiB, {Version}) on {Platform}";
}

/// <summary>Enumerates OpenCL platforms and devices.</summary>
public static unsafe class OpenClPlatforms
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<OpenClDeviceInfo>? _devices;

    /// <summary>Every device of every platform (enumerated once per process: the ICD loader's first call is not
    /// thread-safe).</summary>
    /// <exception cref="DllNotFoundException">The ICD loader is missing (the message names the packages).</exception>
    public static IReadOnlyList<OpenClDeviceInfo> List()
    {
        lock (Gate) return _devices ??= Enumerate();
    }

    private static IReadOnlyList<OpenClDeviceInfo> Enumerate()
    {
        ClLibrary.Load();
        uint np = 0;
        int st = Cl.GetPlatformIDs(0, null, &np);
        if (st == Cl.PlatformNotFoundKhr || np == 0) return [];
        Cl.Check(st, "clGetPlatformIDs");
        var platforms = new nint[np];
        fixed (nint* p = platforms) Cl.Check(Cl.GetPlatformIDs(np, p, null), "clGetPlatformIDs");
        var result = new List<OpenClDeviceInfo>();
        for (int pi = 0; pi < platforms.Length; pi++)
        {
            string pname = PlatformString(platforms[pi], Cl.PlatformName);
            uint nd = 0;
            if (Cl.GetDeviceIDs(platforms[pi], Cl.DeviceTypeAll, 0, null, &nd) != Cl.Success || nd == 0) continue;
            var devices = new nint[nd];
            fixed (nint* d = devices) Cl.Check(Cl.GetDeviceIDs(platforms[pi], Cl.DeviceTypeAll, nd, d, null), "clGetDeviceIDs");
            for (int di = 0; di < devices.Length; di++)
            {
                var dev = devices[di];
                ulong type = 0; uint cus = 0; ulong mem = 0, maxAlloc = 0;
                Cl.Check(Cl.GetDeviceInfo(dev, Cl.DeviceTypeInfo, sizeof(ulong), &type, null), "clGetDeviceInfo");
                Cl.Check(Cl.GetDeviceInfo(dev, Cl.DeviceMaxComputeUnits, sizeof(uint), &cus, null), "clGetDeviceInfo");
                Cl.Check(Cl.GetDeviceInfo(dev, Cl.DeviceGlobalMemSize, sizeof(ulong), &mem, null), "clGetDeviceInfo");
                Cl.Check(Cl.GetDeviceInfo(dev, Cl.DeviceMaxMemAllocSize, sizeof(ulong), &maxAlloc, null), "clGetDeviceInfo");
                var ext = DeviceString(dev, Cl.DeviceExtensions);
                result.Add(new OpenClDeviceInfo(pi, di, pname, DeviceString(dev, Cl.DeviceName), DeviceString(dev, Cl.DeviceVersion),
                    (type & Cl.DeviceTypeGpu) != 0, (int)cus, (long)mem, ext.Contains("cl_khr_fp64", StringComparison.Ordinal))
                { PlatformId = platforms[pi], DeviceId = dev, MaxAllocation = maxAlloc == 0 ? long.MaxValue : (long)Math.Min(maxAlloc, long.MaxValue) });
            }
        }
        return result;
    }

    internal static string PlatformString(nint platform, uint name)
    {
        nuint size = 0;
        Cl.Check(Cl.GetPlatformInfo(platform, name, 0, null, &size), "clGetPlatformInfo");
        var buf = new byte[(int)size + 1];
        fixed (byte* b = buf) Cl.Check(Cl.GetPlatformInfo(platform, name, size, b, null), "clGetPlatformInfo");
        return Encoding.UTF8.GetString(buf).TrimEnd('\0').Trim();
    }

    internal static string DeviceString(nint device, uint name)
    {
        nuint size = 0;
        Cl.Check(Cl.GetDeviceInfo(device, name, 0, null, &size), "clGetDeviceInfo");
        var buf = new byte[(int)size + 1];
        fixed (byte* b = buf) Cl.Check(Cl.GetDeviceInfo(device, name, size, b, null), "clGetDeviceInfo");
        return Encoding.UTF8.GetString(buf).TrimEnd('\0').Trim();
    }
}
