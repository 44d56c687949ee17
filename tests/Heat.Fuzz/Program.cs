// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat.Testing;
using Heat.Testing.Fuzz;

namespace Heat.Fuzz;

/// <summary>
/// The long fuzz runs, replayable by seed:
/// <c>dotnet run --project tests/Heat.Fuzz -c Release -- ops [--world managed|torch|opencl-host|opencl-device|all]
/// [--seed S] [--count N] [--ranks 1,2,3,4,5] [--trace]</c> (differential fuzzing of the ht operations against one
/// managed rank)
/// and <c>... -- parsers [--format npy|csv|hdf5|netcdf|all] [--seed S] [--count N] [--ranks 1,3] [--trace]</c>
/// (mutation fuzzing
/// of the readers). Prints the seed first, then one line per failure (seed, ranks, input and op chain or mutation),
/// then the totals; exit code 1 when anything failed.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("ops" or "parsers"))
        {
            Console.Error.WriteLine("usage: Heat.Fuzz ops|parsers [--seed S] [--count N] [--ranks R,...] "
                + "[--world NAME|all] [--format NAME|all]");
            return 2;
        }
        int seed = Value(args, "--seed") is { } s ? int.Parse(s, CultureInfo.InvariantCulture)
            : Environment.TickCount & 0x3fffffff;
        int count = int.Parse(Value(args, "--count") ?? "200", CultureInfo.InvariantCulture);
        var ranks = Value(args, "--ranks")?.Split(',')
            .Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heat-fuzz {args[0]} --seed {seed} --count {count}"));
        var clock = Stopwatch.StartNew();
        int failures = args[0] == "ops" ? Ops(args, seed, count, ranks ?? [1, 2, 3, 4, 5])
            : Parsers(args, seed, count, ranks ?? [1, 3]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done in {clock.Elapsed.TotalSeconds:F0} s: {failures} failure(s)"));
        return failures == 0 ? 0 : 1;
    }

    private static int Ops(string[] args, int seed, int count, int[] ranks)
    {
        var worlds = new Dictionary<string, Func<ITestWorld>>
        {
            ["managed"] = ManagedInProcWorld.Create, ["torch"] = TorchInProcWorld.Create,
            ["opencl-host"] = OpenClHostInProcWorld.Create, ["opencl-device"] = OpenClDeviceInProcWorld.Create,
        };
        string which = Value(args, "--world") ?? "managed";
        var reference = new InProcTestWorld(backend: "managed");
        int failures = 0;
        foreach (var (name, create) in worlds.Where(w => which == "all" || w.Key == which))
        {
            var world = create();
            var stats = new FuzzStats();
            int f = OpFuzzer.Campaign(seed, count, world, reference, ranks, Console.Out,
                args.Contains("--trace") ? Console.Error : null, stats);
            Console.WriteLine(stats);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ops on {name}: {count} chains (seeds {seed}..{seed + count - 1}), {f} failed"));
            failures += f;
        }
        return failures;
    }

    private static int Parsers(string[] args, int seed, int count, int[] ranks)
    {
        string which = Value(args, "--format") ?? "all";
        var world = ManagedInProcWorld.Create();
        int failures = 0;
        foreach (var format in ParserFuzzer.Formats.Where(f => which == "all" || f == which))
            foreach (var r in ranks)
            {
                var dir = Directory.CreateTempSubdirectory("heat-fuzz-").FullName;
                try
                {
                    var report = ParserFuzzer.Run(world, r, format, seed, count, dir, TimeSpan.FromSeconds(30),
                        args.Contains("--trace") ? Console.Error : null);
                    foreach (var line in report.Failures) Console.WriteLine("FAIL " + line);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{format} on {r} rank(s): {report.Tried} inputs, {report.Loaded} loaded, ")
                        + string.Create(CultureInfo.InvariantCulture,
                            $"{report.Refused} refused alike, {report.Failures.Count} failures"));
                    failures += report.Failures.Count;
                }
                finally { Directory.Delete(dir, recursive: true); }
            }
        return failures;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
