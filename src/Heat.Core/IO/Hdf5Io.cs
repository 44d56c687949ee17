// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.IO.Interop;
using static Heat.IO.Interop.Hdf5Native;

namespace Heat.IO;

/// <summary>
/// HDF5 loading and saving. Contiguous datasets whose file type equals the in-memory type are read and written at
/// their byte offset with positional file I/O, every rank on its own box in parallel; other layouts (chunked,
/// compressed, converted types) go through <c>H5Dread</c>/<c>H5Dwrite</c> hyperslabs under the process-wide HDF5
/// lock (writes token-passed rank by rank, since serial HDF5 allows one writer per file).
/// </summary>
internal static unsafe class Hdf5Io
{
    /// <summary>What a dataset holds. <paramref name="RawOffset"/> is the data's byte offset when it can be read raw,
    /// else -1.</summary>
    private sealed record Info(long[] Shape, DType DType, long RawOffset);

    public static DNDarray Load(string path, string dataset, DType dtype, Range[]? slices, int? split, Device? device, bool allowExternal, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dataset);
        var ctx = ht.Context;
        var comm = ctx.Communicator;
        var (info, layout) = CollectiveError.Run(comm, () =>
        {
            var i = Inspect(path, dataset, allowExternal);
            return (i, IoLayout.For(i.Shape, slices, split, comm));
        });
        var local = CollectiveError.Run(comm, () => HostBuffers.Create(ctx.Backend, layout.LocalShape, info.DType, device ?? ctx.Device, at =>
        {
            if (info.RawOffset >= 0)
            {
                using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                RawRegion.Read(file, path, info.RawOffset, info.Shape, info.DType.ItemSize, layout.FileStart, layout.LocalShape, at, progress);
            }
            else ReadHyperslab(path, dataset, info, layout, at, progress);
        }));
        return IoArrays.Wrap(local, layout, dtype, ctx);
    }

    private static Info Inspect(string path, string dataset, bool allowExternal)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"load_hdf5: file '{path}' does not exist.", path);
        long fileLength = new FileInfo(path).Length;
        Hdf5Library.Ensure();
        lock (NativeIoLock.Gate)
        {
            if (H5Fis_hdf5(path) <= 0)
                throw new InvalidDataException($"load_hdf5: '{path}' is not an HDF5 file (no HDF5 signature); it is corrupt or of another format.");
            using var file = new Hdf5FileHandle(H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT));
            if (file.IsInvalid) throw new InvalidDataException($"load_hdf5: HDF5 cannot open '{path}'; the file is truncated or corrupt.");
            bool external = CheckLinks(file.Id, path, dataset, allowExternal);
            using var ds = new Hdf5DatasetHandle(H5Dopen2(file.Id, dataset, H5P_DEFAULT));
            if (ds.IsInvalid) throw new InvalidDataException($"load_hdf5: '{dataset}' in '{path}' is not a readable dataset (a group, or corrupt metadata).");
            using var space = new Hdf5SpaceHandle(H5Dget_space(ds.Id));
            int nd = H5Sget_simple_extent_ndims(space.Id);
            if (space.IsInvalid || nd < 0) throw new InvalidDataException($"load_hdf5: the dataspace of '{dataset}' in '{path}' cannot be read; the file is corrupt.");
            var dims = new ulong[nd];
            var maxDims = new ulong[nd];
            fixed (ulong* p = dims, m = maxDims)
                Hdf5Library.Check(H5Sget_simple_extent_dims(space.Id, p, m), "H5Sget_simple_extent_dims",
                    $"'{dataset}' in '{path}'");
            // A corrupt dataspace may claim more than its own maximum (or 2^63 and more): refused before any
            // allocation, as HDF5 itself would try to map billions of chunks.
            for (int d = 0; d < nd; d++)
                if (dims[d] > long.MaxValue || (maxDims[d] != ulong.MaxValue && dims[d] > maxDims[d]))
                    throw new InvalidDataException($"load_hdf5: the dataspace of '{dataset}' in '{path}' is corrupt: "
                        + $"extent {dims[d]} of axis {d} exceeds its maximum {maxDims[d]}.");
            var shape = dims.Select(d => (long)d).ToArray();
            using var type = new Hdf5TypeHandle(H5Dget_type(ds.Id));
            if (type.IsInvalid) throw new InvalidDataException($"load_hdf5: the datatype of '{dataset}' in '{path}' cannot be read; the file is corrupt.");
            var dtype = Hdf5Library.DTypeOf(type.Id) ?? throw new NotSupportedException(
                $"load_hdf5: dataset '{dataset}' in '{path}' holds {Hdf5Library.ClassName(type.Id)} elements, which Heat does not support; " +
                "supported are bool, uint8, int8, int16, int32, int64, float32, float64, complex64 and complex128.");
            using var dcpl = new Hdf5PropertyListHandle(H5Dget_create_plist(ds.Id));
            int externals = H5Pget_external_count(dcpl.Id);
            int layout = H5Pget_layout(dcpl.Id);
            if (!allowExternal && externals > 0)
                throw new NotSupportedException($"load_hdf5: dataset '{dataset}' in '{path}' keeps its data in {externals} external file(s); external storage is refused (pass allow_external: true to read it).");
            if (!allowExternal && layout == H5D_VIRTUAL)
                throw new NotSupportedException($"load_hdf5: dataset '{dataset}' in '{path}' is a virtual dataset mapping other files; refused (pass allow_external: true to read it).");
            long raw = -1;
            if (layout == H5D_CONTIGUOUS && externals == 0 && !external)
            {
                using var memType = Hdf5Library.MemoryType(dtype);
                ulong offset = H5Dget_offset(ds.Id);
                if (H5Tequal(type.Id, memType.Id) > 0 && offset != HADDR_UNDEF) raw = (long)offset;
            }
            long bytes;
            try { bytes = checked(Shapes.Numel(shape) * dtype.ItemSize); }
            catch (OverflowException)
            {
                throw new InvalidDataException($"load_hdf5: the dataspace of '{dataset}' in '{path}' is corrupt: "
                    + $"shape {Shapes.Format(shape)} of {dtype} would need more than 2^63 bytes.");
            }
            if (raw >= 0 && raw + bytes > fileLength)
                throw new InvalidDataException($"load_hdf5: '{path}' is truncated: dataset '{dataset}' needs bytes up "
                    + $"to {raw + bytes}, the file has {fileLength}.");
            return new Info(shape, dtype, raw);
        }
    }

    /// <summary>Refuses a missing path and, unless allowed, external links anywhere on the path; true when the path
    /// crosses one.</summary>
    private static bool CheckLinks(long file, string path, string dataset, bool allowExternal)
    {
        bool external = false;
        var parts = dataset.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new ArgumentException($"load_hdf5: dataset name '{dataset}' is empty.", nameof(dataset));
        string prefix = "";
        for (int i = 0; i < parts.Length; i++)
        {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            if (H5Lexists(file, prefix, H5P_DEFAULT) <= 0)
                throw new KeyNotFoundException($"load_hdf5: dataset '{dataset}' not found in '{path}' (no object '{prefix}').");
            if (Hdf5Library.LinkType(file, prefix) != H5L_TYPE_EXTERNAL) continue;
            if (!allowExternal)
                throw new NotSupportedException($"load_hdf5: '{prefix}' in '{path}' is an external link to another file; external links are refused (pass allow_external: true to follow them).");
            external = true;
        }
        return external;
    }

    private static void ReadHyperslab(string path, string dataset, Info info, IoLayout layout, nint destination, IProgress<IoProgress>? progress)
    {
        long bytes = layout.LocalNumel * info.DType.ItemSize;
        progress?.Report(new IoProgress(path, 0, bytes));
        lock (NativeIoLock.Gate)
        {
            using var file = new Hdf5FileHandle(H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT));
            if (file.IsInvalid) throw new InvalidDataException($"load_hdf5: HDF5 cannot open '{path}'; the file is truncated or corrupt.");
            using var ds = new Hdf5DatasetHandle(Hdf5Library.Check(H5Dopen2(file.Id, dataset, H5P_DEFAULT), "H5Dopen2", $"'{dataset}' in '{path}'"));
            using var memType = Hdf5Library.MemoryType(info.DType);
            using var fileSpace = new Hdf5SpaceHandle(H5Dget_space(ds.Id));
            using var memSpace = SelectBox(fileSpace.Id, layout.FileStart, layout.LocalShape);
            if (H5Dread(ds.Id, memType.Id, memSpace.Id, fileSpace.Id, H5P_DEFAULT, (void*)destination) < 0)
                throw new InvalidDataException($"load_hdf5: reading '{dataset}' from '{path}' failed; the file is truncated or corrupt (or uses a filter this HDF5 lacks).");
        }
        progress?.Report(new IoProgress(path, bytes, bytes));
    }

    /// <summary>Selects the box in <paramref name="fileSpace"/> and returns the matching memory space.</summary>
    private static Hdf5SpaceHandle SelectBox(long fileSpace, long[] start, long[] count)
    {
        int nd = start.Length;
        var s = start.Select(v => (ulong)v).ToArray();
        var c = count.Select(v => (ulong)v).ToArray();
        fixed (ulong* ps = s, pc = c)
        {
            if (nd > 0) Hdf5Library.Check(H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, ps, null, pc, null), "H5Sselect_hyperslab", "a box");
            return new Hdf5SpaceHandle(Hdf5Library.Check(H5Screate_simple(nd, pc, null), "H5Screate_simple", "a box"));
        }
    }

    public static void Save(DNDarray x, string path, string dataset, string mode, int? compression, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dataset);
        if (mode is not ("w" or "a" or "r+"))
            throw new ArgumentException($"save_hdf5: mode '{mode}' is not supported; expected 'w' (new file), 'a' (add to a file, creating it if missing) or 'r+' (add to an existing file).", nameof(mode));
        if (compression is < 0 or > 9)
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "save_hdf5: compression is a gzip level from 0 to 9, or null for none.");
        if (dataset.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 0)
            throw new ArgumentException("save_hdf5: the dataset name is empty.", nameof(dataset));
        var comm = x.comm;
        var full = Path.GetFullPath(path);
        bool exists = comm.Bcast(comm.Rank == 0 && File.Exists(full) ? 1 : 0, 0) == 1;
        if (mode == "r+" && !exists) CollectiveError.Agree(comm, new FileNotFoundException($"save_hdf5: mode 'r+' needs an existing file, '{path}' does not exist.", path));
        bool createNew = mode == "w" || !exists;
        using var region = WriteRegion.Of(x);
        if (createNew) AtomicFile.Save(comm, full, temp => Write(x, region, temp, dataset, create: true, compression, progress));
        else Write(x, region, full, dataset, create: false, compression, progress);
    }

    private static void Write(DNDarray x, WriteRegion region, string file, string dataset, bool create, int? compression, IProgress<IoProgress>? progress)
    {
        var comm = x.comm;
        long offset = CollectiveError.Run(comm, () => comm.Rank == 0 ? CreateDataset(file, dataset, x.shape, x.dtype, create, compression) : 0);
        offset = comm.Bcast(offset, 0);
        if (offset >= 0)
        {
            CollectiveError.Run(comm, () =>
            {
                if (region.Numel == 0) return;
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                HostBuffers.Read(region.Data, at => RawRegion.Write(handle, file, offset, x.shape, x.dtype.ItemSize, region.Start, region.Count, at, progress));
            });
            return;
        }
        // Chunked or compressed: one writer at a time (serial HDF5 allows a single writer per file).
        Exception? error = null;
        for (int r = 0; r < comm.Size; r++)
        {
            if (r == comm.Rank && error is null && region.Numel > 0)
            {
                try { HostBuffers.Read(region.Data, at => WriteHyperslab(file, dataset, x.dtype, region, at)); }
                catch (Exception e) { error = e; }
            }
            comm.Barrier();
        }
        CollectiveError.Agree(comm, error);
        progress?.Report(new IoProgress(file, region.Numel * x.dtype.ItemSize, region.Numel * x.dtype.ItemSize));
    }

    /// <summary>Creates the dataset (and the file when <paramref name="create"/>); returns the raw data offset, or -1
    /// when writes must go through HDF5.</summary>
    private static long CreateDataset(string file, string dataset, long[] shape, DType dtype, bool create, int? compression)
    {
        Hdf5Library.Ensure();
        lock (NativeIoLock.Gate)
        {
            using var f = new Hdf5FileHandle(create ? H5Fcreate(file, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT) : H5Fopen(file, H5F_ACC_RDWR, H5P_DEFAULT));
            if (f.IsInvalid)
                throw create ? new IOException($"save_hdf5: cannot create '{file}'.") : new InvalidDataException($"save_hdf5: HDF5 cannot open '{file}' for writing; it is not an HDF5 file, or corrupt, or open elsewhere.");
            var first = dataset.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            if (H5Lexists(f.Id, first, H5P_DEFAULT) > 0 && H5Lexists(f.Id, dataset, H5P_DEFAULT) > 0)
                throw new ArgumentException($"save_hdf5: dataset '{dataset}' already exists in '{file}'; choose another name, or mode 'w' for a new file.", nameof(dataset));
            int nd = shape.Length;
            var dims = shape.Select(d => (ulong)d).ToArray();
            using var type = Hdf5Library.MemoryType(dtype);
            using var lcpl = new Hdf5PropertyListHandle(Hdf5Library.Check(H5Pcreate(Hdf5Library.LinkCreateClass), "H5Pcreate", "link creation"));
            Hdf5Library.Check(H5Pset_create_intermediate_group(lcpl.Id, 1), "H5Pset_create_intermediate_group", dataset);
            using var dcpl = new Hdf5PropertyListHandle(Hdf5Library.Check(H5Pcreate(Hdf5Library.DatasetCreateClass), "H5Pcreate", "dataset creation"));
            bool chunked = compression is not null && nd > 0 && Shapes.Numel(shape) > 0;
            if (chunked)
            {
                // Chunks of whole trailing rows, about 1 MiB each.
                var chunk = (ulong[])dims.Clone();
                long row = dtype.ItemSize;
                for (int d = 1; d < nd; d++) row *= shape[d];
                chunk[0] = (ulong)Math.Clamp((1L << 20) / Math.Max(1, row), 1, shape[0]);
                fixed (ulong* pc = chunk) Hdf5Library.Check(H5Pset_chunk(dcpl.Id, nd, pc), "H5Pset_chunk", dataset);
                Hdf5Library.Check(H5Pset_deflate(dcpl.Id, (uint)compression!.Value), "H5Pset_deflate", dataset);
            }
            else
            {
                Hdf5Library.Check(H5Pset_layout(dcpl.Id, H5D_CONTIGUOUS), "H5Pset_layout", dataset);
                Hdf5Library.Check(H5Pset_alloc_time(dcpl.Id, H5D_ALLOC_TIME_EARLY), "H5Pset_alloc_time", dataset);
                Hdf5Library.Check(H5Pset_fill_time(dcpl.Id, H5D_FILL_TIME_NEVER), "H5Pset_fill_time", dataset);
            }
            Hdf5SpaceHandle space;
            fixed (ulong* pd = dims) space = new Hdf5SpaceHandle(Hdf5Library.Check(H5Screate_simple(nd, pd, null), "H5Screate_simple", dataset));
            using (space)
            using (var ds = new Hdf5DatasetHandle(Hdf5Library.Check(H5Dcreate2(f.Id, dataset, type.Id, space.Id, lcpl.Id, dcpl.Id, H5P_DEFAULT), "H5Dcreate2", $"'{dataset}' in '{file}'")))
            {
                if (chunked) return -1;
                ulong offset = H5Dget_offset(ds.Id);
                return offset == HADDR_UNDEF ? (Shapes.Numel(shape) == 0 ? 0 : -1) : (long)offset;
            }
        }
    }

    private static void WriteHyperslab(string file, string dataset, DType dtype, WriteRegion region, nint source)
    {
        lock (NativeIoLock.Gate)
        {
            using var f = new Hdf5FileHandle(Hdf5Library.Check(H5Fopen(file, H5F_ACC_RDWR, H5P_DEFAULT), "H5Fopen", $"'{file}'"));
            using var ds = new Hdf5DatasetHandle(Hdf5Library.Check(H5Dopen2(f.Id, dataset, H5P_DEFAULT), "H5Dopen2", $"'{dataset}' in '{file}'"));
            using var memType = Hdf5Library.MemoryType(dtype);
            using var fileSpace = new Hdf5SpaceHandle(H5Dget_space(ds.Id));
            using var memSpace = SelectBox(fileSpace.Id, region.Start, region.Count);
            Hdf5Library.Check(H5Dwrite(ds.Id, memType.Id, memSpace.Id, fileSpace.Id, H5P_DEFAULT, (void*)source), "H5Dwrite", $"'{dataset}' in '{file}'");
        }
    }
}
