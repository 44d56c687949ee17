// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Heat.Testing.ML;

/// <summary>A scikit-learn reference file of tests/data/ml (JSON) and the comparisons of the ML suites.</summary>
public sealed class MlReference(string file)
{
    private readonly Lazy<JsonElement> _root =
        new(() => JsonDocument.Parse(File.ReadAllText(MlTestData.Path(file))).RootElement);

    /// <summary>The element at a dotted path.</summary>
    public JsonElement this[string path]
    {
        get
        {
            var e = _root.Value;
            foreach (var part in path.Split('.')) e = e.GetProperty(part);
            return e;
        }
    }

    /// <summary>A number, a vector or a matrix at <paramref name="path"/>, flattened row-major.</summary>
    public double[] Flat(string path)
    {
        var e = this[path];
        if (e.ValueKind == JsonValueKind.Number) return [e.GetDouble()];
        return e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray()
            : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    /// <summary>The matrix at <paramref name="path"/> as a DNDarray of <paramref name="dtype"/>, split (uneven
    /// chunks, rank 0 empty).</summary>
    public DNDarray Matrix(string path, int? split, DType? dtype = null)
    {
        var e = this[path];
        var x = ht.array(Flat(path), [e.GetArrayLength(), e[0].GetArrayLength()], dtype: dtype ?? ht.float64,
            split: split);
        MlTestData.Unbalance(x);
        return x;
    }

    /// <summary>The vector at <paramref name="path"/> as an int64 DNDarray, split (uneven chunks).</summary>
    public DNDarray Labels(string path, int? split)
    {
        var y = ht.array(Flat(path).Select(v => (long)v).ToArray(), [this[path].GetArrayLength()], split: split);
        MlTestData.Unbalance(y);
        return y;
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance · max(1, |expected|) element-wise.</summary>
    public static void Near(double[] expected, DNDarray actual, double tolerance) =>
        Near(expected, actual.astype(ht.float64).ToArray<double>(), tolerance);

    /// <summary>Asserts |expected − actual| ≤ tolerance · max(1, |expected|) element-wise.</summary>
    public static void Near(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    /// <summary>Asserts that the columns of two row-major matrices with <paramref name="columns"/> columns agree up to
    /// the sign of each column.</summary>
    public static void NearUpToColumnSign(double[] expected, double[] actual, int columns, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < columns; c++)
        {
            int largest = c;
            for (int i = c; i < expected.Length; i += columns)
                if (Math.Abs(expected[i]) > Math.Abs(expected[largest])) largest = i;
            double sign = Math.Sign(expected[largest]) * Math.Sign(actual[largest]);
            for (int i = c; i < expected.Length; i += columns)
                Assert.True(Math.Abs(expected[i] - sign * actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                    $"element {i}: expected {expected[i]}, got {sign * actual[i]} (sign {sign})");
        }
    }
}
