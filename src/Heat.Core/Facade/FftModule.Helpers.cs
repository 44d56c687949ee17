// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Fft;

namespace Heat;

// HeAT: heat/fft/fft.py (fftfreq, rfftfreq, fftshift, ifftshift)
public sealed partial class FftModule
{
    /// <summary>The sample frequencies of an n-point transform: [0, 1, ..., ⌈n/2⌉ − 1, −⌊n/2⌋, ..., −1] /
    /// (d·n).</summary>
    /// <param name="n">The window length.</param>
    /// <param name="d">The sample spacing.</param>
    /// <param name="dtype">A float or complex dtype (default float32, as HeAT).</param>
    /// <param name="split">0 or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, or split is neither 0 nor null.</exception>
    /// <exception cref="ArgumentException">dtype is not a float or complex type.</exception>
    public DNDarray fftfreq(long n, double d = 1.0, DType? dtype = null, int? split = null)
    {
        var type = FrequencyType(n, dtype, split);
        using var scope = DisposeScope.Begin();
        long h = n / 2;
        var k = ht.arange(n, dtype: DType.Int64, split: split);
        var signed = (k + (Scalar)h) % (Scalar)n - (Scalar)h;
        var f = signed.astype(DType.Float64) / (Scalar)(n * d);
        return scope.MoveToOuter(f.astype(type));
    }

    /// <summary>The non-negative sample frequencies of <see cref="rfft"/>: [0, 1, ..., ⌊n/2⌋] / (d·n).</summary>
    /// <inheritdoc cref="fftfreq" path="/param"/>
    /// <inheritdoc cref="fftfreq" path="/exception"/>
    public DNDarray rfftfreq(long n, double d = 1.0, DType? dtype = null, int? split = null)
    {
        var type = FrequencyType(n, dtype, split);
        using var scope = DisposeScope.Begin();
        var f = ht.arange(n / 2 + 1, dtype: DType.Float64, split: split) / (Scalar)(n * d);
        return scope.MoveToOuter(f.astype(type));
    }

    /// <summary>Shifts the zero frequency to the centre: rolls each axis by ⌊n/2⌋.</summary>
    /// <param name="x">The input.</param>
    /// <param name="axes">The axes to shift (default: all).</param>
    /// <remarks>Along the split axis a distributed roll (two Alltoallw); the result keeps the input's chunks.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis repeats.</exception>
    public DNDarray fftshift(DNDarray x, Axis? axes = null) => Shift(x, axes, inverse: false);

    /// <summary>The inverse of <see cref="fftshift"/>: rolls each axis by −⌊n/2⌋.</summary>
    /// <inheritdoc cref="fftshift" path="/param"/>
    /// <inheritdoc cref="fftshift" path="/remarks"/>
    /// <inheritdoc cref="fftshift" path="/exception"/>
    public DNDarray ifftshift(DNDarray x, Axis? axes = null) => Shift(x, axes, inverse: true);

    private static DNDarray Shift(DNDarray x, Axis? axes, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(x);
        var resolved = Axis.Resolve(axes, x.ndim);
        using var scope = DisposeScope.Begin();
        var current = x.Alias();
        foreach (int a in resolved)
        {
            long half = x.GShapeRef[a] / 2;
            current = Roll.Along(current, inverse ? -half : half, a);
        }
        return scope.MoveToOuter(current);
    }

    private static DType FrequencyType(long n, DType? dtype, int? split)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The window length n must be at least 1.");
        if (split is not (null or 0)) throw new ArgumentOutOfRangeException(nameof(split), split,
            "The frequencies are 1-d: split must be 0 or null.");
        if (dtype is null) return DType.Float32;
        if (!dtype.IsInexact) throw new ArgumentException($"dtype must be a float or complex type, is {dtype.Name}.",
            nameof(dtype));
        return DTypePromotion.Promote(dtype, DType.Float32);
    }
}
