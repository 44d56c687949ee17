// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Spatial;

/// <summary>X against itself on several ranks: the half ring that computes half the blocks and returns their
/// mirrors.</summary>
internal static partial class Distances
{
    /// <summary>
    /// X against itself, X split 0 on several ranks: only half the blocks are computed. Rank r computes the blocks
    /// (r, r + k) for k = 1..⌊p/2⌋ while X's blocks travel around the ring, sends each back transposed to the owner of
    /// its
    /// columns, then computes its diagonal block (upper triangle, mirrored) while the transposed blocks of the others
    /// arrive. With p even the blocks at k = p/2 are shared by the two ranks of each pair, half each (see
    /// <see cref="Share"/>).
    /// </summary>
    private static void SymmetricRing(DNDarray xs, LocalTensor result, IDistanceKernels kernels, DistanceKind kind)
    {
        var comm = xs.comm;
        var backend = xs.Backend;
        int p = comm.Size, me = comm.Rank, last = p / 2;
        var counts = xs.SplitCounts();
        var displs = Chunking.Displacements(counts);
        long features = xs.GShapeRef[1];
        using var mine = backend.Contiguous(xs.larray);
        var current = backend.Contiguous(xs.larray);
        Exchange? pending = null;
        try
        {
            for (int step = 0; step <= last; step++)
            {
                LocalTensor? next = null;
                var shift = new RingShift();
                Exchange? exchange = null;
                try
                {
                    if (step < last)
                    {
                        next = backend.Empty([counts[(me + step + 1) % p], features], current.DType);
                        shift.Start(comm, current, (me - 1 + p) % p, next, (me + 1) % p, Tag);
                    }
                    if (step > 0) exchange = Exchange.Start(xs, mine, current, result, step, kernels, kind);
                    shift.Finish();
                }
                catch { shift.Abandon(); next?.Dispose(); exchange?.Dispose(); throw; }
                if (next is not null) { current.Dispose(); current = next; }
                pending?.Finish(kernels, result, displs);
                pending?.Dispose();
                pending = exchange;
            }
            using (var diagonal = result.Slice(1, displs[me], counts[me]))
                kernels.SymmetricBlock(mine, diagonal, kind);
            pending?.Finish(kernels, result, displs);
        }
        finally
        {
            pending?.Dispose();
            current.Dispose();
        }
    }

    /// <summary>One off-diagonal step of <see cref="SymmetricRing"/>: this rank's share of a block, sent back
    /// transposed, and the transposed share received from another rank.</summary>
    private sealed class Exchange : IDisposable
    {
        private LocalTensor? _incoming, _outgoing;
        private readonly RingShift _transfer = new();
        private int _source;
        private long _rows0, _rows, _cols0, _cols, _stride;

        // Row strides of the transposed blocks are padded to 16 floats, so their rows start on cache lines.
        private static long Padded(long n) => (n + 15) & ~15L;

        public static Exchange Start(DNDarray xs, LocalTensor mine, LocalTensor current, LocalTensor result, int step, IDistanceKernels kernels, DistanceKind kind)
        {
            var comm = xs.comm;
            var backend = xs.Backend;
            int p = comm.Size, me = comm.Rank, owner = (me + step) % p, source = (me - step + p) % p;
            var counts = xs.SplitCounts();
            var displs = Chunking.Displacements(counts);
            var e = new Exchange();
            try
            {
                // The source's share of the block (source, me), transposed: our rows [c0, c0 + cn), its rows [r0, r0 +
                // rn) as columns.
                var (inR0, inRn, inC0, inCn) = Share(source, me, step, p, counts);
                (e._source, e._rows0, e._rows, e._cols0, e._cols, e._stride) = (source, inC0, inCn, inR0, inRn, Padded(inRn));
                e._incoming = backend.Empty([inCn, e._stride], result.DType);
                e._transfer.Receive(comm, e._incoming, source, MirrorTag);
                var (r0, rn, c0, cn) = Share(me, owner, step, p, counts);
                e._outgoing = backend.Empty([cn, Padded(rn)], result.DType);
                if (rn > 0 && cn > 0)
                {
                    using var xPart = mine.Slice(0, r0, rn);
                    using var yPart = current.Slice(0, c0, cn);
                    using var rows = result.Slice(0, r0, rn);
                    using var target = rows.Slice(1, displs[owner] + c0, cn);
                    using var mirror = e._outgoing.Slice(1, 0, rn);
                    kernels.MirroredBlock(xPart, yPart, target, mirror, kind);
                }
                e._transfer.Send(comm, e._outgoing, owner, MirrorTag);
                return e;
            }
            catch { e.Dispose(); throw; }
        }

        /// <summary>Waits for both transfers and copies the received block into the result.</summary>
        public void Finish(IDistanceKernels kernels, LocalTensor result, long[] displs)
        {
            _transfer.Finish();
            if (_rows == 0 || _cols == 0) return;
            using var rows = result.Slice(0, _rows0, _rows);
            using var target = rows.Slice(1, displs[_source] + _cols0, _cols);
            using var source = _incoming!.Slice(1, 0, _cols);
            kernels.CopyBlock(source, target);
        }

        // After Finish, or on failure (as the ring does with its next block: the job is failing anyway).
        public void Dispose()
        {
            _transfer.Abandon();
            _incoming?.Dispose();
            _outgoing?.Dispose();
            _incoming = _outgoing = null;
        }
    }

    /// <summary>
    /// The part of block (row, col) that rank <paramref name="row"/> computes at ring step <paramref name="step"/>: its
    /// rows
    /// [r0, r0 + rn) against rank <paramref name="col"/>'s rows [c0, c0 + cn). The whole block, except at k = p/2 for
    /// even
    /// p, where the lower rank of the pair takes the first half of the higher rank's rows as columns and the higher
    /// rank
    /// the second half of its own rows against all of the lower's: together, and with the mirrors, the two blocks
    /// exactly.
    /// </summary>
    private static (long R0, long Rn, long C0, long Cn) Share(int row, int col, int step, int p, long[] counts)
    {
        if (p % 2 != 0 || step != p / 2) return (0, counts[row], 0, counts[col]);
        if (row < col) return (0, counts[row], 0, counts[col] / 2);
        long half = counts[row] / 2;
        return (half, counts[row] - half, 0, counts[col]);
    }
}
