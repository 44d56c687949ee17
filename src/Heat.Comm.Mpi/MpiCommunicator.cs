// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

using static MpiConstants;
using Comm = Heat.Abstractions.Comm;

/// <summary>An <see cref="ICommunicator"/> over an MPICH communicator (one rank per process).</summary>
/// <remarks>
/// Every call uses MPICH's large-count (<c>_c</c>) function, so counts and displacements are 64-bit. Errors come back
/// as <see cref="CommunicationException"/>s with MPI's text (the communicator has <c>MPI_ERRORS_RETURN</c>). Arguments
/// are
/// checked locally before any communication, as the in-process communicator does; consistency between ranks is MPI's
/// to check. Exscan leaves the identity on rank 0. In <see cref="MpiWaitMode.Poll"/> mode every call is issued
/// non-blocking and completed by <c>MPI_Test</c> with a yield in between (see <see cref="MpiWaitMode"/>).
/// </remarks>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    private int _comm;
    private readonly bool _ownsEnvironment;
    private int _disposed;

    internal MpiCommunicator(int comm, MpiWaitMode wait, bool ownsEnvironment, TimeSpan? collectiveTimeout = null)
    {
        _comm = comm;
        WaitMode = wait == MpiWaitMode.Auto ? MpiWaitMode.Block : wait;
        _ownsEnvironment = ownsEnvironment;
        CollectiveTimeout = collectiveTimeout;
        _timeoutTicks = collectiveTimeout is { } t ? Math.Max(1, (long)(t.TotalSeconds * Stopwatch.Frequency)) : 0;
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

    /// <summary>The watchdog's limit (<c>Heat:Mpi:CollectiveTimeout</c>): a wait that does not complete within it
    /// aborts the job with a message naming the operation; null when off.</summary>
    /// <remarks>With a limit, every call is issued non-blocking and completed by <c>MPI_Test</c> (as in
    /// <see cref="MpiWaitMode.Poll"/>), except fixed-count collectives above 1 GiB, which stay blocking and
    /// unwatched.</remarks>
    public TimeSpan? CollectiveTimeout { get; }

    private readonly long _timeoutTicks;

    private bool Poll => WaitMode == MpiWaitMode.Poll || _timeoutTicks > 0;

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
            _ = MpiNative.MPI_Comm_free(&comm); // at dispose: nothing to report to
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
        int request;
        int* pending = Poll ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Isend_c(send.Pointer, send.Count, type, dest, tag, _comm, pending)
            : MpiNative.MPI_Send_c(send.Pointer, send.Count, type, dest, tag, _comm), pending, "MPI_Send_c");
    }

    /// <inheritdoc/>
    public CommStatus Recv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        CheckRecv(recv.Kind, source, tag, "Recv");
        int type = MpiDatatypes.Of<T>();
        MpiStatus status;
        int request;
        int* pending = Poll ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, type, Source(source), tag, _comm, pending)
            : MpiNative.MPI_Recv_c(recv.Pointer, recv.Count, type, Source(source), tag, _comm, &status), pending,
                "MPI_Recv_c", &status);
        return ToStatus(&status, type);
    }

    /// <inheritdoc/>
    public CommStatus Sendrecv<T>(CommBuffer<T> send, int dest, int sendTag, CommBuffer<T> recv, int source,
        int recvTag) where T : unmanaged
    {
        CheckSend(send.Kind, dest, sendTag, "Sendrecv");
        CheckRecv(recv.Kind, source, recvTag, "Sendrecv");
        int type = MpiDatatypes.Of<T>();
        MpiStatus status;
        if (Poll)
        {
            int r, s;
            Check(MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, type, Source(source), recvTag, _comm, &r),
                "MPI_Irecv_c");
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
        Check(MpiNative.MPI_Isend_c(send.Pointer, send.Count, MpiDatatypes.Of<T>(), dest, tag, _comm, &request),
            "MPI_Isend_c");
        return new MpiRequest(this, request, MpiDatatypes.Of<T>(), "MPI_Isend_c", new CommStatus(Rank, tag,
            send.Count));
    }

    /// <inheritdoc/>
    public CommRequest Irecv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        CheckRecv(recv.Kind, source, tag, "Irecv");
        int request;
        Check(MpiNative.MPI_Irecv_c(recv.Pointer, recv.Count, MpiDatatypes.Of<T>(), Source(source), tag, _comm,
            &request), "MPI_Irecv_c");
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
        int request;
        int* pending = Poll ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Ibarrier(_comm, pending)
            : MpiNative.MPI_Barrier(_comm), pending, "MPI_Barrier");
    }

    /// <inheritdoc/>
    public void Bcast<T>(CommBuffer<T> buffer, int root) where T : unmanaged
    {
        CheckHost(buffer.Kind);
        CommArgs.Root(root, Size, "Bcast");
        int type = MpiDatatypes.Of<T>();
        int request;
        int* pending = PollFor<T>(buffer.Count) ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Ibcast_c(buffer.Pointer, buffer.Count, type, root, _comm, pending)
            : MpiNative.MPI_Bcast_c(buffer.Pointer, buffer.Count, type, root, _comm), pending, "MPI_Bcast_c");
    }

    /// <inheritdoc/>
    public void Gather<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Gather");
        if (Rank == root) CommArgs.Capacity(recv.Count, Size * send.Count, "Gather", "receive");
        int type = MpiDatatypes.Of<T>();
        int request;
        int* pending = PollFor<T>(Size * send.Count) ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Igather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, root, _comm,
                pending)
            : MpiNative.MPI_Gather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, root, _comm),
                pending, "MPI_Gather_c");
    }

    /// <inheritdoc/>
    public void Gatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts,
        ReadOnlySpan<long> recvDispls, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Gatherv");
        if (Rank == root) CommArgs.Blocks(recvCounts, recvDispls, recv.Count, Size, "Gatherv", "receive");
        int type = MpiDatatypes.Of<T>();
        fixed (long* rc = recvCounts) fixed (long* rd = recvDispls)
        {
            int request;
            int* pending = Poll ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Igatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, root, _comm,
                    pending)
                : MpiNative.MPI_Gatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, root, _comm),
                    pending, "MPI_Gatherv_c");
        }
    }

    /// <inheritdoc/>
    public void Allgather<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Capacity(recv.Count, Size * send.Count, "Allgather", "receive");
        int type = MpiDatatypes.Of<T>();
        int request;
        int* pending = PollFor<T>(Size * send.Count) ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Iallgather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, _comm, pending)
            : MpiNative.MPI_Allgather_c(send.Pointer, send.Count, type, recv.Pointer, send.Count, type, _comm),
                pending, "MPI_Allgather_c");
    }

    /// <inheritdoc/>
    public void Allgatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts,
        ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Blocks(recvCounts, recvDispls, recv.Count, Size, "Allgatherv", "receive");
        if (send.Count != recvCounts[Rank])
            throw new ArgumentException($"Allgatherv: rank {Rank} sends {send.Count} elements but its receive "
                + $"counts expect {recvCounts[Rank]} from itself.", nameof(send));
        int type = MpiDatatypes.Of<T>();
        fixed (long* rc = recvCounts) fixed (long* rd = recvDispls)
        {
            int request;
            int* pending = Poll ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Iallgatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, _comm,
                    pending)
                : MpiNative.MPI_Allgatherv_c(send.Pointer, send.Count, type, recv.Pointer, rc, rd, type, _comm),
                    pending, "MPI_Allgatherv_c");
        }
    }

    /// <inheritdoc/>
    public void Scatter<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Scatter");
        if (Rank == root) CommArgs.Capacity(send.Count, Size * recv.Count, "Scatter", "send");
        int type = MpiDatatypes.Of<T>();
        int request;
        int* pending = PollFor<T>(Size * recv.Count) ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Iscatter_c(send.Pointer, recv.Count, type, recv.Pointer, recv.Count, type, root, _comm,
                pending)
            : MpiNative.MPI_Scatter_c(send.Pointer, recv.Count, type, recv.Pointer, recv.Count, type, root, _comm),
                pending, "MPI_Scatter_c");
    }

    /// <inheritdoc/>
    public void Scatterv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
        CommBuffer<T> recv, int root) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Scatterv");
        if (Rank == root)
        {
            CommArgs.Blocks(sendCounts, sendDispls, send.Count, Size, "Scatterv", "send");
            if (sendCounts[Rank] != recv.Count)
                throw new ArgumentException($"Scatterv: root {root} sends {sendCounts[Rank]} elements to itself but "
                    + $"receives {recv.Count}.", nameof(recv));
        }
        int type = MpiDatatypes.Of<T>();
        fixed (long* sc = sendCounts) fixed (long* sd = sendDispls)
        {
            int request;
            int* pending = Poll ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Iscatterv_c(send.Pointer, sc, sd, type, recv.Pointer, recv.Count, type, root, _comm,
                    pending)
                : MpiNative.MPI_Scatterv_c(send.Pointer, sc, sd, type, recv.Pointer, recv.Count, type, root, _comm),
                    pending, "MPI_Scatterv_c");
        }
    }

    /// <inheritdoc/>
    public void Alltoall<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.EqualBlocks(send.Count, Size, "Alltoall");
        long block = send.Count / Size;
        CommArgs.Capacity(recv.Count, send.Count, "Alltoall", "receive");
        int type = MpiDatatypes.Of<T>();
        int request;
        int* pending = PollFor<T>(send.Count) ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Ialltoall_c(send.Pointer, block, type, recv.Pointer, block, type, _comm, pending)
            : MpiNative.MPI_Alltoall_c(send.Pointer, block, type, recv.Pointer, block, type, _comm), pending,
                "MPI_Alltoall_c");
    }

    /// <inheritdoc/>
    public void Alltoallv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
                             CommBuffer<T> recv, ReadOnlySpan<long> recvCounts,
                                 ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Blocks(sendCounts, sendDispls, send.Count, Size, "Alltoallv", "send");
        CommArgs.Blocks(recvCounts, recvDispls, recv.Count, Size, "Alltoallv", "receive");
        int type = MpiDatatypes.Of<T>();
        fixed (long* sc = sendCounts) fixed (long* sd = sendDispls) fixed (long* rc = recvCounts) fixed (long* rd =
            recvDispls)
        {
            int request;
            int* pending = Poll ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Ialltoallv_c(send.Pointer, sc, sd, type, recv.Pointer, rc, rd, type, _comm, pending)
                : MpiNative.MPI_Alltoallv_c(send.Pointer, sc, sd, type, recv.Pointer, rc, rd, type, _comm), pending,
                    "MPI_Alltoallv_c");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Each box becomes an MPI datatype (hvectors of a contiguous byte run), so MPI moves the strided layouts
    /// itself: no pack buffer.</remarks>
    public void Alltoallw(CommBuffer<byte> send, ReadOnlySpan<ByteBox> sendBoxes, CommBuffer<byte> recv,
        ReadOnlySpan<ByteBox> recvBoxes)
    {
        CheckHost(send.Kind); CheckHost(recv.Kind);
        BoxExchange.Validate(Size, send, sendBoxes, "send");
        BoxExchange.Validate(Size, recv, recvBoxes, "receive");
        using var st = new MpiBoxTypes(sendBoxes);
        using var rt = new MpiBoxTypes(recvBoxes);
        fixed (long* sc = st.Counts, sd = st.Displacements, rc = rt.Counts, rd = rt.Displacements)
        fixed (int* stypes = st.Types, rtypes = rt.Types)
        {
            int request;
            int* pending = Poll ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Ialltoallw_c(send.Pointer, sc, sd, stypes, recv.Pointer, rc, rd, rtypes, _comm, pending)
                : MpiNative.MPI_Alltoallw_c(send.Pointer, sc, sd, stypes, recv.Pointer, rc, rd, rtypes, _comm),
                    pending, "MPI_Alltoallw_c");
        }
    }

    // ---------------------------------------------------------------- reductions

    /// <inheritdoc/>
    public void Reduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, int root) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Reduce");
        if (Rank == root) CommArgs.Capacity(recv.Count, send.Count, "Reduce", "receive");
        using var b = MpiOps.Bind<T>(op);
        ThrowIfDisposed();
        // The root's receive buffer must not alias its send buffer unless it is the same (MPI_IN_PLACE).
        WithDistinctBuffers(send.Pointer, Rank == root ? recv.Pointer : null, send.Count, (s, r) =>
        {
            int request;
            int* pending = PollFor<T>(send.Count) ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Ireduce_c(s, r, send.Count, b.Datatype, b.Op, root, _comm, pending)
                : MpiNative.MPI_Reduce_c(s, r, send.Count, b.Datatype, b.Op, root, _comm), pending, "MPI_Reduce_c");
        });
    }

    /// <inheritdoc/>
    public void Allreduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Capacity(recv.Count, send.Count, "Allreduce", "receive");
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
            int request;
            int* pending = PollFor<T>(n) ? &request : null;
            Issued(pending != null
                ? MpiNative.MPI_Iallreduce_c(s, r, n, b.Datatype, b.Op, _comm, pending)
                : MpiNative.MPI_Allreduce_c(s, r, n, b.Datatype, b.Op, _comm), pending, "MPI_Allreduce_c");
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
        CommArgs.Capacity(recv.Count, send.Count, call, "receive");
        long n = send.Count;
        using var b = MpiOps.Bind<T>(op);
        ThrowIfDisposed();
        bool poll = PollFor<T>(n);
        WithDistinctBuffers(send.Pointer, recv.Pointer, n, (s, r) =>
        {
            int request;
            int* pending = poll ? &request : null;
            if (inclusive)
            {
                Issued(pending != null
                    ? MpiNative.MPI_Iscan_c(s, r, n, b.Datatype, b.Op, _comm, pending)
                    : MpiNative.MPI_Scan_c(s, r, n, b.Datatype, b.Op, _comm), pending, "MPI_Scan_c");
            }
            else
            {
                Issued(pending != null
                    ? MpiNative.MPI_Iexscan_c(s, r, n, b.Datatype, b.Op, _comm, pending)
                    : MpiNative.MPI_Exscan_c(s, r, n, b.Datatype, b.Op, _comm), pending, "MPI_Exscan_c");
            }
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
        CommArgs.Color(color);
        int comm;
        Check(MpiNative.MPI_Comm_split(_comm, color == Comm.Undefined ? MPI_UNDEFINED : color, key, &comm),
            "MPI_Comm_split");
        if (comm == MPI_COMM_NULL) return null;
        return Adopt(comm);
    }

    /// <inheritdoc/>
    public ICommunicator Dup()
    {
        ThrowIfDisposed();
        int comm;
        int request;
        int* pending = Poll ? &request : null;
        Issued(pending != null
            ? MpiNative.MPI_Comm_idup(_comm, &comm, pending)
            : MpiNative.MPI_Comm_dup(_comm, &comm), pending, "MPI_Comm_dup");
        return Adopt(comm);
    }

    private MpiCommunicator Adopt(int comm)
    {
        int rc = MpiNative.MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN);
        if (rc != MPI_SUCCESS) { _ = MpiNative.MPI_Comm_free(&comm); Check(rc, "MPI_Comm_set_errhandler"); }
        return new MpiCommunicator(comm, WaitMode, ownsEnvironment: false, CollectiveTimeout);
    }

    // ---------------------------------------------------------------- completion

    /// <summary>Waits for <paramref name="request"/>: MPI_Wait, or in poll mode MPI_Test with a yield in
    /// between.</summary>
    /// <remarks>
    /// The yield hands the core to a rank that can make progress (sched_yield returns at once when none waits). It
    /// never sleeps: measured on 4 ranks and 2 cores, backing off to 1 ms sleeps after 0.05-2 ms of waiting made the
    /// shared suites 2.5-3x slower, and a large collective advances only one step per MPI_Test.
    /// </remarks>
    internal void Complete(int* request, MpiStatus* status, string call)
        => Complete(request, status, call, twin: false);

    private void Complete(int* request, MpiStatus* status, string call, bool twin)
    {
        MpiStatus ignored;
        if (status == null) status = &ignored;
        if (!Poll) { Check(MpiNative.MPI_Wait(request, status), call, twin); return; }
        int flag = 0;
        long deadline = _timeoutTicks > 0 ? Stopwatch.GetTimestamp() + _timeoutTicks : long.MaxValue;
        while (true)
        {
            Check(MpiNative.MPI_Test(request, &flag, status), call, twin);
            if (flag != 0) return;
            if (Stopwatch.GetTimestamp() > deadline) TimedOut(twin ? NonBlocking(call) : call);
            Thread.Yield();
        }
    }

    /// <summary>The watchdog's verdict: prints what is known and aborts the whole job.</summary>
    private void TimedOut(string call)
    {
        var lost = MpiEnvironment.LostRanksText();
        MpiEnvironment.Abort($"{call} did not complete within {CollectiveTimeout!.Value.TotalSeconds:0.###} s "
            + $"(Heat:Mpi:CollectiveTimeout) on rank {Rank} of {Size}; aborting the MPI job. "
            + (lost.Length > 0 ? lost.TrimStart() : "Every rank on this node is alive: a peer has not arrived "
                + "(MPI does not say which), or one on another node was lost."));
    }

    /// <summary>
    /// Finishes a call issued either blocking (<paramref name="request"/> null: checks its return code) or as its
    /// non-blocking twin (checks the code, then completes the request as
    /// <see cref="Complete(int*, MpiStatus*, string)"/>
    /// does). <paramref name="call"/> names the blocking function; errors name the one issued.
    /// </summary>
    private void Issued(int code, int* request, string call, MpiStatus* status = null)
    {
        if (request == null) { Check(code, call); return; }
        Check(code, call, twin: true);
        Complete(request, status, call, twin: true);
    }

    /// <summary>The non-blocking twin of an MPI function: <c>MPI_Bcast_c</c> to <c>MPI_Ibcast_c</c>,
    /// <c>MPI_Comm_dup</c> to <c>MPI_Comm_idup</c>.</summary>
    private static string NonBlocking(string call) => call.StartsWith("MPI_Comm_", StringComparison.Ordinal)
        ? "MPI_Comm_i" + call["MPI_Comm_".Length..]
        : "MPI_I" + char.ToLowerInvariant(call[4]) + call[5..];

    // ---------------------------------------------------------------- validation

    private void Check(int code, string call, bool twin = false)
    {
        if (code != MPI_SUCCESS)
            throw new CommunicationException($"{(twin ? NonBlocking(call) : call)} failed on rank {Rank} of {Size}: "
                + $"{MpiEnvironment.ErrorString(code)} (MPI error {code}).{MpiEnvironment.LostRanksText()}");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void CheckHost(MemoryKind kind)
    {
        ThrowIfDisposed();
        CommArgs.Host(kind, "MPI");
    }

    private void CheckSend(MemoryKind kind, int dest, int tag, string call)
    {
        CheckHost(kind);
        CommArgs.Send(dest, tag, Size, call);
    }

    private void CheckRecv(MemoryKind kind, int source, int tag, string call)
    {
        CheckHost(kind);
        CommArgs.Recv(source, tag, Size, call);
    }
}
