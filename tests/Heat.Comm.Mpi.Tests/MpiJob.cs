// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text;

namespace Heat.Comm.Mpi.Tests;

/// <summary>What one <c>mpiexec.mpich</c> run gave.</summary>
public sealed record MpiJobResult(int ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    /// <summary>Everything the job printed, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s{Environment.NewLine}--- stdout ---{Environment.NewLine}{Output}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Errors}";
}

/// <summary>Launches the test driver under MPICH's launcher: <c>mpiexec.mpich -n N dotnet Heat.Comm.Mpi.Driver.dll ...</c>.</summary>
public static class MpiJob
{
    /// <summary>MPICH's launcher (plain <c>mpiexec</c> may be Open MPI's).</summary>
    public const string Launcher = "mpiexec.mpich";

    /// <summary>The launcher's full path.</summary>
    /// <exception cref="InvalidOperationException">It is not installed: these tests need MPICH and say so instead of skipping.</exception>
    public static string LauncherPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, Launcher);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"{Launcher} is not on PATH: the MPI tests need MPICH (Debian/Ubuntu: apt-get install mpich libmpich-dev; scripts/test.sh installs it).");
    }

    /// <summary>The driver assembly, built beside this test assembly (same configuration).</summary>
    public static string DriverPath() => BuiltAssembly("tests", "Heat.Comm.Mpi.Driver");

    /// <summary>The output assembly of project <paramref name="project"/> under <paramref name="folder"/> of the repository, in this configuration.</summary>
    public static string BuiltAssembly(string folder, string project)
    {
        // <repo>/tests/Heat.Comm.Mpi.Tests/bin/<Configuration>/<tfm>/ -> <repo>/<folder>/<project>/bin/<Configuration>/<tfm>/<project>.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name, configuration = here.Parent!.Name;
        var repository = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, folder, project, "bin", configuration, tfm, project + ".dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"{project} is not built at {path}; build Heat.sln (or {folder}/{project}) in {configuration}.", path);
        return path;
    }

    /// <summary>Runs the driver on <paramref name="ranks"/> processes; kills the job after <paramref name="timeout"/>.</summary>
    public static MpiJobResult Run(int ranks, TimeSpan timeout, params string[] driverArguments) => RunApp(DriverPath(), ranks, timeout, driverArguments);

    /// <summary>Runs <c>dotnet <paramref name="assembly"/></c> on <paramref name="ranks"/> processes; kills the job after <paramref name="timeout"/>.</summary>
    public static MpiJobResult RunApp(string assembly, int ranks, TimeSpan timeout, params string[] arguments) =>
        RunWith(ranks, timeout, null, ["dotnet", assembly, .. arguments]);

    /// <summary>Runs <paramref name="command"/> on <paramref name="ranks"/> processes under the launcher, given
    /// <paramref name="launcherOptions"/> first (<c>-disable-auto-cleanup</c>); <paramref name="onOutput"/> sees each
    /// line of standard output as it arrives.</summary>
    public static MpiJobResult RunWith(int ranks, TimeSpan timeout, Action<string>? onOutput, string[] command,
        string[]? launcherOptions = null)
    {
        // The job runs in a session of its own (setsid): when a rank aborts, Hydra tears down its process group, and
        // that must never reach the test host.
        bool ownSession = File.Exists("/usr/bin/setsid");
        var start = new ProcessStartInfo(ownSession ? "/usr/bin/setsid" : LauncherPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ownSession) start.ArgumentList.Add(LauncherPath());
        string count = ranks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var a in (launcherOptions ?? []).Concat(["-n", count]).Concat(command))
            start.ArgumentList.Add(a);
        // The test host's own settings must not leak into the job.
        start.Environment.Remove("Heat__Communicator");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            onOutput?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"mpiexec.mpich -n {ranks} did not finish within {timeout.TotalSeconds:0} s.{Environment.NewLine}{new MpiJobResult(-1, output.ToString(), errors.ToString(), clock.Elapsed)}");
        }
        process.WaitForExit();
        lock (output) lock (errors) return new MpiJobResult(process.ExitCode, output.ToString(), errors.ToString(), clock.Elapsed);
    }
}
