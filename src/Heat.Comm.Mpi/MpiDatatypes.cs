// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

using static MpiConstants;

/// <summary>
/// The MPI datatype of an element type: MPICH's predefined type for the numeric types (Complex64 =
/// <c>MPI_C_FLOAT_COMPLEX</c>, Complex = <c>MPI_C_DOUBLE_COMPLEX</c>, bool = <c>MPI_C_BOOL</c>), otherwise a committed
/// contiguous run of <c>sizeof(T)</c> bytes, created once per type.
/// </summary>
internal static unsafe class MpiDatatypes
{
    /// <summary>The predefined datatype of <typeparamref name="T"/>, or 0 when there is none.</summary>
    public static int Predefined<T>() where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(bool)) return MPI_C_BOOL;
        if (t == typeof(byte)) return MPI_UINT8_T;
        if (t == typeof(sbyte)) return MPI_INT8_T;
        if (t == typeof(short)) return MPI_INT16_T;
        if (t == typeof(ushort) || t == typeof(char)) return MPI_UINT16_T;
        // float16: MPI has no half type; moved as 16-bit words (Core reduces float16 in float32, never through MPI).
        if (t == typeof(Half)) return MPI_UINT16_T;
        if (t == typeof(int)) return MPI_INT32_T;
        if (t == typeof(uint)) return MPI_UINT32_T;
        if (t == typeof(long)) return MPI_INT64_T;
        if (t == typeof(ulong)) return MPI_UINT64_T;
        if (t == typeof(float)) return MPI_FLOAT;
        if (t == typeof(double)) return MPI_DOUBLE;
        if (t == typeof(Complex64)) return MPI_C_FLOAT_COMPLEX;
        if (t == typeof(Complex)) return MPI_C_DOUBLE_COMPLEX;
        return 0;
    }

    /// <summary>The datatype that moves elements of <typeparamref name="T"/>.</summary>
    public static int Of<T>() where T : unmanaged
    {
        int predefined = Predefined<T>();
        return predefined != 0 ? predefined : Bytes<T>.Handle;
    }

    /// <summary>A new committed datatype of <c>sizeof(T)</c> contiguous bytes; the caller frees it with
    /// <see cref="Free"/>.</summary>
    public static int CreateContiguous<T>() where T : unmanaged
    {
        int type;
        MpiEnvironment.Check(MpiNative.MPI_Type_contiguous_c(sizeof(T), MPI_BYTE, &type), "MPI_Type_contiguous_c");
        MpiEnvironment.Check(MpiNative.MPI_Type_commit(&type), "MPI_Type_commit");
        return type;
    }

    /// <summary>Frees a datatype made by <see cref="CreateContiguous{T}"/>, unless MPI is already down.</summary>
    public static void Free(int type)
    {
        if (MpiEnvironment.IsDown) return;
        _ = MpiNative.MPI_Type_free(&type);
    }

    private static class Bytes<T> where T : unmanaged
    {
        // Created on first use (always after MPI_Init) and kept for the life of the process.
        public static readonly int Handle = CreateContiguous<T>();
    }
}
