// SPDX-License-Identifier: MIT
namespace Heat.Testing.ML;

/// <summary>Reference data of the ML suites: files of tests/data, and uneven chunks.</summary>
public static class MlTestData
{
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
