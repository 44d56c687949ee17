// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Testing.Core;

/// <summary>Plain row-major complex matrix arithmetic for the dense linalg suites (products, Frobenius norms,
/// orthogonality), and their test matrices.</summary>
public static class DenseReference
{
    /// <summary>Reproducible values in [-1, 1) (imaginary parts too for complex dtypes).</summary>
    public static Complex[] Values(int count, int seed, bool complex)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new Complex(random.NextDouble() * 2 - 1, complex ? random.NextDouble() * 2 - 1 : 0)).ToArray();
    }

    /// <summary>A DNDarray of <paramref name="dtype"/> from the values (split, or unbalanced along
    /// <paramref name="split"/> when asked).</summary>
    public static DNDarray Array(Complex[] values, long[] shape, DType dtype, int? split, bool unbalanced = false)
    {
        if (dtype.Kind == DTypeKind.Complex)
        {
            if (unbalanced && split is int u)
                throw new ArgumentException("unbalanced complex arrays are not built here", nameof(unbalanced));
            using var c = ht.array(values, shape, split: split);
            return c.astype(dtype);
        }
        var real = values.Select(v => v.Real).ToArray();
        using var d = unbalanced && split is int s ? Reference.Unbalanced(real, shape, s) : ht.array(real, shape,
            split: split);
        return d.astype(dtype);
    }

    /// <summary>a (m × k) @ b (k × n).</summary>
    public static Complex[] Product(Complex[] a, Complex[] b, int m, int k, int n)
    {
        var c = new Complex[m * n];
        for (int i = 0; i < m; i++)
            for (int l = 0; l < k; l++)
            {
                var x = a[i * k + l];
                for (int j = 0; j < n; j++) c[i * n + j] += x * b[l * n + j];
            }
        return c;
    }

    /// <summary>The conjugate transpose of an m × n matrix.</summary>
    public static Complex[] ConjT(Complex[] a, int m, int n)
    {
        var t = new Complex[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) t[j * m + i] = Complex.Conjugate(a[i * n + j]);
        return t;
    }

    /// <summary>‖a − b‖_F.</summary>
    public static double Distance(
        Complex[] a, Complex[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y).Magnitude * (x - y).Magnitude).Sum());

    /// <summary>‖a‖_F.</summary>
    public static double Fro(Complex[] a) => Math.Sqrt(a.Sum(x => x.Magnitude * x.Magnitude));

    /// <summary>‖QᴴQ − I‖_F of an m × k matrix with orthonormal columns.</summary>
    public static double Orthogonality(Complex[] q, int m, int k)
    {
        var g = Product(ConjT(q, m, k), q, k, m, k);
        for (int i = 0; i < k; i++) g[i * k + i] -= 1;
        return Fro(g);
    }

    /// <summary>Machine epsilon of a dtype's real type.</summary>
    public static double Eps(DType dtype) => dtype.RealType == DType.Float32 ? 1.1920929e-7 : 2.220446049250313e-16;
}
