// SPDX-License-Identifier: MIT
namespace Heat.Bench.Peers;

/// <summary>A temporary folder of .npy files that Heat writes once (with <c>ht.save_npy</c>) and both Heat and the
/// peers read, so every side works on identical numbers; removed when disposed.</summary>
public sealed class PeerData : IDisposable
{
    /// <summary>Creates the folder, first removing those that stopped runs left behind (their process is gone).
    /// </summary>
    public PeerData()
    {
        foreach (var stale in System.IO.Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), "heat-peers-*"))
            if (int.TryParse(System.IO.Path.GetFileName(stale)["heat-peers-".Length..], out int pid)
                && !System.IO.Directory.Exists($"/proc/{pid}"))
                try { System.IO.Directory.Delete(stale, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
        Directory = System.IO.Directory.CreateDirectory(
            System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"heat-peers-{Environment.ProcessId}")).FullName;
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The path of the file <paramref name="name"/>.npy in the folder.</summary>
    public string Path(string name) => System.IO.Path.Combine(Directory, name + ".npy");

    /// <summary>Makes arrays on one rank (2 threads) with <c>ht.random.seed(seed)</c> and saves each under its
    /// name; returns their paths in the same order.</summary>
    public string[] Write(long seed, Func<(string Name, DNDarray Array)[]> make)
    {
        return InProcRanks.Run(1, 2, () =>
        {
            ht.random.seed(seed);
            var arrays = make();
            var paths = new string[arrays.Length];
            for (int i = 0; i < arrays.Length; i++)
            {
                paths[i] = Path(arrays[i].Name);
                ht.save_npy(arrays[i].Array, paths[i]);
                arrays[i].Array.Dispose();
            }
            return paths;
        });
    }

    /// <summary>Deletes one file early (large inputs no longer needed).</summary>
    public void Delete(string name) => File.Delete(Path(name));

    /// <inheritdoc/>
    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
