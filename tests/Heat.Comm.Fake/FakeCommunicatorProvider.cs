// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using Heat.Abstractions;
using Heat.Comm.Fake;

[assembly: HeatCommunicatorProvider(typeof(FakeCommunicatorProvider), Install = FakeCommunicatorProvider.InstallHint)]

namespace Heat.Comm.Fake;

/// <summary>
/// The <c>fake</c> communicator: no other assembly names it, so the runtime finds it by convention alone. Its world is
/// rank <c>Heat:Fake:Rank</c> (default 0) of 4, two ranks per node; it communicates nothing.
/// </summary>
public sealed class FakeCommunicatorProvider : ICommunicatorProvider
{
    /// <summary>The install hint its attribute announces.</summary>
    public const string InstallHint = "Fake communicator: install nothing, it is a test double.";

    /// <summary>What <see cref="IsLaunchedByLauncher"/> answers (tests set it to pretend a launch).</summary>
    public static bool Launched { get; set; }

    /// <inheritdoc/>
    public string Name => "fake";

    /// <inheritdoc/>
    public bool IsLaunchedByLauncher() => Launched;

    /// <inheritdoc/>
    public int RanksOnNode() => 2;

    /// <inheritdoc/>
    public ICommunicator CreateWorld(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var world = DispatchProxy.Create<ICommunicator, FakeCommunicator>();
        ((FakeCommunicator)(object)world).Rank = int.Parse(context.Configuration["Heat:Fake:Rank"] ?? "0", CultureInfo.InvariantCulture);
        return world;
    }
}

/// <summary>The fake world: answers rank, size and kind; every call throws.</summary>
public class FakeCommunicator : DispatchProxy
{
    internal int Rank { get; set; }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Rank" => Rank,
        "get_Size" => 4,
        "get_Kind" => "fake",
        "get_IsGpuAware" => false,
        "Dispose" => null,
        var name => throw new NotSupportedException($"The fake communicator communicates nothing ({name})."),
    };
}
