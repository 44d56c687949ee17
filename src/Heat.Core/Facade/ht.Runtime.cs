// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Heat.Abstractions;

[assembly: SuppressMessage("Style", "IDE1006", Scope = "type", Target = "~T:Heat.ht", Justification = "HeAT's lower-case names.")]

namespace Heat;

/// <summary>The facade, mirror of HeAT's <c>heat</c> module: <c>ht.zeros</c>, <c>ht.sum</c>, <c>ht.random</c>,
/// ...</summary>
public static partial class ht
{
    /// <summary>The current rank's context: the ambient one, or the process default outside any rank.</summary>
    internal static RankContext Context => HeatContext.Current ?? HeatRuntime.ProcessDefaultContext();

    /// <summary>
    /// Starts Heat for a program: reads <c>appsettings.json</c>, environment (<c>Heat__Backend=torch</c>) and arguments
    /// (<c>--Heat:Backend=torch</c>), picks backend, communicator (MPI under mpiexec/srun) and device, and makes them
    /// the
    /// ambient context of the calling thread. Dispose the result at the end.
    /// </summary>
    public static HeatRuntime init(string[]? args = null) => HeatRuntime.Create(HeatRuntime.BuildConfiguration(args));
}
