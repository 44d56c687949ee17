// SPDX-License-Identifier: MIT
using Heat.Comm.InProc;

namespace Heat.Cli;

/// <summary>Runs a command body on in-process ranks or on the configured runtime (one process of an MPI job).</summary>
internal static class RankRunner
{
    /// <summary>Runs <paramref name="body"/> on every rank and returns the per-rank results.</summary>
    /// <remarks>Both ways read one configuration (appsettings.json, environment, <c>--backend</c>) and set ranks up
    /// alike.</remarks>
    public static T[] Run<T>(int ranks, string? backend, Func<T> body)
    {
        var configuration = HeatRuntime.BuildConfiguration(backend is null ? [] : [$"--Heat:Backend={backend}"]);
        if (ranks > 0) return InProcWorld.Run(ranks, body, configuration: configuration);
        using var runtime = HeatRuntime.Create(configuration);
        return [body()];
    }
}
