// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>
/// HDF5 after <c>H5open()</c>: the library's exported type and property-class ids (read from the globals such as
/// <c>H5T_NATIVE_FLOAT_g</c>, never hard-coded), the version, and small checked helpers. Every member must be used
/// while holding <see cref="NativeIoLock.Gate"/>.
/// </summary>
internal static unsafe class Hdf5Library
{
    private static bool _ready;
    private static delegate* unmanaged<long, byte*, void*, long, int> _getLinkInfo;

    public static long NativeInt8, NativeUInt8, NativeInt16, NativeInt32, NativeInt64, NativeFloat32, NativeFloat64, CString;
    public static long IeeeF32Le;
    public static long DatasetCreateClass, LinkCreateClass;
    public static string Version { get; private set; } = "";

    /// <summary>Loads and initialises the library once (turns off HDF5's own error printing; errors become exceptions
    /// here).</summary>
    /// <exception cref="DllNotFoundException">HDF5 is not installed.</exception>
    public static void Ensure()
    {
        lock (NativeIoLock.Gate)
        {
            if (_ready) return;
            var lib = IoLibraryLoader.Load(IoLibraryLoader.Hdf5);
            if (Hdf5Native.H5open() < 0) throw new IOException("HDF5: H5open() failed.");
            _ = Hdf5Native.H5Eset_auto2(Hdf5Native.H5E_DEFAULT, 0, 0); // silencing HDF5's printer is best effort
            Hdf5Native.H5get_libversion(out var major, out var minor, out var release);
            Version = $"{major}.{minor}.{release}";
            NativeInt8 = Global(lib, "H5T_NATIVE_SCHAR_g");
            NativeUInt8 = Global(lib, "H5T_NATIVE_UCHAR_g");
            NativeInt16 = Global(lib, "H5T_NATIVE_SHORT_g");
            NativeInt32 = Global(lib, "H5T_NATIVE_INT_g");
            NativeInt64 = Global(lib, "H5T_NATIVE_LLONG_g");
            NativeFloat32 = Global(lib, "H5T_NATIVE_FLOAT_g");
            NativeFloat64 = Global(lib, "H5T_NATIVE_DOUBLE_g");
            IeeeF32Le = Global(lib, "H5T_IEEE_F32LE_g");
            CString = Global(lib, "H5T_C_S1_g");
            DatasetCreateClass = Global(lib, "H5P_CLS_DATASET_CREATE_ID_g");
            LinkCreateClass = Global(lib, "H5P_CLS_LINK_CREATE_ID_g");
            // 1.12+ renamed the function (the old name became a macro); both put the link type first.
            var getInfo = NativeLibrary.TryGetExport(lib, "H5Lget_info2", out var f2) ? f2 : NativeLibrary.GetExport(lib, "H5Lget_info");
            _getLinkInfo = (delegate* unmanaged<long, byte*, void*, long, int>)getInfo;
            _ready = true;
        }
    }

    private static long Global(nint lib, string name) => *(long*)NativeLibrary.GetExport(lib, name);

    /// <summary>The link type (<see cref="Hdf5Native.H5L_TYPE_HARD"/>, soft, external) of <paramref name="name"/> under
    /// <paramref name="loc"/>.</summary>
    public static int LinkType(long loc, string name)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        var info = stackalloc byte[256];
        fixed (byte* p = utf8)
            if (_getLinkInfo(loc, p, info, Hdf5Native.H5P_DEFAULT) < 0) return -1;
        return *(int*)info;
    }

    /// <summary>Throws an <see cref="IOException"/> naming the call when an HDF5 status is negative.</summary>
    public static long Check(long status, string call, string what)
    {
        if (status < 0) throw new IOException($"HDF5: {call} failed for {what}.");
        return status;
    }

    /// <summary>The member name of a compound or enum type.</summary>
    public static string MemberName(long type, uint index)
    {
        var p = Hdf5Native.H5Tget_member_name(type, index);
        if (p == null) return "";
        try { return Marshal.PtrToStringUTF8((nint)p) ?? ""; }
        finally { _ = Hdf5Native.H5free_memory(p); }
    }

    /// <summary>The in-memory type of a Heat dtype; the caller disposes the handle. Bool is h5py's enum {FALSE, TRUE}
    /// over int8, complex h5py's compound {r, i}.</summary>
    public static Hdf5TypeHandle MemoryType(DType dtype)
    {
        switch (dtype.Code)
        {
            case DTypeCode.Bool:
            {
                var t = new Hdf5TypeHandle(Check(Hdf5Native.H5Tenum_create(NativeInt8), "H5Tenum_create", "bool"));
                sbyte no = 0, yes = 1;
                Hdf5Native.H5Tenum_insert(t.Id, "FALSE", &no);
                Hdf5Native.H5Tenum_insert(t.Id, "TRUE", &yes);
                return t;
            }
            case DTypeCode.Complex64 or DTypeCode.Complex128:
            {
                int half = dtype.ItemSize / 2;
                long part = half == 4 ? NativeFloat32 : NativeFloat64;
                var t = new Hdf5TypeHandle(Check(Hdf5Native.H5Tcreate(H5TCompound, (nuint)dtype.ItemSize), "H5Tcreate", dtype.Name));
                Hdf5Native.H5Tinsert(t.Id, "r", 0, part);
                Hdf5Native.H5Tinsert(t.Id, "i", (nuint)half, part);
                return t;
            }
            case DTypeCode.Float16:
            {
                // HDF5 before 1.14.4 has no half type: IEEE binary16 built as h5py builds it (sign 15, exponent
                // 10..14 with bias 15, mantissa 0..9), so h5py reads these files as float16 and vice versa.
                var t = new Hdf5TypeHandle(Check(Hdf5Native.H5Tcopy(IeeeF32Le), "H5Tcopy", dtype.Name));
                Check(Hdf5Native.H5Tset_fields(t.Id, 15, 10, 5, 0, 10), "H5Tset_fields", dtype.Name);
                Check(Hdf5Native.H5Tset_size(t.Id, 2), "H5Tset_size", dtype.Name);
                Check(Hdf5Native.H5Tset_ebias(t.Id, 15), "H5Tset_ebias", dtype.Name);
                return t;
            }
            default:
                long native = dtype.Code switch
                {
                    DTypeCode.UInt8 => NativeUInt8,
                    DTypeCode.Int8 => NativeInt8,
                    DTypeCode.Int16 => NativeInt16,
                    DTypeCode.Int32 => NativeInt32,
                    DTypeCode.Int64 => NativeInt64,
                    DTypeCode.Float32 => NativeFloat32,
                    _ => NativeFloat64,
                };
                return new Hdf5TypeHandle(Check(Hdf5Native.H5Tcopy(native), "H5Tcopy", dtype.Name));
        }
    }

    private const int H5TCompound = Hdf5Native.H5T_COMPOUND;

    /// <summary>The Heat dtype of a file datatype, or null when Heat has no such type (strings, unsigned 16-64 bit,
    /// other compounds).</summary>
    public static DType? DTypeOf(long type)
    {
        int cls = Hdf5Native.H5Tget_class(type);
        long size = (long)Hdf5Native.H5Tget_size(type);
        switch (cls)
        {
            case Hdf5Native.H5T_INTEGER:
                bool unsigned = Hdf5Native.H5Tget_sign(type) == Hdf5Native.H5T_SGN_NONE;
                return (size, unsigned) switch
                {
                    (1, true) => DType.UInt8,
                    (1, false) => DType.Int8,
                    (2, false) => DType.Int16,
                    (4, false) => DType.Int32,
                    (8, false) => DType.Int64,
                    _ => null,
                };
            case Hdf5Native.H5T_FLOAT:
                return size switch { 2 => DType.Float16, 4 => DType.Float32, 8 => DType.Float64, _ => null };
            case Hdf5Native.H5T_ENUM:
                if (Hdf5Native.H5Tget_nmembers(type) == 2 && MemberName(type, 0) == "FALSE" && MemberName(type, 1) == "TRUE") return DType.Bool;
                return null;
            case Hdf5Native.H5T_COMPOUND:
                if (Hdf5Native.H5Tget_nmembers(type) != 2 || MemberName(type, 0) != "r" || MemberName(type, 1) != "i") return null;
                using (var r = new Hdf5TypeHandle(Hdf5Native.H5Tget_member_type(type, 0)))
                using (var i = new Hdf5TypeHandle(Hdf5Native.H5Tget_member_type(type, 1)))
                {
                    if (Hdf5Native.H5Tget_class(r.Id) != Hdf5Native.H5T_FLOAT || Hdf5Native.H5Tequal(r.Id, i.Id) <= 0) return null;
                    long part = (long)Hdf5Native.H5Tget_size(r.Id);
                    if (Hdf5Native.H5Tget_member_offset(type, 1) != (nuint)part || size != 2 * part) return null;
                    return part switch { 4 => DType.Complex64, 8 => DType.Complex128, _ => null };
                }
            default:
                return null;
        }
    }

    /// <summary>A readable name of an HDF5 type class for messages.</summary>
    public static string ClassName(long type) => Hdf5Native.H5Tget_class(type) switch
    {
        Hdf5Native.H5T_INTEGER => $"{(Hdf5Native.H5Tget_sign(type) == Hdf5Native.H5T_SGN_NONE ? "unsigned " : "")}{8 * (long)Hdf5Native.H5Tget_size(type)}-bit integer",
        Hdf5Native.H5T_FLOAT => $"{8 * (long)Hdf5Native.H5Tget_size(type)}-bit float",
        Hdf5Native.H5T_STRING => "string",
        Hdf5Native.H5T_COMPOUND => "compound",
        Hdf5Native.H5T_ENUM => "enum",
        var c => $"class {c}",
    };
}
