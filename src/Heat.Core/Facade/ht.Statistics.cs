// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/statistics.py
public static partial class ht
{
    /// <summary>Global int64 index of the minimum along <paramref name="axis"/> (of the flattened array when null); NaN
    /// counts as the minimum, ties give the first index.</summary>
    /// <remarks>Correct on unbalanced arrays: local indices are offset by each chunk's real position.</remarks>
    public static DNDarray argmin(DNDarray x, int? axis = null, bool keepdims = false)
        => ArgReduction.Reduce(ArgReduceKind.ArgMin, x, axis, keepdims);

    /// <summary>Global int64 index of the maximum along <paramref name="axis"/> (of the flattened array when null); NaN
    /// counts as the maximum, ties give the first index.</summary>
    public static DNDarray argmax(DNDarray x, int? axis = null, bool keepdims = false)
        => ArgReduction.Reduce(ArgReduceKind.ArgMax, x, axis, keepdims);

    /// <summary>Variance over <paramref name="axis"/> with <paramref name="ddof"/> delta degrees of freedom, in one
    /// pass (Chan's merge across ranks).</summary>
    /// <remarks>float64 input gives float64, everything else float32 (HeAT). Fewer than <c>ddof + 1</c> elements give
    /// NaN or inf, as NumPy.</remarks>
    public static DNDarray var(DNDarray x, Axis? axis = null, int ddof = 0, bool keepdims = false)
        => Variance(x, axis, ddof, keepdims, sqrt: false);

    /// <summary>Standard deviation over <paramref name="axis"/> with <paramref name="ddof"/> delta degrees of freedom,
    /// in one pass.</summary>
    public static DNDarray std(DNDarray x, Axis? axis = null, int ddof = 0, bool keepdims = false)
        => Variance(x, axis, ddof, keepdims, sqrt: true);

    /// <summary>
    /// Weighted average over <paramref name="axis"/> (an axis, several, or all when null): <c>sum(x * w) / sum(w)</c>.
    /// <paramref name="weights"/> has the shape of <paramref name="x"/>, or is 1-d with the length of a single
    /// <paramref name="axis"/>; null gives the mean.
    /// </summary>
    /// <exception cref="ArgumentException">The weights' shape does not fit, or they sum to zero.</exception>
    public static DNDarray average(DNDarray x, Axis? axis = null, DNDarray? weights = null, bool keepdims = false)
    {
        var (avg, sumOfWeights) = AverageAndWeights(x, axis, weights, keepdims);
        sumOfWeights.Dispose();
        return avg;
    }

    /// <summary>The weighted average and the sum of the weights (of the average's dtype and shape) when
    /// <paramref name="returned"/> (HeAT's <c>returned=True</c>); see
    /// <see cref="average(DNDarray, Axis?, DNDarray?, bool)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="returned"/> is false (use the other overload).</exception>
    public static (DNDarray average, DNDarray sum_of_weights) average(DNDarray x, Axis? axis, DNDarray? weights,
        bool returned, bool keepdims = false)
    {
        if (!returned) throw new ArgumentException("this overload returns (average, sum_of_weights); call average "
            + "without returned for the average alone.", nameof(returned));
        return AverageAndWeights(x, axis, weights, keepdims);
    }

    private static (DNDarray, DNDarray) AverageAndWeights(DNDarray x, Axis? axis, DNDarray? weights, bool keepdims)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = DisposeScope.Begin();
        var axes = Axis.Resolve(axis, x.ndim);
        if (weights is null)
        {
            var avg = mean(x, axis, keepdims);
            long count = axes.Aggregate(1L, (p, a) => p * x.GShapeRef[a]);
            var counts = full_like(avg, count);
            return scope.MoveToOuter((avg, counts));
        }
        DNDarray w = weights;
        bool vector = false;
        if (!Shapes.Equal(weights.GShapeRef, x.GShapeRef))
        {
            if (axis is null || axes.Length != 1)
                throw new ArgumentException($"weights of shape {Shapes.Format(weights.GShapeRef)} differ from x's "
                    + $"shape {Shapes.Format(x.GShapeRef)}; give one axis for 1-d weights.", nameof(weights));
            int ax = axes[0];
            if (weights.ndim != 1 || weights.GShapeRef[0] != x.GShapeRef[ax])
                throw new ArgumentException($"1-d weights must have the length of axis {ax} ({x.GShapeRef[ax]}); "
                    + $"got shape {Shapes.Format(weights.GShapeRef)}.", nameof(weights));
            w = Manipulation.AlignVector(weights, x.ndim, ax);
            vector = true;
        }
        var type = DTypePromotion.Promote(x.dtype, w.dtype);
        if (!type.IsInexact) type = float32;
        var accumulate = type.IsComplex ? complex128 : float64;
        var xw = x * w;
        var numerator = Reduction.Reduce(ReduceOp.Sum, xw, axis, keepdims, accumulate);
        // 1-d weights: their plain sum, broadcast to the average's shape.
        var denominator = vector
            ? Reduction.Reduce(ReduceOp.Sum, weights, null, false, accumulate)
            : Reduction.Reduce(ReduceOp.Sum, w, axis, keepdims, accumulate);
        var anyZero = ht.any(denominator == 0);
        if (anyZero.item<bool>()) throw new ArgumentException("weights sum to zero along the averaged axis; the "
            + "average is undefined.", nameof(weights));
        var quotient = numerator / denominator;
        var result = quotient.astype(type);
        var sums = (vector ? denominator + zeros_like(result, dtype: accumulate) : denominator).astype(type);
        return scope.MoveToOuter((result, sums));
    }

    private static DNDarray Variance(DNDarray x, Axis? axis, int ddof, bool keepdims, bool sqrt)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (ddof < 0) throw new ArgumentOutOfRangeException(nameof(ddof), ddof, "ddof must be >= 0.");
        var axes = Axis.Resolve(axis, x.ndim);
        var (count, meanT, m2) = Moments.Compute(x, axes);
        meanT.Dispose();
        try
        {
            var backend = x.Backend;
            double dof = Math.Max(0, count - ddof);
            backend.BinaryScalar(BinaryOp.Divide, m2, Scalar.FromDouble(dof), scalarFirst: false, m2);
            if (sqrt) backend.Unary(UnaryOp.Sqrt, m2, m2);
            var outType = x.dtype == float64 ? float64 : float32;
            var local = outType == float64 ? m2 : backend.Copy(m2, outType);
            if (!ReferenceEquals(local, m2)) m2.Dispose();
            return Reduction.Finish(local, x, axes, keepdims);
        }
        catch { m2.Dispose(); throw; }
    }
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Minimum, x1, x2);
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Minimum, x1, x2, scalarFirst: false);
    /// <summary>Element-wise minimum; NaN propagates.</summary>
    public static DNDarray minimum(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Minimum, x2, x1, scalarFirst: true);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Maximum, x1, x2);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Maximum, x1, x2, scalarFirst: false);
    /// <summary>Element-wise maximum; NaN propagates.</summary>
    public static DNDarray maximum(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Maximum, x2, x1, scalarFirst: true);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmin, x1, x2);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmin, x1, x2, scalarFirst: false);
    /// <summary>Element-wise minimum ignoring NaN.</summary>
    public static DNDarray fmin(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmin, x2, x1, scalarFirst: true);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmax, x1, x2);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmax, x1, x2, scalarFirst: false);
    /// <summary>Element-wise maximum ignoring NaN.</summary>
    public static DNDarray fmax(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmax, x2, x1, scalarFirst: true);

    /// <summary>Minimum over <paramref name="axis"/>; NaN propagates.</summary>
    public static DNDarray min(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.Min, a, axis, keepdims);

    /// <summary>Maximum over <paramref name="axis"/>; NaN propagates.</summary>
    public static DNDarray max(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.Max, a, axis, keepdims);

    /// <summary>Arithmetic mean over <paramref name="axis"/>: float64 for float64 input, float32 otherwise (complex
    /// stays complex).</summary>
    public static DNDarray mean(DNDarray a, Axis? axis = null, bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var axes = Axis.Resolve(axis, a.ndim);
        long count = 1;
        foreach (var ax in axes) count *= a.GShapeRef[ax];
        var outType = a.dtype.IsInexact ? a.dtype : float32;
        var accumulate = outType.IsComplex ? complex128 : float64;
        using var total = Reduction.Reduce(ReduceOp.Sum, a, axis, keepdims, accumulate);
        using var divided = Elementwise.BinaryScalar(BinaryOp.Divide, total, Scalar.FromInt(count), scalarFirst: false);
        return divided.astype(outType);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Index of the minimum (see <see cref="ht.argmin"/>).</summary>
    public DNDarray argmin(int? axis = null, bool keepdims = false) => ht.argmin(this, axis, keepdims);
    /// <summary>Index of the maximum (see <see cref="ht.argmax"/>).</summary>
    public DNDarray argmax(int? axis = null, bool keepdims = false) => ht.argmax(this, axis, keepdims);
    /// <summary>Variance (see <see cref="ht.var"/>).</summary>
    public DNDarray var(Axis? axis = null, int ddof = 0, bool keepdims = false) => ht.var(this, axis, ddof, keepdims);
    /// <summary>Standard deviation (see <see cref="ht.std"/>).</summary>
    public DNDarray std(Axis? axis = null, int ddof = 0, bool keepdims = false) => ht.std(this, axis, ddof, keepdims);
    /// <summary>Minimum over <paramref name="axis"/>.</summary>
    public DNDarray min(Axis? axis = null, bool keepdims = false) => ht.min(this, axis, keepdims);
    /// <summary>Maximum over <paramref name="axis"/>.</summary>
    public DNDarray max(Axis? axis = null, bool keepdims = false) => ht.max(this, axis, keepdims);
    /// <summary>Mean over <paramref name="axis"/>.</summary>
    public DNDarray mean(Axis? axis = null, bool keepdims = false) => ht.mean(this, axis, keepdims);
}
