// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// MPI-style buffer communication between the ranks of one group (mpi4py's upper-case register): typed buffers of
/// unmanaged elements, caller-provided receive buffers, 64-bit counts and displacements, no serialisation.
/// Every collective must be called by all ranks of the communicator in the same order.
/// </summary>
/// <remarks>
/// The primary overloads take <see cref="CommBuffer{T}"/>; <see cref="CommunicatorExtensions"/> adds Span and Memory
/// conveniences. Counts and displacements of the v-variants are in elements. Exscan leaves rank 0's result set to the
/// operation's identity (MPI leaves it undefined).
/// </remarks>
public interface ICommunicator : IDisposable
{
    /// <summary>This rank's index in the group, 0..Size-1.</summary>
    int Rank { get; }
    /// <summary>Number of ranks in the group.</summary>
    int Size { get; }
    /// <summary>The implementation: <c>self</c>, <c>inproc</c> or <c>mpi</c>.</summary>
    string Kind { get; }
    /// <summary>True when device (GPU) buffers may be passed directly.</summary>
    bool IsGpuAware { get; }

    /// <summary>Blocks until every rank has called it.</summary>
    void Barrier();

    /// <summary>Sends <paramref name="send"/> to <paramref name="dest"/>.</summary>
    void Send<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged;
    /// <summary>Receives into <paramref name="recv"/> (at most its count) from <paramref name="source"/> (or <see cref="Comm.AnySource"/>).</summary>
    CommStatus Recv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged;
    /// <summary>Sends and receives at once (deadlock-free exchange).</summary>
    CommStatus Sendrecv<T>(CommBuffer<T> send, int dest, int sendTag, CommBuffer<T> recv, int source, int recvTag) where T : unmanaged;
    /// <summary>Starts a send; the buffer must stay valid until the request completes.</summary>
    CommRequest Isend<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged;
    /// <summary>Starts a receive; the buffer must stay valid until the request completes.</summary>
    CommRequest Irecv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged;

    /// <summary>Copies root's buffer to every rank.</summary>
    void Bcast<T>(CommBuffer<T> buffer, int root) where T : unmanaged;
    /// <summary>Reduces element-wise onto root (<paramref name="recv"/> is ignored elsewhere).</summary>
    void Reduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, int root) where T : unmanaged;
    /// <summary>Reduces element-wise onto every rank.</summary>
    void Allreduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged;
    /// <summary>Reduces element-wise onto every rank, in place.</summary>
    void AllreduceInPlace<T>(CommBuffer<T> buffer, ReduceOp op) where T : unmanaged;
    /// <summary>Gathers equal-sized blocks in rank order onto root.</summary>
    void Gather<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged;
    /// <summary>Gathers blocks of varying size onto root at the given displacements.</summary>
    void Gatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls, int root) where T : unmanaged;
    /// <summary>Gathers equal-sized blocks in rank order onto every rank.</summary>
    void Allgather<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged;
    /// <summary>Gathers blocks of varying size onto every rank.</summary>
    void Allgatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged;
    /// <summary>Scatters equal-sized blocks of root's buffer, one per rank.</summary>
    void Scatter<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged;
    /// <summary>Scatters blocks of varying size from root.</summary>
    void Scatterv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls, CommBuffer<T> recv, int root) where T : unmanaged;
    /// <summary>Every rank sends an equal-sized block to every rank.</summary>
    void Alltoall<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged;
    /// <summary>Every rank sends a block of its own size to every rank.</summary>
    void Alltoallv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
                      CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged;
    /// <summary>
    /// Every rank sends box <c>r</c> of <paramref name="send"/> to rank <c>r</c>, which receives it into its box for this
    /// rank in <paramref name="recv"/> (MPI_Alltoallw with subarray types): strided layouts on both sides with no packing
    /// where the implementation can read peers' memory. Paired boxes have the same counts and item size.
    /// The default packs, calls <see cref="Alltoallv{T}"/> and unpacks.
    /// </summary>
    void Alltoallw(CommBuffer<byte> send, ReadOnlySpan<ByteBox> sendBoxes, CommBuffer<byte> recv, ReadOnlySpan<ByteBox> recvBoxes) =>
        BoxExchange.ByPacking(this, send, sendBoxes, recv, recvBoxes);
    /// <summary>Inclusive prefix reduction in rank order.</summary>
    void Scan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged;
    /// <summary>Exclusive prefix reduction in rank order; rank 0 receives the identity.</summary>
    void Exscan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged;

    /// <summary>Splits the group by colour, ordering each new group by key then old rank; <see cref="Comm.Undefined"/> gives null.</summary>
    ICommunicator? Split(int color, int key);
    /// <summary>A new communicator over the same group with its own message space.</summary>
    ICommunicator Dup();
}
