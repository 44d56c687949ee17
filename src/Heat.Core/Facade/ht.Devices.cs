// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/devices.py
public static partial class ht
{
    /// <summary>The device new arrays are created on.</summary>
    public static Device get_device() => Context.Device;

    /// <summary>
    /// Sets the device new arrays of this rank are created on (<c>"cpu"</c>, <c>"gpu"</c> = <c>gpu:(local rank %
    /// GPUs)</c>,
    /// <c>"gpu:1"</c>).
    /// </summary>
    /// <exception cref="BackendUnavailableException">The backend has no such device.</exception>
    public static void use_device(string device)
    {
        var ctx = Context;
        ctx.Device = RankSetup.ResolveDevice(Device.Parse(device), !device.Contains(':'), ctx.Backend, ctx.LocalRank);
    }
}
