// SPDX-License-Identifier: MIT
namespace Heat.Linalg.SvdTools;

/// <summary>
/// HeAT's parameter rules of <c>hsvd_rank</c>, <c>hsvd_rtol</c> and <c>hsvd</c> (defaults of <c>maxmergedim</c>
/// and <c>maxrank</c> from the largest local column count), checked on every rank alike before the computation.
/// </summary>
internal static class HsvdArguments
{
    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double Error) Rank(
        DNDarray A, long maxrank, bool computeSv, long? maxmergedim, int safetyshift, bool silent)
    {
        const string f = "hsvd_rank";
        Validation.RealFloating(A, nameof(A), 2, f);
        Validation.AtLeast(maxrank, 1, nameof(maxrank), f);
        Validation.AtLeast(safetyshift, 0, nameof(safetyshift), f);
        long needed = 2 * (maxrank + safetyshift) + 1;
        if (maxmergedim is long given && given < needed)
            throw new ArgumentException($"{f}: maxmergedim = {given} is too small; it must be at least 2 · (maxrank + "
                + $"safetyshift) + 1 = {needed}, or null for the default.", nameof(maxmergedim));
        long localSize = Validation.LocalColumns(A);
        long merge = maxmergedim ?? (localSize >= 2 * (maxrank + safetyshift) ? localSize : needed);
        return Hierarchical.Run(A, maxrank, merge, null, safetyshift, null, computeSv, silent);
    }

    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double Error) Rtol(
        DNDarray A, double rtol, bool computeSv, long? maxrank, long? maxmergedim, int safetyshift, int? noOfMerges,
        bool silent)
    {
        const string f = "hsvd_rtol";
        Validation.RealFloating(A, nameof(A), 2, f);
        Tolerance(rtol, f);
        Validation.AtLeast(safetyshift, 0, nameof(safetyshift), f);
        if (maxrank is long r) Validation.AtLeast(r, 1, nameof(maxrank), f);
        if (noOfMerges is int merges && merges < 2)
            throw new ArgumentException($"{f}: no_of_merges must be at least 2, not {merges}.", "no_of_merges");
        long localSize = Validation.LocalColumns(A);
        if (maxmergedim is not null && maxrank is null)
        {
            maxrank = localSize / 2 - safetyshift;
            if (maxrank <= 0)
                throw new ArgumentException($"{f}: safetyshift = {safetyshift} is too large for local slices of "
                    + $"{localSize} columns.", nameof(safetyshift));
        }
        if (maxmergedim is null && maxrank is long mr)
            maxmergedim = localSize >= 2 * (mr + safetyshift) ? localSize : 2 * (mr + safetyshift) + 1;
        if (maxmergedim is long md && maxrank is long rk && md < 2 * (rk + safetyshift) + 1)
            throw new ArgumentException($"{f}: maxmergedim = {md} is too small; it must be at least 2 · (maxrank + "
                + $"safetyshift) + 1 = {2 * (rk + safetyshift) + 1}, or null for the default.", nameof(maxmergedim));
        if (maxmergedim is null && maxrank is null)
        {
            noOfMerges ??= 2;
            maxmergedim = 2 * (A.GShapeRef[1] + safetyshift) + 1;
            maxrank = A.GShapeRef[1];
        }
        return Hierarchical.Run(A, maxrank!.Value, maxmergedim!.Value, rtol, safetyshift, noOfMerges, computeSv,
            silent);
    }

    public static (DNDarray U, DNDarray? S, DNDarray? Vt, double Error) Low(
        DNDarray A, long? maxrank, long? maxmergedim, double? rtol, int safetyshift, int? noOfMerges, bool computeSv,
        bool silent)
    {
        const string f = "hsvd";
        Validation.RealFloating(A, nameof(A), 2, f);
        Validation.AtLeast(safetyshift, 0, nameof(safetyshift), f);
        if (rtol is double t) Tolerance(t, f);
        if (maxrank is long r) Validation.AtLeast(r, 1, nameof(maxrank), f);
        if (noOfMerges is int merges && merges < 2)
            throw new ArgumentException($"{f}: no_of_merges must be at least 2, not {merges}.", "no_of_merges");
        if (maxrank is null && rtol is null)
            throw new ArgumentException($"{f}: give maxrank, rtol or both.", nameof(maxrank));
        long rank = maxrank ?? Math.Min(A.GShapeRef[0], A.GShapeRef[1]);
        // Every merge must fit two nodes, or the tree never shrinks (HeAT would loop forever).
        long needed = 2 * (rank + safetyshift) + 1;
        if (maxmergedim is long m2 && m2 < needed)
            throw new ArgumentException($"{f}: maxmergedim = {m2} is too small; it must be at least 2 · (maxrank + "
                + $"safetyshift) + 1 = {needed}.", nameof(maxmergedim));
        return Hierarchical.Run(A, rank, maxmergedim ?? long.MaxValue, rtol, safetyshift, noOfMerges, computeSv,
            silent);
    }

    private static void Tolerance(double rtol, string f)
    {
        if (!(rtol >= 0) || double.IsInfinity(rtol))
            throw new ArgumentException($"{f}: rtol must be a finite number >= 0, not {rtol}.", nameof(rtol));
    }
}
