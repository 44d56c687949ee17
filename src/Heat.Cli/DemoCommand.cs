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

    /// <summary>One rank's part of the demo; returns the rank's report line.</summary>
    internal static string RunOnRank(long n)
    {
        var comm = ht.get_comm();
        var backend = HeatContext.Current!.Backend;
        // Canonical chunking: n / p elements each, one more for the first n % p ranks.
        long count = n / comm.Size + (comm.Rank < n % comm.Size ? 1 : 0);
        long start = (long)comm.Rank * (n / comm.Size) + Math.Min(comm.Rank, n % comm.Size);
        using var local = backend.Empty([count], DType.Float64);
        backend.Arange(local, Scalar.FromInt(start), Scalar.FromInt(1));
        using var partial = backend.Reduce(ReduceOp.Sum, local);
        double sum = comm.Allreduce(partial.ToArray<double>()[0], ReduceOp.Sum);
        string line = InfoCommand.Describe() + Environment.NewLine + $"rank {comm.Rank}/{comm.Size}: holds [{start}, {start + count}) of arange({n}) | global sum {sum:R} | mean {sum / n:R} (expected {(n - 1) / 2.0:R})";
        return line;
    }
}
