// SPDX-License-Identifier: MIT
using Microsoft.Win32.SafeHandles;

namespace Heat.IO;

/// <summary>
/// Reads or writes a box <c>[start, start + count)</c> of a row-major array stored raw at a byte offset of a file
/// (.npy data, contiguous HDF5 datasets), as the fewest contiguous runs: trailing dimensions that the box covers
/// fully merge into one run. Positional I/O (<see cref="RandomAccess"/>), so ranks work on one file in parallel.
/// </summary>
internal static unsafe class RawRegion
{
    private const int MaxPiece = 1 << 30;

    /// <summary>Reads the box into <paramref name="destination"/> (row-major box layout).</summary>
    /// <exception cref="InvalidDataException">The file ends before the box does.</exception>
    public static void Read(SafeFileHandle file, string path, long baseOffset, long[] shape, int itemSize, long[] start, long[] count, nint destination, IProgress<IoProgress>? progress) =>
        Walk(path, baseOffset, shape, itemSize, start, count, progress, (fileOffset, at, bytes) =>
        {
            long done = 0;
            while (done < bytes)
            {
                int piece = (int)Math.Min(MaxPiece, bytes - done);
                int n = RandomAccess.Read(file, new Span<byte>((byte*)destination + at + done, piece), fileOffset + done);
                if (n <= 0)
                    throw new InvalidDataException($"'{path}' is truncated: it ends at byte {fileOffset + done}, but the array's data go on to byte {fileOffset + bytes} or further.");
                done += n;
            }
        });

    /// <summary>Writes the box from <paramref name="source"/> (row-major box layout).</summary>
    public static void Write(SafeFileHandle file, string path, long baseOffset, long[] shape, int itemSize, long[] start, long[] count, nint source, IProgress<IoProgress>? progress) =>
        Walk(path, baseOffset, shape, itemSize, start, count, progress, (fileOffset, at, bytes) =>
        {
            for (long done = 0; done < bytes;)
            {
                int piece = (int)Math.Min(MaxPiece, bytes - done);
                RandomAccess.Write(file, new ReadOnlySpan<byte>((byte*)source + at + done, piece), fileOffset + done);
                done += piece;
            }
        });

    private static void Walk(string path, long baseOffset, long[] shape, int itemSize, long[] start, long[] count, IProgress<IoProgress>? progress, Action<long, long, long> run)
    {
        int nd = shape.Length;
        long total = itemSize;
        foreach (var c in count) total *= c;
        if (total == 0) { progress?.Report(new IoProgress(path, 0, 0)); return; }
        // Element strides of the file array.
        var strides = new long[nd];
        long acc = 1;
        for (int d = nd - 1; d >= 0; d--) { strides[d] = acc; acc *= shape[d]; }
        // j: first dimension of the contiguous run (all later dimensions are covered fully).
        int j = nd - 1;
        while (j > 0 && count[j] == shape[j]) j--;
        long runBytes = itemSize;
        for (int d = Math.Max(j, 0); d < nd; d++) runBytes *= count[d];
        var index = new long[Math.Max(j, 0)];
        long at = 0, sinceReport = 0;
        while (true)
        {
            long element = 0;
            for (int d = 0; d < nd; d++) element += (start[d] + (d < index.Length ? index[d] : 0)) * strides[d];
            run(baseOffset + element * itemSize, at, runBytes);
            at += runBytes; sinceReport += runBytes;
            if (progress is not null && (sinceReport >= 64L << 20 || at == total)) { sinceReport = 0; progress.Report(new IoProgress(path, at, total)); }
            // Odometer over the outer dimensions 0..j-1.
            int k = index.Length - 1;
            while (k >= 0 && ++index[k] == count[k]) { index[k] = 0; k--; }
            if (k < 0) break;
        }
    }
}
