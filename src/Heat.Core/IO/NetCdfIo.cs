// SPDX-License-Identifier: MIT
using System.Text;
using Heat.Abstractions;
using Heat.IO.Interop;
using static Heat.IO.Interop.NetCdfNative;

namespace Heat.IO;

/// <summary>
/// netCDF loading and saving through netCDF-C: each rank reads its box with <c>nc_get_vara</c>; saving defines the
/// variable on rank 0 (netCDF-4 format, dimensions named <c>{variable}_dim_{i}</c> as HeAT does) and then the ranks
/// write their boxes in turn. All calls hold the process-wide I/O lock (netCDF-4 sits on the non-thread-safe HDF5).
/// </summary>
internal static unsafe class NetCdfIo
{
    private const string DTypeAttribute = "heat_dtype";

    public static DNDarray Load(string path, string variable, DType dtype, Range[]? slices, int? split, Device? device, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(variable);
        var ctx = ht.Context;
        var comm = ctx.Communicator;
        var (shape, fileDType, layout) = CollectiveError.Run(comm, () =>
        {
            var (s, t) = Inspect(path, variable);
            return (s, t, IoLayout.For(s, slices, split, comm));
        });
        var local = CollectiveError.Run(comm, () => HostBuffers.Create(ctx.Backend, layout.LocalShape, fileDType, device ?? ctx.Device, at =>
        {
            long bytes = layout.LocalNumel * fileDType.ItemSize;
            progress?.Report(new IoProgress(path, 0, bytes));
            lock (NativeIoLock.Gate)
            {
                using var file = Open(path, NC_NOWRITE);
                Check(nc_inq_varid(file.Id, variable, out int varid), "nc_inq_varid", $"'{variable}' in '{path}'");
                var start = layout.FileStart.Select(v => (nuint)v).ToArray();
                var count = layout.LocalShape.Select(v => (nuint)v).ToArray();
                fixed (nuint* ps = start, pc = count)
                {
                    int status = nc_get_vara(file.Id, varid, ps, pc, (void*)at);
                    if (status != 0)
                        throw new InvalidDataException($"load_netcdf: reading '{variable}' from '{path}' failed: {Message(status)}; the file is truncated or corrupt.");
                }
            }
            progress?.Report(new IoProgress(path, bytes, bytes));
        }));
        return IoArrays.Wrap(local, layout, dtype, ctx);
    }

    private static NetCdfFileHandle Open(string path, int mode)
    {
        int status = nc_open(path, mode, out int ncid);
        if (status != 0)
            throw new InvalidDataException($"netCDF cannot open '{path}': {Message(status)}; it is not a netCDF file, or truncated or corrupt.");
        return new NetCdfFileHandle(ncid);
    }

    private static (long[] Shape, DType DType) Inspect(string path, string variable)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"load_netcdf: file '{path}' does not exist.", path);
        _ = nc_inq_libvers(); // loads the library (static constructor) before taking the lock
        lock (NativeIoLock.Gate)
        {
            using var file = Open(path, NC_NOWRITE);
            int status = nc_inq_varid(file.Id, variable, out int varid);
            if (status == NC_ENOTVAR) throw new KeyNotFoundException($"load_netcdf: variable '{variable}' not found in '{path}'.");
            Check(status, "nc_inq_varid", $"'{variable}' in '{path}'");
            Check(nc_inq_varndims(file.Id, varid, out int nd), "nc_inq_varndims", variable);
            var dimids = new int[nd];
            fixed (int* p = dimids) Check(nc_inq_vardimid(file.Id, varid, p), "nc_inq_vardimid", variable);
            var shape = new long[nd];
            for (int d = 0; d < nd; d++)
            {
                Check(nc_inq_dimlen(file.Id, dimids[d], out nuint len), "nc_inq_dimlen", variable);
                shape[d] = (long)len;
            }
            Check(nc_inq_vartype(file.Id, varid, out int type), "nc_inq_vartype", variable);
            DType? dtype = type switch
            {
                NC_BYTE => DType.Int8,
                NC_SHORT => DType.Int16,
                NC_INT => DType.Int32,
                NC_FLOAT => DType.Float32,
                NC_DOUBLE => DType.Float64,
                NC_UBYTE => IsBool(file.Id, varid) ? DType.Bool : DType.UInt8,
                NC_INT64 => DType.Int64,
                _ => null,
            };
            if (dtype is null)
            {
                string name = type switch { NC_CHAR => "char", NC_STRING => "string", NC_USHORT => "ushort", NC_UINT => "uint", NC_UINT64 => "uint64", _ => $"type {type}" };
                throw new NotSupportedException($"load_netcdf: variable '{variable}' in '{path}' holds {name} elements, which Heat does not support; supported are byte, ubyte, short, int, int64, float and double.");
            }
            return (shape, dtype);
        }
    }

    private static bool IsBool(int ncid, int varid)
    {
        if (nc_inq_att(ncid, varid, DTypeAttribute, out int type, out nuint length) != 0 || type != NC_CHAR || length > 64) return false;
        var text = stackalloc byte[(int)length];
        if (nc_get_att_text(ncid, varid, DTypeAttribute, text) != 0) return false;
        return Encoding.ASCII.GetString(text, (int)length) == "bool";
    }

    public static void Save(DNDarray x, string path, string variable, string mode, string[]? dimension_names, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(variable);
        if (mode is not ("w" or "a" or "r+"))
            throw new ArgumentException($"save_netcdf: mode '{mode}' is not supported; expected 'w' (new file), 'a' (add to a file, creating it if missing) or 'r+' (add to an existing file).", nameof(mode));
        if (x.dtype.IsComplex)
            throw new NotSupportedException($"save_netcdf: netCDF has no complex type; {x.dtype} cannot be saved (use save_hdf5 or save_npy).");
        if (x.dtype == DType.Float16)
            throw new NotSupportedException("save_netcdf: netCDF has no float16 type; save x.astype(ht.float32), "
                + "or use save_hdf5 or save_npy.");
        if (dimension_names is not null && dimension_names.Length != x.ndim)
            throw new ArgumentException($"save_netcdf: {dimension_names.Length} dimension names for a {x.ndim}-d array.", nameof(dimension_names));
        var comm = x.comm;
        var full = Path.GetFullPath(path);
        bool exists = comm.Bcast(comm.Rank == 0 && File.Exists(full) ? 1 : 0, 0) == 1;
        if (mode == "r+" && !exists) CollectiveError.Agree(comm, new FileNotFoundException($"save_netcdf: mode 'r+' needs an existing file, '{path}' does not exist.", path));
        var names = dimension_names ?? Enumerable.Range(0, x.ndim).Select(i => $"{variable}_dim_{i}").ToArray();
        using var region = WriteRegion.Of(x);
        if (mode == "w" || !exists) AtomicFile.Save(comm, full, temp => Write(x, region, temp, variable, names, create: true, progress));
        else Write(x, region, full, variable, names, create: false, progress);
    }

    private static void Write(DNDarray x, WriteRegion region, string file, string variable, string[] names, bool create, IProgress<IoProgress>? progress)
    {
        var comm = x.comm;
        CollectiveError.Run(comm, () => { if (comm.Rank == 0) Define(file, variable, names, x.shape, x.dtype, create); });
        // netCDF files have one writer at a time: the ranks write their boxes in turn.
        Exception? error = null;
        for (int r = 0; r < comm.Size; r++)
        {
            if (r == comm.Rank && region.Numel > 0)
            {
                try { HostBuffers.Read(region.Data, at => WriteBox(file, variable, region, at)); }
                catch (Exception e) { error = e; }
            }
            comm.Barrier();
        }
        CollectiveError.Agree(comm, error);
        progress?.Report(new IoProgress(file, region.Numel * x.dtype.ItemSize, region.Numel * x.dtype.ItemSize));
    }

    private static void Define(string file, string variable, string[] names, long[] shape, DType dtype, bool create)
    {
        _ = nc_inq_libvers();
        lock (NativeIoLock.Gate)
        {
            int ncid;
            if (create) Check(nc_create(file, NC_NETCDF4 | NC_CLOBBER, out ncid), "nc_create", $"'{file}'");
            else
            {
                int status = nc_open(file, NC_WRITE, out ncid);
                if (status != 0) throw new InvalidDataException($"save_netcdf: netCDF cannot open '{file}' for writing: {Message(status)}.");
            }
            using var handle = new NetCdfFileHandle(ncid);
            if (!create) Check(nc_redef(ncid), "nc_redef", file);
            if (nc_inq_varid(ncid, variable, out _) == 0)
                throw new ArgumentException($"save_netcdf: variable '{variable}' already exists in '{file}'; choose another name, or mode 'w' for a new file.", nameof(variable));
            var dimids = new int[shape.Length];
            for (int d = 0; d < shape.Length; d++)
                Check(nc_def_dim(ncid, names[d], (nuint)shape[d], out dimids[d]), "nc_def_dim", $"dimension '{names[d]}' of '{variable}'");
            int type = dtype.Code switch
            {
                DTypeCode.Bool or DTypeCode.UInt8 => NC_UBYTE,
                DTypeCode.Int8 => NC_BYTE,
                DTypeCode.Int16 => NC_SHORT,
                DTypeCode.Int32 => NC_INT,
                DTypeCode.Int64 => NC_INT64,
                DTypeCode.Float32 => NC_FLOAT,
                _ => NC_DOUBLE,
            };
            int varid;
            fixed (int* p = dimids) Check(nc_def_var(ncid, variable, type, shape.Length, p, out varid), "nc_def_var", $"'{variable}'");
            if (dtype == DType.Bool)
            {
                var text = "bool"u8;
                fixed (byte* t = text) Check(nc_put_att_text(ncid, varid, DTypeAttribute, (nuint)text.Length, t), "nc_put_att_text", variable);
            }
            Check(nc_enddef(ncid), "nc_enddef", file);
        }
    }

    private static void WriteBox(string file, string variable, WriteRegion region, nint source)
    {
        lock (NativeIoLock.Gate)
        {
            Check(nc_open(file, NC_WRITE, out int ncid), "nc_open", file);
            using var handle = new NetCdfFileHandle(ncid);
            Check(nc_inq_varid(ncid, variable, out int varid), "nc_inq_varid", variable);
            var start = region.Start.Select(v => (nuint)v).ToArray();
            var count = region.Count.Select(v => (nuint)v).ToArray();
            fixed (nuint* ps = start, pc = count) Check(nc_put_vara(ncid, varid, ps, pc, (void*)source), "nc_put_vara", $"'{variable}' in '{file}'");
        }
    }
}
