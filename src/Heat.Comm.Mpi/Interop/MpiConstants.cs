// SPDX-License-Identifier: MIT
namespace Heat.Comm.Mpi.Interop;

/// <summary>
/// MPICH's handle values and constants, copied from its <c>mpi.h</c> (MPICH 4.0, Debian
/// <c>/usr/include/x86_64-linux-gnu/mpich/mpi.h</c>). MPICH handles are plain ints and stable across its ABI
/// (<c>libmpich.so.12</c>); Open MPI's are pointers, which is why the library is checked at start-up.
/// </summary>
internal static class MpiConstants
{
    public const int MPI_SUCCESS = 0;

    public const int MPI_COMM_WORLD = 0x44000000;
    public const int MPI_COMM_SELF = 0x44000001;
    public const int MPI_COMM_NULL = 0x04000000;
    public const int MPI_OP_NULL = 0x18000000;
    public const int MPI_DATATYPE_NULL = 0x0c000000;
    public const int MPI_REQUEST_NULL = 0x2c000000;
    public const int MPI_INFO_NULL = 0x1c000000;

    public const int MPI_BYTE = 0x4c00010d;
    public const int MPI_FLOAT = 0x4c00040a;
    public const int MPI_DOUBLE = 0x4c00080b;
    public const int MPI_INT8_T = 0x4c000137;
    public const int MPI_INT16_T = 0x4c000238;
    public const int MPI_INT32_T = 0x4c000439;
    public const int MPI_INT64_T = 0x4c00083a;
    public const int MPI_UINT8_T = 0x4c00013b;
    public const int MPI_UINT16_T = 0x4c00023c;
    public const int MPI_UINT32_T = 0x4c00043d;
    public const int MPI_UINT64_T = 0x4c00083e;
    public const int MPI_C_BOOL = 0x4c00013f;
    public const int MPI_C_FLOAT_COMPLEX = 0x4c000840;
    public const int MPI_C_DOUBLE_COMPLEX = 0x4c001041;

    public const int MPI_MAX = 0x58000001;
    public const int MPI_MIN = 0x58000002;
    public const int MPI_SUM = 0x58000003;
    public const int MPI_PROD = 0x58000004;
    public const int MPI_LAND = 0x58000005;
    public const int MPI_BAND = 0x58000006;
    public const int MPI_LOR = 0x58000007;
    public const int MPI_BOR = 0x58000008;
    public const int MPI_LXOR = 0x58000009;
    public const int MPI_BXOR = 0x5800000a;

    public const int MPI_ERRORS_ARE_FATAL = 0x54000000;
    public const int MPI_ERRORS_RETURN = 0x54000001;

    public const int MPI_UNDEFINED = -32766;
    public const int MPI_ANY_SOURCE = -2;
    public const int MPI_ANY_TAG = -1;
    public const int MPI_COMM_TYPE_SHARED = 1;
    public const int MPI_THREAD_MULTIPLE = 3;
    public const int MPI_MAX_ERROR_STRING = 512;
    public const int MPI_MAX_LIBRARY_VERSION_STRING = 8192;

    /// <summary><c>MPI_IN_PLACE</c> is <c>(void*)-1</c> in MPICH.</summary>
    public static readonly nint MPI_IN_PLACE = -1;
}
