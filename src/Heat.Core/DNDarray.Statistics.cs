// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/statistics.py (the DNDarray method forms)
public sealed partial class DNDarray
{
    /// <summary>Percentile (see <see cref="ht.percentile(DNDarray, double, Axis?, string, bool, bool,
    /// double?)"/>).</summary>
    public DNDarray percentile(double q, Axis? axis = null, string interpolation = "linear", bool keepdims = false)
        => ht.percentile(this, q, axis, interpolation, keepdims);

    /// <summary>Median (see <see cref="ht.median"/>).</summary>
    public DNDarray median(Axis? axis = null, bool keepdims = false) => ht.median(this, axis, keepdims);

    /// <summary>Range, maximum − minimum (see <see cref="ht.ptp"/>).</summary>
    public DNDarray ptp(Axis? axis = null, bool keepdims = false) => ht.ptp(this, axis, keepdims);

    /// <summary>Skewness (see <see cref="ht.skew"/>).</summary>
    public DNDarray skew(int? axis = null, bool unbiased = true) => ht.skew(this, axis, unbiased);

    /// <summary>Kurtosis (see <see cref="ht.kurtosis"/>).</summary>
    public DNDarray kurtosis(int? axis = null, bool unbiased = true, bool Fischer = true)
        => ht.kurtosis(this, axis, unbiased, Fischer);
}
