// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Abstractions;

/// <summary>How many cores this process may use: the cgroup CPU quota, Slurm's allotment and the machine's cores.</summary>
public static class CpuBudget
{
    private static readonly Lazy<int> ProcessCores = new(ReadProcessCores);

    /// <summary>Cores available to this process (at least 1).</summary>
    public static int Cores => ProcessCores.Value;

    /// <summary>Threads for one of <paramref name="ranksOnNode"/> ranks sharing this process's cores: max(1, cores / ranks).</summary>
    public static int ThreadsPerRank(int ranksOnNode) => Math.Max(1, Cores / Math.Max(1, ranksOnNode));

    /// <summary>Threads per rank when each rank is its own process (MPI): Slurm's cpus-per-task, else cores / ranks on the node.</summary>
    public static int ThreadsPerProcess(int ranksOnNode)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), out var slurm) && slurm > 0) return slurm;
        return ThreadsPerRank(ranksOnNode);
    }

    private static int ReadProcessCores()
    {
        int cores = Environment.ProcessorCount; // honours affinity and, in .NET, the cgroup quota on Linux
        var quota = ReadCgroupQuota();
        if (quota is { } q) cores = Math.Min(cores, Math.Max(1, (int)Math.Floor(q)));
        return Math.Max(1, cores);
    }

    /// <summary>The cgroup v2 (<c>cpu.max</c>) or v1 (<c>cfs_quota_us / cfs_period_us</c>) CPU quota in cores, or null.</summary>
    internal static double? ReadCgroupQuota()
    {
        try
        {
            const string v2 = "/sys/fs/cgroup/cpu.max";
            if (File.Exists(v2))
            {
                var parts = File.ReadAllText(v2).Trim().Split(' ');
                if (parts.Length == 2 && parts[0] != "max"
                    && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var quota)
                    && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var period) && period > 0)
                    return quota / period;
                return null;
            }
            const string v1Quota = "/sys/fs/cgroup/cpu/cpu.cfs_quota_us", v1Period = "/sys/fs/cgroup/cpu/cpu.cfs_period_us";
            if (File.Exists(v1Quota) && File.Exists(v1Period)
                && double.TryParse(File.ReadAllText(v1Quota).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var q1) && q1 > 0
                && double.TryParse(File.ReadAllText(v1Period).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p1) && p1 > 0)
                return q1 / p1;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
