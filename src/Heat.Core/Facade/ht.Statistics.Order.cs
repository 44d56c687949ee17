// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/statistics.py (percentile, median); quantile after numpy.quantile
public static partial class ht
{
    /// <summary>
    /// The <paramref name="q"/>-th percentile (0–100) over <paramref name="axis"/> (the flattened array when null),
    /// by
    /// exact distributed selection (no sort).
    /// </summary>
    /// <param name="x">The data (any real dtype).</param>
    /// <param name="q">The percentile, in [0, 100].</param>
    /// <param name="axis">An axis, several axes, or null for all.</param>
    /// <param name="interpolation">Between the order statistics i ≤ j around the percentile: "linear" (NumPy's
    /// lerp), "lower" (i), "higher" (j), "midpoint", "nearest".</param>
    /// <param name="keepdims">Keep the reduced axes with length 1.</param>
    /// <param name="sketched">Estimate from a sample of about <paramref name="sketch_size"/> of the reduced elements
    /// (every k-th from a random start, k = 1 / sketch_size), gathered on every rank, as HeAT's sketch.</param>
    /// <param name="sketch_size">The sample's fraction of the reduced elements, in (0, 1) (1 allowed on one rank);
    /// 1 / ranks when null.</param>
    /// <remarks>
    /// The result is float32 for 4-byte input types and float64 otherwise (HeAT); a reduced row holding NaN gives NaN.
    /// It keeps x's split where that axis is not reduced, else it is replicated. Order statistics along the split
    /// axis come from a few rounds of sampled pivots and one Allreduce of counts each.
    /// </remarks>
    /// <exception cref="ArgumentException">q outside [0, 100], an unknown interpolation, a complex x, or a bad
    /// sketch_size.</exception>
    public static DNDarray percentile(DNDarray x, double q, Axis? axis = null, string interpolation = "linear",
        bool keepdims = false, bool sketched = false, double? sketch_size = null)
        => Quantiles(x, [q / 100], [], axis, interpolation, keepdims, sketched, sketch_size, nameof(q), 100);

    /// <summary>The percentiles <paramref name="q"/> (each in [0, 100]); the result's first axis runs over q (see
    /// <see cref="percentile(DNDarray, double, Axis?, string, bool, bool, double?)"/>).</summary>
    public static DNDarray percentile(DNDarray x, double[] q, Axis? axis = null, string interpolation = "linear",
        bool keepdims = false, bool sketched = false, double? sketch_size = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        return Quantiles(x, q.Select(v => v / 100).ToArray(), [q.Length], axis, interpolation, keepdims, sketched,
            sketch_size, nameof(q), 100);
    }

    /// <summary>The percentiles held in <paramref name="q"/> (any shape, gathered); q's shape leads the result's (see
    /// <see cref="percentile(DNDarray, double, Axis?, string, bool, bool, double?)"/>).</summary>
    public static DNDarray percentile(DNDarray x, DNDarray q, Axis? axis = null, string interpolation = "linear",
        bool keepdims = false, bool sketched = false, double? sketch_size = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        var (values, shape) = Percentile.Read(q, nameof(q));
        return Quantiles(x, values.Select(v => v / 100).ToArray(), shape, axis, interpolation, keepdims, sketched,
            sketch_size, nameof(q), 100);
    }

    /// <summary>The median over <paramref name="axis"/>: the 50th percentile, interpolated linearly.</summary>
    /// <remarks>Exact (distributed selection) unless <paramref name="sketched"/>; see
    /// <see cref="percentile(DNDarray, double, Axis?, string, bool, bool, double?)"/>.</remarks>
    public static DNDarray median(DNDarray x, Axis? axis = null, bool keepdims = false, bool sketched = false,
        double? sketch_size = null)
        => percentile(x, 50.0, axis, "linear", keepdims, sketched, sketch_size);

    /// <summary>The <paramref name="q"/>-th quantile (in [0, 1]) over <paramref name="axis"/>, NumPy's quantile with
    /// the methods "linear", "lower", "higher", "midpoint", "nearest".</summary>
    /// <remarks>As <see cref="percentile(DNDarray, double, Axis?, string, bool, bool, double?)"/> with
    /// q·100.</remarks>
    /// <exception cref="ArgumentException">q outside [0, 1], an unknown method, or a complex x.</exception>
    public static DNDarray quantile(DNDarray x, double q, Axis? axis = null, string method = "linear",
        bool keepdims = false)
        => Quantiles(x, [q], [], axis, method, keepdims, false, null, nameof(q), 1, nameof(method));

    /// <summary>The quantiles <paramref name="q"/> (each in [0, 1]); the result's first axis runs over q.</summary>
    public static DNDarray quantile(DNDarray x, double[] q, Axis? axis = null, string method = "linear",
        bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(q);
        return Quantiles(x, (double[])q.Clone(), [q.Length], axis, method, keepdims, false, null, nameof(q), 1,
            nameof(method));
    }

    /// <summary>The quantiles held in <paramref name="q"/> (any shape, gathered); q's shape leads the
    /// result's.</summary>
    public static DNDarray quantile(DNDarray x, DNDarray q, Axis? axis = null, string method = "linear",
        bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(q);
        var (values, shape) = Percentile.Read(q, nameof(q));
        return Quantiles(x, values, shape, axis, method, keepdims, false, null, nameof(q), 1, nameof(method));
    }

    private static DNDarray Quantiles(DNDarray x, double[] fractions, long[] qShape, Axis? axis, string method,
        bool keepdims, bool sketched, double? sketchSize, string qName, double qScale,
        string methodName = "interpolation")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(method);
        var parsed = Percentile.ParseMethod(method, methodName);
        if (!sketched) return Percentile.Compute(x, fractions, qShape, axis, parsed, keepdims, qName, qScale);

        double size = sketchSize ?? 1.0 / x.comm.Size;
        if (!(size > 0 && size <= 1) || (size == 1 && x.comm.Size > 1))
            throw new ArgumentException($"With sketched, sketch_size must lie strictly between 0 and 1; got "
                + $"{size}.", "sketch_size");
        // The sketch: the reduced axes first, flattened, a random sample of their rows (with replacement), replicated.
        var axes = Axis.Resolve(axis, x.ndim);
        var kept = Enumerable.Range(0, x.ndim).Where(a => !axes.Contains(a)).ToArray();
        long n = axes.Aggregate(1L, (p, a) => p * x.GShapeRef[a]);
        using var scope = DisposeScope.Begin();
        var moved = transpose(x, axes.Concat(kept).ToArray());
        var rows = reshape(moved, [n, .. kept.Select(a => x.GShapeRef[a])]);
        // Every step-th row from a random start (a systematic sample: one strided slice, no gather of x).
        long step = Math.Max(1, (long)Math.Round(1 / size));
        using var drawn = random.randint(0, step, [1], dtype: int64);
        long start = Math.Min(drawn.ToArray<long>()[0], Math.Max(0, n - 1));
        var sketch = rows[slice(start, null, step)];
        sketch.resplit_(null);
        var result = Percentile.Compute(sketch, fractions, qShape, 0, parsed, false, qName, qScale);
        if (keepdims)
        {
            var shape = new List<long>(qShape);
            for (int a = 0; a < x.ndim; a++) shape.Add(axes.Contains(a) ? 1 : x.GShapeRef[a]);
            result = reshape(result, shape.ToArray());
        }
        return scope.MoveToOuter(result);
    }
}
