// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace Heat.Cli;

/// <summary>Options shared by the subcommands.</summary>
internal static class CommonOptions
{
    /// <summary><c>--ranks N</c>: run on N in-process ranks (threads); 0 means the configured communicator.</summary>
    public static Option<int> Ranks(int defaultValue) => new("--ranks")
    {
        Description = "Number of in-process ranks (threads of this process); 0 uses the configured communicator (MPI under mpiexec).",
        DefaultValueFactory = _ => defaultValue,
        Validators = { r => { if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var n) && n < 0) r.AddError("--ranks must be >= 0."); } },
    };

    /// <summary><c>--backend NAME</c>: the compute backend.</summary>
    public static Option<string?> Backend() => new("--backend")
    {
        Description = "Compute backend: managed (default), torch, opencl or ilgpu.",
    };
}
