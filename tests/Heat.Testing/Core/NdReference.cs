// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>Row-major N-d reference arrays built element by element from an index function (the undistributed
/// result NumPy defines).</summary>
public static class NdReference
{
    /// <summary>The array of <paramref name="shape"/> whose element at each multi-index is <paramref name="f"/> of
    /// it.</summary>
    public static double[] Build(long[] shape, Func<long[], double> f)
    {
        long n = 1;
        foreach (var e in shape) n *= e;
        var result = new double[n];
        var idx = new long[shape.Length];
        for (long i = 0; i < n; i++)
        {
            long rest = i;
            for (int d = shape.Length - 1; d >= 0; d--) { idx[d] = rest % shape[d]; rest /= shape[d]; }
            result[i] = f(idx);
        }
        return result;
    }

    /// <summary>The element of row-major <paramref name="data"/> at <paramref name="idx"/>.</summary>
    public static double At(double[] data, long[] shape, long[] idx)
    {
        long flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = flat * shape[d] + idx[d];
        return data[flat];
    }

    /// <summary>A copy of <paramref name="idx"/> with entry <paramref name="d"/> set to <paramref name="v"/>.</summary>
    public static long[] With(long[] idx, int d, long v)
    {
        var c = (long[])idx.Clone();
        c[d] = v;
        return c;
    }

    /// <summary>Python's modulo.</summary>
    public static long Mod(long a, long n) => ((a % n) + n) % n;
}
