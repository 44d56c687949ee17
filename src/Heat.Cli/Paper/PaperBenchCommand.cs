// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Heat.Abstractions;
using Heat.Comm.InProc;
using Spectre.Console;

namespace Heat.Cli.Paper;

/// <summary>
/// <c>heat bench paper [--quick]</c>: the HeAT paper's four experiments (moments, cdist, k-means, LASSO) in strong scaling
/// (fixed size) and weak scaling (size × ranks) over 1, 2 and 4 in-process ranks; a table, JSON lines and SVG plots.
/// </summary>
internal static class PaperBenchCommand
{
    private sealed record Row(string Workload, string Scaling, int Ranks, int ThreadsPerRank, double Seconds, double Speedup, string Shape);

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Small sizes (a few minutes on 2 cores)." };
        var ranksOption = new Option<string>("--ranks") { Description = "Rank counts, comma-separated.", DefaultValueFactory = _ => "1,2,4" };
        var only = new Option<string?>("--only") { Description = "Workloads to run: moments,cdist,kmeans,lasso." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for paper-bench.jsonl and the SVG plots.", DefaultValueFactory = _ => new DirectoryInfo("paper-bench") };
        var paper = new Command("paper", "Run the HeAT paper's experiments (moments, cdist, k-means, LASSO), strong and weak scaling.") { quick, ranksOption, only, outDir };
        paper.SetAction(parse =>
        {
            int[] ranks;
            try { ranks = parse.GetValue(ranksOption)!.Split(',').Select(int.Parse).ToArray(); }
            catch (FormatException) { Console.Error.WriteLine("--ranks must be comma-separated integers, e.g. 1,2,4."); return 2; }
            if (ranks.Length == 0 || ranks.Any(r => r < 1)) { Console.Error.WriteLine("--ranks needs positive rank counts."); return 2; }
            var workloads = PaperWorkloads.All(parse.GetValue(quick));
            if (parse.GetValue(only) is string names)
            {
                var wanted = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var unknown = wanted.Except(workloads.Select(w => w.Name)).ToArray();
                if (unknown.Length > 0) { Console.Error.WriteLine($"--only: unknown workload(s) {string.Join(", ", unknown)}; choose from moments, cdist, kmeans, lasso."); return 2; }
                workloads = workloads.Where(w => wanted.Contains(w.Name)).ToArray();
            }
            var rows = Run(workloads, ranks);
            Report(rows, parse.GetValue(outDir)!);
            return 0;
        });
        var bench = new Command("bench", "Benchmarks.") { paper };
        return bench;
    }

    private static List<Row> Run(PaperWorkloads.Workload[] workloads, int[] ranks)
    {
        int cores = Math.Max(1, CpuBudget.ThreadsPerRank(1));
        var rows = new List<Row>();
        var steps = workloads.Length * ranks.Length * 2;
        void Measure(Action<string> progress)
        {
            foreach (var w in workloads)
                foreach (var scaling in new[] { "strong", "weak" })
                {
                    double t1 = 0;
                    foreach (int p in ranks.Order())
                    {
                        progress($"{w.Name} {scaling} scaling, {p} rank(s)");
                        int threads = Math.Max(1, cores / p);
                        double scale = scaling == "weak" ? p : 1;
                        // Best of three after a warm-up run (JIT, memory pool).
                        double seconds = OnRanks(p, threads, () =>
                        {
                            w.Run(scale, scaling == "weak");
                            return Enumerable.Range(0, 3).Min(_ => w.Run(scale, scaling == "weak"));
                        });
                        if (p == ranks.Min()) t1 = seconds;
                        double speedup = t1 / seconds; // strong: speedup; weak: efficiency
                        rows.Add(new Row(w.Name, scaling, p, threads, seconds, speedup, w.Shape));
                    }
                }
        }
        if (AnsiConsole.Profile.Capabilities.Interactive)
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("paper benchmark", maxValue: steps);
                Measure(text => { task.Description = text; task.Increment(1); });
            });
        else Measure(text => Console.Error.WriteLine($"running {text}"));
        return rows;
    }

    private static double OnRanks(int ranks, int threads, Func<double> body)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", threads.ToString(CultureInfo.InvariantCulture));
        try { return InProcWorld.Run(ranks, body, TimeSpan.FromMinutes(30))[0]; }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    private static void Report(List<Row> rows, DirectoryInfo outDir)
    {
        outDir.Create();
        Console.WriteLine($"| {"workload",-8} | {"scaling",-7} | ranks | thr | {"time",10} | {"speedup / efficiency",20} | shape");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Workload,-8} | {r.Scaling,-7} | {r.Ranks,5} | {r.ThreadsPerRank,3} | {r.Seconds * 1e3,7:F1} ms | {r.Speedup,20:F2} | {r.Shape}"));
        var json = rows.Select(r => JsonSerializer.Serialize(new
        {
            experiment = $"paper.{r.Workload}.{r.Scaling}", ranks = r.Ranks, threads_per_rank = r.ThreadsPerRank,
            seconds = r.Seconds, speedup_vs_first = r.Speedup, shape = r.Shape,
        }));
        File.WriteAllLines(Path.Combine(outDir.FullName, "paper-bench.jsonl"), json);
        foreach (var scaling in new[] { "strong", "weak" })
        {
            var series = rows.Where(r => r.Scaling == scaling).GroupBy(r => r.Workload)
                .Select(g => (g.Key, g.Select(r => ((double)r.Ranks, r.Speedup)).ToArray())).ToList();
            if (series.Count == 0) continue;
            var svg = SvgPlot.Lines(scaling == "strong" ? "Strong scaling: speedup over the smallest rank count" : "Weak scaling: efficiency (t1 / tp)",
                scaling == "strong" ? "speedup" : "efficiency", series, ideal: scaling == "strong");
            File.WriteAllText(Path.Combine(outDir.FullName, $"{scaling}-scaling.svg"), svg);
        }
        Console.WriteLine($"wrote {Path.Combine(outDir.FullName, "paper-bench.jsonl")}, strong-scaling.svg, weak-scaling.svg");
    }
}
