// SPDX-License-Identifier: MIT
using System.CommandLine;
using Heat.Abstractions;

namespace Heat.Cli;

/// <summary><c>heat demo</c>: a small distributed computation that shows how an array is split over ranks.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var ranks = CommonOptions.Ranks(4);
        var backend = CommonOptions.Backend();
        var size = new Option<long>("--size") { Description = "Number of elements of the demo array.", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("demo", "Run a small distributed demo (split array, local chunks, global sum and mean).") { ranks, backend, size };
        command.SetAction(parse =>
        {
            long n = parse.GetValue(size);
            if (n < 1) { Console.Error.WriteLine("--size must be >= 1."); return 2; }
            var lines = RankRunner.Run(parse.GetValue(ranks), parse.GetValue(backend), () => RunOnRank(n));
            foreach (var line in lines) Console.WriteLine(line);
            return 0;
        });
        return command;
    }

    /// <summary>One rank's part of the demo; returns the rank's report lines.</summary>
    internal static string RunOnRank(long n)
    {
        using var x = ht.arange(Scalar.FromInt(0), Scalar.FromInt(n), Scalar.FromInt(1), dtype: ht.float64, split: 0);
        var (counts, displs) = x.counts_displs();
        int rank = x.comm.Rank;
        using var total = x.sum();
        using var mean = x.mean();
        using var squares = x * x;
        using var maxSquare = squares.max();
        return InfoCommand.Describe() + Environment.NewLine +
               $"rank {rank}/{x.comm.Size}: holds [{displs[rank]}, {displs[rank] + counts[rank]}) of arange({n}) split=0 | " +
               $"global sum {total.item<double>():R} | mean {mean.item<double>():R} (expected {(n - 1) / 2.0:R}) | max(x*x) {maxSquare.item<double>():R}";
    }
}
