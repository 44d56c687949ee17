// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>
/// P/Invoke into the C library of HDF5 (1.10 and later). <c>hid_t</c> is 64-bit, <c>hsize_t</c>/<c>haddr_t</c> are
/// 64-bit unsigned, <c>herr_t</c>/<c>htri_t</c> are <c>int</c> (negative on failure). Call only while holding
/// <see cref="NativeIoLock.Gate"/>, after <see cref="Hdf5Library.Ensure"/>.
/// </summary>
internal static unsafe partial class Hdf5Native
{
    private const string Lib = IoLibraryLoader.Hdf5;

    public const uint H5F_ACC_RDONLY = 0, H5F_ACC_RDWR = 1, H5F_ACC_TRUNC = 2, H5F_ACC_EXCL = 4;
    public const long H5P_DEFAULT = 0, H5S_ALL = 0, H5E_DEFAULT = 0;
    public const int H5S_SELECT_SET = 0;
    public const int H5T_INTEGER = 0, H5T_FLOAT = 1, H5T_STRING = 3, H5T_COMPOUND = 6, H5T_ENUM = 8;
    public const int H5T_SGN_NONE = 0;
    public const int H5T_ORDER_LE = 0, H5T_ORDER_BE = 1;
    public const int H5D_COMPACT = 0, H5D_CONTIGUOUS = 1, H5D_CHUNKED = 2, H5D_VIRTUAL = 3;
    public const int H5D_ALLOC_TIME_EARLY = 1, H5D_FILL_TIME_NEVER = 1;
    public const int H5L_TYPE_HARD = 0, H5L_TYPE_SOFT = 1, H5L_TYPE_EXTERNAL = 64;
    public const ulong HADDR_UNDEF = ulong.MaxValue;

    [LibraryImport(Lib)] internal static partial int H5open();
    [LibraryImport(Lib)] internal static partial int H5get_libversion(out uint major, out uint minor, out uint release);
    [LibraryImport(Lib)] internal static partial int H5Eset_auto2(long estack, nint func, nint clientData);
    [LibraryImport(Lib)] internal static partial int H5free_memory(void* buffer);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Fis_hdf5(string name);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Fopen(string name, uint flags, long fapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Fcreate(string name, uint flags, long fcpl, long fapl);
    [LibraryImport(Lib)] internal static partial int H5Fclose(long file);
    [LibraryImport(Lib)] internal static partial int H5Fflush(long obj, int scope);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lexists(long loc, string name, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int H5Lcreate_external(string fileName, string objectName, long loc, string linkName, long lcpl, long lapl);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Dopen2(long loc, string name, long dapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long H5Dcreate2(long loc, string name, long type, long space, long lcpl, long dcpl, long dapl);
    [LibraryImport(Lib)] internal static partial long H5Dget_space(long dataset);
    [LibraryImport(Lib)] internal static partial long H5Dget_type(long dataset);
    [LibraryImport(Lib)] internal static partial long H5Dget_create_plist(long dataset);
    [LibraryImport(Lib)] internal static partial ulong H5Dget_offset(long dataset);
    [LibraryImport(Lib)] internal static partial int H5Dread(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer);
    [LibraryImport(Lib)] internal static partial int H5Dwrite(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer);
    [LibraryImport(Lib)] internal static partial int H5Dclose(long dataset);

    [LibraryImport(Lib)] internal static partial long H5Screate_simple(int rank, ulong* dims, ulong* maxDims);
    [LibraryImport(Lib)] internal static partial int H5Sget_simple_extent_ndims(long space);
    [LibraryImport(Lib)] internal static partial int H5Sget_simple_extent_dims(long space, ulong* dims, ulong* maxDims);
    [LibraryImport(Lib)] internal static partial int H5Sselect_hyperslab(long space, int op, ulong* start, ulong* stride, ulong* count, ulong* block);
    [LibraryImport(Lib)] internal static partial int H5Sclose(long space);

    [LibraryImport(Lib)] internal static partial int H5Tget_class(long type);
    [LibraryImport(Lib)] internal static partial nuint H5Tget_size(long type);
    [LibraryImport(Lib)] internal static partial int H5Tget_sign(long type);
    [LibraryImport(Lib)] internal static partial int H5Tget_order(long type);
    [LibraryImport(Lib)] internal static partial int H5Tequal(long a, long b);
    [LibraryImport(Lib)] internal static partial long H5Tcopy(long type);
    [LibraryImport(Lib)]
    internal static partial int H5Tset_fields(long type, nuint spos, nuint epos, nuint esize, nuint mpos, nuint msize);
    [LibraryImport(Lib)] internal static partial int H5Tset_ebias(long type, nuint ebias);
    [LibraryImport(Lib)] internal static partial long H5Tcreate(int typeClass, nuint size);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Tinsert(long type, string name, nuint offset, long field);
    [LibraryImport(Lib)] internal static partial long H5Tenum_create(long baseType);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Tenum_insert(long type, string name, void* value);
    [LibraryImport(Lib)] internal static partial int H5Tget_nmembers(long type);
    [LibraryImport(Lib)] internal static partial byte* H5Tget_member_name(long type, uint index);
    [LibraryImport(Lib)] internal static partial long H5Tget_member_type(long type, uint index);
    [LibraryImport(Lib)] internal static partial nuint H5Tget_member_offset(long type, uint index);
    [LibraryImport(Lib)] internal static partial long H5Tget_super(long type);
    [LibraryImport(Lib)] internal static partial int H5Tset_size(long type, nuint size);
    [LibraryImport(Lib)] internal static partial int H5Tclose(long type);

    [LibraryImport(Lib)] internal static partial long H5Pcreate(long propertyClass);
    [LibraryImport(Lib)] internal static partial int H5Pclose(long plist);
    [LibraryImport(Lib)] internal static partial int H5Pget_layout(long dcpl);
    [LibraryImport(Lib)] internal static partial int H5Pset_layout(long dcpl, int layout);
    [LibraryImport(Lib)] internal static partial int H5Pget_external_count(long dcpl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Pset_external(long dcpl, string name, long offset, ulong size);
    [LibraryImport(Lib)] internal static partial int H5Pset_alloc_time(long dcpl, int allocTime);
    [LibraryImport(Lib)] internal static partial int H5Pset_fill_time(long dcpl, int fillTime);
    [LibraryImport(Lib)] internal static partial int H5Pset_chunk(long dcpl, int rank, ulong* dims);
    [LibraryImport(Lib)] internal static partial int H5Pset_deflate(long dcpl, uint level);
    [LibraryImport(Lib)] internal static partial int H5Pset_create_intermediate_group(long lcpl, uint create);
}
