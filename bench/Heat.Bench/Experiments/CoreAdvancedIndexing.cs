// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Advanced indexing on in-process ranks, each beside one local copy of the bytes it selects (the floor for any
/// gather): <c>x[mask]</c> on a (2^20 x 8) float32 array split 0 with half the rows selected (local compaction, no
/// exchange), and <c>x[idx]</c> on a 2^20 float64 vector split 0 with 10^6 random int64 indices split 0 (one
/// Alltoallv of requests, one of rows). HEAT_BENCH_INDEX_GIB=1 makes both operands 1 GiB: x (2^25 x 8) float32, the
/// vector 2^27 float64.
/// </summary>
public sealed class CoreAdvancedIndexing : IExperiment
{
    /// <inheritdoc/>
    public string Name => "core.advanced-indexing";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        int repeats = options.Quick ? 3 : 10;
        foreach (int p in options.RankCounts)
        {
            var t = Measure(p, repeats, Rows, Length);
            yield return new BenchResult("indexing.x[mask]", p, 1, t.Mask, "copy of selection", t.MaskCopy, null, null,
                $"float32 ({Rows} x 8) split 0, every other row; best of {repeats}");
            yield return new BenchResult("indexing.x[mask] kernels", p, 1, t.MaskKernels, "copy of selection",
                t.MaskCopy, null, null, "the local steps of x[mask] alone: count, nonzero, row gather");
            yield return new BenchResult("indexing.x[idx]", p, 1, t.Take, "copy of selection", t.TakeCopy, null, null,
                $"float64 ({Length}) split 0, 10^6 random int64 indices split 0; best of {repeats}");
            yield return new BenchResult("indexing.x[idx] local gather", p, 1, t.LocalGather, "copy of selection",
                t.TakeCopy, null, null, "the floor of x[idx]: the gather kernel alone, this rank's share of the "
                    + "indices as random positions in its own chunk");
        }
    }

    private static bool Large => Environment.GetEnvironmentVariable("HEAT_BENCH_INDEX_GIB") == "1";
    private static long Rows => Large ? 1L << 25 : 1L << 20;
    private static long Length => Large ? 1L << 27 : 1L << 20;

    private sealed record Times(double Mask, double MaskCopy, double Take, double TakeCopy, double LocalGather,
        double MaskKernels);

    private static Times Measure(int ranks, int repeats, long rows, long length)
    {
        var previous = Environment.GetEnvironmentVariable("Heat__Threads");
        Environment.SetEnvironmentVariable("Heat__Threads", "1");
        try
        {
            return InProcWorld.Run(ranks, () =>
            {
                var comm = ht.get_comm();
                using var x = ht.random.rand([rows, 8], split: 0);
                using var r = ht.arange(rows, split: 0);
                using var odd = r % 2;
                using var mask = odd == 0L;
                using var v = ht.random.rand([length], dtype: ht.float64, split: 0);
                using var idx = ht.random.randint(0, length, [1_000_000], dtype: ht.int64, split: 0);
                var backend = x.larray.Backend;
                using var half = backend.Empty([x.lshape[0] / 2 + 1, 8], x.dtype);
                using var halfSource = backend.Empty(half.Shape, x.dtype);
                using var picked = backend.Empty([idx.lshape[0]], v.dtype);
                using var pickedSource = backend.Empty(picked.Shape, v.dtype);
                double maskTime = Best(comm, repeats, () => x[mask].Dispose());
                double maskCopy = Best(comm, repeats, () => backend.Copy(halfSource, half));
                var steps = backend.Capability<IIndexKernels>();
                double maskKernels = Best(comm, repeats, () =>
                {
                    long count = steps.CountNonzero(mask.larray);
                    using var at = backend.Empty([count, 1], DType.Int64);
                    steps.Nonzero(mask.larray, at);
                    using var flat = at.TryReshapeView([count])!;
                    using var rowsOut = backend.Empty([count, 8], x.dtype);
                    steps.Gather(x.larray, 1, flat, rowsOut);
                });
                double takeTime = Best(comm, repeats, () => v[idx].Dispose());
                double takeCopy = Best(comm, repeats, () => backend.Copy(pickedSource, picked));
                long own = v.lshape[0];
                var local = idx.larray.ToArray<long>().Select(i => i % own).ToArray();
                using var localIdx = backend.FromSpan<long>(local, [local.Length]);
                var kernels = backend.Capability<IIndexKernels>();
                double gather = Best(comm, repeats, () => kernels.Gather(v.larray, 1, localIdx, picked));
                return new Times(maskTime, maskCopy, takeTime, takeCopy, gather, maskKernels);
            }, TimeSpan.FromMinutes(10))[0];
        }
        finally { Environment.SetEnvironmentVariable("Heat__Threads", previous); }
    }

    // Best time of one call over the repeats, the slowest rank's view.
    private static double Best(ICommunicator comm, int repeats, Action op)
    {
        double best = double.MaxValue;
        for (int i = 0; i <= repeats; i++)
        {
            comm.Barrier();
            var sw = Stopwatch.StartNew();
            op();
            comm.Barrier();
            if (i > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return comm.Allreduce(best, ReduceOp.Max);
    }
}
