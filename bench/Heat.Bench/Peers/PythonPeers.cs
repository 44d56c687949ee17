// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;

namespace Heat.Bench.Peers;

/// <summary>What one peer script answered: best seconds per peer, the reason for each peer skipped, and notes.
/// </summary>
/// <param name="Seconds">Best time of each peer that ran.</param>
/// <param name="Skipped">Why each peer that did not run was skipped.</param>
/// <param name="Info">Notes per peer (iterations run, library versions).</param>
public sealed record PeerAnswer(
    IReadOnlyDictionary<string, double> Seconds, IReadOnlyDictionary<string, string> Skipped,
    IReadOnlyDictionary<string, string> Info)
{
    /// <summary>An answer with every peer in <paramref name="peers"/> skipped for <paramref name="reason"/>.</summary>
    public static PeerAnswer SkippedAll(IEnumerable<string> peers, string reason) =>
        new(new Dictionary<string, double>(), peers.ToDictionary(p => p, _ => reason),
            new Dictionary<string, string>());

    /// <summary>This answer with one more peer measured in this process (a hand-written C# reference).</summary>
    public PeerAnswer With(string peer, double seconds, string info)
    {
        var timed = Seconds.ToDictionary(p => p.Key, p => p.Value);
        var notes = Info.ToDictionary(p => p.Key, p => p.Value);
        timed[peer] = seconds;
        notes[peer] = info;
        return new PeerAnswer(timed, Skipped, notes);
    }
}

/// <summary>
/// Runs the peer scripts of <c>bench/peers/*.py</c> (scikit-learn, NumPy, torch, dask) as external processes with
/// Debian's <c>/usr/bin/python3</c> (or <c>HEAT_BENCH_PYTHON</c>), their thread pools limited to the budget; Python
/// is never a dependency of Heat itself, and a missing interpreter or library skips the peer with a clear line.
/// </summary>
public static class PythonPeers
{
    /// <summary>The interpreter: <c>HEAT_BENCH_PYTHON</c>, else <c>/usr/bin/python3</c> when present, else null.
    /// </summary>
    public static string? Python
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HEAT_BENCH_PYTHON");
            if (!string.IsNullOrEmpty(configured)) return configured;
            return File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : null;
        }
    }

    /// <summary>The folder of the peer scripts: <c>HEAT_BENCH_PEERS</c>, else <c>bench/peers</c> found upwards from the
    /// working directory or the bench's own folder, else null.</summary>
    public static string? Scripts
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HEAT_BENCH_PEERS");
            if (!string.IsNullOrEmpty(configured)) return configured;
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "bench", "peers");
                    if (File.Exists(Path.Combine(candidate, "_peers.py"))) return candidate;
                }
            return null;
        }
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/> (serialised to one JSON argument) on
    /// <paramref name="threads"/> threads; every peer in <paramref name="peers"/> comes back timed or skipped.
    /// </summary>
    public static PeerAnswer Run(string script, object args, IReadOnlyCollection<string> peers, int threads,
        TimeSpan timeout)
    {
        string? python = Python, scripts = Scripts;
        if (python is null)
            return Skip(peers, "no Python: /usr/bin/python3 is absent and HEAT_BENCH_PYTHON is not set");
        if (scripts is null)
            return Skip(peers, "bench/peers/*.py not found (run from the repository, or set HEAT_BENCH_PEERS)");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = scripts,
        };
        start.ArgumentList.Add(Path.Combine(scripts, script));
        start.ArgumentList.Add(JsonSerializer.Serialize(args));
        string budget = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HEAT_PEER_THREADS"] = budget;
        foreach (var name in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                     "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS" })
            start.Environment[name] = budget;
        start.Environment.Remove("PYTHONPATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return Skip(peers, $"{script} ran past {timeout.TotalSeconds:F0} s and was stopped");
        }
        process.WaitForExit();
        var line = stdout.Result.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            var tail = stderr.Result.Trim().Split('\n').LastOrDefault() ?? "";
            return Skip(peers, $"{script} failed (exit {process.ExitCode}): {tail}");
        }
        using var doc = JsonDocument.Parse(line);
        var seconds = doc.RootElement.GetProperty("seconds").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var skipped = doc.RootElement.GetProperty("skipped").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var info = doc.RootElement.GetProperty("info").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        foreach (var p in peers.Where(p => !seconds.ContainsKey(p) && !skipped.ContainsKey(p)))
            skipped[p] = $"{script} gave no figure";
        foreach (var (peer, reason) in skipped) Console.Error.WriteLine($"# peers: {peer} skipped: {reason}");
        return new PeerAnswer(seconds, skipped, info);
    }

    private static PeerAnswer Skip(IReadOnlyCollection<string> peers, string reason)
    {
        Console.Error.WriteLine($"# peers: {string.Join(", ", peers)} skipped: {reason}");
        return PeerAnswer.SkippedAll(peers, reason);
    }
}
