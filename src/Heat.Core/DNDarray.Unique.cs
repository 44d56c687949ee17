// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/manipulations.py (DNDarray.unique), with NumPy's return_counts.
public sealed partial class DNDarray
{
    /// <summary>The sorted unique elements (or slices along <paramref name="axis"/>) and their inverse (see
    /// <see cref="ht.unique(DNDarray, bool, bool, int?)"/>).</summary>
    public (DNDarray values, DNDarray? inverse) unique(bool sorted, bool return_inverse, int? axis = null) =>
        ht.unique(this, sorted, return_inverse, axis);

    /// <summary>The sorted unique elements (or slices along <paramref name="axis"/>), inverse and counts (see
    /// <see cref="ht.unique(DNDarray, bool, bool, bool, int?)"/>).</summary>
    public (DNDarray values, DNDarray? inverse, DNDarray? counts) unique(bool sorted, bool return_inverse,
        bool return_counts, int? axis = null) =>
        ht.unique(this, sorted, return_inverse, return_counts, axis);
}
