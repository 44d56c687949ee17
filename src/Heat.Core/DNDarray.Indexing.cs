// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/dndarray.py (__getitem__, __setitem__), basic indexing only.
public sealed partial class DNDarray
{
    /// <summary>
    /// Indexing, collective on every rank: <c>x[1]</c>, <c>x[^1]</c>, <c>x[1..^1, 2]</c>,
    /// <c>x[ht.slice(null, null, -2), ht.newaxis, ht.ellipsis]</c>, boolean masks and integer arrays with NumPy's
    /// advanced-indexing rules (<c>x[x > 0]</c>, <c>x[idx, 1..]</c>). The getter returns a new array (an integer on the
    /// split axis gives a replicated one; slices keep the split, usually unbalanced; masks and integer arrays on the
    /// split axis give a result split along the first index axis); the setter writes a value (a DNDarray of any
    /// distribution, or a .NET scalar) broadcast to the selection, the last of repeated indices winning.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">Too many indices, an index outside its axis, a mask of the wrong
    /// shape, a non-integer index array, or index arrays that do not broadcast together.</exception>
    /// <exception cref="ArgumentException">More than one ellipsis, a zero step, or a value that does not
    /// broadcast.</exception>
    public DNDarray this[params IndexKey[] keys]
    {
        get => AdvancedPlan.IsAdvanced(keys) ? AdvancedIndexing.Get(this, keys) : Indexing.Get(this,
            IndexPlan.Create(keys ?? [], _gshape));
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (AdvancedPlan.IsAdvanced(keys)) AdvancedIndexing.Set(this, keys, value);
            else Indexing.Set(this, IndexPlan.Create(keys ?? [], _gshape), value);
        }
    }

    /// <summary>Basic indexing with NumPy's notation as a string: <c>x["1:3, ::2, ..., None, -1"]</c>.</summary>
    /// <exception cref="ArgumentException">The string is not a valid index.</exception>
    public DNDarray this[string key]
    {
        get => this[IndexKey.ParseAll(key)];
        set => this[IndexKey.ParseAll(key)] = value;
    }

    /// <summary>A split array whose ranks hold <paramref name="counts"/> elements along the split axis (known on every
    /// rank).</summary>
    internal static DNDarray WithSplitCounts(LocalTensor local, long[] gshape, int split, RankContext context,
        long[] counts)
    {
        bool balanced = counts.SequenceEqual(Chunking.Counts(gshape[split], counts.Length));
        return new DNDarray(local, gshape, split, context, balanced) { _splitCounts = counts };
    }

    /// <summary>A replicated 0-d array of the value (bool, int64, float64 or complex128), so that <c>x[1..4] = 1</c>
    /// works.</summary>
    public static implicit operator DNDarray(Scalar value)
    {
        var dtype = value.Kind switch
        {
            ScalarKind.Bool => DType.Bool,
            ScalarKind.Int => DType.Int64,
            ScalarKind.Float => DType.Float64,
            _ => DType.Complex128,
        };
        return Factory.Create([], dtype, null, null, (t, _) => t.Backend.Fill(t, value));
    }

    /// <summary>A replicated 0-d int64 array.</summary>
    public static implicit operator DNDarray(int value) => (Scalar)value;
    /// <summary>A replicated 0-d int64 array.</summary>
    public static implicit operator DNDarray(long value) => (Scalar)value;
    /// <summary>A replicated 0-d float64 array (exactly the value).</summary>
    public static implicit operator DNDarray(float value) => (Scalar)value;
    /// <summary>A replicated 0-d float64 array.</summary>
    public static implicit operator DNDarray(double value) => (Scalar)value;
    /// <summary>A replicated 0-d bool array.</summary>
    public static implicit operator DNDarray(bool value) => (Scalar)value;
    /// <summary>A replicated 0-d complex128 array.</summary>
    public static implicit operator DNDarray(Complex value) => (Scalar)value;
}
