// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// Krylov methods over the distributed matmul and dot products (HeAT: heat/core/linalg/solver.py): conjugate gradients
/// and Lanczos with full re-orthogonalisation. Every step is made of collective ht operations, so any split works.
/// </summary>
internal static class IterativeSolvers
{
    public static DNDarray Cg(DNDarray A, DNDarray b, DNDarray x0, DNDarray? @out, double tol, int? maxIter)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x0);
        if (A.ndim != 2 || A.GShapeRef[0] != A.GShapeRef[1])
            throw new ArgumentException($"cg: A must be a square 2-d matrix, got shape "
                + $"{Shapes.Format(A.GShapeRef)}.", nameof(A));
        long n = A.GShapeRef[0];
        if (b.ndim != 1 || b.GShapeRef[0] != n) throw new ArgumentException($"cg: b must be a vector of length {n}, "
            + $"got shape {Shapes.Format(b.GShapeRef)}.", nameof(b));
        if (x0.ndim != 1 || x0.GShapeRef[0] != n) throw new ArgumentException($"cg: x0 must be a vector of length "
            + $"{n}, got shape {Shapes.Format(x0.GShapeRef)}.", nameof(x0));
        if (!A.dtype.IsFloat)
            throw new ArgumentException($"cg: A must be a real floating-point matrix, got {A.dtype}.", nameof(A));
        if (tol < 0 || double.IsNaN(tol)) throw new ArgumentOutOfRangeException(nameof(tol), tol, "cg: tol must be "
            + ">= 0.");
        if (maxIter is < 0) throw new ArgumentOutOfRangeException(nameof(maxIter), maxIter, "cg: max_iter must be "
            + ">= 0.");
        CheckOut(@out, [n], "out");

        using var Ax0 = ht.matmul(A, x0);
        var r = b - Ax0;
        var p = r.Alias();
        var x = x0.astype(r.dtype);
        try
        {
            double rsold = Dot(r, r);
            long iterations = maxIter ?? n;
            for (long i = 0; i < iterations && Math.Sqrt(rsold) >= tol; i++)
            {
                using var Ap = ht.matmul(A, p);
                double alpha = rsold / Dot(p, Ap);
                Replace(ref x, x + alpha * p);
                Replace(ref r, r - alpha * Ap);
                double rsnew = Dot(r, r);
                if (Math.Sqrt(rsnew) < tol) { rsold = rsnew; break; }
                Replace(ref p, r + (rsnew / rsold) * p);
                rsold = rsnew;
            }
            if (@out is null) { var result = x; x = null!; return result; }
            @out[ht.ellipsis] = x;
            return @out;
        }
        finally { r.Dispose(); p.Dispose(); x?.Dispose(); }
    }

    public static (DNDarray V, DNDarray T) Lanczos(DNDarray A, int m, DNDarray? v0, DNDarray? vOut, DNDarray? tOut)
    {
        ArgumentNullException.ThrowIfNull(A);
        if (A.ndim != 2 || A.GShapeRef[0] != A.GShapeRef[1])
            throw new ArgumentException($"lanczos: A must be a square 2-d matrix, got shape "
                + $"{Shapes.Format(A.GShapeRef)}.", nameof(A));
        if (!A.dtype.IsInexact)
            throw new ArgumentException($"lanczos: A can be float or complex, got {A.dtype}.", nameof(A));
        long n = A.GShapeRef[0];
        if (m < 1 || m > n) throw new ArgumentOutOfRangeException(nameof(m), m, $"lanczos: m must lie in [1, {n}].");
        if (v0 is not null && (v0.ndim != 1 || v0.GShapeRef[0] != n))
            throw new ArgumentException($"lanczos: v0 must be a vector of length {n}, got shape "
                + $"{Shapes.Format(v0.GShapeRef)}.", nameof(v0));
        CheckOut(vOut, [n, m], "V_out");
        CheckOut(tOut, [m, m], "T_out");
        var realType = A.dtype.IsComplex ? (A.dtype == DType.Complex64 ? DType.Float32 : DType.Float64) : A.dtype;
        int? vsplit = A.split == 0 ? 0 : null;

        var vectors = new List<DNDarray>(m);
        var t = new double[m * m];
        DNDarray? w = null;
        try
        {
            var v = v0 is null ? RandomUnit(A, n, realType, vsplit) : Aligned(v0.astype(A.dtype), vsplit);
            vectors.Add(v);
            w = Aligned(ht.matmul(A, v), vsplit);
            double alpha = RealDot(w, v);
            Replace(ref w, w - alpha * v);
            t[0] = alpha;
            for (int i = 1; i < m; i++)
            {
                double beta = Math.Sqrt(RealDot(w, w));
                var vr = beta < 1e-10 ? RandomOf(A, n, realType, vsplit) : w.Alias();
                // Full re-orthogonalisation against every earlier vector (one pass of modified Gram-Schmidt, as HeAT).
                foreach (var vj in vectors)
                {
                    using var h = ht.vdot(vj, vr);
                    using var hv = h * vj;
                    Replace(ref vr, vr - hv);
                }
                double norm = Math.Sqrt(RealDot(vr, vr));
                var vi = vr / norm;
                vr.Dispose();
                vectors.Add(vi);
                Replace(ref w, Aligned(ht.matmul(A, vi), vsplit));
                alpha = RealDot(w, vi);
                using (var a1 = alpha * vi)
                using (var b1 = beta * vectors[i - 1])
                using (var wa = w - a1)
                    Replace(ref w, wa - b1);
                t[(i - 1) * m + i] = beta;
                t[i * m + i - 1] = beta;
                t[i * m + i] = alpha;
            }
            using var stacked = ht.stack(vectors.ToArray(), axis: 1);
            var V = Redistribution.ResplitCopy(stacked, null);
            var T = ht.array(t, [m, m], dtype: realType);
            if (vOut is not null) { using (V) vOut[ht.ellipsis] = V; V = vOut; }
            if (tOut is not null) { using (T) tOut[ht.ellipsis] = T; T = tOut; }
            return (V, T);
        }
        finally
        {
            foreach (var v in vectors) v.Dispose();
            w?.Dispose();
        }
    }

    private static DNDarray RandomOf(DNDarray A, long n, DType realType, int? split)
    {
        var r = ht.random.rand([n], dtype: realType, split: split);
        return r.dtype == A.dtype ? r : Cast(r, A.dtype);
    }

    private static DNDarray RandomUnit(DNDarray A, long n, DType realType, int? split)
    {
        using var r = RandomOf(A, n, realType, split);
        return r / Math.Sqrt(RealDot(r, r));
    }

    private static DNDarray Cast(DNDarray x, DType dtype)
    {
        using (x) return x.astype(dtype);
    }

    /// <summary>x split along <paramref name="split"/> (x itself when it is, else a copy; x is consumed).</summary>
    private static DNDarray Aligned(DNDarray x, int? split)
    {
        if (x.split == split) return x;
        using (x) return Redistribution.ResplitCopy(x, split);
    }

    private static double Dot(DNDarray a, DNDarray b)
    {
        using var d = ht.dot(a, b);
        return d.item<double>();
    }

    /// <summary>Re(conj(a)·b) as a double.</summary>
    private static double RealDot(DNDarray a, DNDarray b)
    {
        using var d = ht.vdot(a, b);
        if (!d.dtype.IsComplex) return d.item<double>();
        using var re = ht.real(d);
        return re.item<double>();
    }

    private static void Replace(ref DNDarray slot, DNDarray value)
    {
        var old = slot;
        slot = value;
        old.Dispose();
    }

    private static void CheckOut(DNDarray? @out, long[] shape, string name)
    {
        if (@out is not null && !@out.GShapeRef.SequenceEqual(shape))
            throw new ArgumentException($"{name} must have shape {Shapes.Format(shape)}, got "
                + $"{Shapes.Format(@out.GShapeRef)}.", name);
    }
}
