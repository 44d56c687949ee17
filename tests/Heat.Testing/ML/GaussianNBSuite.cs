// SPDX-License-Identifier: MIT
using System.Text.Json;
using Heat.NaiveBayes;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// GaussianNB on the world's rank counts and splits (samples split 0 with uneven and empty chunks, or replicated)
/// against scikit-learn on HeAT's iris train/test split (tests/data/ml/gaussian_nb.json, made by
/// make_gaussian_nb.py): statistics within 1e-10 relative, probabilities within 1e-9 absolute (1e-6 for float32 test
/// samples), labels equal.
/// </summary>
public abstract class GaussianNBSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(MlTestData.Path("ml/gaussian_nb.json"))).RootElement);

    private static double[] Flat(params string[] path)
    {
        var e = Reference.Value;
        foreach (var part in path) e = e.GetProperty(part);
        return e[0].ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray()
            : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    private static DNDarray Matrix(string name, int? split, DType dtype)
    {
        var x = ht.array(Flat(name), [75, 4], dtype: dtype, split: split);
        MlTestData.Unbalance(x);
        return x;
    }

    private static DNDarray Labels(int? split)
    {
        var y = ht.array(Flat("y_train").Select(v => (long)v).ToArray(), [75], split: split);
        MlTestData.Unbalance(y);
        return y;
    }

    private static void Near(double[] expected, DNDarray actual, double relative, double absolute = 0)
    {
        var a = actual.astype(ht.float64).ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(expected[i] - a[i]) <= absolute + relative * Math.Abs(expected[i]),
                $"element {i}: expected {expected[i]}, got {a[i]}");
    }

    private static void Matches(string model, GaussianNB nb, DNDarray test)
    {
        Assert.Equal(Flat(model, "classes_"), nb.classes_!.astype(ht.float64).ToArray<double>());
        Near(Flat(model, "theta_"), nb.theta_!, 1e-12);
        Near(Flat(model, "var_"), nb.var_!, 1e-10);
        Near(Flat(model, "class_prior_"), nb.class_prior_!, 1e-12);
        Near(Flat(model, "class_count_"), nb.class_count_!, 0);
        double epsilon = Reference.Value.GetProperty(model).GetProperty("epsilon_").GetDouble();
        Assert.Equal(epsilon, nb.epsilon_, 1e-12 * epsilon);
        // float32 test samples differ from the float64 reference ones by their rounding (~1e-7 in probability).
        double tolerance = test.dtype == ht.float32 ? 1e-6 : 1e-9;
        var predicted = nb.predict(test);
        Assert.Equal(test.split, predicted.split);
        Assert.Equal(Flat(model, "predict"), predicted.astype(ht.float64).ToArray<double>());
        Near(Flat(model, "predict_proba"), nb.predict_proba(test), 0, tolerance);
        var log = Flat(model, "predict_log_proba");
        var ours = nb.predict_log_proba(test).ToArray<double>();
        for (int i = 0; i < log.Length; i++)
            Assert.True(Math.Abs(log[i] - ours[i]) <= tolerance * Math.Max(1, Math.Abs(log[i])), $"log proba {i}");
    }

    public static TheoryData<int, int?, bool> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0 })
                    foreach (var single in new[] { false, true }) data.Add(r, s, single);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Fit_EqualsScikitLearn(int ranks, int? split, bool single)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var dtype = single ? ht.float32 : ht.float64;
            var x = Matrix("x_train", split, ht.float64);
            var test = Matrix("x_test", split, dtype);
            Matches("fit", new GaussianNB().fit(x, Labels(split)), test);
            Matches("smoothed_with_priors", new GaussianNB([0.5, 0.25, 0.25], var_smoothing: 1e-2)
                .fit(x, Labels(split)), test);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void PartialFit_OverTwoBatches_EqualsScikitLearn(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Matrix("x_train", 0, ht.float64);
            var y = Labels(0);
            var nb = new GaussianNB();
            nb.partial_fit(x[..40], y[..40], classes: ht.array(new long[] { 12, -3, 7 }, [3]));
            nb.partial_fit(x[40..], y[40..]);
            Matches("partial_fit", nb, Matrix("x_test", 0, ht.float64));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new GaussianNB().fit(ht.zeros([6], split: 0),
            ht.zeros([6], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new GaussianNB().fit(ht.zeros([6, 2], split: 0),
            ht.zeros([5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new GaussianNB(priors: [1.0]).fit(
            ht.zeros([4, 2], split: 0), ht.array(new long[] { 0, 1, 0, 1 }, [4], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new GaussianNB().partial_fit(
            ht.zeros([4, 2], split: 0), ht.array(new long[] { 0, 1, 0, 5 }, [4], split: 0),
            classes: ht.array(new long[] { 0, 1 }, [2])));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new GaussianNB().predict(ht.zeros([3, 2])));
    }
}
