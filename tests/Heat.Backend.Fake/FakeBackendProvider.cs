// SPDX-License-Identifier: MIT
using System.Reflection;
using Heat.Abstractions;
using Heat.Backend.Fake;

[assembly: HeatBackendProvider(typeof(FakeBackendProvider), Install = FakeBackendProvider.InstallHint)]

namespace Heat.Backend.Fake;

/// <summary>
/// The <c>fake</c> backend: no other assembly names it, so the runtime finds it by convention alone. It lists the CPU
/// and two GPUs and computes nothing. Key <c>Heat:Fake:Fail</c>: a reason to fail creation with.
/// </summary>
public sealed class FakeBackendProvider : ITensorBackendProvider
{
    /// <summary>The install hint its attribute announces.</summary>
    public const string InstallHint = "Fake backend: install nothing, it is a test double.";

    /// <inheritdoc/>
    public string Name => "fake";

    /// <inheritdoc/>
    public ITensorBackend Create(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Configuration["Heat:Fake:Fail"] is { Length: > 0 } reason)
            throw new BackendUnavailableException($"Fake backend: {reason}.");
        var backend = DispatchProxy.Create<ITensorBackend, FakeBackend>();
        ((FakeBackend)(object)backend).Threads = context.Threads;
        return backend;
    }
}

/// <summary>The fake backend: answers the descriptive members; every op throws.</summary>
public class FakeBackend : DispatchProxy
{
    /// <summary>The devices it lists: cpu, gpu:0 and gpu:1.</summary>
    public static IReadOnlyList<Device> AllDevices { get; } = [Device.Cpu, new(DeviceKind.Gpu, 0), new(DeviceKind.Gpu, 1)];

    internal int Threads { get; set; }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Name" => "fake",
        "get_DefaultDevice" => Device.Cpu,
        "get_Devices" => AllDevices,
        "get_NativeVersions" => new Dictionary<string, string>(),
        "get_Threads" => Threads,
        "Dispose" or "Synchronize" => null,
        var name => throw new NotSupportedException($"The fake backend computes nothing ({name})."),
    };
}
