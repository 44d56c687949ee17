// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

/// <summary>
/// A distributed N-d array: one local tensor per rank, split along at most one axis (<see cref="split"/>), or
/// replicated on every rank when <c>split</c> is null. Mirrors HeAT's <c>DNDarray</c>.
/// </summary>
public sealed partial class DNDarray : IDisposable
{
    private readonly long[] _gshape;
    private long[]? _splitCounts; // lshape_map column of the split axis, computed once (one Allgather) when needed

    internal DNDarray(LocalTensor local, long[] gshape, int? split, RankContext context, bool? balanced)
    {
        if (local.NDim != gshape.Length)
            throw new ArgumentException($"Local tensor has {local.NDim} dimensions, global shape "
                + $"{Shapes.Format(gshape)} has {gshape.Length}.");
        larray = local; _gshape = gshape; this.split = split; Context = context; this.balanced = split is null ? true :
            balanced;
        DisposeScope.Track(this);
    }

    internal RankContext Context { get; }

    /// <summary>The local tensor of this rank.</summary>
    public LocalTensor larray
    {
        get
        {
            if (Fusion.Active) Fusion.BeforeAccess(this);
            return _larray ?? throw new ObjectDisposedException(nameof(DNDarray),
                "The array was disposed while pending.");
        }
        private set => _larray = value;
    }
    /// <summary>The global shape.</summary>
    public long[] shape => (long[])_gshape.Clone();
    /// <summary>The global shape (HeAT's alias of <see cref="shape"/>).</summary>
    public long[] gshape => shape;
    /// <summary>The shape of this rank's chunk.</summary>
    public long[] lshape => _pending is { } p ? (long[])p.Shape.Clone() : larray.GetShape();
    /// <summary>The split axis, or null when every rank holds the whole array.</summary>
    public int? split { get; private set; }
    /// <summary>Number of dimensions.</summary>
    public int ndim => _gshape.Length;
    /// <summary>Number of elements of the global array.</summary>
    public long size => Shapes.Numel(_gshape);
    /// <summary>Number of elements of the global array.</summary>
    public long gnumel => size;
    /// <summary>Number of elements of this rank's chunk.</summary>
    public long lnumel => _pending?.Numel ?? larray.Numel;
    /// <summary>Bytes of the global array.</summary>
    public long gnbytes => size * dtype.ItemSize;
    /// <summary>Bytes of this rank's chunk.</summary>
    public long lnbytes => lnumel * dtype.ItemSize;
    /// <summary>The element type.</summary>
    public DType dtype => _pending?.DType ?? larray.DType;
    /// <summary>Where the local chunk lives.</summary>
    public Device device => _pending?.Device ?? larray.Device;
    /// <summary>The communicator of the ranks that share this array.</summary>
    public ICommunicator comm => Context.Communicator;
    /// <summary>True when chunks follow the canonical chunking, false when not, null when unknown (see
    /// <see cref="is_balanced"/>).</summary>
    public bool? balanced { get; private set; }

    internal ITensorBackend Backend => Context.Backend;
    internal long[] GShapeRef => _gshape;

    /// <summary>True when the array is split and has more than one rank.</summary>
    public bool is_distributed() => split is not null && comm.Size > 1;

    /// <summary>The number of elements along the split axis that each rank holds (one Allgather the first time, unless
    /// balanced).</summary>
    internal long[] SplitCounts()
    {
        if (split is not int s) throw new InvalidOperationException("A replicated array has no split counts.");
        if (_splitCounts is not null) return _splitCounts;
        _splitCounts = balanced == true
            ? Chunking.Counts(_gshape[s], comm.Size)
            : comm.Allgather(LocalExtent(s));
        return _splitCounts;
    }

    /// <summary>Records known split counts (saves the Allgather when the caller already knows them).</summary>
    internal void SetSplitCounts(long[] counts) => _splitCounts = counts;

    /// <summary>Offset of this rank's chunk along the split axis.</summary>
    internal long SplitOffset()
    {
        var counts = SplitCounts();
        long offset = 0;
        for (int r = 0; r < comm.Rank; r++) offset += counts[r];
        return offset;
    }

    /// <summary>The local shapes of all ranks (ranks × ndim). Collective unless the array is balanced or
    /// replicated.</summary>
    public long[,] lshape_map
    {
        get
        {
            var map = new long[comm.Size, ndim];
            var counts = split is null ? null : SplitCounts();
            for (int r = 0; r < comm.Size; r++)
                for (int d = 0; d < ndim; d++)
                    map[r, d] = d == split ? counts![r] : _gshape[d];
            return map;
        }
    }

    /// <summary>Counts and displacements (in elements along the split axis) of every rank's chunk.</summary>
    /// <exception cref="InvalidOperationException">The array is not split.</exception>
    public (long[] counts, long[] displs) counts_displs()
    {
        if (split is null) throw new InvalidOperationException("counts_displs needs a split array; this one has "
            + "split=None.");
        var counts = (long[])SplitCounts().Clone();
        return (counts, Chunking.Displacements(counts));
    }

    /// <summary>True when the chunks follow the canonical chunking. Collective when not known (or
    /// <paramref name="force_check"/>).</summary>
    public bool is_balanced(bool force_check = false)
    {
        if (split is not int s) return true;
        if (balanced is bool b && !force_check) return b;
        if (force_check) _splitCounts = null;
        var counts = comm.Allgather(LocalExtent(s));
        _splitCounts = counts;
        bool result = counts.SequenceEqual(Chunking.Counts(_gshape[s], comm.Size));
        balanced = result;
        return result;
    }

    /// <summary>Replaces the local tensor (in-place operations); the old one is disposed.</summary>
    internal void SetLocal(LocalTensor local, int? newSplit, bool? newBalanced)
    {
        var old = larray;
        larray = local; split = newSplit; balanced = newSplit is null ? true : newBalanced; _splitCounts = null;
        if (!ReferenceEquals(old, local)) old.Dispose();
    }

    /// <summary>Releases this rank's local chunk.</summary>
    public void Dispose()
    {
        if (_pending is not null) DropPending();
        else _larray?.Dispose();
        ClearHalos();
    }
}
