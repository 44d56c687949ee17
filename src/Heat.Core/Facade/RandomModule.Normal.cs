// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/random.py (normal with DNDarray mean / std)
public sealed partial class RandomModule
{
    /// <summary>
    /// Normal samples with element-wise means and standard deviations: <c>mean + std * standard_normal(shape)</c>, as
    /// HeAT's <c>normal</c> with DNDarray arguments.
    /// </summary>
    /// <param name="mean">The means (a DNDarray, or a number converted to a 0-d one).</param>
    /// <param name="std">The standard deviations, all finite and at least 0.</param>
    /// <param name="shape">The shape of the draw; null draws one sample per element of the broadcast shape of
    /// <paramref name="mean"/> and <paramref name="std"/> (HeAT would draw one sample for all of them).</param>
    /// <param name="dtype">The dtype of the standard normal draw (float32 by default); the result promotes it with the
    /// dtypes of <paramref name="mean"/> and <paramref name="std"/>, as HeAT's arithmetic does.</param>
    /// <param name="split">The split of the draw.</param>
    /// <param name="device">The device of the draw.</param>
    /// <remarks>The draw is rank-count independent like every <c>ht.random</c> draw; the check of std is one
    /// Allreduce, so a bad std raises on every rank alike.</remarks>
    /// <exception cref="ArgumentException">std holds a negative or non-finite value, or the shapes do not
    /// broadcast.</exception>
    public DNDarray normal(
        DNDarray mean, DNDarray std, long[]? shape = null, DType? dtype = null, int? split = null,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        long[] drawShape = shape ?? Heat.Abstractions.Shapes.Broadcast(mean.shape, std.shape);
        bool valid;
        using (var finite = ht.isfinite(std))
        using (var nonNegative = ht.ge(std, 0))
        using (var both = ht.logical_and(finite, nonNegative))
        using (var every = ht.all(both))
            valid = every.item<bool>();
        if (!valid) throw new ArgumentException("normal needs every std finite and >= 0.", nameof(std));
        using var z = randn(drawShape, dtype, split, device);
        using var scaled = std * z;
        return mean + scaled;
    }
}
