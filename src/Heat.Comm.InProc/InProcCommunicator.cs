// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Comm.InProc;

using Comm = Heat.Abstractions.Comm;

/// <summary>An <see cref="ICommunicator"/> whose ranks are threads of one process (created by
/// <see cref="InProcWorld"/>).</summary>
/// <remarks>
/// Collectives copy straight from the peers' buffers while all ranks are inside the call; each rank copies what it
/// receives, so large transfers run on all ranks' threads at once. Point-to-point messages up to
/// <see cref="EagerBytes"/> are staged (the send completes at once); larger ones wait for the receiver, which copies
/// directly. Ranks that disagree on a collective, or on the counts MPI requires to agree, all get a
/// <see cref="CollectiveMismatchException"/>; a rank missing for longer than the run's timeout gives a
/// <see cref="CommunicationTimeoutException"/>; a failure on any rank releases the others with a
/// <see cref="RankFailedException"/>.
/// </remarks>
public sealed unsafe class InProcCommunicator : ICommunicator
{
    /// <summary>Point-to-point messages up to this size are copied into staging memory, so the send completes at
    /// once.</summary>
    public const long EagerBytes = 64 * 1024;

    // Below this many elements an Allreduce reduces the whole vector on every rank (two rendezvous); above it each rank
    // reduces one segment and the others copy it (three rendezvous, p times less arithmetic per rank).
    private const long SegmentedReduceElements = 1 << 15;
    // Elements combined per ReduceOp.Combine call: spans take int lengths, and a small chunk stays in cache.
    private const int FoldChunk = 1 << 15;

    private readonly InProcGroup _group;
    private readonly int _rank;
    private bool _disposed;

    internal InProcCommunicator(InProcGroup group, int rank) { _group = group; _rank = rank; }

    /// <inheritdoc/>
    public int Rank => _rank;
    /// <inheritdoc/>
    public int Size => _group.Size;
    /// <inheritdoc/>
    public string Kind => "inproc";
    /// <inheritdoc/>
    public bool IsGpuAware => false;

    internal InProcJob Job => _group.Job;
    private int WorldRank => _group.WorldRanks[_rank];

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var box = _group.Boxes[_rank];
        lock (box.Lock)
        {
            // Staged messages nobody received: their memory belongs to this mailbox.
            foreach (var e in box.Sends) if (e.Staged) e.FreeStaging();
            box.Sends.Clear();
        }
    }

    private InProcJob.CallScope Enter(string call)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Job.ThrowIfFailed(WorldRank, $"{_group.Name} {call}");
        Job.OnCall(WorldRank, call);
        return Job.EnterCall(WorldRank);
    }

    // ---------------------------------------------------------------- point-to-point

    /// <inheritdoc/>
    public void Send<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged
    {
        using var scope = Enter("Send");
        PostSend(send, dest, tag, "Send").WaitCore();
    }

    /// <inheritdoc/>
    public CommStatus Recv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        using var scope = Enter("Recv");
        return PostRecv(recv, source, tag, "Recv").WaitCore();
    }

    /// <inheritdoc/>
    public CommStatus Sendrecv<T>(CommBuffer<T> send, int dest, int sendTag, CommBuffer<T> recv, int source, int recvTag) where T : unmanaged
    {
        using var scope = Enter("Sendrecv");
        var s = PostSend(send, dest, sendTag, "Sendrecv");
        InProcRequest r;
        try { r = PostRecv(recv, source, recvTag, "Sendrecv"); }
        catch { s.CancelOrWait(); throw; }
        CommStatus status;
        try { status = r.WaitCore(); }
        catch { s.CancelOrWait(); throw; }
        s.WaitCore();
        return status;
    }

    /// <inheritdoc/>
    public CommRequest Isend<T>(CommBuffer<T> send, int dest, int tag) where T : unmanaged
    {
        using var scope = Enter("Isend");
        return PostSend(send, dest, tag, "Isend");
    }

    /// <inheritdoc/>
    public CommRequest Irecv<T>(CommBuffer<T> recv, int source, int tag) where T : unmanaged
    {
        using var scope = Enter("Irecv");
        return PostRecv(recv, source, tag, "Irecv");
    }

    private InProcRequest PostSend<T>(CommBuffer<T> send, int dest, int tag, string call) where T : unmanaged
    {
        CheckHost(send.Kind);
        CommArgs.Send(dest, tag, Size, call);
        var env = new Envelope
        {
            Source = _rank, Tag = tag, Data = (byte*)send.Pointer, Bytes = send.ByteCount,
            ElementType = typeof(T), ElementSize = sizeof(T),
        };
        var box = _group.Boxes[dest];
        Envelope? recv = null;
        lock (box.Lock)
        {
            for (var node = box.Recvs.First; node is not null; node = node.Next)
            {
                if (!node.Value.Matches(env)) continue;
                recv = node.Value;
                box.Recvs.Remove(node);
                recv.Node = null;
                recv.State = EnvelopeState.Copying;
                break;
            }
            if (recv is null)
            {
                // Small messages, and messages to oneself (which would otherwise deadlock a blocking Send), are staged.
                if (env.Bytes <= EagerBytes || dest == _rank)
                {
                    var staging = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, env.Bytes));
                    BoxCopy.CopyBytes(env.Data, staging, env.Bytes);
                    env.Data = staging;
                    env.Staged = true;
                }
                env.Node = box.Sends.AddLast(env);
            }
        }
        if (recv is not null)
        {
            Envelope.Transfer(env, recv, dest);
            lock (box.Lock) { recv.State = EnvelopeState.Done; Monitor.PulseAll(box.Lock); }
            env.State = EnvelopeState.Done;
        }
        return new InProcRequest(this, box, env, isSend: true, call, dest);
    }

    private InProcRequest PostRecv<T>(CommBuffer<T> recv, int source, int tag, string call) where T : unmanaged
    {
        CheckHost(recv.Kind);
        CommArgs.Recv(source, tag, Size, call);
        var env = new Envelope
        {
            Source = source, Tag = tag, Data = (byte*)recv.Pointer, Bytes = recv.ByteCount,
            ElementType = typeof(T), ElementSize = sizeof(T),
        };
        var box = _group.Boxes[_rank];
        Envelope? send = null;
        lock (box.Lock)
        {
            for (var node = box.Sends.First; node is not null; node = node.Next)
            {
                if (!env.Matches(node.Value)) continue;
                send = node.Value;
                box.Sends.Remove(node);
                send.Node = null;
                send.State = EnvelopeState.Copying;
                break;
            }
            if (send is null) env.Node = box.Recvs.AddLast(env);
        }
        if (send is not null)
        {
            Envelope.Transfer(send, env, _rank);
            send.FreeStaging();
            lock (box.Lock) { send.State = EnvelopeState.Done; Monitor.PulseAll(box.Lock); }
            env.State = EnvelopeState.Done;
        }
        return new InProcRequest(this, box, env, isSend: false, call, source);
    }

    /// <summary>A pending send or receive of this communicator.</summary>
    private sealed class InProcRequest(InProcCommunicator comm, Mailbox box, Envelope env, bool isSend, string call, int peer) : CommRequest
    {
        private bool Complete => isSend ? env.Staged || env.State == EnvelopeState.Done : env.State == EnvelopeState.Done;

        public override bool Test() { lock (box.Lock) return Complete; }

        public override CommStatus Wait()
        {
            using var scope = comm.Job.EnterCall(comm.WorldRank);
            return WaitCore();
        }

        public CommStatus WaitCore()
        {
            var deadline = DateTime.UtcNow + comm.Job.Timeout;
            lock (box.Lock)
            {
                while (!Complete)
                {
                    // Only a queued entry may give up: one being copied finishes first (its buffer is in use).
                    if (env.State == EnvelopeState.Queued)
                    {
                        Exception? abort = null;
                        if (comm.Job.Failure is { } f) abort = InProcJob.Released(comm.WorldRank, $"{comm._group.Name} {call}", f, comm.Job.FailedRank);
                        else if (DateTime.UtcNow >= deadline) abort = new CommunicationTimeoutException(Describe() + $" found no match within {comm.Job.Timeout.TotalSeconds:0.###} s.");
                        if (abort is not null) { Withdraw(); throw abort; }
                    }
                    Monitor.Wait(box.Lock, InProcJob.PollMilliseconds);
                }
            }
            if (!isSend && env.Error is { } error) throw error;
            return isSend ? new CommStatus(comm._rank, env.Tag, env.Bytes / env.ElementSize) : env.Status;
        }

        /// <summary>Removes a queued send (after the matching receive failed); waits if it is being copied.</summary>
        public void CancelOrWait()
        {
            lock (box.Lock)
            {
                if (Complete) return;
                if (env.State == EnvelopeState.Queued) { Withdraw(); return; }
                while (!Complete) Monitor.Wait(box.Lock, InProcJob.PollMilliseconds);
            }
        }

        private void Withdraw()
        {
            if (env.Node is not null) env.Node.List!.Remove(env.Node);
            env.Node = null;
            env.State = EnvelopeState.Done;
        }

        private string Describe()
        {
            string peerText = peer == Comm.AnySource ? "any rank" : $"rank {peer}";
            string tagText = env.Tag == Comm.AnyTag ? "any tag" : $"tag {env.Tag}";
            return isSend
                ? $"{comm._group.Name}: {call} from rank {comm._rank} to {peerText} ({tagText}, {env.Bytes / env.ElementSize} x {env.ElementType.Name})"
                : $"{comm._group.Name}: {call} on rank {comm._rank} from {peerText} ({tagText}, {env.ElementType.Name})";
        }
    }

    // ---------------------------------------------------------------- collectives

    /// <inheritdoc/>
    public void Barrier()
    {
        using var scope = Enter("Barrier");
        _group.Begin(_rank, new CollDesc(new CollSig("Barrier")), enter: false);
    }

    /// <inheritdoc/>
    public void Bcast<T>(CommBuffer<T> buffer, int root) where T : unmanaged
    {
        using var scope = Enter("Bcast");
        CheckHost(buffer.Kind);
        CommArgs.Root(root, Size, "Bcast");
        var sig = Sig<T>("Bcast", root: root, count: buffer.Count);
        Collective(new CollDesc(sig) { Send = (nint)buffer.Pointer }, d =>
        {
            if (_rank != root) BoxCopy.CopyBytes((void*)d[root].Send, buffer.Pointer, buffer.ByteCount);
        });
    }

    /// <inheritdoc/>
    public void Gather<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        using var scope = Enter("Gather");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Gather");
        if (_rank == root) CommArgs.Capacity(recv.Count, Size * send.Count, "Gather", "receive");
        var sig = Sig<T>("Gather", root: root, count: send.Count);
        Collective(new CollDesc(sig) { Send = (nint)send.Pointer, Recv = (nint)recv.Pointer }, d =>
        {
            BoxCopy.CopyBytes(send.Pointer, (T*)d[root].Recv + _rank * send.Count, send.ByteCount);
        });
    }

    /// <inheritdoc/>
    public void Gatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls, int root) where T : unmanaged
    {
        using var scope = Enter("Gatherv");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Gatherv");
        long[]? counts = null, displs = null;
        if (_rank == root) (counts, displs) = CheckBlocks(recvCounts, recvDispls, recv.Count, "Gatherv", "receive");
        var sig = Sig<T>("Gatherv", root: root);
        var desc = new CollDesc(sig)
        {
            Send = (nint)send.Pointer, SendCount = send.Count, Recv = (nint)recv.Pointer, RecvCounts = counts, RecvDispls = displs,
            Check = d =>
            {
                for (int i = 0; i < d.Length; i++)
                    if (d[i].SendCount != d[root].RecvCounts![i])
                        return $"Gatherv(root {root}, {typeof(T).Name}): rank {i} sends {d[i].SendCount} elements but root {root} expects {d[root].RecvCounts![i]} from it.";
                return null;
            },
        };
        Collective(desc, all =>
        {
            BoxCopy.CopyBytes(send.Pointer, (T*)all[root].Recv + all[root].RecvDispls![_rank], send.ByteCount);
        });
    }

    /// <inheritdoc/>
    public void Allgather<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        using var scope = Enter("Allgather");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Capacity(recv.Count, Size * send.Count, "Allgather", "receive");
        var sig = Sig<T>("Allgather", count: send.Count);
        Collective(new CollDesc(sig) { Send = (nint)send.Pointer }, d =>
        {
            for (int k = 0; k < Size; k++)
            {
                int i = (_rank + k) % Size;  // start with a different peer on every rank
                BoxCopy.CopyBytes((void*)d[i].Send, recv.Pointer + i * send.Count, send.ByteCount);
            }
        });
    }

    /// <inheritdoc/>
    public void Allgatherv<T>(CommBuffer<T> send, CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        using var scope = Enter("Allgatherv");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        var (counts, displs) = CheckBlocks(recvCounts, recvDispls, recv.Count, "Allgatherv", "receive");
        var sig = Sig<T>("Allgatherv");
        var desc = new CollDesc(sig)
        {
            Send = (nint)send.Pointer, SendCount = send.Count, RecvCounts = counts,
            Check = d =>
            {
                for (int j = 0; j < d.Length; j++)
                    for (int i = 0; i < d.Length; i++)
                        if (d[i].SendCount != d[j].RecvCounts![i])
                            return $"Allgatherv({typeof(T).Name}): rank {i} sends {d[i].SendCount} elements but rank {j} expects {d[j].RecvCounts![i]} from it.";
                return null;
            },
        };
        Collective(desc, all =>
        {
            for (int k = 0; k < Size; k++)
            {
                int i = (_rank + k) % Size;
                BoxCopy.CopyBytes((void*)all[i].Send, recv.Pointer + displs[i], counts[i] * sizeof(T));
            }
        });
    }

    /// <inheritdoc/>
    public void Scatter<T>(CommBuffer<T> send, CommBuffer<T> recv, int root) where T : unmanaged
    {
        using var scope = Enter("Scatter");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Scatter");
        if (_rank == root) CommArgs.Capacity(send.Count, Size * recv.Count, "Scatter", "send");
        var sig = Sig<T>("Scatter", root: root, count: recv.Count);
        Collective(new CollDesc(sig) { Send = (nint)send.Pointer }, d =>
        {
            BoxCopy.CopyBytes((T*)d[root].Send + _rank * recv.Count, recv.Pointer, recv.ByteCount);
        });
    }

    /// <inheritdoc/>
    public void Scatterv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls, CommBuffer<T> recv, int root) where T : unmanaged
    {
        using var scope = Enter("Scatterv");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Scatterv");
        long[]? counts = null, displs = null;
        if (_rank == root) (counts, displs) = CheckBlocks(sendCounts, sendDispls, send.Count, "Scatterv", "send");
        var sig = Sig<T>("Scatterv", root: root);
        var desc = new CollDesc(sig)
        {
            Send = (nint)send.Pointer, SendCounts = counts, SendDispls = displs, RecvCount = recv.Count,
            Check = d =>
            {
                for (int i = 0; i < d.Length; i++)
                    if (d[root].SendCounts![i] != d[i].RecvCount)
                        return $"Scatterv(root {root}, {typeof(T).Name}): root {root} sends {d[root].SendCounts![i]} elements to rank {i} but it receives {d[i].RecvCount}.";
                return null;
            },
        };
        Collective(desc, all =>
        {
            BoxCopy.CopyBytes((T*)all[root].Send + all[root].SendDispls![_rank], recv.Pointer, recv.ByteCount);
        });
    }

    /// <inheritdoc/>
    public void Alltoall<T>(CommBuffer<T> send, CommBuffer<T> recv) where T : unmanaged
    {
        using var scope = Enter("Alltoall");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.EqualBlocks(send.Count, Size, "Alltoall");
        long block = send.Count / Size;
        CommArgs.Capacity(recv.Count, send.Count, "Alltoall", "receive");
        var sig = Sig<T>("Alltoall", count: block);
        Collective(new CollDesc(sig) { Send = (nint)send.Pointer }, d =>
        {
            for (int k = 0; k < Size; k++)
            {
                int i = (_rank + k) % Size;
                BoxCopy.CopyBytes((T*)d[i].Send + _rank * block, recv.Pointer + i * block, block * sizeof(T));
            }
        });
    }

    /// <inheritdoc/>
    public void Alltoallv<T>(CommBuffer<T> send, ReadOnlySpan<long> sendCounts, ReadOnlySpan<long> sendDispls,
                             CommBuffer<T> recv, ReadOnlySpan<long> recvCounts, ReadOnlySpan<long> recvDispls) where T : unmanaged
    {
        using var scope = Enter("Alltoallv");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        var (sc, sd) = CheckBlocks(sendCounts, sendDispls, send.Count, "Alltoallv", "send");
        var (rc, rd) = CheckBlocks(recvCounts, recvDispls, recv.Count, "Alltoallv", "receive");
        var sig = Sig<T>("Alltoallv");
        var desc = new CollDesc(sig)
        {
            Send = (nint)send.Pointer, SendCounts = sc, SendDispls = sd, RecvCounts = rc,
            Check = d =>
            {
                for (int i = 0; i < d.Length; i++)
                    for (int j = 0; j < d.Length; j++)
                        if (d[i].SendCounts![j] != d[j].RecvCounts![i])
                            return $"Alltoallv({typeof(T).Name}): rank {i} sends {d[i].SendCounts![j]} elements to rank {j} but rank {j} expects {d[j].RecvCounts![i]} from rank {i}.";
                return null;
            },
        };
        Collective(desc, all =>
        {
            // Each rank copies its own incoming blocks, so all ranks' threads copy at once.
            for (int k = 0; k < Size; k++)
            {
                int i = (_rank + k) % Size;
                BoxCopy.CopyBytes((T*)all[i].Send + all[i].SendDispls![_rank], recv.Pointer + rd[i], rc[i] * sizeof(T));
            }
        });
    }

    /// <inheritdoc/>
    /// <remarks>Each rank copies its incoming boxes straight out of the senders' memory: one copy, no
    /// packing.</remarks>
    public void Alltoallw(CommBuffer<byte> send, ReadOnlySpan<ByteBox> sendBoxes, CommBuffer<byte> recv, ReadOnlySpan<ByteBox> recvBoxes)
    {
        using var scope = Enter("Alltoallw");
        CheckHost(send.Kind); CheckHost(recv.Kind);
        BoxExchange.Validate(Size, send, sendBoxes, "send");
        BoxExchange.Validate(Size, recv, recvBoxes, "receive");
        var sig = Sig<byte>("Alltoallw");
        var desc = new CollDesc(sig)
        {
            Send = (nint)send.Pointer, SendBoxes = sendBoxes.ToArray(), RecvBoxes = recvBoxes.ToArray(),
            Check = d =>
            {
                for (int i = 0; i < d.Length; i++)
                    for (int j = 0; j < d.Length; j++)
                    {
                        ByteBox sent = d[i].SendBoxes![j], expected = d[j].RecvBoxes![i];
                        if (sent.ItemBytes != expected.ItemBytes || !sent.Counts.AsSpan().SequenceEqual(expected.Counts))
                            return $"Alltoallw: rank {i} sends [{string.Join(", ", sent.Counts)}] items of {sent.ItemBytes} bytes to rank {j} but rank {j} expects [{string.Join(", ", expected.Counts)}] of {expected.ItemBytes} from rank {i}.";
                    }
                return null;
            },
        };
        Collective(desc, all =>
        {
            for (int k = 0; k < Size; k++)
            {
                int i = (_rank + k) % Size;
                BoxCopy.Copy((byte*)all[i].Send, all[i].SendBoxes![_rank], recv.Pointer, desc.RecvBoxes[i]);
            }
        });
    }

    // ---------------------------------------------------------------- reductions

    /// <inheritdoc/>
    public void Reduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, int root) where T : unmanaged
    {
        using var scope = Enter("Reduce");
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Root(root, Size, "Reduce");
        if (_rank == root) CommArgs.Capacity(recv.Count, send.Count, "Reduce", "receive");
        var sig = Sig<T>("Reduce", op, root, send.Count);
        Collective(new CollDesc(sig) { Send = (nint)send.Pointer }, d =>
        {
            if (_rank == root) Fold(op, d, 0, Size - 1, 0, send.Count, recv.Pointer);
        });
    }

    /// <inheritdoc/>
    public void Allreduce<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged
    {
        using var scope = Enter("Allreduce");
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Capacity(recv.Count, send.Count, "Allreduce", "receive");
        AllreduceCore(send.Pointer, recv.Pointer, send.Count, op);
    }

    /// <inheritdoc/>
    public void AllreduceInPlace<T>(CommBuffer<T> buffer, ReduceOp op) where T : unmanaged
    {
        using var scope = Enter("AllreduceInPlace");
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(buffer.Kind);
        AllreduceCore(buffer.Pointer, buffer.Pointer, buffer.Count, op);
    }

    private void AllreduceCore<T>(T* send, T* recv, long n, ReduceOp op) where T : unmanaged
    {
        // In place or not, it is the same collective for the mismatch check (as MPI_IN_PLACE is).
        var desc = new CollDesc(Sig<T>("Allreduce", op, count: n)) { Send = (nint)send, Recv = (nint)recv };
        if (n < SegmentedReduceElements || Size == 1)
        {
            // Reduce everything into private memory; write the result only after every rank has read its inputs.
            T* result = (T*)NativeMemory.Alloc((nuint)Math.Max(1, n * sizeof(T)));
            try
            {
                Collective(desc, d => Fold(op, d, 0, Size - 1, 0, n, result));
                BoxCopy.CopyBytes(result, recv, n * sizeof(T));
            }
            finally { NativeMemory.Free(result); }
            return;
        }
        Collective(desc, d =>
        {
            // Rank r reduces segment r straight into its receive buffer (only it touches that segment of its own
            // buffers), then every rank copies the other segments from their owners.
            Fold(op, d, 0, Size - 1, SegmentStart(n, _rank), SegmentStart(n, _rank + 1) - SegmentStart(n, _rank), recv + SegmentStart(n, _rank));
            _group.Sync(_rank, desc.Sig);
            for (int k = 1; k < Size; k++)
            {
                int s = (_rank + k) % Size;
                long lo = SegmentStart(n, s), hi = SegmentStart(n, s + 1);
                BoxCopy.CopyBytes((T*)d[s].Recv + lo, recv + lo, (hi - lo) * sizeof(T));
            }
        });
    }

    private long SegmentStart(long n, int segment) => (long)((Int128)n * segment / Size);

    /// <inheritdoc/>
    public void Scan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged =>
        ScanCore(send, recv, op, "Scan", inclusive: true);

    /// <inheritdoc/>
    public void Exscan<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op) where T : unmanaged =>
        ScanCore(send, recv, op, "Exscan", inclusive: false);

    private void ScanCore<T>(CommBuffer<T> send, CommBuffer<T> recv, ReduceOp op, string call, bool inclusive) where T : unmanaged
    {
        using var scope = Enter(call);
        ArgumentNullException.ThrowIfNull(op);
        CheckHost(send.Kind); CheckHost(recv.Kind);
        CommArgs.Capacity(recv.Count, send.Count, call, "receive");
        long n = send.Count;
        int last = inclusive ? _rank : _rank - 1;
        // Peers read this rank's send buffer until the end; a receive buffer overlapping it is written afterwards.
        bool overlap = recv.Pointer < send.Pointer + n && send.Pointer < recv.Pointer + n;
        T* target = overlap ? (T*)NativeMemory.Alloc((nuint)Math.Max(1, n * sizeof(T))) : recv.Pointer;
        try
        {
            Collective(new CollDesc(Sig<T>(call, op, count: n)) { Send = (nint)send.Pointer }, d => Fold(op, d, 0, last, 0, n, target));
            if (overlap) BoxCopy.CopyBytes(target, recv.Pointer, n * sizeof(T));
        }
        finally { if (overlap) NativeMemory.Free(target); }
    }

    /// <summary>
    /// Writes <c>x[first] op x[first+1] op ... op x[last]</c> over elements [offset, offset+count) of the ranks' send
    /// buffers to <paramref name="dst"/>, folding from the right (Combine computes <c>inout = input op inout</c>), so a
    /// non-commutative operation sees rank order. With no ranks it writes the identity.
    /// </summary>
    private static void Fold<T>(ReduceOp op, CollDesc[] d, int first, int last, long offset, long count, T* dst) where T : unmanaged
    {
        if (count <= 0) return;
        if (first > last)
        {
            var identity = op.Identity<T>();
            for (long done = 0; done < count; done += FoldChunk)
                new Span<T>(dst + done, (int)Math.Min(FoldChunk, count - done)).Fill(identity);
            return;
        }
        if (first == last && op.Kind != ReduceKind.User)
        {
            BoxCopy.CopyBytes((T*)d[last].Send + offset, dst, count * sizeof(T));
            return;
        }
        int chunk = (int)Math.Min(FoldChunk, count);
        T* tmp = (T*)NativeMemory.Alloc((nuint)(chunk * sizeof(T)));
        try
        {
            for (long done = 0; done < count; done += chunk)
            {
                int len = (int)Math.Min(chunk, count - done);
                BoxCopy.CopyBytes((T*)d[last].Send + offset + done, tmp, (long)len * sizeof(T));
                var inout = new Span<T>(tmp, len);
                for (int i = last - 1; i >= first; i--)
                    op.Combine(new ReadOnlySpan<T>((T*)d[i].Send + offset + done, len), inout);
                BoxCopy.CopyBytes(tmp, dst + done, (long)len * sizeof(T));
            }
        }
        finally { NativeMemory.Free(tmp); }
    }

    // ---------------------------------------------------------------- groups

    /// <inheritdoc/>
    public ICommunicator? Split(int color, int key)
    {
        using var scope = Enter("Split");
        CommArgs.Color(color);
        var group = _group;
        var desc = new CollDesc(new CollSig("Split")) { Color = color, Key = key, Build = d => BuildSplit(group, d) };
        _group.Begin(_rank, desc, enter: false);
        var (groups, ranks) = ((InProcGroup?[], int[]))_group.Shared!;
        return groups[_rank] is { } g ? new InProcCommunicator(g, ranks[_rank]) : null;
    }

    /// <inheritdoc/>
    public ICommunicator Dup()
    {
        using var scope = Enter("Dup");
        var group = _group;
        var desc = new CollDesc(new CollSig("Dup"))
        {
            Build = _ => new InProcGroup(group.Job, group.WorldRanks, $"comm#{group.Job.NextCommId()} (Dup of {group.Name})"),
        };
        _group.Begin(_rank, desc, enter: false);
        return new InProcCommunicator((InProcGroup)_group.Shared!, _rank);
    }

    private static (InProcGroup?[] Groups, int[] Ranks) BuildSplit(InProcGroup parent, CollDesc[] d)
    {
        var groups = new InProcGroup?[d.Length];
        var ranks = new int[d.Length];
        foreach (var colour in Enumerable.Range(0, d.Length).Select(i => d[i].Color).Where(c => c != Comm.Undefined).Distinct().Order())
        {
            var members = Enumerable.Range(0, d.Length).Where(i => d[i].Color == colour).OrderBy(i => d[i].Key).ThenBy(i => i).ToArray();
            var group = new InProcGroup(parent.Job, members.Select(m => parent.WorldRanks[m]).ToArray(),
                $"comm#{parent.Job.NextCommId()} (Split of {parent.Name}, colour {colour})");
            for (int k = 0; k < members.Length; k++) { groups[members[k]] = group; ranks[members[k]] = k; }
        }
        return (groups, ranks);
    }

    /// <summary>
    /// Runs one collective: publishes <paramref name="desc"/>, waits for every rank, runs <paramref name="body"/> with
    /// all
    /// ranks' descriptors while every rank is inside (an exception there fails the collective on all ranks), and leaves
    /// together, so no rank keeps a peer's buffer after the call.
    /// </summary>
    private void Collective(CollDesc desc, Action<CollDesc[]> body)
    {
        var all = _group.Begin(_rank, desc, enter: true);
        try { body(all); }
        catch (Exception e) { _group.Abort(_rank, desc.Sig, e); throw; }
        _group.End(_rank, desc.Sig);
    }

    // ---------------------------------------------------------------- validation

    private static CollSig Sig<T>(string call, ReduceOp? op = null, int root = -1, long count = -1) where T : unmanaged =>
        new(call, op?.Name, root, count, typeof(T).Name);

    private static void CheckHost(MemoryKind kind) => CommArgs.Host(kind, "in-process");

    private (long[] Counts, long[] Displs) CheckBlocks(ReadOnlySpan<long> counts, ReadOnlySpan<long> displs, long bufferCount, string call, string which)
    {
        CommArgs.Blocks(counts, displs, bufferCount, Size, call, which);
        return (counts.ToArray(), displs.ToArray());
    }
}
