// SPDX-License-Identifier: MIT
namespace Heat.Testing.ML;

/// <summary>
/// Lloyd's algorithm on host arrays (the definition the distributed KMeans must reproduce from given centroids).
/// </summary>
public static class KMeansReference
{
    /// <summary>
    /// Runs Lloyd from <paramref name="init"/> (k × f, row-major) as scikit-learn: nearest centroid (first on ties),
    /// means, an empty cluster keeps its centroid, stop when the squared shift is at most tol × mean feature variance.
    /// </summary>
    public static (double[] Centers, long[] Labels, double Inertia, int Iterations) Fit(double[] x, int n, int f, double[] init, int maxIter, double tol)
    {
        int k = init.Length / f;
        var centers = (double[])init.Clone();
        double variance = 0;
        for (int j = 0; j < f; j++)
        {
            double mean = 0, m2 = 0;
            for (int i = 0; i < n; i++) mean += x[i * f + j];
            mean /= n;
            for (int i = 0; i < n; i++) m2 += (x[i * f + j] - mean) * (x[i * f + j] - mean);
            variance += m2 / n;
        }
        double threshold = tol * variance / f;
        int iterations = 0;
        while (iterations < maxIter)
        {
            var labels = Assign(x, n, f, centers, out _);
            iterations++;
            var sums = new double[k * f];
            var counts = new long[k];
            for (int i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (int j = 0; j < f; j++) sums[labels[i] * f + j] += x[i * f + j];
            }
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0) continue;
                for (int j = 0; j < f; j++)
                {
                    double updated = sums[c * f + j] / counts[c];
                    shift += (updated - centers[c * f + j]) * (updated - centers[c * f + j]);
                    centers[c * f + j] = updated;
                }
            }
            if (shift <= threshold) break;
        }
        var final = Assign(x, n, f, centers, out double inertia);
        return (centers, final, inertia, iterations);
    }

    /// <summary>The nearest centroid of every sample and the sum of squared distances to it.</summary>
    public static long[] Assign(double[] x, int n, int f, double[] centers, out double inertia)
    {
        int k = centers.Length / f;
        var labels = new long[n];
        inertia = 0;
        for (int i = 0; i < n; i++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double d = 0;
                for (int j = 0; j < f; j++) d += (x[i * f + j] - centers[c * f + j]) * (x[i * f + j] - centers[c * f + j]);
                if (d < best) { best = d; labels[i] = c; }
            }
            inertia += best;
        }
        return labels;
    }
}
