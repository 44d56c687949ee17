// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

// Attributes (H5A), scalar dataspaces and string character sets, for Hdf5Attributes.
internal static unsafe partial class Hdf5Native
{
    public const int H5S_SCALAR = 0, H5T_CSET_UTF8 = 1, H5_INDEX_NAME = 0, H5_ITER_INC = 0;

    [LibraryImport(Lib)] internal static partial long H5Screate(int type);
    [LibraryImport(Lib)] internal static partial long H5Sget_simple_extent_npoints(long space);
    [LibraryImport(Lib)] internal static partial int H5Tset_cset(long type, int cset);
    [LibraryImport(Lib)] internal static partial int H5Tis_variable_str(long type);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long H5Acreate2(long loc, string name, long type, long space, long acpl, long aapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int H5Aexists(long obj, string name);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int H5Adelete(long loc, string name);
    [LibraryImport(Lib)]
    internal static partial long H5Aopen_by_idx(long loc, byte* objName, int idxType, int order, ulong n, long aapl,
        long lapl);
    [LibraryImport(Lib)] internal static partial nint H5Aget_name(long attr, nuint size, byte* name);
    [LibraryImport(Lib)] internal static partial long H5Aget_type(long attr);
    [LibraryImport(Lib)] internal static partial long H5Aget_space(long attr);
    [LibraryImport(Lib)] internal static partial int H5Awrite(long attr, long memType, void* buffer);
    [LibraryImport(Lib)] internal static partial int H5Aread(long attr, long memType, void* buffer);
    [LibraryImport(Lib)] internal static partial int H5Aclose(long attr);
}

/// <summary>An open HDF5 attribute.</summary>
internal sealed class Hdf5AttributeHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Aclose(id);
}
