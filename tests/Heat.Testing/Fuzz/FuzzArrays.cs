// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;

namespace Heat.Testing.Fuzz;

/// <summary>
/// A random array drawn by the fuzzer: its values (small integers and halves, now and then a NaN, so that most
/// results are exact), shape, dtype and split. <see cref="Make"/> builds it on the current ranks, the same global array
/// for any rank count.
/// </summary>
public sealed record FuzzArray(double[] Data, long[] Shape, DType DType, int? Split)
{
    /// <summary>The dtypes the fuzzer draws (complex and float16 are left to their own suites).</summary>
    public static readonly DType[] DTypes =
        [DType.Float64, DType.Float32, DType.Int64, DType.Int32, DType.Int16, DType.UInt8, DType.Bool];

    /// <summary>Builds the array on the current ranks (collective).</summary>
    public DNDarray Make()
    {
        using var f = ht.array(Data, Shape, split: Split);
        return f.astype(DType);
    }

    /// <summary>Draws the values of <paramref name="n"/> elements of <paramref name="dtype"/>.</summary>
    public static double[] Values(Random rng, long n, DType dtype)
    {
        bool nan = dtype.IsFloat && rng.Next(8) == 0;
        var data = new double[n];
        for (long i = 0; i < n; i++)
        {
            data[i] = dtype == DType.Bool ? rng.Next(2)
                : dtype == DType.UInt8 ? rng.Next(0, 7)
                : dtype.IsFloat && rng.Next(3) == 0 ? rng.Next(-8, 9) / 2.0
                : rng.Next(-4, 5);
            if (nan && rng.Next(6) == 0) data[i] = double.NaN;
        }
        return data;
    }

    /// <summary>A random shape: 0-4 dimensions, extents 0-6 (size-1 and empty dimensions included).</summary>
    public static long[] RandomShape(Random rng)
    {
        int ndim = rng.Next(0, 5);
        var shape = new long[ndim];
        for (int d = 0; d < ndim; d++)
            shape[d] = rng.Next(10) switch { 0 => 0, 1 or 2 => 1, _ => rng.Next(2, 7) };
        return shape;
    }

    /// <summary>A random split of an array of <paramref name="ndim"/> dimensions (None now and then).</summary>
    public static int? RandomSplit(Random rng, int ndim) => ndim == 0 || rng.Next(4) == 0 ? null : rng.Next(ndim);

    /// <summary>A random array of <paramref name="shape"/> (random dtype unless given, random split).</summary>
    public static FuzzArray Random(Random rng, long[] shape, DType? dtype = null)
    {
        var t = dtype ?? DTypes[rng.Next(DTypes.Length)];
        return new FuzzArray(Values(rng, Shapes.Numel(shape), t), shape, t, RandomSplit(rng, shape.Length));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DType}{Shapes.Format(Shape)} split {Split?.ToString(CultureInfo.InvariantCulture) ?? "None"}");
}
