// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>Point-to-point and broadcast of whole local tensors (device memory staged by
/// <see cref="Collectives.Stage"/>).</summary>
internal static class Transfer
{
    public const int Tag = 7301;

    public static void Send(ICommunicator comm, LocalTensor t, int dest)
    {
        using var s = Collectives.Stage(comm, t, send: true, receive: false);
        comm.Send(s.Buffer, dest, Tag);
    }

    public static void Recv(ICommunicator comm, LocalTensor t, int source)
    {
        using var s = Collectives.Stage(comm, t, send: false, receive: true);
        comm.Recv(s.Buffer, source, Tag);
    }

    public static void Bcast(ICommunicator comm, LocalTensor t, int root)
    {
        using var s = Collectives.Stage(comm, t, send: comm.Rank == root, receive: comm.Rank != root);
        comm.Bcast(s.Buffer, root);
    }
}
