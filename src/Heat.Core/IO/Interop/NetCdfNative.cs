// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>
/// P/Invoke into netCDF-C (4.x). Every function returns <c>NC_NOERR</c> (0) or a negative error code that
/// <see cref="Check"/> turns into an exception. Call only while holding <see cref="NativeIoLock.Gate"/>.
/// </summary>
internal static unsafe partial class NetCdfNative
{
    private const string Lib = IoLibraryLoader.NetCdf;

    public const int NC_NOWRITE = 0, NC_WRITE = 1, NC_CLOBBER = 0, NC_NOCLOBBER = 4, NC_NETCDF4 = 0x1000;
    public const int NC_GLOBAL = -1;
    public const int NC_BYTE = 1, NC_CHAR = 2, NC_SHORT = 3, NC_INT = 4, NC_FLOAT = 5, NC_DOUBLE = 6, NC_UBYTE = 7,
        NC_USHORT = 8, NC_UINT = 9, NC_INT64 = 10, NC_UINT64 = 11, NC_STRING = 12;
    public const int NC_ENOTVAR = -49, NC_ENOTATT = -43, NC_ENOTNC = -51, NC_EHDFERR = -101, NC_ENAMEINUSE = -42;

    static NetCdfNative() => IoLibraryLoader.Load(IoLibraryLoader.NetCdf);

    [LibraryImport(Lib)] internal static partial byte* nc_inq_libvers();
    [LibraryImport(Lib)] internal static partial byte* nc_strerror(int status);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_open(string path, int mode, out int ncid);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_create(string path, int mode, out int ncid);
    [LibraryImport(Lib)] internal static partial int nc_close(int ncid);
    [LibraryImport(Lib)] internal static partial int nc_redef(int ncid);
    [LibraryImport(Lib)] internal static partial int nc_enddef(int ncid);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_inq_varid(int ncid, string name, out int varid);
    [LibraryImport(Lib)] internal static partial int nc_inq_varndims(int ncid, int varid, out int ndims);
    [LibraryImport(Lib)] internal static partial int nc_inq_vardimid(int ncid, int varid, int* dimids);
    [LibraryImport(Lib)] internal static partial int nc_inq_vartype(int ncid, int varid, out int type);
    [LibraryImport(Lib)] internal static partial int nc_inq_dimlen(int ncid, int dimid, out nuint length);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_def_dim(int ncid, string name, nuint length, out int dimid);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_def_var(int ncid, string name, int type, int ndims, int* dimids, out int varid);
    [LibraryImport(Lib)] internal static partial int nc_get_vara(int ncid, int varid, nuint* start, nuint* count, void* values);
    [LibraryImport(Lib)] internal static partial int nc_put_vara(int ncid, int varid, nuint* start, nuint* count, void* values);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_put_att_text(int ncid, int varid, string name, nuint length, byte* text);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_inq_att(int ncid, int varid, string name, out int type, out nuint length);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int nc_get_att_text(int ncid, int varid, string name, byte* text);

    /// <summary>The library's message for a status.</summary>
    public static string Message(int status) => Marshal.PtrToStringUTF8((nint)nc_strerror(status)) ?? $"error {status}";

    /// <summary>Throws an <see cref="IOException"/> for a failing status.</summary>
    public static void Check(int status, string call, string what)
    {
        if (status != 0) throw new IOException($"netCDF: {call} failed for {what}: {Message(status)} ({status}).");
    }
}

/// <summary>An open netCDF dataset (<c>ncid</c>); releasing it takes the I/O lock and calls <c>nc_close</c>.</summary>
internal sealed class NetCdfFileHandle : SafeHandle
{
    public NetCdfFileHandle(int ncid) : base(-1, ownsHandle: true) => SetHandle(ncid);

    /// <inheritdoc/>
    public override bool IsInvalid => handle == -1;

    /// <summary>The <c>ncid</c>.</summary>
    public int Id => (int)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        lock (NativeIoLock.Gate) return NetCdfNative.nc_close((int)handle) == 0;
    }
}
