// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/dndarray.py (resplit_, balance_, redistribute_, astype)
public sealed partial class DNDarray
{
    /// <summary>Moves the split to <paramref name="axis"/> in place (null: every rank gets the whole array).</summary>
    /// <remarks>One Alltoallv (or Allgatherv to null; no communication from null). The result is balanced.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public DNDarray resplit_(int? axis)
    {
        var target = Factory.CheckSplit(axis, ndim);
        if (target == split) return this;
        var local = Redistribution.Resplit(this, target);
        SetLocal(local, target, true);
        return this;
    }

    /// <summary>Moves the chunks to the canonical chunking in place (one Alltoallv; nothing when already
    /// balanced).</summary>
    public DNDarray balance_()
    {
        if (split is not int s || is_balanced()) return this;
        var local = Redistribution.Redistribute(this, Chunking.Counts(_gshape[s], comm.Size));
        SetLocal(local, s, true);
        return this;
    }

    /// <summary>Moves the chunks so that rank r holds <c>target_map[r, split]</c> elements along the split axis (one
    /// Alltoallv).</summary>
    /// <exception cref="ArgumentException">The map's shape or sums do not fit the array.</exception>
    public DNDarray redistribute_(long[,]? lshape_map = null, long[,]? target_map = null)
    {
        if (split is not int s) return this;
        if (target_map is null) return balance_();
        if (target_map.GetLength(0) != comm.Size || target_map.GetLength(1) != ndim)
            throw new ArgumentException($"target_map must be {comm.Size} x {ndim} (ranks x ndim), got {target_map.GetLength(0)} x {target_map.GetLength(1)}.", nameof(target_map));
        var counts = new long[comm.Size];
        for (int r = 0; r < comm.Size; r++)
        {
            counts[r] = target_map[r, s];
            if (counts[r] < 0) throw new ArgumentException($"target_map[{r}, {s}] is negative.", nameof(target_map));
            for (int d = 0; d < ndim; d++)
                if (d != s && target_map[r, d] != _gshape[d])
                    throw new ArgumentException($"target_map[{r}, {d}] is {target_map[r, d]} but the array's dimension {d} is {_gshape[d]}; only the split axis may differ.", nameof(target_map));
        }
        if (counts.Sum() != _gshape[s])
            throw new ArgumentException($"target_map's split column sums to {counts.Sum()}, the array has {_gshape[s]} along split axis {s}.", nameof(target_map));
        var local = Redistribution.Redistribute(this, counts);
        bool isCanonical = counts.SequenceEqual(Chunking.Counts(_gshape[s], comm.Size));
        SetLocal(local, s, isCanonical);
        _splitCounts = counts;
        return this;
    }

    /// <summary>This array converted to <paramref name="dtype"/> (a copy unless <paramref name="copy"/> is false and
    /// the dtype already matches).</summary>
    public DNDarray astype(DType dtype, bool copy = true)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (!copy && dtype == this.dtype) return this;
        var local = Backend.Copy(larray, dtype);
        return new DNDarray(local, shape, split, Context, balanced) { _splitCounts = _splitCounts };
    }

    /// <summary>A second DNDarray over the same local storage (for temporaries a caller may dispose).</summary>
    internal DNDarray Alias() => new(larray.Share(), shape, split, Context, balanced) { _splitCounts = _splitCounts };

    /// <summary>This array as <paramref name="dtype"/>: an alias when it already has it, else a converted
    /// copy.</summary>
    internal DNDarray AliasOrCast(DType dtype) => dtype == this.dtype ? Alias() : astype(dtype);

    /// <summary>The whole array, row-major, on every rank, converted NumPy-style to <typeparamref name="T"/>.</summary>
    /// <exception cref="OverflowException">A value does not fit <typeparamref name="T"/>.</exception>
    public T[] ToArray<T>() where T : unmanaged
    {
        using var whole = Redistribution.Gather(this);
        return HostConversion.ToArray<T>(whole);
    }

    /// <summary>This rank's chunk, row-major, converted to <typeparamref name="T"/>.</summary>
    public T[] ToLocalArray<T>() where T : unmanaged => HostConversion.ToArray<T>(larray);

    /// <summary>The value of a one-element array.</summary>
    /// <exception cref="InvalidOperationException">The array has more or fewer than one element.</exception>
    public T item<T>() where T : unmanaged
    {
        if (size != 1) throw new InvalidOperationException($"item() needs an array of exactly one element; this one has shape {Shapes.Format(_gshape)}.");
        return ToArray<T>()[0];
    }
}
