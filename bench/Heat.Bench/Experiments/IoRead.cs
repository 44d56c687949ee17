// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Comm.InProc;

namespace Heat.Bench.Experiments;

/// <summary>
/// Parallel loading of a 1 GiB float32 array from HDF5 and .npy (split 0, each rank reads its own slab) on 1 and 2
/// in-process ranks, against a plain sequential read of the same file (FileStream into a native buffer, like
/// <c>cat file &gt; /dev/null</c>) measured in the same run. Saving is reported against a sequential write of the bytes.
/// Files sit in the page cache after the first pass, so these are warm-cache figures.
/// </summary>
public sealed class IoRead : IExperiment
{
    /// <inheritdoc/>
    public string Name => "io";

    /// <inheritdoc/>
    public unsafe IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long rows = options.Quick ? 1L << 16 : 1L << 18, columns = 1024; // 256 MiB or 1 GiB of float32
        int reps = options.Quick ? 2 : 3;
        double gb = rows * columns * 4 / 1e9;
        var dir = Directory.CreateTempSubdirectory("heat-bench-io-").FullName;
        var results = new List<BenchResult>();
        try
        {
            var h5 = Path.Combine(dir, "big.h5");
            var npy = Path.Combine(dir, "big.npy");
            var raw = Path.Combine(dir, "big.bin");
            InProcWorld.Run(1, () =>
            {
                using var x = ht.ones([rows, columns], dtype: ht.float32, split: 0);
                ht.save_hdf5(x, h5, "data");
                ht.save_npy(x, npy);
            });
            // One page-faulted buffer for the references, as the loads' storage comes pre-faulted from the memory pool.
            long length = Math.Max(new FileInfo(npy).Length, new FileInfo(h5).Length);
            var buffer = (nint)NativeMemory.AlignedAlloc((nuint)length, 4096);
            new Span<byte>((void*)buffer, 1).Clear();
            for (long at = 0; at < length; at += 4096) ((byte*)buffer)[at] = 1;
            try
            {
            double writeRef = Timing.Best(reps, () => SequentialWrite(raw, buffer, rows * columns * 4));
            foreach (var (label, file, load, save) in new (string, string, Action<int?>, Action<DNDarray>)[]
            {
                ("hdf5", h5, s => ht.load_hdf5(h5, "data", split: s).Dispose(), x => ht.save_hdf5(x, h5, "data")),
                ("npy", npy, s => ht.load_npy(npy, split: s).Dispose(), x => ht.save_npy(x, npy)),
            })
            {
                double readRef = Timing.Best(reps, () => SequentialRead(file, buffer, length));
                var bytes = new FileInfo(file).Length;
                foreach (int ranks in options.RankCounts.Where(r => r <= 2).DefaultIfEmpty(1).Distinct().Order())
                {
                    var sums = InProcWorld.Run(ranks, () =>
                    {
                        using var y = label == "hdf5" ? ht.load_hdf5(h5, "data", split: 0) : ht.load_npy(npy, split: 0);
                        using var total = ht.sum(y);
                        return total.item<double>();
                    });
                    if (sums[0] != rows * columns) throw new InvalidOperationException($"io.load.{label}: sum {sums[0]}, expected {rows * columns}.");
                    double seconds = Timing.Best(reps, () => InProcWorld.Run(ranks, () => load(0)));
                    results.Add(new BenchResult($"io.load.{label}", ranks, 1, seconds, "sequential FileStream read", readRef, gb / seconds, "GB/s",
                        $"{bytes / (double)(1 << 30):F2} GiB file, split 0, float32 {rows}x{columns}; reference {bytes / 1e9 / readRef:F2} GB/s; warm page cache"));
                    double saveSeconds = Timing.Best(reps, () => InProcWorld.Run(ranks, () =>
                    {
                        using var x = ht.ones([rows, columns], dtype: ht.float32, split: 0);
                        save(x);
                    }));
                    results.Add(new BenchResult($"io.save.{label}", ranks, 1, saveSeconds, "sequential FileStream write", writeRef, gb / saveSeconds, "GB/s",
                        $"same array, new file under a temporary name then renamed; time includes creating the ones array; reference {gb / writeRef:F2} GB/s"));
                }
            }
            }
            finally { NativeMemory.AlignedFree((void*)buffer); }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return results;
    }

    /// <summary>The whole file, front to back in 16 MiB reads, into <paramref name="buffer"/>.</summary>
    private static unsafe void SequentialRead(string path, nint buffer, long capacity)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = Math.Min(stream.Length, capacity);
        for (long done = 0; done < length;)
        {
            int n = stream.Read(new Span<byte>((byte*)buffer + done, (int)Math.Min(1 << 24, length - done)));
            if (n <= 0) throw new EndOfStreamException(path);
            done += n;
        }
    }

    /// <summary>A new file of <paramref name="length"/> bytes from <paramref name="buffer"/> in 16 MiB writes.</summary>
    private static unsafe void SequentialWrite(string path, nint buffer, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        for (long done = 0; done < length; done += 1 << 24)
            stream.Write(new ReadOnlySpan<byte>((byte*)buffer + done, (int)Math.Min(1 << 24, length - done)));
    }
}
