// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/statistics.py (bincount); segment_sum after jax.ops.segment_sum / tf.math.unsorted_segment_sum
public static partial class ht
{
    /// <summary>
    /// The rows of <paramref name="data"/> summed by label: <c>out[s] = Σ data[i]</c> over the rows i with
    /// <c>segment_ids[i] == s</c> (zero for a label that never occurs), as <c>jax.ops.segment_sum</c>.
    /// </summary>
    /// <param name="data">The rows (n × ...), split along any axis or replicated.</param>
    /// <param name="segment_ids">One integer label per row (1-d, length n), split or replicated.</param>
    /// <param name="num_segments">The number of labels; the result has this many rows.</param>
    /// <remarks>
    /// The result (num_segments × data's row shape; integers and bool sum to int64) is replicated, or split like
    /// <paramref name="data"/> when that is split along an axis after the first. One Allreduce when the rows are
    /// distributed.
    /// </remarks>
    /// <exception cref="ArgumentException">segment_ids is not a 1-d integer array of one label per row, or a label lies
    /// outside [0, num_segments).</exception>
    public static DNDarray segment_sum(DNDarray data, DNDarray segment_ids, long num_segments)
        => Segments.Sum(data, segment_ids, num_segments);

    /// <summary>
    /// The number of occurrences of each value 0, 1, … in a 1-d array of non-negative integers (NumPy's bincount).
    /// </summary>
    /// <param name="x">Non-negative integers (1-d, split or replicated).</param>
    /// <param name="weights">Optional weights of the same shape: the result sums them instead of counting
    /// (float64).</param>
    /// <param name="minlength">The least length of the result.</param>
    /// <remarks>
    /// The result has max(max(x) + 1, minlength) entries (int64, or float64 with weights) and is replicated.
    /// </remarks>
    /// <exception cref="ArgumentException">x is not a 1-d integer array, has a negative value, or weights do not match
    /// it.</exception>
    public static DNDarray bincount(DNDarray x, DNDarray? weights = null, long minlength = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 1 || !x.dtype.IsInteger)
            throw new ArgumentException($"bincount needs a 1-d integer array, got {x.dtype} of shape "
                + $"{Shapes.Format(x.GShapeRef)}.", nameof(x));
        if (weights is not null && !Shapes.Equal(weights.GShapeRef, x.GShapeRef))
            throw new ArgumentException($"bincount: weights of shape {Shapes.Format(weights.GShapeRef)} do not "
                + $"match x of shape {Shapes.Format(x.GShapeRef)}.", nameof(weights));
        if (minlength < 0) throw new ArgumentOutOfRangeException(nameof(minlength), minlength, "minlength must be "
            + ">= 0.");
        long length = minlength;
        if (x.gnumel > 0)
        {
            using var smallest = min(x);
            if (smallest.item<long>() < 0) throw new ArgumentException("bincount needs non-negative "
                + "values.", nameof(x));
            using var largest = max(x);
            length = Math.Max(length, largest.item<long>() + 1);
        }
        if (weights is null) return Segments.Count(x, length);
        using var values = weights.AliasOrCast(DType.Float64);
        return Segments.Sum(values, x, length);
    }
}
