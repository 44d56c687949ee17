// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat.Abstractions;

namespace Heat.Testing.Fuzz;

/// <summary>
/// Mutation fuzzing of the file readers: a small corpus of valid files written by Heat's own savers (.npy of several
/// dtypes and shapes incl. 0-d and empty, CSV, HDF5 with a dataset in a group and root attributes, netCDF-4) is
/// mutated (<see cref="ParserMutations"/>) and each input loaded on the given ranks. Required of every input: it loads,
/// or every rank throws the same documented exception (<see cref="Documented"/>) with the same message, with no other
/// exception type anywhere in its chain (an <see cref="OverflowException"/> or <see cref="NullReferenceException"/>
/// wrapped by the collective error path is a crash); no input takes longer than the per-input limit; a loaded array
/// never holds more bytes than the file; and the process's peak working set does not grow by more than 512 MiB.
/// </summary>
public static class ParserFuzzer
{
    /// <summary>The formats fuzzed.</summary>
    public static readonly string[] Formats = ["npy", "csv", "hdf5", "netcdf"];

    /// <summary>The exception types a reader may raise for a bad file: the I/O layer's documented ones.</summary>
    public static readonly Type[] Documented =
    [
        typeof(InvalidDataException), typeof(NotSupportedException), typeof(FormatException), typeof(IOException),
        typeof(EndOfStreamException), typeof(KeyNotFoundException),
    ];

    /// <summary>What a campaign did.</summary>
    /// <param name="Tried">Inputs loaded.</param>
    /// <param name="Loaded">Inputs that loaded (benign mutations).</param>
    /// <param name="Refused">Inputs refused with a documented exception alike on every rank.</param>
    /// <param name="Failures">Crashes, disagreements, hangs, over-allocations: one line each, replayable.</param>
    public sealed record Report(int Tried, int Loaded, int Refused, List<string> Failures);

    /// <summary>Writes the valid corpus of <paramref name="format"/> into <paramref name="dir"/> with Heat's savers
    /// (on one rank of <paramref name="world"/>); returns the file names.</summary>
    public static string[] Corpus(ITestWorld world, string format, string dir)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Run(1, () =>
        {
            var files = new List<string>();
            string Path1(string name) { var p = Path.Combine(dir, name); files.Add(p); return p; }
            switch (format)
            {
                case "npy":
                    foreach (var (t, shape) in new (DType, long[])[]
                    {
                        (DType.Float64, [3, 4]), (DType.Int32, [5]), (DType.Bool, [2, 1, 3]), (DType.Float32, []),
                        (DType.Int16, [0, 3]), (DType.UInt8, [7]), (DType.Complex64, [2, 2]),
                    })
                    {
                        using var x = Sample(t, shape);
                        ht.save_npy(x, Path1(Invariant($"{t}-{shape.Length}.npy")));
                    }
                    break;
                case "csv":
                {
                    using var a = Sample(DType.Float64, [6, 3]);
                    ht.save_csv(a, Path1("a.csv"));
                    using var b = Sample(DType.Int32, [4, 1]);
                    ht.save_csv(b, Path1("b.csv"), sep: ";");
                    break;
                }
                case "hdf5":
                {
                    using var a = Sample(DType.Float32, [5, 3]);
                    var p = Path1("a.h5");
                    ht.save_hdf5(a, p, "g/data");
                    Hdf5Attributes.Write(p, new Dictionary<string, object>
                    {
                        ["name"] = "fuzz", ["n"] = 3L, ["w"] = new[] { 1.5, 2.5 },
                    });
                    using var b = Sample(DType.Int64, [4]);
                    ht.save_hdf5(b, Path1("b.h5"), "g/data", compression: 4);
                    break;
                }
                default:
                {
                    using var a = Sample(DType.Float64, [4, 3]);
                    ht.save_netcdf(a, Path1("a.nc"), "data");
                    using var b = Sample(DType.Int16, [6]);
                    ht.save_netcdf(b, Path1("b.nc"), "data");
                    break;
                }
            }
            return files.ToArray();
        })[0];
    }

    private static DNDarray Sample(DType t, long[] shape)
    {
        long n = Shapes.Numel(shape);
        var v = Enumerable.Range(0, (int)n).Select(i => (double)(i % 7 - 3)).ToArray();
        using var x = ht.array(v, shape);
        return x.astype(t);
    }

    /// <summary>Mutates the corpus <paramref name="count"/> times from <paramref name="seed"/> and loads every input on
    /// <paramref name="ranks"/> ranks of <paramref name="world"/> (naming each input on <paramref name="trace"/> before
    /// it is loaded, to find one that kills the process).</summary>
    public static Report Run(ITestWorld world, int ranks, string format, int seed, int count, string dir,
        TimeSpan perInput, TextWriter? trace = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var corpus = Corpus(world, format, dir);
        var originals = corpus.Select(File.ReadAllBytes).ToArray();
        var rng = new Random(seed);
        var failures = new List<string>();
        int loaded = 0, refused = 0;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        string input = Path.Combine(dir, "input." + format switch { "hdf5" => "h5", "netcdf" => "nc", _ => format });
        for (int k = 0; k < count; k++)
        {
            int source = rng.Next(corpus.Length);
            var bytes = ParserMutations.Mutate(rng, originals[source], format, out var what);
            int? split = rng.Next(2) == 0 ? null : 0;
            File.WriteAllBytes(input, bytes);
            string name = Invariant($"{format} seed {seed} input {k}: {Path.GetFileName(corpus[source])}, {what}, ")
                          + Invariant($"split {split?.ToString(CultureInfo.InvariantCulture) ?? "None"}, ")
                          + Invariant($"ranks {ranks}");
            trace?.WriteLine(name);
            trace?.Flush();
            var clock = Stopwatch.StartNew();
            string[] outcomes;
            try { outcomes = world.Run(ranks, () => Load(format, input, split, bytes.LongLength)); }
            catch (Exception e)
            {
                failures.Add($"{name}: the ranks did not finish together: {e.GetType().Name}: {e.Message}");
                continue;
            }
            clock.Stop();
            string? failure = outcomes.FirstOrDefault(o => o.StartsWith("CRASH", StringComparison.Ordinal))
                ?? (outcomes.Distinct().Count() > 1 ? "ranks disagree: " + string.Join(" | ", outcomes) : null)
                ?? (clock.Elapsed > perInput ? Invariant($"took {clock.Elapsed.TotalSeconds:F1} s") : null);
            if (failure is not null) failures.Add($"{name}: {failure}");
            else if (outcomes[0].StartsWith("ok", StringComparison.Ordinal)) loaded++;
            else refused++;
        }
        long grown = Process.GetCurrentProcess().PeakWorkingSet64 - peak;
        if (grown > 512L << 20)
            failures.Add(Invariant($"{format} seed {seed}: the peak working set grew by {grown >> 20} MiB"));
        return new Report(count, loaded, refused, failures);
    }

    /// <summary>Loads one input on this rank: "ok ..." or the exception as "Type: message", or "CRASH ..." when an
    /// undocumented exception type is anywhere in the chain or a load holds more bytes than the file.</summary>
    private static string Load(string format, string path, int? split, long fileBytes) => format switch
    {
        "npy" => Try(() => Check(ht.load_npy(path, split: split), fileBytes)),
        "csv" => Try(() => Check(ht.load_csv(path, split: split), long.MaxValue)),
        // Compressed data can legitimately expand; the attributes go through their own reader.
        "hdf5" => Try(() => Check(ht.load_hdf5(path, "g/data", split: split), long.MaxValue)) + " / "
                  + Try(() => string.Join(",", Hdf5Attributes.Read(path).Keys.Order(StringComparer.Ordinal))),
        _ => Try(() => Check(ht.load_netcdf(path, "data", split: split), fileBytes)),
    };

    private static string Check(DNDarray x, long limit)
    {
        using (x)
        {
            return x.gnbytes > limit ? Invariant($"CRASH a {x.gnbytes}-byte array from a {limit}-byte file")
                : Invariant($"ok {x.dtype}{Shapes.Format(x.shape)}");
        }
    }

    private static string Try(Func<string> load)
    {
        try { return load(); }
        catch (Exception e)
        {
            for (var c = e; c is not null; c = c.InnerException)
                if (!Documented.Contains(c.GetType()) && !IsSplitArgument(c))
                    return $"CRASH {c.GetType().Name} in the chain of {e.GetType().Name}: {e.Message}\n{c}";
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>A split that does not fit the file's dimensions is the caller's argument error, not a crash.</summary>
    private static bool IsSplitArgument(Exception e) => e is ArgumentException { ParamName: "split" };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
