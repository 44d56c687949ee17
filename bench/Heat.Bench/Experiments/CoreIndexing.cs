// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Per-op latency of distributed indexing on a small array (1000 x 10 float32, split 0) on 1, 2 and 4 in-process ranks:
/// <c>x[i]</c> (an integer on the split axis: the owner broadcasts the row), <c>x[a..b]</c> (a slice: each rank copies
/// its part, no communication), <c>x[b..a:-1]</c> (a negative step: one Alltoallv) and the setter <c>x[i] = 1</c>,
/// each beside a 1-element Allreduce measured in the same run.
/// </summary>
public sealed class CoreIndexing : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.indexing";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        int iterations = options.Quick ? 500 : 5_000;
        foreach (int p in options.RankCounts)
        {
            var t = Measure(p, iterations);
            string note = $"float32 (1000 x 10) split 0; best mean of {iterations} calls per op";
            yield return new BenchResult("indexing.x[i]", p, 1, t.Int, "allreduce 1 x f32", t.Allreduce, null, null, note);
            yield return new BenchResult("indexing.x[a..b]", p, 1, t.Slice, "allreduce 1 x f32", t.Allreduce, null, null, note + "; x[100..900]");
            yield return new BenchResult("indexing.x[b:a:-1]", p, 1, t.Reversed, "allreduce 1 x f32", t.Allreduce, null, null, note + "; x[900:100:-1]");
            yield return new BenchResult("indexing.x[i]=1", p, 1, t.SetInt, "allreduce 1 x f32", t.Allreduce, null, null, note);
        }
    }

    private sealed record Times(double Int, double Slice, double Reversed, double SetInt, double Allreduce);

    private static Times Measure(int ranks, int iterations)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", "1");
        try
        {
            return InProcWorld.Run(ranks, () =>
            {
                var comm = ht.get_comm();
                using var x = ht.ones([1000, 10], ht.float32, split: 0);
                using DNDarray one = 1.0f;
                var buffer = new float[1];
                var result = new float[1];
                double allreduce = PerCall(comm, iterations, _ => comm.Allreduce<float>(buffer, result, ReduceOp.Sum));
                double get = PerCall(comm, iterations, i => x[(i * 37) % 1000].Dispose());
                double slice = PerCall(comm, iterations, _ => x[100..900].Dispose());
                var reversed = ht.slice(900, 100, -1);
                double rev = PerCall(comm, iterations, _ => x[reversed].Dispose());
                double set = PerCall(comm, iterations, i => x[(i * 37) % 1000] = one);
                return new Times(get, slice, rev, set, allreduce);
            }, TimeSpan.FromMinutes(10))[0];
        }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    // Best of 5 batches of the mean time per call, the slowest rank's view.
    private static double PerCall(ICommunicator comm, int iterations, Action<int> op)
    {
        double best = double.MaxValue;
        for (int batch = 0; batch <= 5; batch++)
        {
            comm.Barrier();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) op(i);
            comm.Barrier();
            if (batch > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds / iterations);
        }
        return comm.Allreduce(best, ReduceOp.Max);
    }
}
