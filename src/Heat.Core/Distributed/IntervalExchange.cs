// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Moves runs of rows along one axis between ranks with one Alltoallw: each rank's source tensor holds a contiguous
/// interval of global rows, each receiver names the global rows it wants and where they go in its destination. The
/// building block of flip, roll, pad, unfold and diag along the split axis.
/// </summary>
internal static class IntervalExchange
{
    /// <summary>Global source rows <c>[Source, Source + Length)</c> go to the receiver's local rows from
    /// <see cref="Local"/> on.</summary>
    public readonly record struct Want(long Source, long Length, long Local);

    /// <summary>
    /// Fills rows of <paramref name="destination"/> along <paramref name="axis"/>: rank r's <paramref name="source"/>
    /// holds global rows <c>[starts[r], starts[r] + counts[r])</c>, receiver q wants <c>wants(q)</c> (every rank can
    /// compute every rank's wants from replicated metadata). Rows no want covers keep the destination's contents. Runs
    /// from a rank to itself are local copies; between two ranks at most one run may overlap (one box per pair).
    /// </summary>
    public static void Fill(ICommunicator comm, LocalTensor source, long[] starts, long[] counts, int axis,
                            Func<int, Want[]> wants, LocalTensor destination)
    {
        int p = comm.Size, me = comm.Rank;
        var backend = source.Backend;
        if (p > 1)
        {
            var sendRuns = new (long From, long Into, long Length)[p];
            var recvRuns = new (long From, long Into, long Length)[p];
            for (int q = 0; q < p; q++)
            {
                if (q == me) continue;
                sendRuns[q] = Single(Overlaps(wants(q), starts[me], counts[me]), q);
                recvRuns[q] = Single(Overlaps(wants(me), starts[q], counts[q]), q);
            }
            bool staged = !StridedBoxes.OnHost(destination);
            using var into = staged ? HostStaging.CopyOf(destination) : destination.Share();
            StridedBoxes.Exchange(comm, source, into,
                (from, r) => StridedBoxes.Slice(from, axis, sendRuns[r].From, sendRuns[r].Length),
                (to, r) => StridedBoxes.Slice(to, axis, recvRuns[r].Into, recvRuns[r].Length));
            if (staged) HostStaging.WriteBack(into, destination);
        }
        foreach (var (from, to, length) in Overlaps(wants(me), starts[me], counts[me]))
        {
            using var s = source.Slice(axis, from, length);
            using var d = destination.Slice(axis, to, length);
            backend.Copy(s, d);
        }
    }

    /// <summary>The parts of <paramref name="wanted"/> inside <c>[start, start + count)</c>: (row in the source
    /// tensor, row in the destination, length).</summary>
    private static List<(long From, long Into, long Length)> Overlaps(Want[] wanted, long start, long count)
    {
        var runs = new List<(long, long, long)>();
        foreach (var w in wanted)
        {
            long lo = Math.Max(w.Source, start), hi = Math.Min(w.Source + w.Length, start + count);
            if (hi > lo) runs.Add((lo - start, w.Local + lo - w.Source, hi - lo));
        }
        return runs;
    }

    private static (long, long, long) Single(List<(long From, long Into, long Length)> runs,
        int peer) => runs.Count switch
    {
        0 => (0, 0, 0),
        1 => runs[0],
        _ => throw new InvalidOperationException($"Interval exchange: {runs.Count} runs between this rank and rank "
            + $"{peer}; one box per pair is possible."),
    };
}
