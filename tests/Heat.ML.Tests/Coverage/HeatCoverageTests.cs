// SPDX-License-Identifier: MIT
namespace Heat.ML.Tests.Coverage;

/// <summary><c>docs/heat-coverage.md</c> is what the built assemblies generate.</summary>
public sealed class HeatCoverageTests
{
    [Fact]
    public void CheckedInCoverageFile_IsWhatTheAssembliesGenerate()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        var path = Path.Combine(docs, "heat-coverage.md");
        var expected = HeatCoverage.Render(Path.Combine(docs, "coverage"));
        if (Environment.GetEnvironmentVariable("HEAT_WRITE_COVERAGE") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && expected == File.ReadAllText(path),
            $"{path} is stale: rewrite it with HEAT_WRITE_COVERAGE=1 dotnet test tests/Heat.ML.Tests "
            + "--filter HeatCoverage.");
    }

    [Fact]
    public void CoverageFile_CountsPresentNames()
    {
        var text = HeatCoverage.Render(Path.Combine(RepositoryRoot(), "docs", "coverage"));
        Assert.Contains("| `sum` | `heat/core/arithmetics.py` | ✓ |", text, StringComparison.Ordinal);
        Assert.Contains("| `sanitize_in` | `heat/core/sanitation.py` | · Python-only", text, StringComparison.Ordinal);
        Assert.Contains("| `KMeans` | `heat/cluster/kmeans.py` | ✓ |", text, StringComparison.Ordinal);
        Assert.Contains("| `resplit_` | `heat/core/dndarray.py` | ✓ |", text, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Heat.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Heat.sln above {AppContext.BaseDirectory}.");
    }
}
