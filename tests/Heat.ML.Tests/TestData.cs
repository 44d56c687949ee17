// SPDX-License-Identifier: MIT
namespace Heat.ML.Tests;

/// <summary>Finds tests/data in the repository from the test binaries' folder.</summary>
internal static class TestData
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/data/{file} not found above {AppContext.BaseDirectory}.");
    }
}
