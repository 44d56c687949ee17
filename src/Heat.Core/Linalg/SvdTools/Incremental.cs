// SPDX-License-Identifier: MIT
namespace Heat.Linalg.SvdTools;

/// <summary>
/// HeAT's incremental SVD (<c>_isvd</c>; Brand 2006, with the mean update of Ross, Lim, Lin and Yang 2008): the new
/// columns are projected off the old left factor (twice, so the new basis stays orthogonal when they lie almost in
/// its span), the residual is factored by the distributed QR, and the small inner matrix
/// [[diag(S), UᵀC], [0, R]] by LAPACK on every rank.
/// </summary>
internal static class Incremental
{
    /// <summary>The updated factors; <c>Vt</c> null without an old one; <c>Mean</c> the updated row mean when one was
    /// given; <c>AllS</c> every singular value of the inner matrix before the truncation.</summary>
    public readonly record struct Update(DNDarray U, DNDarray S, DNDarray? Vt, DNDarray? Mean, double[] AllS);

    public static (DNDarray U, DNDarray S, DNDarray Vt) Isvd(
        DNDarray newData, DNDarray U, DNDarray S, DNDarray Vt, long? maxrank)
    {
        const string f = "isvd";
        Validation.RealFloating(newData, "new_data", 2, f);
        Validation.RealFloating(U, "U_old", 2, f);
        Validation.RealFloating(S, "S_old", 1, f);
        Validation.RealFloating(Vt, "Vt_old", 2, f);
        if (U.GShapeRef[1] != S.GShapeRef[0])
            throw new ArgumentException($"{f}: U_old has {U.GShapeRef[1]} columns, S_old {S.GShapeRef[0]} elements; "
                + "they must match.", "U_old");
        if (Vt.GShapeRef[0] != S.GShapeRef[0])
            throw new ArgumentException($"{f}: Vt_old has {Vt.GShapeRef[0]} rows, S_old {S.GShapeRef[0]} elements; "
                + "they must match.", "Vt_old");
        if (newData.GShapeRef[0] != U.GShapeRef[0])
            throw new ArgumentException($"{f}: new_data has {newData.GShapeRef[0]} rows, U_old {U.GShapeRef[0]}; "
                + "they must match.", "new_data");
        if (maxrank is long r) Validation.AtLeast(r, 1, nameof(maxrank), f);
        var update = Run(newData, U, S, Vt, maxrank, null, null);
        return (update.U, update.S, update.Vt!);
    }

    /// <summary>The update of the SVD U·diag(S)·Vt (or, without Vt, of a matrix with <paramref name="oldSize"/>
    /// columns) by the columns <paramref name="newData"/>; with <paramref name="oldMean"/> the columns are centred on
    /// the running row mean first (incremental PCA).</summary>
    public static Update Run(
        DNDarray newData, DNDarray U, DNDarray S, DNDarray? Vt, long? maxrank, long? oldSize, DNDarray? oldMean)
    {
        using var scope = DisposeScope.Begin();
        long d = newData.GShapeRef[1], m = U.GShapeRef[0], r = S.GShapeRef[0];
        long n = Vt?.GShapeRef[1] ?? oldSize!.Value;
        long rank = Math.Min(maxrank ?? long.MaxValue, Math.Min(n + d, m));
        var dtype = ht.promote_types(newData.dtype, U.dtype);
        var c = newData.astype(dtype);
        DNDarray? mean = null;
        if (oldMean is not null)
        {
            var batchMean = ht.mean(c, axis: 1);
            mean = (oldMean * (double)n + batchMean * (double)d) / (double)(n + d);
            var correction = (batchMean - oldMean) * Math.Sqrt((double)d * n / (d + n));
            c = ht.hstack([c - batchMean.reshape(m, 1), correction.reshape(m, 1)]);
            d += 1;
        }
        // Residual of the new columns off span(U), projected twice (CGS2).
        var uT = U.T;
        var utc = ht.resplit(ht.matmul(uT, c), null);
        var residual = c - ht.matmul(U, utc);
        var again = ht.resplit(ht.matmul(uT, residual), null);
        residual = residual - ht.matmul(U, again);
        utc = utc + again;
        // TS-QR (split 0): its Q is a product of orthonormal factors, orthonormal even when the residual is rank
        // deficient.
        var (p, rc) = ht.linalg.qr(ht.resplit(residual, 0));
        rc = ht.resplit(rc, null);
        long k = rc.GShapeRef[0];
        var top = ht.hstack([ht.diag(ht.resplit(S.astype(dtype), null)), utc]);
        var bottom = ht.hstack([ht.zeros([k, r], dtype: dtype), rc]);
        var inner = ht.vstack([top, bottom]);
        var (u, s, vt) = ht.linalg.svd(inner);
        double[] all = s.astype(ht.float64).ToArray<double>();
        long keep = Math.Min(rank, all.Length);
        var uk = u![ht.slice(), ht.slice(0, keep)];
        var sk = s[ht.slice(0, keep)];
        var vk = vt![ht.slice(0, keep)];
        int? uSplit = U.split;
        var pAligned = ht.resplit(p!, uSplit);
        var newU = ht.matmul(U, uk[ht.slice(0, r)]) + ht.matmul(pAligned, uk[ht.slice(r, null)]);
        newU = ht.resplit(newU, uSplit);
        DNDarray? newVt = null;
        if (Vt is not null)
        {
            var left = ht.matmul(vk[ht.slice(), ht.slice(0, r)], Vt);
            newVt = ht.resplit(ht.hstack([left, vk[ht.slice(), ht.slice(r, null)]]), Vt.split);
        }
        return new Update(scope.MoveToOuter(newU), scope.MoveToOuter(sk),
            newVt is null ? null : scope.MoveToOuter(newVt), mean is null ? null : scope.MoveToOuter(mean), all);
    }
}
