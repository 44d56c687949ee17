// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.IO;

/// <summary>
/// NumPy <c>.npy</c> files: each rank reads or writes only its own box of the raw data at computed byte offsets, in
/// parallel. Big-endian files are swapped after reading; Fortran-order files are read as the transposed C-order array
/// and transposed back locally.
/// </summary>
internal static class NpyIo
{
    public static DNDarray Load(string path, DType? dtype, Range[]? slices, int? split, Device? device, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ctx = ht.Context;
        var comm = ctx.Communicator;
        var (header, layout) = CollectiveError.Run(comm, () =>
        {
            var h = NpyHeader.Read(path);
            return (h, IoLayout.For(h.Shape, slices, split, comm));
        });
        var local = CollectiveError.Run(comm, () => ReadBox(header, path, layout.FileStart, layout.LocalShape, ctx.Backend, device ?? ctx.Device, progress));
        return IoArrays.Wrap(local, layout, dtype ?? header.DType, ctx);
    }

    /// <summary>Reads the box <c>[start, start+count)</c> of the file's array (not collective).</summary>
    public static LocalTensor ReadBox(NpyHeader header, string path, long[] start, long[] count, ITensorBackend backend, Device device, IProgress<IoProgress>? progress)
    {
        bool fortran = header.FortranOrder && header.Shape.Length > 1;
        long[] stored = fortran ? [.. header.Shape.Reverse()] : header.Shape;
        long[] boxStart = fortran ? [.. start.Reverse()] : start;
        long[] boxCount = fortran ? [.. count.Reverse()] : count;
        var raw = HostBuffers.Create(backend, boxCount, header.DType, device, at =>
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            RawRegion.Read(file, path, header.DataOffset, stored, header.DType.ItemSize, boxStart, boxCount, at, progress);
            if (header.BigEndian == BitConverter.IsLittleEndian)
                HostBuffers.SwapBytes(at, Shapes.Numel(boxCount), header.DType.ItemSize, header.DType.IsComplex);
        });
        if (!fortran) return raw;
        try
        {
            using var view = raw.Permute([.. Enumerable.Range(0, boxCount.Length).Reverse()]);
            return backend.Copy(view);
        }
        finally { raw.Dispose(); }
    }

    public static void Save(DNDarray x, string path, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(path);
        var comm = x.comm;
        var full = Path.GetFullPath(path);
        var header = NpyHeader.Build(x.dtype, x.shape);
        using var region = WriteRegion.Of(x);
        AtomicFile.Save(comm, full, temp =>
        {
            CollectiveError.Run(comm, () =>
            {
                if (comm.Rank != 0) return;
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                stream.Write(header);
                stream.SetLength(header.Length + x.gnbytes);
            });
            CollectiveError.Run(comm, () =>
            {
                if (region.Numel == 0) return;
                using var file = File.OpenHandle(temp, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                HostBuffers.Read(region.Data, at => RawRegion.Write(file, temp, header.Length, x.shape, x.dtype.ItemSize, region.Start, region.Count, at, progress));
            });
        });
    }

    private const int MaxDims = 32;

    /// <summary>HeAT's <c>load_npy_from_path</c>: the .npy files of a directory (sorted by name) joined along <paramref name="split"/>; each rank reads whole files, then one rebalance.</summary>
    public static DNDarray LoadFromPath(string path, DType? dtype, int split, Device? device, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ctx = ht.Context;
        var comm = ctx.Communicator;
        var mine = CollectiveError.Run(comm, () =>
        {
            if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"load_npy_from_path: directory '{path}' does not exist.");
            var files = Directory.GetFiles(path, "*.npy").Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new FileNotFoundException($"load_npy_from_path: '{path}' holds no .npy files.");
            var (offset, count) = Chunking.Chunk(files.Length, comm.Size, comm.Rank);
            var headers = files.Skip((int)offset).Take((int)count).Select(f => (File: f, Header: NpyHeader.Read(f))).ToArray();
            foreach (var (f, h) in headers)
            {
                if (h.Shape.Length > MaxDims) throw new NotSupportedException($"load_npy_from_path: '{f}' has {h.Shape.Length} dimensions; at most {MaxDims} are supported.");
                if (split < 0 || split >= h.Shape.Length)
                    throw new ArgumentOutOfRangeException(nameof(split), split, $"load_npy_from_path: split {split} is out of bounds for the {h.Shape.Length}-d arrays in '{path}'.");
            }
            return headers;
        });
        // Every rank's description: [has files, ndim, dtype, extent along split, shape...]; all must agree off the split axis.
        var description = new long[4 + MaxDims];
        if (mine.Length > 0)
        {
            var first = mine[0].Header;
            description[0] = 1; description[1] = first.Shape.Length; description[2] = (long)first.DType.Code;
            description[3] = mine.Sum(m => m.Header.Shape[split]);
            first.Shape.CopyTo(description, 4);
        }
        var all = new long[comm.Size * description.Length];
        comm.Allgather<long>(description, all);
        var (gshape, fileDType) = CollectiveError.Run(comm, () => Agree(all, description.Length, mine, split, path));
        var lshape = (long[])gshape.Clone();
        lshape[split] = description[3];
        var local = CollectiveError.Run(comm, () =>
        {
            var t = ctx.Backend.Empty(lshape, fileDType, device ?? ctx.Device);
            try
            {
                long at = 0;
                foreach (var (f, h) in mine)
                {
                    using var part = ReadBox(h, f, new long[h.Shape.Length], h.Shape, ctx.Backend, device ?? ctx.Device, progress);
                    using var target = t.Slice(split, at, h.Shape[split]);
                    ctx.Backend.Copy(part, target);
                    at += h.Shape[split];
                }
                return t;
            }
            catch { t.Dispose(); throw; }
        });
        if (dtype is not null && dtype != fileDType)
        {
            var converted = ctx.Backend.Copy(local, dtype);
            local.Dispose();
            local = converted;
        }
        var result = new DNDarray(local, gshape, split, ctx, balanced: null);
        return result.balance_();
    }

    private static (long[] Shape, DType DType) Agree(long[] all, int width, (string File, NpyHeader Header)[] mine, int split, string path)
    {
        // Files of one rank must match each other, then ranks must match the first rank that has files.
        foreach (var (f, h) in mine)
        {
            var h0 = mine[0].Header;
            if (h.DType != h0.DType || h.Shape.Length != h0.Shape.Length || Enumerable.Range(0, h.Shape.Length).Any(d => d != split && h.Shape[d] != h0.Shape[d]))
                throw new InvalidDataException($"load_npy_from_path: '{f}' ({h.DType}, shape {Shapes.Format(h.Shape)}) does not match '{mine[0].File}' ({h0.DType}, shape {Shapes.Format(h0.Shape)}); all files must agree except along split axis {split}.");
        }
        int reference = -1;
        long total = 0;
        for (int r = 0; r * width < all.Length; r++)
        {
            var d = all.AsSpan(r * width, width);
            if (d[0] == 0) continue;
            if (reference < 0) reference = r;
            var first = all.AsSpan(reference * width, width);
            bool same = d[1] == first[1] && d[2] == first[2];
            for (int k = 0; same && k < d[1]; k++) same = k == split || d[4 + k] == first[4 + k];
            if (!same)
                throw new InvalidDataException($"load_npy_from_path: the files in '{path}' disagree: rank {r} read {DType.FromCode((DTypeCode)d[2])} arrays of shape {Shapes.Format(d.Slice(4, (int)d[1]))}, rank {reference} {DType.FromCode((DTypeCode)first[2])} arrays of shape {Shapes.Format(first.Slice(4, (int)first[1]))}; all files must agree except along split axis {split}.");
            total += d[3];
        }
        var f0 = all.AsSpan(reference * width, width);
        var shape = f0.Slice(4, (int)f0[1]).ToArray();
        shape[split] = total;
        return (shape, DType.FromCode((DTypeCode)f0[2]));
    }
}
