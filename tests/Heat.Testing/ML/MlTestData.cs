// SPDX-License-Identifier: MIT
namespace Heat.Testing.ML;

/// <summary>Reference data of the ML suites: files of tests/data, and the rank counts and splits they run on.</summary>
public static class MlTestData
{
    /// <summary>1 to 5 ranks.</summary>
    public static TheoryData<int> Ranks => new() { 1, 2, 3, 4, 5 };

    /// <summary>1 to 5 ranks × split None, 0, 1 of a 2-d array.</summary>
    public static TheoryData<int, int?> RanksAndSplits
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in new[] { 1, 2, 3, 4, 5 })
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s);
            return data;
        }
    }

    /// <summary>
    /// A file of tests/data: beside the test assembly (data/), else found above it in the repository.
    /// </summary>
    public static string Path(string file)
    {
        var copied = System.IO.Path.Combine(AppContext.BaseDirectory, "data", file);
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/data/{file} not found beside or above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Moves the chunks of a split-0 array so that rank 0 holds none and the last rank the most (uneven, with empty
    /// chunks).
    /// </summary>
    public static void Unbalance(DNDarray x)
    {
        if (x.split != 0) return;
        int p = x.comm.Size;
        long n = x.shape[0];
        var map = x.lshape_map;
        long left = n;
        for (int r = 0; r < p; r++)
        {
            long count = r == p - 1 ? left : r == 0 ? 0 : Math.Min(left, n / (2 * p));
            map[r, 0] = count;
            left -= count;
        }
        x.redistribute_(target_map: map);
    }
}
