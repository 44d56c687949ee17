// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/statistics.py (histc, histogram)
public static partial class ht
{
    /// <summary>
    /// The histogram of <paramref name="input"/> in <paramref name="bins"/> equal bins over [min, max] (torch.histc):
    /// bin ⌊(x − min)·bins / (max − min)⌋ (float64), x = max in the last bin, values outside (and NaN) left
    /// out. When
    /// min equals max the data's own minimum and maximum are used (widened by 1 each way if those are equal too).
    /// </summary>
    /// <remarks>The counts have input's dtype (float32 for integer input) and are replicated: local counting through
    /// the backend's bincount kernel, one Allreduce.</remarks>
    /// <exception cref="ArgumentException">bins below 1, min above max, or a non-finite range.</exception>
    public static DNDarray histc(DNDarray input, long bins = 100, double min = 0, double max = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outType = input.dtype.IsInexact && !input.dtype.IsComplex ? input.dtype : float32;
        using var counts = BinCounts(input, null, bins, min, max);
        return counts.astype(outType);
    }

    /// <summary>
    /// The counts of NumPy's histogram with <paramref name="bins"/> equal bins over <paramref name="range"/> (the
    /// data's minimum and maximum when null or (0, 0), as HeAT): the same bins as <see cref="histc"/>.
    /// </summary>
    /// <param name="a">The data (real).</param>
    /// <param name="bins">The number of bins.</param>
    /// <param name="range">The lower and upper edge.</param>
    /// <param name="weights">Optional weights of a's shape: each value adds its weight instead of 1 (float64).</param>
    /// <param name="density">Divide by the total count (or weight) and the bin width, so the histogram integrates to
    /// 1 (float64).</param>
    /// <remarks>HeAT returns only the counts (API.md); float32 for float32 and integer input, float64 for float64,
    /// float64 with weights or density. Replicated; one Allreduce.</remarks>
    /// <exception cref="ArgumentException">bins below 1, a bad range, or weights of another shape.</exception>
    public static DNDarray histogram(DNDarray a, long bins = 10, (double Min, double Max)? range = null,
        DNDarray? weights = null, bool? density = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (weights is not null && !Shapes.Equal(weights.GShapeRef, a.GShapeRef))
            throw new ArgumentException($"histogram: weights of shape {Shapes.Format(weights.GShapeRef)} do not "
                + $"match a of shape {Shapes.Format(a.GShapeRef)}.", nameof(weights));
        var (lo, hi) = range ?? (0, 0);
        using var counts = BinCounts(a, weights, bins, lo, hi);
        if (density != true)
            return counts.astype(weights is not null ? float64 : a.dtype == float64 ? float64 : float32);
        var (first, last) = HistogramRange(a, lo, hi);
        using var total = sum(counts);
        using var widthTimesTotal = total * ((last - first) / bins);
        return counts / widthTimesTotal;
    }

    /// <summary>The float64 counts (or weight sums) of the bins, replicated.</summary>
    private static DNDarray BinCounts(DNDarray x, DNDarray? weights, long bins, double min, double max)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be >= 1.");
        if (x.dtype.IsComplex) throw new ArgumentException($"histograms of complex arrays ({x.dtype}) are not "
            + $"defined.", nameof(x));
        if (min > max) throw new ArgumentException($"max ({max}) must not be below min ({min}).", nameof(max));
        var (lo, hi) = HistogramRange(x, min, max);
        using var scope = DisposeScope.Begin();
        var xf = x.astype(float64);
        var position = floor((xf - lo) * (double)bins / (hi - lo));
        var last = where(xf == hi, bins - 1, position);
        var inside = logical_and(xf >= lo, xf <= hi);
        // Values outside the range go to an extra bin past the last, dropped at the end.
        var bin = where(inside, last, bins).astype(int64);
        var ids = LocalRun(bin);
        DNDarray all;
        if (weights is null) all = Segments.Count(ids, bins + 1).astype(float64);
        else
        {
            using var w = weights.astype(float64);
            // The weights' chunks laid out as x's, element for element.
            var aligned = Redistribution.ResplitCopy(w, x.split);
            if (x.split is not null) aligned.redistribute_(target_map: x.lshape_map);
            all = Segments.Sum(LocalRun(aligned), ids, bins + 1);
        }
        return scope.MoveToOuter(all[slice(0, bins)]);
    }

    /// <summary>This rank's elements as a 1-d run (split 0 when x is distributed): counting ignores order.</summary>
    private static DNDarray LocalRun(DNDarray x)
    {
        var local = x.larray.IsContiguous ? x.larray.Share() : x.Backend.Copy(x.larray);
        var flat = local.TryReshapeView([local.Numel])!;
        local.Dispose();
        bool distributed = x.split is not null && x.comm.Size > 1;
        return new DNDarray(flat, [distributed ? x.gnumel : flat.Numel], distributed ? 0 : null, x.Context,
            distributed ? null : true);
    }

    /// <summary>The range of the bins: [min, max], or the data's extremes when they are equal (widened when those
    /// are equal as well, as torch).</summary>
    private static (double Lo, double Hi) HistogramRange(DNDarray x, double min, double max)
    {
        if (min == max && x.gnumel > 0)
        {
            using var smallest = ht.min(x);
            using var largest = ht.max(x);
            min = smallest.item<double>();
            max = largest.item<double>();
        }
        if (!double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"the histogram range [{min}, {max}] is not finite.", nameof(min));
        if (min == max) { min -= 1; max += 1; }
        return (min, max);
    }
}
