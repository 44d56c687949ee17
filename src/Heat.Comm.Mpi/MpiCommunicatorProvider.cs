// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.Mpi;
using Microsoft.Extensions.Logging;

[assembly: HeatCommunicatorProvider(typeof(MpiCommunicatorProvider),
    Install = "Install MPICH (Debian: apt-get install " + Heat.Comm.Mpi.Interop.MpiLibrary.Packages + ") and launch with mpiexec.mpich.")]

namespace Heat.Comm.Mpi;

/// <summary>Creates the <c>mpi</c> world communicator (configuration <c>Heat:Communicator=mpi</c>, or <c>auto</c> under
/// a launcher).</summary>
/// <remarks>Key <c>Heat:Mpi:Wait</c>: <c>auto</c> (default), <c>block</c> or <c>poll</c> (see
/// <see cref="MpiWaitMode"/>); key <c>Heat:Mpi:CollectiveTimeout</c>: seconds or a TimeSpan (see
/// <see cref="MpiCommunicator.CollectiveTimeout"/>).</remarks>
public sealed class MpiCommunicatorProvider : ICommunicatorProvider
{
    // Set by MPICH's Hydra (mpiexec.mpich), PMI-2/PMIx launchers and Slurm's srun.
    private static readonly string[] LauncherVariables = ["PMI_RANK", "PMI_SIZE", "PMI_FD", "PMIX_RANK", "HYDI_CONTROL_FD", "MPI_LOCALNRANKS"];

    /// <inheritdoc/>
    public string Name => "mpi";

    /// <inheritdoc/>
    public bool IsLaunchedByLauncher() => LauncherVariable(Environment.GetEnvironmentVariable) is not null;

    /// <summary>The variable that shows an MPI launch in the environment <paramref name="lookup"/> reads, or
    /// null.</summary>
    internal static string? LauncherVariable(Func<string, string?> lookup)
    {
        foreach (var name in LauncherVariables)
            if (!string.IsNullOrEmpty(lookup(name))) return name;
        if (int.TryParse(lookup("SLURM_STEP_NUM_TASKS"), out var tasks) && tasks > 1) return "SLURM_STEP_NUM_TASKS";
        return null;
    }

    /// <inheritdoc/>
    /// <remarks>Initialises MPI and counts the ranks of the <c>MPI_COMM_TYPE_SHARED</c> split of the world.</remarks>
    public int RanksOnNode()
    {
        MpiEnvironment.Initialize();
        return MpiEnvironment.RanksOnNode;
    }

    /// <inheritdoc/>
    public ICommunicator CreateWorld(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = MpiWaitPolicy.Parse(context.Configuration["Heat:Mpi:Wait"]);
        var timeout = MpiCollectiveTimeout.Parse(context.Configuration[MpiCollectiveTimeout.Key]);
        var world = MpiEnvironment.CreateWorld(wait, timeout);
        context.Loggers.CreateLogger("Heat.Comm.Mpi").LogInformation(
            "MPI rank {Rank}/{Size} (pid {Pid}), {RanksOnNode} on this node, {Cores} cores, wait mode {Mode}; "
            + "{Library}",
            world.Rank, world.Size, Environment.ProcessId, MpiEnvironment.RanksOnNode, CpuBudget.Cores, world.WaitMode,
            MpiEnvironment.LibraryVersion.Split('\n')[0]);
        return world;
    }
}
