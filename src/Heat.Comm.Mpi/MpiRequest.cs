// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

/// <summary>A pending <c>MPI_Isend_c</c> or <c>MPI_Irecv_c</c>. The caller keeps the buffer pinned until it completes (the Memory overloads do).</summary>
internal sealed unsafe class MpiRequest(MpiCommunicator comm, int handle, int datatype, string call, CommStatus? sendStatus) : CommRequest
{
    private readonly object _gate = new();
    private int _handle = handle;
    private CommStatus? _status;

    public override bool Test()
    {
        lock (_gate)
        {
            if (_status is not null) return true;
            int flag;
            MpiStatus status;
            fixed (int* h = &_handle)
            {
                int rc = MpiNative.MPI_Test(h, &flag, &status);
                if (rc != MpiConstants.MPI_SUCCESS)
                    throw new CommunicationException($"MPI_Test ({call}) failed on rank {comm.Rank}: {MpiEnvironment.ErrorString(rc)} (MPI error {rc}).");
            }
            if (flag == 0) return false;
            _status = sendStatus ?? comm.StatusOf(&status, datatype);
            return true;
        }
    }

    public override CommStatus Wait()
    {
        lock (_gate)
        {
            if (_status is { } done) return done;
            MpiStatus status;
            fixed (int* h = &_handle) comm.Complete(h, &status, call);
            _status = sendStatus ?? comm.StatusOf(&status, datatype);
            return _status.Value;
        }
    }
}
