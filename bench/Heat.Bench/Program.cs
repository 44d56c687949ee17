// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Heat.Bench;

/// <summary>
/// Runs the experiments: <c>dotnet run -c Release --project bench/Heat.Bench -- [--quick] [--only NAME,...] [--ranks 1,2,4] [--backend managed|torch] [--json FILE]</c>;
/// under MPI: <c>mpiexec.mpich -n P dotnet bench/Heat.Bench/bin/Release/net10.0/Heat.Bench.dll --mpi [--quick] [--json FILE]</c>.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        string? only = Value(args, "--only");
        string json = Value(args, "--json") ?? "bench-results.jsonl";
        var ranks = (Value(args, "--ranks") ?? "1,2,4").Split(',').Select(int.Parse).ToArray();
        if (args.Contains("--mpi")) return RunMpi(new BenchOptions(quick, ranks), json, args);
        var experiments = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IExperiment).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => (IExperiment)Activator.CreateInstance(t)!)
            .Where(e => only is null || only.Split(',').Any(o => e.Name.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.Name).ToList();
        if (experiments.Count == 0) { Console.Error.WriteLine($"No experiment matches '{only}'."); return 2; }

        var options = new BenchOptions(quick, ranks, Value(args, "--backend") ?? "managed");
        var results = new List<BenchResult>();
        using var jsonOut = new StreamWriter(json, append: false);
        foreach (var e in experiments)
        {
            Console.Error.WriteLine($"# {e.Name}");
            foreach (var r in e.Run(options))
            {
                results.Add(r);
                var line = JsonSerializer.Serialize(r);
                jsonOut.WriteLine(line);
                Console.WriteLine(line);
            }
        }
        Console.WriteLine();
        PrintTable(results);
        return 0;
    }

    private static int RunMpi(BenchOptions options, string json, string[] args)
    {
        var results = Mpi.MpiMode.Run(options, args);
        if (results.Count == 0) return 0;  // ranks other than 0
        using (var jsonOut = new StreamWriter(json, append: true))
            foreach (var r in results) { var line = JsonSerializer.Serialize(r); jsonOut.WriteLine(line); Console.WriteLine(line); }
        Console.WriteLine();
        PrintTable(results);
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void PrintTable(List<BenchResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"| {"experiment",-28} | ranks | thr | {"time",10} | {"reference",-18} | {"ref time",10} | speed vs ref | {"rate",14} | note");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            string rate = r.Rate is { } v ? string.Format(inv, "{0:F2} {1}", v, r.RateUnit) : "";
            Console.WriteLine(string.Format(inv, "| {0,-28} | {1,5} | {2,3} | {3,10} | {4,-18} | {5,10} | {6,12:F3} | {7,14} | {8}",
                r.Experiment, r.Ranks, r.ThreadsPerRank, Format(r.Seconds), r.Reference, Format(r.ReferenceSeconds), r.SpeedVsReference, rate, r.Note));
        }
    }

    private static string Format(double seconds) => seconds switch
    {
        < 1e-3 => string.Format(CultureInfo.InvariantCulture, "{0:F1} µs", seconds * 1e6),
        < 1 => string.Format(CultureInfo.InvariantCulture, "{0:F2} ms", seconds * 1e3),
        _ => string.Format(CultureInfo.InvariantCulture, "{0:F3} s", seconds),
    };
}
