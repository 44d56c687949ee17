// SPDX-License-Identifier: MIT
namespace HeatExamples;

/// <summary>Where the example data sets live: the first <c>tests/data</c> (the repository's copy) or
/// <c>shared/datasets</c> holding iris.csv, found upwards from the working directory.</summary>
internal static class DataSets
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "data"),
                         Path.Combine(dir.FullName, "shared", "datasets") })
                if (File.Exists(Path.Combine(candidate, "iris.csv"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "No tests/data or shared/datasets above the working directory: pass --data DIR or set HEAT_DATA.");
    }
}
