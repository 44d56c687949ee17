// SPDX-License-Identifier: MIT
using System.Text.Json;
using Heat.Preprocessing;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// The scalers of Heat.Preprocessing on the world's rank counts and every split (None, 0, 1; uneven and empty chunks)
/// against scikit-learn's results on iris with a constant feature and an all-zero sample
/// (tests/data/ml/preprocessing.json, made by make_preprocessing.py): float64 within 1e-12 relative, float32 within
/// 1e-5.
/// </summary>
public abstract class PreprocessingSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(MlTestData.Path("ml/preprocessing.json"))).RootElement);

    private static double[] Flat(string path)
    {
        var e = Reference.Value;
        foreach (var part in path.Split('.')) e = e.GetProperty(part);
        return e.ValueKind == JsonValueKind.Array && e[0].ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray()
            : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    private static readonly long[] Shape = [151, 5];

    /// <summary>The reference data as a DNDarray of <paramref name="dtype"/>, split, with uneven chunks.</summary>
    private static DNDarray Data(int? split, DType dtype, double scale = 1)
    {
        var x = ht.array(Flat("x").Select(v => v * scale).ToArray(), Shape, dtype: dtype, split: split);
        MlTestData.Unbalance(x);
        return x;
    }

    private static void Near(double[] expected, DNDarray actual, double tolerance)
    {
        var a = actual.astype(ht.float64).ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(expected[i] - a[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]}, got {a[i]}");
    }

    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var single in new[] { false, true }) data.Add(r, s, single);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void StandardScaler_EqualsScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            double tol = single ? 1e-5 : 1e-12;
            var x = Data(split, single ? ht.float32 : ht.float64);
            var s = new StandardScaler().fit(x);
            Near(Flat("standard.mean_"), s.mean_!, tol);
            Near(Flat("standard.var_"), s.var_!, tol);
            Near(Flat("standard.scale_"), s.scale_!, tol);
            Assert.Equal((151L, 5L), (s.n_samples_seen_, s.n_features_in_));
            var z = s.transform(x);
            Assert.Equal(x.split, z.split);
            Near(Flat("standard.transform"), z, tol);
            Near(Flat("x"), s.inverse_transform(z), tol);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void MinMaxScaler_EqualsScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            double tol = single ? 1e-5 : 1e-12;
            var x = Data(split, single ? ht.float32 : ht.float64);
            var s = new MinMaxScaler(feature_range: (-2, 3)).fit(x);
            foreach (var name in new[] { "data_min_", "data_max_", "data_range_", "scale_", "min_" })
            {
                var attribute = name switch
                {
                    "data_min_" => s.data_min_, "data_max_" => s.data_max_, "data_range_" => s.data_range_,
                    "scale_" => s.scale_, _ => s.min_,
                };
                Near(Flat("minmax." + name), attribute!, tol);
            }
            var z = s.transform(x);
            Near(Flat("minmax.transform"), z, tol);
            Near(Flat("x"), s.inverse_transform(z), tol);
            var clipped = new MinMaxScaler(feature_range: (-2, 3), clip: true).fit(x);
            Near(Flat("minmax.transform_clipped_of_2x"), clipped.transform(Data(split, x.dtype, 2)), tol);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void MaxAbsScaler_And_Normalizer_EqualScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            double tol = single ? 1e-5 : 1e-12;
            var x = Data(split, single ? ht.float32 : ht.float64);
            var a = new MaxAbsScaler().fit(x);
            Near(Flat("maxabs.max_abs_"), a.max_abs_!, tol);
            Near(Flat("maxabs.scale_"), a.scale_!, tol);
            var z = a.transform(x);
            Near(Flat("maxabs.transform"), z, tol);
            Near(Flat("x"), a.inverse_transform(z), tol);
            foreach (var norm in new[] { "l2", "l1", "max" })
                Near(Flat("normalizer." + norm), new Normalizer(norm).fit_transform(x), tol);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void CopyFalse_WritesIntoTheInput_AndIntegersBecomeFloat32(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Data(0, ht.float64);
            var s = new StandardScaler(copy: false).fit(x);
            var z = s.transform(x);
            Assert.Same(x, z);
            Near(Flat("standard.transform"), x, 1e-12);
            var ints = ht.array(new long[] { 1, 2, 3, 5, 8, 13 }, [3, 2], split: 0);
            var m = new MinMaxScaler(copy: false).fit_transform(ints);
            Assert.Equal(ht.float32, m.dtype);
            Assert.Equal(ht.int64, ints.dtype);
            Near([0, 0, 2.0 / 7, 3.0 / 11, 1, 1], m, 1e-7);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new StandardScaler().fit(ht.zeros([5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new MinMaxScaler(feature_range: (1, 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new Normalizer("l3"));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new MaxAbsScaler().transform(ht.zeros([4, 2])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new MaxAbsScaler().fit(ht.ones([4, 2], split: 0)).transform(ht.ones([4, 3], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new StandardScaler().fit(ht.zeros([4, 2], dtype: ht.complex64, split: 0)));
    }
}
