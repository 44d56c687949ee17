// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Bench.Peers;

/// <summary>Skips a workload whose arrays would not fit in the memory available now (<c>MemAvailable</c> of
/// <c>/proc/meminfo</c>), so that a shared machine's out-of-memory killer never has to pick a process.</summary>
public static class MemoryGuard
{
    /// <summary>The bytes Linux reports available, or null where it does not.</summary>
    public static long? Available()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                        CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>True when <paramref name="bytes"/> (plus 1 GiB of slack) are available; otherwise writes why
    /// <paramref name="what"/> is skipped and returns false.</summary>
    public static bool Enough(long bytes, string what)
    {
        long? available = Available();
        if (available is null || available >= bytes + (1L << 30)) return true;
        Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "# peers: {0} skipped: needs about {1:F1} GiB, {2:F1} GiB available now", what, bytes / 1073741824.0,
            available.Value / 1073741824.0));
        return false;
    }
}
