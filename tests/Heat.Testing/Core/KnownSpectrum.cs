// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// Host-side matrices of known spectrum (A = Q₁ diag(s) Q₂ᵀ with orthonormal Q₁, Q₂ from Gram–Schmidt on
/// seeded random numbers) and the checks of truncated SVDs against them, all in float64.
/// </summary>
public static class KnownSpectrum
{
    /// <summary>An m × n row-major matrix with singular values <paramref name="s"/> (descending, at most min(m,
    /// n)).</summary>
    public static double[] Matrix(int m, int n, double[] s, int seed)
    {
        var random = new Random(seed);
        var q1 = Orthonormal(m, s.Length, random);
        var q2 = Orthonormal(n, s.Length, random);
        var a = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < s.Length; k++) sum += q1[i * s.Length + k] * s[k] * q2[j * s.Length + k];
                a[i * n + j] = sum;
            }
        return a;
    }

    /// <summary>‖A − U diag(S) Vt‖_F / ‖A‖_F (row-major host arrays).</summary>
    public static double RelativeError(double[] a, int m, int n, double[] u, double[] s, double[] vt)
    {
        int k = s.Length;
        double residual = 0, norm = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int c = 0; c < k; c++) sum += u[i * k + c] * s[c] * vt[c * n + j];
                double e = a[i * n + j] - sum;
                residual += e * e;
                norm += a[i * n + j] * a[i * n + j];
            }
        return norm == 0 ? 0 : Math.Sqrt(residual / norm);
    }

    /// <summary>max |QᵀQ − I| of the k columns of a row-major rows × k matrix.</summary>
    public static double Orthogonality(double[] q, int rows, int k)
    {
        double worst = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double dot = 0;
                for (int i = 0; i < rows; i++) dot += q[i * k + a] * q[i * k + b];
                worst = Math.Max(worst, Math.Abs(dot - (a == b ? 1 : 0)));
            }
        return worst;
    }

    /// <summary>The transpose of a row-major rows × columns matrix.</summary>
    public static double[] Transpose(double[] x, int rows, int columns)
    {
        var t = new double[x.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) t[j * rows + i] = x[i * columns + j];
        return t;
    }

    /// <summary>The Eckart–Young optimum of rank k: ‖s[k:]‖ / ‖s‖.</summary>
    public static double Optimum(double[] s, int k) =>
        Math.Sqrt(s.Skip(k).Sum(v => v * v) / s.Sum(v => v * v));

    // rows × k with orthonormal columns (modified Gram–Schmidt, twice).
    private static double[] Orthonormal(int rows, int k, Random random)
    {
        var q = new double[rows * k];
        for (int i = 0; i < q.Length; i++) q[i] = random.NextDouble() * 2 - 1;
        for (int c = 0; c < k; c++)
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < c; p++)
                {
                    double dot = 0;
                    for (int i = 0; i < rows; i++) dot += q[i * k + p] * q[i * k + c];
                    for (int i = 0; i < rows; i++) q[i * k + c] -= dot * q[i * k + p];
                }
                double norm = 0;
                for (int i = 0; i < rows; i++) norm += q[i * k + c] * q[i * k + c];
                norm = Math.Sqrt(norm);
                for (int i = 0; i < rows; i++) q[i * k + c] /= norm;
            }
        return q;
    }
}
