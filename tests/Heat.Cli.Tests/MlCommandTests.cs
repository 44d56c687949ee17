// SPDX-License-Identifier: MIT
using Heat.Cli;
using Heat.Comm.InProc;

namespace Heat.Cli.Tests;

/// <summary>The workload commands end to end on the repository's small data files (one class: console redirection is process-wide).</summary>
[Collection("console")]
public class MlCommandTests
{
    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o); Console.SetError(e);
        try { return (Program.BuildRoot().Parse(args).Invoke(), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    private static string Data(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(file);
    }

    [Fact]
    public void KMeans_WritesLabels_ThatLoadBack()
    {
        var output = Path.Combine(Path.GetTempPath(), $"heat-labels-{Guid.NewGuid():N}.npy");
        try
        {
            var (exit, text, err) = Invoke("kmeans", Data("iris.h5"), "--dataset", "data", "--clusters", "3", "--ranks", "3", "--seed", "1", "--out", output);
            Assert.True(exit == 0, err);
            Assert.Contains("150 samples x 4 features on 3 rank(s), k = 3", text);
            var labels = InProcWorld.Run(2, () => { using var l = ht.load_npy(output, split: 0); return l.ToArray<long>(); })[0];
            Assert.Equal(150, labels.Length);
            Assert.Equal(new long[] { 0, 1, 2 }, labels.Distinct().Order());
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public void Lasso_And_Cdist_Run()
    {
        var (exit, text, err) = Invoke("lasso", Data("diabetes.h5"), "--x", "x", "--y", "y", "--lambda", "0.1", "--ranks", "2");
        Assert.True(exit == 0, err);
        Assert.Contains("442 samples x 11 features on 2 rank(s)", text);
        Assert.Contains("objective", text);
        (exit, text, err) = Invoke("cdist", Data("iris.h5"), "--dataset", "data", "--ranks", "2", "--quadratic");
        Assert.True(exit == 0, err);
        Assert.Contains("150 x 150 distances", text);
    }

    [Fact]
    public void BenchPaper_WritesJsonLinesAndPlots()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"heat-paper-{Guid.NewGuid():N}");
        try
        {
            var (exit, text, err) = Invoke("bench", "paper", "--quick", "--only", "lasso,kmeans", "--ranks", "1,2", "--out", folder);
            Assert.True(exit == 0, err);
            Assert.Contains("| lasso    | strong  |     2 |", text);
            Assert.Equal(8, File.ReadAllLines(Path.Combine(folder, "paper-bench.jsonl")).Length);
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, "strong-scaling.svg")));
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, "weak-scaling.svg")));
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }

    [Theory]
    [InlineData("kmeans", "/nonexistent/file.h5", "--clusters", "3")]
    [InlineData("kmeans", "x.h5")]
    [InlineData("lasso", "x.h5", "--x", "x")]
    [InlineData("bench", "paper", "--ranks", "one")]
    [InlineData("bench", "paper", "--only", "fft")]
    public void BadArguments_GiveAUsageError(params string[] args)
    {
        var (exit, _, err) = Invoke(args);
        Assert.NotEqual(0, exit);
        Assert.NotEmpty(err);
    }
}
