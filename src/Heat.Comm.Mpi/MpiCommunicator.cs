// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

using static MpiConstants;
using Comm = Heat.Abstractions.Comm;

/// <summary>An <see cref="ICommunicator"/> over an MPICH communicator (one rank per process).</summary>
/// <remarks>
/// Every call uses MPICH's large-count (<c>_c</c>) function, so counts and displacements are 64-bit. Errors come back
/// as <see cref="CommunicationException"/>s with MPI's text (the communicator has <c>MPI_ERRORS_RETURN</c>). Arguments are
/// checked locally before any communication, as the in-process communicator does; consistency between ranks is MPI's
/// to check. Exscan leaves the identity on rank 0. In <see cref="MpiWaitMode.Poll"/> mode every call is issued
/// non-blocking and completed by <c>MPI_Test</c> with a yield in between (see <see cref="MpiWaitMode"/>).
/// </remarks>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    private int _comm;
    private readonly bool _ownsEnvironment;
    private int _disposed;

    internal MpiCommunicator(int comm, MpiWaitMode wait, bool ownsEnvironment)
    {
        _comm = comm;
        WaitMode = wait == MpiWaitMode.Auto ? MpiWaitMode.Block : wait;
        _ownsEnvironment = ownsEnvironment;
        int rank, size;
        MpiEnvironment.Check(MpiNative.MPI_Comm_rank(comm, &rank), "MPI_Comm_rank");
        MpiEnvironment.Check(MpiNative.MPI_Comm_size(comm, &size), "MPI_Comm_size");
        Rank = rank; Size = size;
    }

    /// <inheritdoc/>
    public int Rank { get; }
    /// <inheritdoc/>
    public int Size { get; }
    /// <inheritdoc/>
    public string Kind => "mpi";
    /// <inheritdoc/>
    public bool IsGpuAware => false;
    /// <summary>How calls wait for completion (never <see cref="MpiWaitMode.Auto"/>).</summary>
    public MpiWaitMode WaitMode { get; }
    /// <summary>The MPICH communicator handle (an <c>MPI_Comm</c>), for interoperating with other MPI code.</summary>
    public int Handle { get { ThrowIfDisposed(); return _comm; } }

    private bool Poll => WaitMode == MpiWaitMode.Poll;

    // MPICH 4.0.2's non-blocking Bcast fails beyond 2^31 bytes; fixed-count collectives above this size (the same on
    // every rank, so all ranks choose alike) use the blocking call, where the transfer dwarfs the polling cost anyway.
    // The v-variants (whose sizes only some ranks know) stay non-blocking: they were checked beyond 2^31 bytes.
    internal const long PollMaxBytes = 1L << 30;

    private bool PollFor<T>(long count) where T : unmanaged => Poll && count * sizeof(T) <= PollMaxBytes;

    /// <summary>Frees the communicator; the last world communicator also finalises MPI.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (!MpiEnvironment.IsDown)
        {
            int comm = _comm;
            MpiNative.MPI_Comm_free(&comm);
        }
        _comm = MPI_COMM_NULL;
        if (_ownsEnvironment) MpiEnvironment.ReleaseWorld();
    }

    // ---------------------------------------------------------------- point-to-point

    /// <inheritdoc/>
    public void Send<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged
    {
        CheckSend(send.Kind, dest, tag, "Send");
        int type = MpiDatatypes.Of<T>();
        if (Poll)
        {
            int request;
            Check(MpiNative.MPI_Isend_c(send.Pointer, send.Count, type, dest, tag, _comm, &request), "MPI_Isend_c");
            Complete(&request, null, "MPI_Isend_c");
        }
        else Check(MpiNative.MPI_Send_c(send.Pointer, send.Count, type, dest, tag, _comm), "MPI_Send_c");
    }

    /// <inheritdoc/>
    public CommStatus Recv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        CheckRecv(recv.Kind, source, tag, "Recv");
        int type = MpiDatatypes.Of<T>();
        MpiStatus status;
        if (Poll)
        {
            int request;
            Check(MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, type, Source(source), tag, _comm, &request), "MPI_Irecv_c");
            Complete(&request, &status, "MPI_Irecv_c");
        }
        else Check(MpiNative.MPI_Recv_c(recv.Pointer, recv.Count, type, Source(source), tag, _comm, &status), "MPI_Recv_c");
        return ToStatus(&status, type);
    }

    /// <inheritdoc/>
    public CommStatus Sendrecv<T>(CommBuffer<T> send, int dest, int sendTag, CommBuffer<T> recv, int source, int recvTag) where T : unmanaged
    {
        CheckSend(send.Kind, dest, sendTag, "Sendrecv");
        CheckRecv(recv.Kind, source, recvTag, "Sendrecv");
        int type = MpiDatatypes.Of<T>();
        MpiStatus status;
        if (Poll)
        {
            int r, s;
            Check(MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, type, Source(source), recvTag, _comm, &r), "MPI_Irecv_c");
            Check(MpiNative.MPI_Isend_c(send.Pointer, send.Count, type, dest, sendTag, _comm, &s), "MPI_Isend_c");
            Complete(&s, null, "MPI_Isend_c");
            Complete(&r, &status, "MPI_Irecv_c");
        }
        else
        {
            Check(MpiNative.MPI_Sendrecv_c(send.Pointer, send.Count, type, dest, sendTag,
                recv.Pointer, recv.Count, type, Source(source), recvTag, _comm, &status), "MPI_Sendrecv_c");
        }
        return ToStatus(&status, type);
    }

    /// <inheritdoc/>
    public CommRequest Isend<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged
    {
        CheckSend(send.Kind, dest, tag, "Isend");
        int request;
        Check(MpiNative.MPI_Isend_c(send.Pointer, send.Count, MpiDatatypes.Of<T>(), dest, tag, _comm, &request), "MPI_Isend_c");
        return new MpiRequest(this, request, MpiDatatypes.Of<T>(), "MPI_Isend_c", new CommStatus(Rank, tag, send.Count));
    }

    /// <inheritdoc/>
    public CommRequest Irecv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        CheckRecv(recv.Kind, source, tag, "Irecv");
        int request;
        Check(MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, MpiDatatypes.Of<T>(), Source(source), tag, _comm, &request), "MPI_Irecv_c");
        return new MpiRequest(this, request, MpiDatatypes.Of<T>(), "MPI_Irecv_c", sendStatus: null);
    }

    private static int Source(int source) => source == Comm.AnySource ? MPI_ANY_SOURCE : source;

    private CommStatus ToStatus(MpiStatus* status, int type)
    {
        long count;
        Check(MpiNative.MPI_Get_count_c(status, type, &count), "MPI_Get_count_c");
        return new CommStatus(status->Source, status->Tag, count);
    }

    internal CommStatus StatusOf(MpiStatus* status, int type) => ToStatus(status, type);

    // ---------------------------------------------------------------- collectives

    /// <inheritdoc/>
    public void Barrier()
    {
        ThrowIfDisposed();
        if (Poll)
        {
            int request;
            Check(MpiNative.MPI_Ibarrier(_comm, &request), "MPI_Ibarrier");
            Complete(&request, null, "MPI_Ibarrier");
        }
        else Check(MpiNative.MPI_Barrier(_comm), "MPI_Barrier");
    }

    /// <inheritdoc/>
    public void Bcast<T>(CommBuffer<T> buffer, int root) where T : unmanaged
    {
        CheckHost(buffer.Kind);
        CheckRoot(root, "Bcast");
        int type = MpiDatatypes.Of<T>();
        if (PollFor<T>(buffer.Count))
        {
            int request;
            Check(MpiNative.MPI_Ibcast_c(buffer.Pointer, buffer.Count, type, root, _comm, &request), "MPI_Ibcast_c");
            Complete(&request, null, "MPI_Ibcast_c");
        }
        else Check(MpiNative.MPI_Bcast_c(buffer.Pointer, buffer.Count, type, root, _comm), "MPI_Bcast_c");
    }

    /// <inheritdoc/>
    public void Gather<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckRoot(root, "Gather");
        if (Rank == root) CheckCapacity(recv.Count, Size * send.Count, "Gather", "receive");
        int type = MpiDatatypes.Of<T>();
        if (PollFor<T>(Size * send.Count))
        {
            int request;
            Check(MpiNative.MPI_Igather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, root, _comm, &request), "MPI_Igather_c");
            Complete(&request, null, "MPI_Igather_c");
        }
        else Check(MpiNative.MPI_Gather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, root, _comm), "MPI_Gather_c");
    }

    /// <inheritdoc/>
    public void Gatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckRoot(root, "Gatherv");
        if (Rank == root) CheckBlocks(recvCounts, recvDispls, recv.Count, "Gatherv", "receive");
        int type = MpiDatatypes.Of<T>();
        fixed (long* rc = recvCounts) fixed (long* rd = recvDispls)
        {
            if (Poll)
            {
                int request;
                Check(MpiNative.MPI_Igatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, root, _comm, &request), "MPI_Igatherv_c");
                Complete(&request, null, "MPI_Igatherv_c");
            }
            else Check(MpiNative.MPI_Gatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, root, _comm), "MPI_Gatherv_c");
        }
    }

    /// <inheritdoc/>
    public void Allgather<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckCapacity(recv.Count, Size * send.Count, "Allgather", "receive");
        int type = MpiDatatypes.Of<T>();
        if (PollFor<T>(Size * send.Count))
        {
            int request;
            Check(MpiNative.MPI_Iallgather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, _comm, &request), "MPI_Iallgather_c");
            Complete(&request, null, "MPI_Iallgather_c");
        }
        else Check(MpiNative.MPI_Allgather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, _comm), "MPI_Allgather_c");
    }

    /// <inheritdoc/>
    public void Allgatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckBlocks(recvCounts, recvDispls, recv.Count, "Allgatherv", "receive");
        if (send.Count != recvCounts[Rank])
            throw new ArgumentException($"Allgatherv: rank {Rank} sends {send.Count} elements but its receive counts expect {recvCounts[Rank]} from itself.", nameof(send));
        int type = MpiDatatypes.Of<T>();
        fixed (long* rc = recvCounts) fixed (long* rd = recvDispls)
        {
            if (Poll)
            {
                int request;
                Check(MpiNative.MPI_Iallgatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, _comm, &request), "MPI_Iallgatherv_c");
                Complete(&request, null, "MPI_Iallgatherv_c");
            }
            else Check(MpiNative.MPI_Allgatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, _comm), "MPI_Allgatherv_c");
        }
    }

    /// <inheritdoc/>
    public void Scatter<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckRoot(root, "Scatter");
        if (Rank == root) CheckCapacity(send.Count, Size * recv.Count, "Scatter", "send");
        int type = MpiDatatypes.Of<T>();
        if (PollFor<T>(Size * recv.Count))
        {
            int request;
            Check(MpiNative.MPI_Iscatter_c(send.Pointer, recv.Count, type, recv.Pointer, recv.Count, type, root, _comm, &request), "MPI_Iscatter_c");
            Complete(&request, null, "MPI_Iscatter_c");
        }
        else Check(MpiNative.MPI_Scatter_c(send.Pointer, recv.Count, type, recv.Pointer, recv.Count, type, root, _comm), "MPI_Scatter_c");
    }

    /// <inheritdoc/>
    public void Scatterv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls, CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckRoot(root, "Scatterv");
        if (Rank == root)
        {
            CheckBlocks(sendCounts, sendDispls, send.Count, "Scatterv", "send");
            if (sendCounts[Rank] != recv.Count)
                throw new ArgumentException($"Scatterv: root {root} sends {sendCounts[Rank]} elements to itself but receives {recv.Count}.", nameof(recv));
        }
        int type = MpiDatatypes.Of<T>();
        fixed (long* sc = sendCounts) fixed (long* sd = sendDispls)
        {
            if (Poll)
            {
                int request;
                Check(MpiNative.MPI_Iscatterv_c(send.Pointer, sc, sd, type, recv.Pointer, recv.Count, type, root, _comm, &request), "MPI_Iscatterv_c");
                Complete(&request, null, "MPI_Iscatterv_c");
            }
            else Check(MpiNative.MPI_Scatterv_c(send.Pointer, sc, sd, type, recv.Pointer, recv.Count, type, root, _comm), "MPI_Scatterv_c");
        }
    }

    /// <inheritdoc/>
    public void Alltoall<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        if (send.Count % Size != 0)
            throw new ArgumentException($"Alltoall: the send buffer's {send.Count} elements do not split into {Size} equal blocks.", nameof(send));
        long block = send.Count / Size;
        CheckCapacity(recv.Count, send.Count, "Alltoall", "receive");
        int type = MpiDatatypes.Of<T>();
        if (PollFor<T>(send.Count))
        {
            int request;
            Check(MpiNative.MPI_Ialltoall_c(send.Pointer, block, type, recv.Pointer, block, type, _comm, &request), "MPI_Ialltoall_c");
            Complete(&request, null, "MPI_Ialltoall_c");
        }
        else Check(MpiNative.MPI_Alltoall_c(send.Pointer, block, type, recv.Pointer, block, type, _comm), "MPI_Alltoall_c");
    }

    /// <inheritdoc/>
    public void Alltoallv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
                             CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckBlocks(sendCounts, sendDispls, send.Count, "Alltoallv", "send");
        CheckBlocks(recvCounts, recvDispls, recv.Count, "Alltoallv", "receive");
        int type = MpiDatatypes.Of<T>();
        fixed (long* sc = sendCounts) fixed (long* sd = sendDispls) fixed (long* rc = recvCounts) fixed (long* rd = recvDispls)
        {
            if (Poll)
            {
                int request;
                Check(MpiNative.MPI_Ialltoallv_c(send.Pointer, sc, sd, type, recv.Pointer, rc, rd, type, _comm, &request), "MPI_Ialltoallv_c");
                Complete(&request, null, "MPI_Ialltoallv_c");
            }
            else Check(MpiNative.MPI_Alltoallv_c(send.Pointer, sc, sd, type, recv.Pointer, rc, rd, type, _comm), "MPI_Alltoallv_c");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Each box becomes an MPI datatype (hvectors of a contiguous byte run), so MPI moves the strided layouts itself: no pack buffer.</remarks>
    public void Alltoallw(CommBuffer<byte> send, ReadOnlySpan<ByteBox> sendBoxes, CommBuffer<byte> recv, ReadOnlySpan<ByteBox> recvBoxes)
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        BoxExchange.Validate(Size, send, sendBoxes, "send");
        BoxExchange.Validate(Size, recv, recvBoxes, "receive");
        using var st = new MpiBoxTypes(sendBoxes);
        using var rt = new MpiBoxTypes(recvBoxes);
        fixed (long* sc = st.Counts, sd = st.Displacements, rc = rt.Counts, rd = rt.Displacements)
        fixed (int* stypes = st.Types, rtypes = rt.Types)
        {
            if (Poll)
            {
                int request;
                Check(MpiNative.MPI_Ialltoallw_c(send.Pointer, sc, sd, stypes, recv.Pointer, rc, rd, rtypes, _comm, &request), "MPI_Ialltoallw_c");
                Complete(&request, null, "MPI_Ialltoallw_c");
            }
            else Check(MpiNative.MPI_Alltoallw_c(send.Pointer, sc, sd, stypes, recv.Pointer, rc, rd, rtypes, _comm), "MPI_Alltoallw_c");
        }
    }

    // ---------------------------------------------------------------- reductions

    /// <inheritdoc/>
    public void Reduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, int root) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckRoot(root, "Reduce");
        if (Rank == root) CheckCapacity(recv.Count, send.Count, "Reduce", "receive");
        using var b = MpiOps.Bind<T>(op);
        ThrowIfDisposed();
        // The root's receive buffer must not alias its send buffer unless it is the same (MPI_IN_PLACE).
        WithDistinctBuffers(send.Pointer, Rank == root ? recv.Pointer : null, send.Count, (s, r) =>
        {
            if (PollFor<T>(send.Count))
            {
                int request;
                Check(MpiNative.MPI_Ireduce_c(s, r, send.Count, b.Datatype, b.Op, root, _comm, &request), "MPI_Ireduce_c");
                Complete(&request, null, "MPI_Ireduce_c");
            }
            else Check(MpiNative.MPI_Reduce_c(s, r, send.Count, b.Datatype, b.Op, root, _comm), "MPI_Reduce_c");
        });
    }

    /// <inheritdoc/>
    public void Allreduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckCapacity(recv.Count, send.Count, "Allreduce", "receive");
        AllreduceCore(send.Pointer, recv.Pointer, send.Count, op);
    }

    /// <inheritdoc/>
    public void AllreduceInPlace<T>(CommBuffer<T> buffer, ReduceOp op) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(buffer.Kind);
        AllreduceCore(buffer.Pointer, buffer.Pointer, buffer.Count, op);
    }

    private void AllreduceCore<T>(T* send, T* recv, long n, ReduceOp op) where T : unmanaged
    {
        using var b = MpiOps.Bind<T>(op);
        ThrowIfDisposed();
        WithDistinctBuffers(send, recv, n, (s, r) =>
        {
            if (PollFor<T>(n))
            {
                int request;
                Check(MpiNative.MPI_Iallreduce_c(s, r, n, b.Datatype, b.Op, _comm, &request), "MPI_Iallreduce_c");
                Complete(&request, null, "MPI_Iallreduce_c");
            }
            else Check(MpiNative.MPI_Allreduce_c(s, r, n, b.Datatype, b.Op, _comm), "MPI_Allreduce_c");
        });
    }

    /// <inheritdoc/>
    public void Scan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged =>
        ScanCore(send, recv, op, inclusive: true);

    /// <inheritdoc/>
    public void Exscan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged =>
        ScanCore(send, recv, op, inclusive: false);

    private void ScanCore<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, bool inclusive) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        string call = inclusive ? "Scan" : "Exscan";
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CheckCapacity(recv.Count, send.Count, call, "receive");
        long n = send.Count;
        using var b = MpiOps.Bind<T>(op);
        ThrowIfDisposed();
        bool poll = PollFor<T>(n);
        WithDistinctBuffers(send.Pointer, recv.Pointer, n, (s, r) =>
        {
            int request;
            if (inclusive && poll)
            {
                Check(MpiNative.MPI_Iscan_c(s, r, n, b.Datatype, b.Op, _comm, &request), "MPI_Iscan_c");
                Complete(&request, null, "MPI_Iscan_c");
            }
            else if (inclusive) Check(MpiNative.MPI_Scan_c(s, r, n, b.Datatype, b.Op, _comm), "MPI_Scan_c");
            else if (poll)
            {
                Check(MpiNative.MPI_Iexscan_c(s, r, n, b.Datatype, b.Op, _comm, &request), "MPI_Iexscan_c");
                Complete(&request, null, "MPI_Iexscan_c");
            }
            else Check(MpiNative.MPI_Exscan_c(s, r, n, b.Datatype, b.Op, _comm), "MPI_Exscan_c");
        });
        // MPI leaves rank 0's Exscan result undefined; Heat defines it as the identity.
        if (!inclusive && Rank == 0 && n > 0)
        {
            var identity = op.Identity<T>();
            for (long done = 0; done < n; done += int.MaxValue / 64)
                new Span<T>(recv.Pointer + done, (int)Math.Min(int.MaxValue / 64, n - done)).Fill(identity);
        }
    }

    private delegate void BufferAction<T>(void* send, void* recv) where T : unmanaged;

    /// <summary>
    /// Runs <paramref name="action"/> with buffers MPI accepts: <c>MPI_IN_PLACE</c> when send and receive are the
    /// same, a private copy of the send data when they overlap otherwise.
    /// </summary>
    private static void WithDistinctBuffers<T>(T* send, T* recv, long n, BufferAction<T> action) where T : unmanaged
    {
        if (recv == null || n == 0 || recv + n <= send || send + n <= recv) { action(send, recv); return; }
        if (recv == send) { action((void*)MPI_IN_PLACE, recv); return; }
        var copy = (T*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)(n * sizeof(T)));
        try
        {
            Buffer.MemoryCopy(send, copy, n * sizeof(T), n * sizeof(T));
            action(copy, recv);
        }
        finally { System.Runtime.InteropServices.NativeMemory.Free(copy); }
    }

    // ---------------------------------------------------------------- groups

    /// <inheritdoc/>
    public ICommunicator? Split(int color, int key)
    {
        ThrowIfDisposed();
        if (color < 0 && color != Comm.Undefined)
            throw new ArgumentOutOfRangeException(nameof(color), $"Split: colour {color} is negative (use Comm.Undefined to leave a rank out).");
        int comm;
        Check(MpiNative.MPI_Comm_split(_comm, color == Comm.Undefined ? MPI_UNDEFINED : color, key, &comm), "MPI_Comm_split");
        if (comm == MPI_COMM_NULL) return null;
        return Adopt(comm);
    }

    /// <inheritdoc/>
    public ICommunicator Dup()
    {
        ThrowIfDisposed();
        int comm;
        if (Poll)
        {
            int request;
            Check(MpiNative.MPI_Comm_idup(_comm, &comm, &request), "MPI_Comm_idup");
            Complete(&request, null, "MPI_Comm_idup");
        }
        else Check(MpiNative.MPI_Comm_dup(_comm, &comm), "MPI_Comm_dup");
        return Adopt(comm);
    }

    private MpiCommunicator Adopt(int comm)
    {
        int rc = MpiNative.MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN);
        if (rc != MPI_SUCCESS) { MpiNative.MPI_Comm_free(&comm); Check(rc, "MPI_Comm_set_errhandler"); }
        return new MpiCommunicator(comm, WaitMode, ownsEnvironment: false);
    }

    // ---------------------------------------------------------------- completion

    /// <summary>Waits for <paramref name="request"/>: MPI_Wait, or in poll mode MPI_Test with a yield in between.</summary>
    /// <remarks>
    /// The yield hands the core to a rank that can make progress (sched_yield returns at once when none waits). It
    /// never sleeps: measured on 4 ranks and 2 cores, backing off to 1 ms sleeps after 0.05-2 ms of waiting made the
    /// shared suites 2.5-3x slower, and a large collective advances only one step per MPI_Test.
    /// </remarks>
    internal void Complete(int* request, MpiStatus* status, string call)
    {
        MpiStatus ignored;
        if (status == null) status = &ignored;
        if (!Poll) { Check(MpiNative.MPI_Wait(request, status), call); return; }
        int flag = 0;
        while (true)
        {
            Check(MpiNative.MPI_Test(request, &flag, status), call);
            if (flag != 0) return;
            Thread.Yield();
        }
    }

    // ---------------------------------------------------------------- validation

    private void Check(int code, string call)
    {
        if (code != MPI_SUCCESS)
            throw new CommunicationException($"{call} failed on rank {Rank} of {Size}: {MpiEnvironment.ErrorString(code)} (MPI error {code}).");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void CheckHost(MemoryKind kind)
    {
        ThrowIfDisposed();
        if (kind != MemoryKind.Host)
            throw new ArgumentException("The MPI communicator is not GPU-aware: pass host buffers.");
    }

    private void CheckSend(MemoryKind kind, int dest, int tag, string call)
    {
        CheckHost(kind);
        if ((uint)dest >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(dest), $"{call}: destination {dest} is not a rank of a communicator of size {Size}.");
        ArgumentOutOfRangeException.ThrowIfNegative(tag);
    }

    private void CheckRecv(MemoryKind kind, int source, int tag, string call)
    {
        CheckHost(kind);
        if (source != Comm.AnySource && (uint)source >= (uint)Size)
            throw new ArgumentOutOfRangeException(nameof(source), $"{call}: source {source} is not a rank of a communicator of size {Size}.");
        if (tag < 0 && tag != Comm.AnyTag) throw new ArgumentOutOfRangeException(nameof(tag), $"{call}: tag {tag} is negative.");
    }

    private void CheckRoot(int root, string call)
    {
        if ((uint)root >= (uint)Size)
            throw new ArgumentOutOfRangeException(nameof(root), $"{call}: root {root} is not a rank of a communicator of size {Size}.");
    }

    private static void CheckCapacity(long have, long need, string call, string which)
    {
        if (have < need)
            throw new ArgumentException($"{call}: the {which} buffer holds {have} elements but {need} are needed.");
    }

    private void CheckBlocks(ReadOnlySpan<long> counts, ReadOnlySpan<long> displs, long bufferCount, string call, string which)
    {
        if (counts.Length != Size || displs.Length != Size)
            throw new ArgumentException($"{call}: {which} counts and displacements need {Size} entries each, got {counts.Length} and {displs.Length}.");
        for (int i = 0; i < Size; i++)
        {
            if (counts[i] < 0 || displs[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(counts), $"{call}: {which} block {i} has count {counts[i]} and displacement {displs[i]}; both must be >= 0.");
            if (displs[i] + counts[i] > bufferCount)
                throw new ArgumentException($"{call}: {which} block {i} [{displs[i]}, {displs[i] + counts[i]}) is outside the {which} buffer of {bufferCount} elements.");
        }
    }
}
