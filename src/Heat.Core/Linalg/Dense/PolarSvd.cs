// SPDX-License-Identifier: MIT
namespace Heat.Linalg.Dense;

/// <summary>
/// The general distributed SVD of a real matrix (neither tall-skinny nor short-fat on its split): the polar
/// decomposition A = U_p H (<see cref="Polar"/>), the distributed eigh of H = V Σ Vᵀ (<see cref="SymmetricEigen"/>),
/// and U = U_p V (as HeAT, after Nakatsukasa and Higham 2013). A wide matrix goes through Aᵀ.
/// </summary>
internal static class PolarSvd
{
    public static (DNDarray? U, DNDarray S, DNDarray? Vt) Svd(DNDarray a, bool computeUv)
    {
        using var scope = DisposeScope.Begin();
        int? uSplit = a.split == 0 ? 0 : null, vSplit = a.split == 1 ? 1 : null;
        if (a.GShapeRef[0] < a.GShapeRef[1])
        {
            // Aᵀ = W S Zᵀ gives A = Z S Wᵀ.
            var (w, st, zt) = Svd(ht.transpose(a), computeUv);
            if (!computeUv) return (null, scope.MoveToOuter(st), null);
            var u = Resplit(ht.transpose(zt!), uSplit);
            var vt = Resplit(ht.transpose(w!), vSplit);
            return (scope.MoveToOuter(u), scope.MoveToOuter(st), scope.MoveToOuter(vt));
        }
        var (up, h) = Polar.Decompose(a, null, true, 1e16, 8);
        var (lambda, v) = ht.eigh(h!);
        // H is positive semi-definite: its eigenvalues are the singular values (rounding may leave tiny negatives).
        var s = Resplit(ht.abs(lambda), null);
        if (!computeUv) return (null, scope.MoveToOuter(s), null);
        var uFull = Resplit(ht.matmul(up, v), uSplit);
        var vtFull = Resplit(ht.transpose(v), vSplit);
        return (scope.MoveToOuter(uFull), scope.MoveToOuter(s), scope.MoveToOuter(vtFull));
    }

    private static DNDarray Resplit(DNDarray x, int? split) => x.split == split ? x : ht.resplit(x, split);
}
