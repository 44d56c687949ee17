// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Heat;
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Comm.Mpi.Driver;

/// <summary>
/// <c>mpiexec.mpich -n N dotnet Heat.Comm.Mpi.Driver.dll [--filter REGEX] [--report FILE] [--case-timeout S] [--list]
/// [--self-check]</c>:
/// runs the shared suites' cases for N ranks on every rank in the same order; rank 0 prints a summary line and writes
/// a JSON report. Exit code 0 only if every case passed. <c>--crash-rank R</c> instead makes rank R throw an unhandled
/// exception while the others wait in a Barrier (the abort test); <c>--fault KIND</c> kills a rank with SIGKILL (see
/// <see cref="FaultScenario"/>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--runtime")) return RuntimeCheck(args);
        if (Value(args, "--fault") is { } fault)
            return FaultScenario.Run(args, fault,
                int.Parse(Value(args, "--fault-rank") ?? "1", CultureInfo.InvariantCulture));
        if (Value(args, "--fault-verify") is { } format) return FaultFiles.Verify(format, Value(args, "--fault-dir")!);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var provider = new MpiCommunicatorProvider();
        int ranksOnNode = provider.RanksOnNode();
        var context = new ProviderContext(configuration, NullLoggerFactory.Instance, ranksOnNode);
        using var world = provider.CreateWorld(context);

        if (Value(args, "--crash-rank") is { } crash) return Crash(world, int.Parse(crash, CultureInfo.InvariantCulture));

        using var control = world.Dup();
        using var backend = ComponentDiscovery.FindBackend("managed").Create(context);
        // The bindings follow the test matrix: a DNDarray or ML suite without an MPI binding fails the job (on every
        // rank alike).
        if (Heat.Testing.Matrix.Unbound<Heat.Testing.MpiWorld>(typeof(Program).Assembly,
                [.. Heat.Testing.Matrix.DndarraySuites, .. Heat.Testing.Matrix.MlSuites]) is { Count: > 0 } unbound)
        {
            if (world.Rank == 0) Console.WriteLine($"MPI driver: suites of Heat.Testing.Matrix without an MPI binding: {string.Join(", ", unbound)}");
            return 1;
        }
        var filter = Value(args, "--filter") is { } f ? new Regex(f, RegexOptions.CultureInvariant) : null;
        var cases = TestDiscovery.Find(typeof(Program).Assembly, world.Size, filter, selfCheck: args.Contains("--self-check"));
        if (args.Contains("--list"))
        {
            if (world.Rank == 0) foreach (var c in cases) Console.WriteLine(c.Name);
            return 0;
        }
        var timeout = TimeSpan.FromSeconds(double.Parse(Value(args, "--case-timeout") ?? "120", CultureInfo.InvariantCulture));
        var testWorld = new MpiTestWorld(world, control, backend);
        using var watchdog = new Watchdog(timeout);
        var clock = Stopwatch.StartNew();
        var failures = new List<Failure>();
        var leftOut = new List<string>();
        int passed = 0;
        foreach (var test in cases)
        {
            watchdog.Arm(test.Name);
            string? error = null;
            bool left = false;
            testWorld.ExactSizeOnly = !test.ByRanks;
            try { test.Run(testWorld); }
            catch (LeftOutException) { left = true; }  // thrown alike on every rank, before any communication
            catch (Exception e)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                // Printed at once: if the ranks cannot agree (a peer is stuck in a collective), this is what is left.
                if (e is not RankFailedException) Console.Error.WriteLine($"[rank {world.Rank}] FAILED {test.Name}: {e}");
            }
            var messages = Agree(control, error);
            watchdog.Disarm();
            if (messages.Count > 0) failures.Add(new Failure(test.Name, messages));
            else if (left) leftOut.Add(test.Name);
            else passed++;
        }
        var report = new Report(world.Size, cases.Count, passed, failures.Count, leftOut.Count, Math.Round(clock.Elapsed.TotalSeconds, 2),
            world is MpiCommunicator m ? m.WaitMode.ToString() : "", failures, leftOut);
        if (world.Rank == 0)
        {
            foreach (var failure in failures)
                Console.WriteLine($"FAILED {failure.Name}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failure.Messages)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MPI driver: {world.Size} ranks, wait mode {report.WaitMode}: {passed} passed, {failures.Count} failed, {leftOut.Count} left out (for another world size) in {report.Seconds:F1} s"));
            if (Value(args, "--report") is { } path)
                File.WriteAllText(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }
        world.Barrier();
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>One failed case and each failing rank's message.</summary>
    public sealed record Failure(string Name, List<string> Messages);

    /// <summary>What rank 0 writes with <c>--report</c>.</summary>
    public sealed record Report(int Ranks, int Cases, int Passed, int Failed, int LeftOut, double Seconds, string WaitMode, List<Failure> Failures, List<string> LeftOutCases);

    /// <summary>Every rank's error message for the case (empty when all passed), identical on every rank.</summary>
    private static List<string> Agree(ICommunicator control, string? error)
    {
        var bytes = Encoding.UTF8.GetBytes(error ?? "");
        var lengths = control.Allgather((long)bytes.Length);
        if (lengths.All(l => l == 0)) return [];
        var displs = new long[lengths.Length];
        for (int i = 1; i < lengths.Length; i++) displs[i] = displs[i - 1] + lengths[i - 1];
        var all = new byte[displs[^1] + lengths[^1]];
        control.Allgatherv<byte>(bytes, all, lengths, displs);
        var messages = new List<string>();
        for (int r = 0; r < lengths.Length; r++)
            if (lengths[r] > 0) messages.Add($"rank {r}: {Encoding.UTF8.GetString(all, (int)displs[r], (int)lengths[r])}");
        return messages;
    }

    /// <summary>
    /// <c>--runtime</c>: starts Heat as a program does (<c>ht.init</c>, <c>Heat:Communicator=auto</c>), checks a
    /// distributed
    /// sum, and prints what was chosen from rank 0: <c>runtime: comm=mpi size=N ranks-on-node=K threads=T sum=S</c>.
    /// </summary>
    private static int RuntimeCheck(string[] args)
    {
        using var runtime = ht.init(args);
        var comm = ht.get_comm();
        using var x = ht.arange(1000, dtype: ht.float64, split: 0);
        using var total = ht.sum(x);
        double sum = total.item<double>();
        if (comm.Rank == 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runtime: comm={comm.Kind} size={comm.Size} ranks-on-node={MpiEnvironment.RanksOnNode} threads={runtime.Backend.Threads} sum={sum}"));
        return sum == 999 * 1000 / 2 ? 0 : 1;
    }

    private static int Crash(ICommunicator world, int rank)
    {
        world.Barrier();
        if (world.Rank == rank) throw new InvalidOperationException($"Deliberate failure on rank {rank} (--crash-rank).");
        world.Barrier();  // the others wait here until MPI_Abort ends the job
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Aborts the job when a case runs past the timeout (a rank is stuck in a collective its peers
    /// left).</summary>
    private sealed class Watchdog : IDisposable
    {
        private readonly TimeSpan _timeout;
        private readonly Thread _thread;
        private readonly object _gate = new();
        private string? _case;
        private DateTime _deadline;
        private bool _stop;

        public Watchdog(TimeSpan timeout)
        {
            _timeout = timeout;
            _thread = new Thread(Watch) { IsBackground = true, Name = "heat-mpi-watchdog" };
            _thread.Start();
        }

        public void Arm(string name) { lock (_gate) { _case = name; _deadline = DateTime.UtcNow + _timeout; } }
        public void Disarm() { lock (_gate) _case = null; }
        public void Dispose() { lock (_gate) { _stop = true; Monitor.PulseAll(_gate); } }

        private void Watch()
        {
            lock (_gate)
            {
                while (!_stop)
                {
                    if (_case is not null && DateTime.UtcNow > _deadline)
                        MpiEnvironment.Abort($"case {_case} did not finish within {_timeout.TotalSeconds:0} s; aborting the job (a rank probably failed while its peers wait in a collective).");
                    Monitor.Wait(_gate, 500);
                }
            }
        }
    }
}
