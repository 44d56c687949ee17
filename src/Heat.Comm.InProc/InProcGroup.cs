// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Comm.InProc;

/// <summary>What ranks compare to decide whether they called the same collective.</summary>
internal readonly record struct CollSig(string Call, string? Op = null, int Root = -1, long Count = -1, string? Type = null)
{
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Op is not null) parts.Add(Op);
        if (Root >= 0) parts.Add($"root {Root}");
        if (Type is not null) parts.Add(Count >= 0 ? $"{Count} x {Type}" : Type);
        return $"{Call}({string.Join(", ", parts)})";
    }
}

/// <summary>One rank's part of a collective: its signature and the buffers peers may read while all are inside.</summary>
internal sealed class CollDesc(CollSig sig)
{
    public CollSig Sig { get; } = sig;
    public nint Send;
    public nint Recv;
    public long SendCount;
    public long RecvCount;
    public long[]? SendCounts, SendDispls, RecvCounts, RecvDispls;
    public ByteBox[]? SendBoxes, RecvBoxes;
    public int Color, Key;
    /// <summary>Checks agreement beyond the signature (v-variant counts); returns a message or null.</summary>
    public Func<CollDesc[], string?>? Check;
    /// <summary>Builds a result shared by all ranks (the groups of Split and Dup).</summary>
    public Func<CollDesc[], object?>? Build;
}

/// <summary>
/// The shared state of one communicator's group: the collective rendezvous and one point-to-point mailbox per rank.
/// </summary>
/// <remarks>
/// A collective is a sequence of barrier episodes on one counter. In the first, every rank publishes a
/// <see cref="CollDesc"/>; the last to arrive compares them, so a mismatch is seen by all ranks at once. Between the
/// first and the last episode ranks are "inside": they read each other's buffers. No rank leaves the inside region
/// (normally or by an exception) before every rank has stopped reading, so no rank keeps a peer's buffer after a call.
/// A failed collective breaks the group for good; its later calls fail at once.
/// </remarks>
internal sealed class InProcGroup
{
    private readonly object _lock = new();
    private readonly bool[] _arrived;
    private readonly bool[] _left;
    private readonly CollDesc?[] _descs;
    private long _gen;
    private int _count;
    private int _inside;
    private Exception? _broken;

    public InProcGroup(InProcJob job, int[] worldRanks, string name)
    {
        Job = job; WorldRanks = worldRanks; Name = name;
        Size = worldRanks.Length;
        _arrived = new bool[Size];
        _left = new bool[Size];
        _descs = new CollDesc?[Size];
        Boxes = new Mailbox[Size];
        for (int i = 0; i < Size; i++) Boxes[i] = new Mailbox();
    }

    public InProcJob Job { get; }
    public int Size { get; }
    public int[] WorldRanks { get; }
    public string Name { get; }
    public Mailbox[] Boxes { get; }
    /// <summary>The result of the last <see cref="CollDesc.Build"/>; valid until the caller's next collective.</summary>
    public object? Shared { get; private set; }

    /// <summary>
    /// Publishes <paramref name="desc"/> and waits for every rank; returns all ranks' descriptors. With
    /// <paramref name="enter"/> the caller is inside afterwards and must call <see cref="End"/> or <see cref="Abort"/>.
    /// </summary>
    public CollDesc[] Begin(int rank, CollDesc desc, bool enter)
    {
        long gen;
        var deadline = DateTime.UtcNow + Job.Timeout;
        lock (_lock)
        {
            ThrowIfBroken(rank, desc.Sig);
            _descs[rank] = desc;
            _arrived[rank] = true;
            _left[rank] = false;
            gen = _gen;
            if (++_count == Size)
            {
                CompleteFirst(enter);
                return Snapshot(rank, desc.Sig);
            }
        }
        WaitEpisode(gen, rank, desc.Sig, deadline, inside: false);
        return Snapshot(rank, desc.Sig);
    }

    /// <summary>A barrier between two stages of a collective, for ranks inside.</summary>
    public void Sync(int rank, CollSig sig) => Arrive(rank, sig, last: false);

    /// <summary>The last barrier of a collective: after it no rank reads another's buffers.</summary>
    public void End(int rank, CollSig sig) => Arrive(rank, sig, last: true);

    /// <summary>Leaves the inside region after <paramref name="error"/>; returns once no rank reads this rank's buffers.</summary>
    public void Abort(int rank, CollSig sig, Exception error)
    {
        lock (_lock)
        {
            _broken ??= new RankFailedException(
                $"{Name}: rank {rank} (world rank {WorldRanks[rank]}) failed inside {sig} ({error.GetType().Name}: {error.Message}).", error);
            if (!_left[rank]) LeaveInside();
        }
    }

    private void Arrive(int rank, CollSig sig, bool last)
    {
        long gen;
        lock (_lock)
        {
            gen = _gen;
            if (_broken is null && ++_count == Size)
            {
                _count = 0;
                if (last) _inside = 0;
                _gen++;
                Monitor.PulseAll(_lock);
                return;
            }
        }
        // Inside, every rank is known to be present, so no deadline: leaving early could free a buffer a peer reads.
        WaitEpisode(gen, rank, sig, DateTime.MaxValue, inside: true);
    }

    private void CompleteFirst(bool enter)
    {
        var descs = _descs!;
        string? error = null;
        for (int i = 1; i < Size && error is null; i++)
            if (descs[i]!.Sig != descs[0]!.Sig)
                error = $"{Name}: rank 0 called {descs[0]!.Sig} but rank {i} called {descs[i]!.Sig}.";
        if (error is null && descs[0]!.Check is { } check) error = Prefix(check(descs!));
        object? shared = null;
        if (error is null && descs[0]!.Build is { } build)
        {
            try { shared = build(descs!); }
            catch (CollectiveMismatchException e) { error = Prefix(e.Message); }
        }
        Shared = shared;
        if (error is not null) _broken = new CollectiveMismatchException(error);
        else if (enter) _inside = Size;
        _count = 0;
        Array.Clear(_arrived);
        _gen++;
        Monitor.PulseAll(_lock);
    }

    private string? Prefix(string? message) => message is null ? null : $"{Name}: {message}";

    private CollDesc[] Snapshot(int rank, CollSig sig)
    {
        lock (_lock)
        {
            if (_broken is CollectiveMismatchException m) throw new CollectiveMismatchException(m.Message);
            var copy = new CollDesc[Size];
            for (int i = 0; i < Size; i++) copy[i] = _descs[i]!;
            return copy;
        }
    }

    /// <summary>Waits until the episode <paramref name="gen"/> completes; throws (after leaving safely) when it cannot.</summary>
    private void WaitEpisode(long gen, int rank, CollSig sig, DateTime deadline, bool inside)
    {
        // A short spin first: the common case is that peers arrive within microseconds.
        var spin = new SpinWait();
        for (int i = 0; i < 40 && Volatile.Read(ref _gen) == gen; i++) spin.SpinOnce(sleep1Threshold: -1);
        lock (_lock)
        {
            while (_gen == gen)
            {
                Exception? abort = null;
                if (_broken is { } b) abort = Rethrown(b, rank, sig);
                else if (Job.Failure is { } f) abort = InProcJob.Released(WorldRanks[rank], $"{Name} {sig}", f, Job.FailedRank);
                else if (!inside && DateTime.UtcNow >= deadline)
                {
                    var missing = Enumerable.Range(0, Size).Where(r => !_arrived[r]).ToArray();
                    var message = $"{Name}: rank(s) {string.Join(", ", missing)} did not reach {sig} within {Job.Timeout.TotalSeconds:0.###} s " +
                                  $"(ranks {string.Join(", ", Enumerable.Range(0, Size).Where(r => _arrived[r]))} waited).";
                    _broken = new CommunicationTimeoutException(message);
                    abort = new CommunicationTimeoutException(message);
                }
                if (abort is not null)
                {
                    if (inside) { _left[rank] = true; LeaveInside(); }
                    else { _arrived[rank] = false; _count--; _descs[rank] = null; }
                    throw abort;
                }
                Monitor.Wait(_lock, InProcJob.PollMilliseconds);
            }
        }
    }

    /// <summary>Leaves the inside region (lock held) and waits until every rank has left it or finished.</summary>
    private void LeaveInside()
    {
        _inside--;
        Monitor.PulseAll(_lock);
        // Peers still copying finish their stage (bounded work) and then see _broken at their next barrier.
        while (_inside > 0) Monitor.Wait(_lock, InProcJob.PollMilliseconds);
    }

    private void ThrowIfBroken(int rank, CollSig sig)
    {
        if (_broken is { } b) throw Rethrown(b, rank, sig);
        Job.ThrowIfFailed(WorldRanks[rank], $"{Name} {sig}");
    }

    private Exception Rethrown(Exception broken, int rank, CollSig sig) => broken switch
    {
        CollectiveMismatchException m => new CollectiveMismatchException(m.Message),
        CommunicationTimeoutException t => new CommunicationTimeoutException(t.Message),
        _ => new RankFailedException($"{broken.Message} Rank {rank} of {Name} was released from {sig}.", broken),
    };
}
