// SPDX-License-Identifier: MIT
using Heat.Comm.InProc;

namespace Heat.Cli;

/// <summary>Runs a command body on in-process ranks or on the configured runtime (one process of an MPI job).</summary>
internal static class RankRunner
{
    /// <summary>Runs <paramref name="body"/> on every rank and returns the per-rank results.</summary>
    public static T[] Run<T>(int ranks, string? backend, Func<T> body)
    {
        if (ranks > 0) return InProcWorld.Run(ranks, body, backend: backend ?? Environment.GetEnvironmentVariable("Heat__Backend"));
        var args = backend is null ? Array.Empty<string>() : new[] { $"--Heat:Backend={backend}" };
        using var runtime = ht.init(args);
        return [body()];
    }
}
