// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>Recognises a process started by an MPI launcher (mpiexec/Hydra, PMIx, Open MPI, Slurm's srun with several tasks).</summary>
internal static class LauncherDetection
{
    private static readonly string[] Markers = ["PMI_RANK", "PMI_SIZE", "PMIX_RANK", "OMPI_COMM_WORLD_SIZE", "MPI_LOCALNRANKS", "HYDI_CONTROL_FD"];

    /// <summary>The environment variable that shows an MPI launch, or null.</summary>
    public static string? Marker() => Marker(Environment.GetEnvironmentVariable);

    /// <summary>The variable that shows an MPI launch in the environment <paramref name="lookup"/> reads, or null.</summary>
    public static string? Marker(Func<string, string?> lookup)
    {
        foreach (var name in Markers)
            if (!string.IsNullOrEmpty(lookup(name))) return name;
        if (int.TryParse(lookup("SLURM_STEP_NUM_TASKS"), out var tasks) && tasks > 1) return "SLURM_STEP_NUM_TASKS";
        return null;
    }
}
