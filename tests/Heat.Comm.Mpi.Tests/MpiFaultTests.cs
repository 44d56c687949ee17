// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Heat.Comm.Mpi.Tests;

/// <summary>
/// Real faults (the driver's <c>--fault</c> scenarios): a rank SIGKILLs itself in the middle of a collective, a ring
/// matmul or a save, in the blocking and the polling wait mode. The job must end in bounded time with a non-zero exit
/// and a message naming the lost rank; a save must leave the previous file byte for byte and loadable.
/// </summary>
public sealed partial class MpiFaultTests
{
    /// <summary>The bound on a faulted job, start-up of 3 .NET processes on a busy 2-core machine included.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("collective", "block")]
    [InlineData("matmul", "poll")]
    public void RankKilled_LauncherEndsTheJobInBoundedTime(string kind, string wait)
    {
        var job = Fault(kind, wait, victim: 1, cleanup: true);
        AssertEnded(job, kind, victim: 1);
    }

    [Theory]
    [InlineData("npy", 1, "poll")]
    [InlineData("hdf5", 0, "block")]
    [InlineData("netcdf", 0, "block")]
    [InlineData("csv", 0, "poll")]
    public void RankKilledDuringSave_PreviousFileStaysIntactAndLoadable(string format, int victim, string wait)
    {
        var dir = Directory.CreateTempSubdirectory("heat-fault-");
        try
        {
            var job = Fault("save-" + format, wait, victim, cleanup: true, "--fault-dir", dir.FullName);
            AssertEnded(job, "save-" + format, victim);
            // Version 2 was being written when the rank died, before the ranks agreed that every part is written
            // (rank 0 renames only after that): the real name still holds version 1, byte for byte. (A rank that dies
            // after the agreement, e.g. netCDF's last rank, leaves a complete version 2: rank 0 alone renames.)
            var saved = SavedRegex().Matches(job.Output).ToDictionary(m => int.Parse(m.Groups[1].Value,
                CultureInfo.InvariantCulture), m => m.Groups[2].Value);
            Assert.True(saved.ContainsKey(1) && !saved.ContainsKey(2), job.ToString());
            var files = dir.GetFiles();
            var target = Assert.Single(files, f => !f.Name.Contains(".heat-", StringComparison.Ordinal));
            Assert.All(files, f => Assert.True(f == target || f.Name.EndsWith(".tmp", StringComparison.Ordinal),
                $"unexpected file {f.Name}"));
            Assert.Equal(saved[1], Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(target.FullName))));
            var verify = MpiJob.Run(1, JobTimeout, "--fault-verify", format, "--fault-dir", dir.FullName);
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.Contains("fault: file holds version 1", verify.Output);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("collective", "block")]
    [InlineData("matmul", "poll")]
    public void RankKilled_UnderALauncherThatDoesNotCleanUp_WatchdogAbortsNamingTheLostRank(string kind, string wait)
    {
        // With -disable-auto-cleanup and the ranks under "sh -c 'dotnet ...; exit 0'", the launcher sees a clean exit
        // and keeps the survivors, which would wait forever; the watchdog ends the job and names rank 1.
        var job = Fault(kind, wait, victim: 1, cleanup: false, "--Heat:Mpi:CollectiveTimeout=2");
        Assert.True(job.ExitCode != 0, job.ToString());
        Assert.True(job.Elapsed < Bound, job.ToString());
        long pid = PidOf(job, 1);
        var all = job.Output + job.Errors;
        // Usually the survivors wait and the watchdog names rank 1 (with any rank the launcher killed meanwhile).
        // MPICH's UCX transport may instead crash a survivor first, when it reads from the dead peer's memory (seen
        // about once in four runs): the job still ends, with UCX's "No such process" and no word from Heat.
        bool named = all.Contains("did not complete within 2 s (Heat:Mpi:CollectiveTimeout)", StringComparison.Ordinal)
            && Regex.IsMatch(all, $@"{Regex.Escape(LostText)}[^\n]*\b1 \(pid {pid}\)");
        // Or Hydra's own proxy fails forwarding to the dead process ("process manager error", exit 255, seen once).
        bool transport = all.Contains("No such process", StringComparison.Ordinal);
        bool launcher = all.Contains("process manager error waiting for completion", StringComparison.Ordinal);
        Assert.True(named || transport || launcher, job.ToString());
        // Regression: after MPI_Abort returned (the launcher keeps the job), the exit hook still called MPI_Finalize.
        Assert.DoesNotContain("internal_Finalize", all);
    }

    [Fact]
    public void RankStopsCallingMpi_WatchdogAbortsNamingTheOperation()
    {
        var job = Fault("hang", "poll", victim: 2, cleanup: true, "--Heat:Mpi:CollectiveTimeout=2");
        Assert.True(job.ExitCode != 0, job.ToString());
        Assert.True(job.Elapsed < Bound, job.ToString());
        Assert.True((job.Output + job.Errors).Contains(
            "MPI_Iallreduce_c did not complete within 2 s (Heat:Mpi:CollectiveTimeout)", StringComparison.Ordinal),
            job.ToString());
    }

    private static MpiJobResult Fault(string kind, string wait, int victim, bool cleanup, params string[] more)
    {
        string[] driver = [MpiJob.DriverPath(), "--fault", kind, "--fault-rank",
            victim.ToString(CultureInfo.InvariantCulture), "--Heat:Mpi:Wait=" + wait, .. more];
        string[] command = cleanup ? ["dotnet", .. driver] : ["sh", "-c", "dotnet \"$@\"; exit 0", "sh", .. driver];
        return MpiJob.RunWith(3, JobTimeout, null, command, cleanup ? null : ["-disable-auto-cleanup"]);
    }

    /// <summary>Exit code and time after the victim's kill. MPICH's launcher kills the survivors at once (SIGKILL),
    /// so none can speak, and its "BAD TERMINATION ... PID" banner names the first process it reaped, not
    /// necessarily the lost one (seen: rank 0's pid for a kill of rank 1): the lost rank is named only where the
    /// launcher leaves the survivors running (the watchdog tests).</summary>
    private static void AssertEnded(MpiJobResult job, string kind, int victim)
    {
        Assert.True(job.ExitCode != 0, job.ToString());
        Assert.True(job.Elapsed < Bound, job.ToString());
        Assert.True(job.Output.Contains($"fault: rank {victim} kills itself (SIGKILL) during {kind}",
            StringComparison.Ordinal), job.ToString());
    }

    private const string LostText = "Lost ranks (processes that have exited) on this node: ";

    private static long PidOf(MpiJobResult job, int rank)
    {
        var m = Regex.Match(job.Output, $@"fault: rank {rank} pid (\d+)");
        Assert.True(m.Success, job.ToString());
        return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"fault: saved (\d+) sha256 ([0-9A-F]+)")]
    private static partial Regex SavedRegex();
}
