// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/devices.py
public static partial class ht
{
    /// <summary>The host CPU (HeAT's <c>ht.cpu</c>).</summary>
    public static Device cpu => Device.Cpu;

    /// <summary>
    /// The first GPU (HeAT's <c>ht.gpu</c>): pass it as <c>device:</c> or to <c>use_device("gpu")</c>; a backend
    /// without GPUs refuses it there.
    /// </summary>
    public static Device gpu { get; } = new(DeviceKind.Gpu, 0);

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
