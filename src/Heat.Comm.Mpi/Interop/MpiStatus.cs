// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Comm.Mpi.Interop;

/// <summary>MPICH's <c>MPI_Status</c> (five ints; the count is read with <c>MPI_Get_count_c</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MpiStatus
{
    public int CountLo;
    public int CountHiAndCancelled;
    public int Source;
    public int Tag;
    public int Error;
}
