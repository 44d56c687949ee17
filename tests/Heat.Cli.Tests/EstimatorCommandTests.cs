// SPDX-License-Identifier: MIT
using Heat.Comm.InProc;

namespace Heat.Cli.Tests;

/// <summary><c>heat cluster</c>, <c>pca</c>, <c>knn</c> and <c>scale</c> end to end on iris (tests/data/iris.h5), on
/// in-process ranks, with their outputs and saved models read back.</summary>
[Collection("console")]
public class EstimatorCommandTests
{
    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CommandRunner.Invoke(args);

    private static string Data(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(file);
    }

    private static string Temp(string extension) =>
        Path.Combine(Path.GetTempPath(), $"heat-cli-{Guid.NewGuid():N}{extension}");

    [Theory]
    [InlineData("kmeans", "2")]
    [InlineData("kmedians", "3")]
    [InlineData("kmedoids", "1")]
    [InlineData("spectral", "2")]
    public void Cluster_WritesLabelsAndModel(string algorithm, string ranks)
    {
        var (labelsPath, modelPath) = (Temp(".npy"), Temp(".h5"));
        try
        {
            var (exit, text, err) = Invoke("cluster", Data("iris.h5"), "--dataset", "data", "--algorithm", algorithm,
                "--clusters", "3", "--ranks", ranks, "--seed", "1", "--gamma", "0.5", "--out", labelsPath,
                "--model", modelPath);
            Assert.True(exit == 0, err);
            Assert.Contains($"{algorithm}: 150 samples x 4 features on {ranks} rank(s), k = 3", text);
            var labels = InProcWorld.Run(2, () =>
            {
                using var l = ht.load_npy(labelsPath, split: 0);
                return l.ToArray<long>();
            })[0];
            Assert.Equal(150, labels.Length);
            Assert.Equal(new long[] { 0, 1, 2 }, labels.Distinct().Order());
            var loaded = InProcWorld.Run(1, () => BaseEstimator.load(modelPath).GetType().Name)[0];
            Assert.Equal(algorithm switch
            {
                "kmeans" => "KMeans", "kmedians" => "KMedians", "kmedoids" => "KMedoids", _ => "Spectral",
            }, loaded);
        }
        finally { File.Delete(labelsPath); File.Delete(modelPath); }
    }

    [Fact]
    public void Pca_And_Scale_Run()
    {
        var output = Temp(".h5");
        try
        {
            var (exit, text, err) = Invoke("pca", Data("iris.h5"), "--dataset", "data", "--components", "2",
                "--ranks", "3", "--out", output);
            Assert.True(exit == 0, err);
            Assert.Contains("pca: 150 samples x 4 features on 3 rank(s): 2 components, explained variance ratio 0.92",
                text);
            var shape = InProcWorld.Run(1, () => ht.load_hdf5(output, "transformed").shape)[0];
            Assert.Equal(new long[] { 150, 2 }, shape);
            (exit, text, err) = Invoke("scale", Data("iris.h5"), "--dataset", "data", "--scaler", "minmax",
                "--ranks", "2");
            Assert.True(exit == 0, err);
            Assert.Contains("minmax: 150 samples x 4 features on 2 rank(s): per-feature min 0, 0, 0, 0; max 1, 1, 1, 1",
                text);
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public void Knn_ClassifiesIris()
    {
        var data = Temp(".h5");
        try
        {
            InProcWorld.Run(2, () =>
            {
                using var iris = ht.load_hdf5(Data("iris.h5"), "data", split: 0);
                ht.save_hdf5(iris, data, "x");
                using var y = ht.array(Enumerable.Range(0, 150).Select(i => (long)(i / 50)).ToArray(), split: 0);
                ht.save_hdf5(y, data, "y", mode: "a");
            });
            var (exit, text, err) = Invoke("knn", data, "--x", "x", "--y", "y", "--neighbors", "5", "--ranks", "3");
            Assert.True(exit == 0, err);
            Assert.Contains("knn: 150 training samples x 4 features, 150 samples on 3 rank(s), k = 5, accuracy 0.9",
                text);
        }
        finally { File.Delete(data); }
    }

    [Theory]
    [InlineData("cluster", "/nonexistent/file.h5", "--clusters", "3")]
    [InlineData("cluster", "x.h5")]
    [InlineData("cluster", "x.h5", "--clusters", "3", "--algorithm", "dbscan")]
    [InlineData("pca", "/nonexistent/file.h5")]
    [InlineData("knn", "x.h5", "--x", "x")]
    [InlineData("scale", "x.h5", "--scaler", "zscore")]
    public void BadArguments_GiveAUsageError(params string[] args)
    {
        var (exit, _, err) = Invoke(args);
        Assert.NotEqual(0, exit);
        Assert.NotEmpty(err);
    }
}
