// SPDX-License-Identifier: MIT
using Heat.Classification;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// KNeighborsClassifier on the world's rank counts, training and test samples split along 0 (uneven, empty chunks)
/// or replicated, against scikit-learn (tests/data/ml/knn.json, made by make_estimators.py: jittered iris, every
/// third sample a test sample): labels equal, probabilities within 1e-12, the same score.
/// </summary>
public abstract class KNeighborsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/knn.json");

    public static TheoryData<int, int?, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var train in new int?[] { null, 0 })
                    foreach (var test in new int?[] { null, 0 }) data.Add(r, train, test);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Predict_EqualsScikitLearn(int ranks, int? trainSplit, int? testSplit)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var x = Reference.Matrix("x_train", trainSplit);
            var y = Reference.Labels("y_train", trainSplit);
            var test = Reference.Matrix("x_test", testSplit);
            var truth = Reference.Labels("y_test", testSplit);
            foreach (var (k, weights) in new[] { (5, "uniform"), (7, "distance"), (1, "uniform") })
            {
                string model = $"{k}_{weights}";
                var knn = new KNeighborsClassifier(n_neighbors: k, weights: weights).fit(x, y);
                Assert.Equal(Reference.Flat($"{model}.classes_"), knn.classes_!.astype(ht.float64).ToArray<double>());
                var predicted = knn.predict(test);
                Assert.Equal(testSplit, predicted.split);
                Assert.Equal(Reference.Flat($"{model}.predict"), predicted.astype(ht.float64).ToArray<double>());
                var proba = knn.predict_proba(test);
                Assert.Equal(testSplit, proba.split);
                Assert.Equal(test.lshape[0], proba.lshape[0]);
                MlReference.Near(Reference.Flat($"{model}.predict_proba"), proba, 1e-12);
                Assert.Equal(Reference.Flat($"{model}.score")[0], knn.score(test, truth), 1e-12);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void FloatData_AndTrainingSplitAlongFeatures_GiveTheSameLabels(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var knn = new KNeighborsClassifier().fit(Reference.Matrix("x_train", 1), Reference.Labels("y_train", 0));
            var predicted = knn.predict(Reference.Matrix("x_test", 0, ht.float32));
            Assert.Equal(Reference.Flat("5_uniform.predict"), predicted.astype(ht.float64).ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KNeighborsClassifier(n_neighbors: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KNeighborsClassifier(weights: "cosine"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KNeighborsClassifier().fit(
            ht.zeros([4, 2], split: 0), ht.zeros([4], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KNeighborsClassifier().fit(
            ht.zeros([6, 2], split: 0), ht.zeros([5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new KNeighborsClassifier(n_neighbors: 1).fit(
            ht.zeros([6, 2], split: 0), ht.zeros([6], split: 0)).predict(ht.zeros([3, 3], split: 0)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () =>
            new KNeighborsClassifier().predict(ht.zeros([3, 2])));
    }
}
