// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Comm.Mpi.Interop;

/// <summary>
/// MPICH's C API, as declared in <c>mpi_proto.h</c>. Handles are ints; counts and displacements use the MPI-4
/// large-count (<c>_c</c>) entry points, whose <c>MPI_Count</c> and <c>MPI_Aint</c> are 64-bit on x86-64 Linux.
/// The library name is resolved by <see cref="MpiLibrary"/>.
/// </summary>
internal static unsafe partial class MpiNative
{
    internal const string Lib = "heat-mpich";

    // ------------------------------------------------------------ environment
    [LibraryImport(Lib)] internal static partial int MPI_Get_library_version(byte* version, int* resultlen);
    [LibraryImport(Lib)] internal static partial int MPI_Init_thread(int* argc, nint* argv, int required, int* provided);
    [LibraryImport(Lib)] internal static partial int MPI_Initialized(int* flag);
    [LibraryImport(Lib)] internal static partial int MPI_Finalized(int* flag);
    [LibraryImport(Lib)] internal static partial int MPI_Finalize();
    [LibraryImport(Lib)] internal static partial int MPI_Abort(int comm, int errorcode);
    [LibraryImport(Lib)] internal static partial int MPI_Error_string(int errorcode, byte* text, int* resultlen);

    // ------------------------------------------------------------ communicators
    [LibraryImport(Lib)] internal static partial int MPI_Comm_rank(int comm, int* rank);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_size(int comm, int* size);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_dup(int comm, int* newcomm);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_split(int comm, int color, int key, int* newcomm);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_split_type(int comm, int splitType, int key, int info, int* newcomm);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_free(int* comm);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_set_errhandler(int comm, int errhandler);

    // ------------------------------------------------------------ datatypes and operations
    [LibraryImport(Lib)] internal static partial int MPI_Type_contiguous_c(long count, int oldtype, int* newtype);
    [LibraryImport(Lib)] internal static partial int MPI_Type_create_hvector_c(long count, long blocklength, long stride, int oldtype, int* newtype);
    [LibraryImport(Lib)] internal static partial int MPI_Type_commit(int* datatype);
    [LibraryImport(Lib)] internal static partial int MPI_Type_free(int* datatype);
    [LibraryImport(Lib)] internal static partial int MPI_Op_create_c(delegate* unmanaged<nint, nint, long*, int*, void> function, int commute, int* op);

    // ------------------------------------------------------------ point-to-point
    [LibraryImport(Lib)] internal static partial int MPI_Send_c(void* buf, long count, int datatype, int dest, int tag, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Recv_c(void* buf, long count, int datatype, int source, int tag, int comm, MpiStatus* status);
    [LibraryImport(Lib)] internal static partial int MPI_Sendrecv_c(void* sendbuf, long sendcount, int sendtype, int dest, int sendtag,
        void* recvbuf, long recvcount, int recvtype, int source, int recvtag, int comm, MpiStatus* status);
    [LibraryImport(Lib)] internal static partial int MPI_Isend_c(void* buf, long count, int datatype, int dest, int tag, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Irecv_c(void* buf, long count, int datatype, int source, int tag, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Wait(int* request, MpiStatus* status);
    [LibraryImport(Lib)] internal static partial int MPI_Test(int* request, int* flag, MpiStatus* status);
    [LibraryImport(Lib)] internal static partial int MPI_Get_count_c(MpiStatus* status, int datatype, long* count);

    // ------------------------------------------------------------ blocking collectives
    [LibraryImport(Lib)] internal static partial int MPI_Barrier(int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Bcast_c(void* buffer, long count, int datatype, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Reduce_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Allreduce_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Gather_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Gatherv_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long* recvcounts, long* displs, int recvtype, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Allgather_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Allgatherv_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long* recvcounts, long* displs, int recvtype, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Scatter_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Scatterv_c(void* sendbuf, long* sendcounts, long* displs, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Alltoall_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Alltoallw_c(void* sendbuf, long* sendcounts, long* sdispls, int* sendtypes, void* recvbuf, long* recvcounts, long* rdispls, int* recvtypes, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Alltoallv_c(void* sendbuf, long* sendcounts, long* sdispls, int sendtype, void* recvbuf, long* recvcounts, long* rdispls, int recvtype, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Scan_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm);
    [LibraryImport(Lib)] internal static partial int MPI_Exscan_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm);

    // ------------------------------------------------------------ non-blocking collectives (the polling mode)
    [LibraryImport(Lib)] internal static partial int MPI_Ibarrier(int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Ibcast_c(void* buffer, long count, int datatype, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Ireduce_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iallreduce_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Igather_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Igatherv_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long* recvcounts, long* displs, int recvtype, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iallgather_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iallgatherv_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long* recvcounts, long* displs, int recvtype, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iscatter_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iscatterv_c(void* sendbuf, long* sendcounts, long* displs, int sendtype, void* recvbuf, long recvcount, int recvtype, int root, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Ialltoall_c(void* sendbuf, long sendcount, int sendtype, void* recvbuf, long recvcount, int recvtype, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Ialltoallw_c(void* sendbuf, long* sendcounts, long* sdispls, int* sendtypes, void* recvbuf, long* recvcounts, long* rdispls, int* recvtypes, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Ialltoallv_c(void* sendbuf, long* sendcounts, long* sdispls, int sendtype, void* recvbuf, long* recvcounts, long* rdispls, int recvtype, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iscan_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Iexscan_c(void* sendbuf, void* recvbuf, long count, int datatype, int op, int comm, int* request);
    [LibraryImport(Lib)] internal static partial int MPI_Comm_idup(int comm, int* newcomm, int* request);
}
