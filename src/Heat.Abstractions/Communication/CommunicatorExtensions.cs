// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Span and Memory conveniences over the native-buffer calls of <see cref="ICommunicator"/>.</summary>
public static unsafe class CommunicatorExtensions
{
    /// <summary>Sends a span.</summary>
    public static void Send<T>(this ICommunicator comm, ReadOnlySpan<T> send, int dest, int tag = 0) where T : unmanaged
    {
        fixed (T* p = send) comm.Send(new CommBuffer<T>(p, send.Length), dest, tag);
    }

    /// <summary>Receives into a span.</summary>
    public static CommStatus Recv<T>(this ICommunicator comm, Span<T> recv, int source, int tag = 0) where T : unmanaged
    {
        fixed (T* p = recv) return comm.Recv(new CommBuffer<T>(p, recv.Length), source, tag);
    }

    /// <summary>Sends and receives spans at once.</summary>
    public static CommStatus Sendrecv<T>(this ICommunicator comm, ReadOnlySpan<T> send, int dest, Span<T> recv, int source, int sendTag = 0, int recvTag = 0) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            return comm.Sendrecv(new CommBuffer<T>(s, send.Length), dest, sendTag, new CommBuffer<T>(r, recv.Length), source, recvTag);
    }

    /// <summary>Starts a send of pinned memory; the pin is released when the request completes.</summary>
    public static CommRequest Isend<T>(this ICommunicator comm, ReadOnlyMemory<T> send, int dest, int tag = 0) where T : unmanaged
    {
        var pin = send.Pin();
        try { return new PinningRequest(comm.Isend(new CommBuffer<T>((T*)pin.Pointer, send.Length), dest, tag), pin); }
        catch { pin.Dispose(); throw; }
    }

    /// <summary>Starts a receive into pinned memory; the pin is released when the request completes.</summary>
    public static CommRequest Irecv<T>(this ICommunicator comm, Memory<T> recv, int source, int tag = 0) where T : unmanaged
    {
        var pin = recv.Pin();
        try { return new PinningRequest(comm.Irecv(new CommBuffer<T>((T*)pin.Pointer, recv.Length), source, tag), pin); }
        catch { pin.Dispose(); throw; }
    }

    /// <summary>Broadcasts a span from root.</summary>
    public static void Bcast<T>(this ICommunicator comm, Span<T> buffer, int root) where T : unmanaged
    {
        fixed (T* p = buffer) comm.Bcast(new CommBuffer<T>(p, buffer.Length), root);
    }

    /// <summary>Broadcasts one value from root and returns it on every rank.</summary>
    public static T Bcast<T>(this ICommunicator comm, T value, int root) where T : unmanaged
    {
        comm.Bcast(new CommBuffer<T>(&value, 1), root);
        return value;
    }

    /// <summary>Reduces spans onto root.</summary>
    public static void Reduce<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReduceOp op, int root) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Reduce(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), op, root);
    }

    /// <summary>Reduces spans onto every rank.</summary>
    public static void Allreduce<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Allreduce(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), op);
    }

    /// <summary>Reduces a span in place onto every rank.</summary>
    public static void AllreduceInPlace<T>(this ICommunicator comm, Span<T> buffer, ReduceOp op) where T : unmanaged
    {
        fixed (T* p = buffer) comm.AllreduceInPlace(new CommBuffer<T>(p, buffer.Length), op);
    }

    /// <summary>Reduces one value onto every rank.</summary>
    public static T Allreduce<T>(this ICommunicator comm, T value, ReduceOp op) where T : unmanaged
    {
        comm.AllreduceInPlace(new CommBuffer<T>(&value, 1), op);
        return value;
    }

    /// <summary>Gathers spans onto root.</summary>
    public static void Gather<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, int root) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Gather(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), root);
    }

    /// <summary>Gathers spans of varying size onto root.</summary>
    public static void Gatherv<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls, int root) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Gatherv(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), recvCounts, recvDispls, root);
    }

    /// <summary>Gathers spans onto every rank.</summary>
    public static void Allgather<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Allgather(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length));
    }

    /// <summary>Gathers one value from every rank, in rank order.</summary>
    public static T[] Allgather<T>(this ICommunicator comm, T value) where T : unmanaged
    {
        var all = new T[comm.Size];
        fixed (T* r = all) comm.Allgather(new CommBuffer<T>(&value, 1), new CommBuffer<T>(r, all.Length));
        return all;
    }

    /// <summary>Gathers spans of varying size onto every rank.</summary>
    public static void Allgatherv<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Allgatherv(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), recvCounts, recvDispls);
    }

    /// <summary>Scatters equal blocks of root's span.</summary>
    public static void Scatter<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, int root) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Scatter(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), root);
    }

    /// <summary>Scatters blocks of varying size of root's span.</summary>
    public static void Scatterv<T>(this ICommunicator comm, ReadOnlySpan<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls, Span<T> recv, int root) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Scatterv(new CommBuffer<T>(s, send.Length), sendCounts, sendDispls, new CommBuffer<T>(r, recv.Length), root);
    }

    /// <summary>Exchanges equal blocks between all ranks.</summary>
    public static void Alltoall<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Alltoall(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length));
    }

    /// <summary>Exchanges blocks of varying size between all ranks.</summary>
    public static void Alltoallv<T>(this ICommunicator comm, ReadOnlySpan<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
                                    Span<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Alltoallv(new CommBuffer<T>(s, send.Length), sendCounts, sendDispls, new CommBuffer<T>(r, recv.Length), recvCounts, recvDispls);
    }

    /// <summary>Inclusive prefix reduction of spans.</summary>
    public static void Scan<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Scan(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), op);
    }

    /// <summary>Exclusive prefix reduction of spans (rank 0 gets the identity).</summary>
    public static void Exscan<T>(this ICommunicator comm, ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged
    {
        fixed (T* s = send) fixed (T* r = recv)
            comm.Exscan(new CommBuffer<T>(s, send.Length), new CommBuffer<T>(r, recv.Length), op);
    }

    /// <summary>Exclusive prefix reduction of one value (rank 0 gets the identity).</summary>
    public static T Exscan<T>(this ICommunicator comm, T value, ReduceOp op) where T : unmanaged
    {
        T result;
        comm.Exscan(new CommBuffer<T>(&value, 1), new CommBuffer<T>(&result, 1), op);
        return result;
    }
}
