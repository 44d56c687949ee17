// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Heat.Bench;

/// <summary>Best-of-N wall-clock timing.</summary>
public static class Timing
{
    /// <summary>The fastest of <paramref name="repetitions"/> runs of <paramref name="action"/>, after one warm-up run.</summary>
    public static double Best(int repetitions, Action action)
    {
        action();
        double best = double.MaxValue;
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }
}
