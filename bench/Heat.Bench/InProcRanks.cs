// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench;

/// <summary>Runs experiment bodies on in-process ranks with a given number of backend threads per rank, and times collective work.</summary>
public static class InProcRanks
{
    /// <summary>Rank 0's result of <paramref name="body"/> on <paramref name="ranks"/> ranks with <c>Heat:Threads = threads</c>.</summary>
    public static T Run<T>(int ranks, int threads, Func<T> body)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try { return InProcWorld.Run(ranks, body, TimeSpan.FromMinutes(30))[0]; }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    /// <summary>The best of <paramref name="reps"/> runs after a warm-up, each from a common start (Barrier) until every rank has finished (Barrier); the slowest rank's figure.</summary>
    public static double Timed(ICommunicator c, int reps, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i <= reps; i++)
        {
            c.Barrier();
            var sw = Stopwatch.StartNew();
            action();
            c.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return c.Allreduce(best, ReduceOp.Max);
    }
}
