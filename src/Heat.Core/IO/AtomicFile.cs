// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.IO;

/// <summary>
/// A new file is written under a temporary name beside its target and renamed by rank 0 only when every rank's part
/// is written, so a failed save never leaves a half file under the real name.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The agreed temporary name (rank 0 draws the suffix and broadcasts it).</summary>
    public static string TempName(ICommunicator comm, string path)
    {
        long suffix = comm.Rank == 0 ? Random.Shared.NextInt64(long.MaxValue) : 0;
        suffix = comm.Bcast(suffix, 0);
        return $"{path}.heat-{suffix:x}.tmp";
    }

    /// <summary>Rank 0 moves the temporary file onto <paramref name="path"/>; failures are collective.</summary>
    public static void Commit(ICommunicator comm, string temp, string path) =>
        CollectiveError.Run(comm, () => { if (comm.Rank == 0) File.Move(temp, path, overwrite: true); });

    /// <summary>Rank 0 removes the temporary file after a failure (best effort; the original error is what matters).</summary>
    public static void Discard(ICommunicator comm, string temp)
    {
        if (comm.Rank != 0) return;
        try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs a collective save into a temporary file, then commits it; on any error the temporary file is removed.</summary>
    public static void Save(ICommunicator comm, string path, Action<string> write)
    {
        var temp = TempName(comm, path);
        try
        {
            write(temp);
            Commit(comm, temp, path);
        }
        catch
        {
            Discard(comm, temp);
            throw;
        }
    }
}
