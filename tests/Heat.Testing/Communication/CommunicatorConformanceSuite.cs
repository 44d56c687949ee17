// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Xunit;

namespace Heat.Testing.Communication;

using Comm = Heat.Abstractions.Comm;

/// <summary>
/// What every <see cref="ICommunicator"/> must do, on 1 to 5 ranks: point-to-point with tags and wildcards, requests,
/// every collective with uneven and zero counts, every element type, user reductions in rank order, and
/// sub-communicators. Bind it with a one-line subclass per communicator.
/// </summary>
public abstract unsafe class CommunicatorConformanceSuite(ITestWorld world)
{
    /// <summary>The rank counts every test runs on.</summary>
    public static TheoryData<int> Ranks => new() { 1, 2, 3, 4, 5 };

    /// <summary>Every element type, on every rank count.</summary>
    public static TheoryData<int, string> RanksAndTypes
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var r in new[] { 1, 2, 3, 4, 5 })
                foreach (var t in TypeNames) data.Add(r, t);
            return data;
        }
    }

    private static readonly string[] TypeNames = ["bool", "byte", "sbyte", "short", "int", "long", "float", "double",
        "Complex64", "Complex"];

    /// <summary>The world the tests run in.</summary>
    protected ITestWorld World { get; } = world;

    // Uneven block sizes with zeros: rank i sends (i + j) % 3 elements to rank j.
    private static long Pair(int from, int to) => (from + 2 * to) % 3;

    // ------------------------------------------------------------ basics

    [Theory, MemberData(nameof(Ranks))]
    public void RankAndSize_AreConsistent(int ranks)
    {
        var seen = World.Run(ranks, c => (c.Rank, c.Size, c.Kind));
        Assert.Equal(Enumerable.Range(0, ranks), seen.Select(s => s.Rank));
        Assert.All(seen, s => Assert.Equal(ranks, s.Size));
        Assert.All(seen, s => Assert.False(string.IsNullOrEmpty(s.Kind)));
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Barrier_OrdersPhases(int ranks)
    {
        int arrived = 0;
        var seen = World.Run(ranks, c =>
        {
            Interlocked.Increment(ref arrived);
            c.Barrier();
            int after = Volatile.Read(ref arrived);
            c.Barrier();
            c.Barrier();
            return after;
        });
        // In process all ranks share `arrived`; under MPI each process only sees itself.
        Assert.All(seen, a => Assert.True(a == ranks || a == 1));
    }

    // ------------------------------------------------------------ point-to-point

    [Theory, MemberData(nameof(Ranks))]
    public void Sendrecv_Ring_DeliversNeighbourData(int ranks) => World.Run(ranks, c =>
    {
        int right = (c.Rank + 1) % c.Size, left = (c.Rank + c.Size - 1) % c.Size;
        var send = TestValues.Array<double>(c.Rank, 5);
        var recv = new double[5];
        var status = c.Sendrecv<double>(send, right, recv, left, sendTag: 7, recvTag: 7);
        Assert.Equal(TestValues.Array<double>(left, 5), recv);
        Assert.Equal(new CommStatus(left, 7, 5), status);
    });

    [Theory, MemberData(nameof(Ranks))]
    public void SendRecv_LargeMessages_UseRendezvousAndArriveIntact(int ranks) => World.Run(ranks, c =>
    {
        const int n = 100_003;  // well above any eager limit
        int right = (c.Rank + 1) % c.Size, left = (c.Rank + c.Size - 1) % c.Size;
        var send = TestValues.Array<long>(c.Rank, n);
        var recv = new long[n];
        if (c.Size == 1) { c.Sendrecv<long>(send, 0, recv, 0); }
        else if (c.Rank % 2 == 0) { c.Send<long>(send, right); c.Recv<long>(recv, left); }
        else { c.Recv<long>(recv, left); c.Send<long>(send, right); }
        Assert.Equal(TestValues.Array<long>(left, n), recv);
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Recv_ByTag_SelectsOutOfOrder(int ranks) => World.Run(ranks, c =>
    {
        if (c.Size < 2) return;
        if (c.Rank == 0)
        {
            c.Send<int>([1, 1], 1, tag: 1);
            c.Send<int>([2, 2, 2], 1, tag: 2);
        }
        else if (c.Rank == 1)
        {
            var b = new int[3];
            var s2 = c.Recv<int>(b, 0, tag: 2);
            Assert.Equal(new CommStatus(0, 2, 3), s2);
            Assert.Equal([2, 2, 2], b);
            var s1 = c.Recv<int>(b, 0, tag: 1);
            Assert.Equal(new CommStatus(0, 1, 2), s1);
            Assert.Equal([1, 1], b.AsSpan(0, 2).ToArray());
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Recv_AnySource_KeepsPerSenderOrder(int ranks) => World.Run(ranks, c =>
    {
        const int perSender = 4;
        if (c.Rank != 0)
        {
            for (int k = 0; k < perSender; k++) c.Send<int>([c.Rank, k], 0, tag: 10 + c.Rank);
            return;
        }
        var next = new int[c.Size];
        var buffer = new int[2];
        for (int m = 0; m < (c.Size - 1) * perSender; m++)
        {
            var st = c.Recv<int>(buffer, Comm.AnySource, Comm.AnyTag);
            Assert.Equal(buffer[0], st.Source);
            Assert.Equal(10 + st.Source, st.Tag);
            Assert.Equal(2, st.Count);
            Assert.Equal(next[st.Source]++, buffer[1]);
        }
        Assert.All(Enumerable.Range(1, c.Size - 1), r => Assert.Equal(perSender, next[r]));
    });

    [Theory, MemberData(nameof(Ranks))]
    public void IsendIrecv_WaitAll_ExchangesWithEveryRank(int ranks) => World.Run(ranks, c =>
    {
        const int n = 20_000;  // 160 KB: large enough that sends wait for their receives
        var recv = new long[c.Size][];
        var send = new long[c.Size][];
        var requests = new List<CommRequest>();
        for (int p = 0; p < c.Size; p++)
        {
            recv[p] = new long[n];
            requests.Add(c.Irecv<long>(recv[p], p, tag: 3));
        }
        for (int p = 0; p < c.Size; p++)
        {
            send[p] = TestValues.Array<long>(c.Rank * 10 + p, n);
            requests.Add(c.Isend<long>(send[p], p, tag: 3));
        }
        var statuses = CommRequest.WaitAll([.. requests]);
        for (int p = 0; p < c.Size; p++)
        {
            Assert.Equal(TestValues.Array<long>(p * 10 + c.Rank, n), recv[p]);
            Assert.Equal(new CommStatus(p, 3, n), statuses[p]);
        }
        Assert.All(requests, r => Assert.True(r.Test()));
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Irecv_ZeroCount_Completes(int ranks) => World.Run(ranks, c =>
    {
        int right = (c.Rank + 1) % c.Size, left = (c.Rank + c.Size - 1) % c.Size;
        var r = c.Irecv(Memory<float>.Empty, left, 0);
        var s = c.Isend(ReadOnlyMemory<float>.Empty, right, 0);
        var st = r.Wait();
        s.Wait();
        Assert.Equal(new CommStatus(left, 0, 0), st);
    });

    // ------------------------------------------------------------ collectives over every type

    [Theory, MemberData(nameof(RanksAndTypes))]
    public void Collectives_MoveEveryElementType(int ranks, string type)
    {
        switch (type)
        {
            case "bool": MoveEveryType<bool>(ranks); break;
            case "byte": MoveEveryType<byte>(ranks); break;
            case "sbyte": MoveEveryType<sbyte>(ranks); break;
            case "short": MoveEveryType<short>(ranks); break;
            case "int": MoveEveryType<int>(ranks); break;
            case "long": MoveEveryType<long>(ranks); break;
            case "float": MoveEveryType<float>(ranks); break;
            case "double": MoveEveryType<double>(ranks); break;
            case "Complex64": MoveEveryType<Complex64>(ranks); break;
            case "Complex": MoveEveryType<Complex>(ranks); break;
            default: throw new ArgumentException(type);
        }
    }

    private void MoveEveryType<T>(int ranks) where T : unmanaged => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        // Bcast from every root, including an empty one.
        for (int root = 0; root < p; root++)
        {
            var b = me == root ? TestValues.Array<T>(root, 7) : new T[7];
            c.Bcast<T>(b, root);
            Assert.Equal(TestValues.Array<T>(root, 7), b);
            c.Bcast(Span<T>.Empty, root);
        }
        // Allreduce(sum) against a local fold of everyone's data.
        var expected = TestValues.Array<T>(p - 1, 5);
        for (int r = p - 2; r >= 0; r--) ReduceOp.Sum.Combine<T>(TestValues.Array<T>(r, 5), expected);
        var sum = new T[5];
        c.Allreduce<T>(TestValues.Array<T>(me, 5), sum, ReduceOp.Sum);
        Assert.Equal(expected, sum);
        // Allgatherv with uneven and zero counts.
        var counts = Enumerable.Range(0, p).Select(r => (long)(r % 3)).ToArray();
        var displs = Displacements(counts, gap: 1);
        var all = new T[displs[^1] + counts[^1] + 1];
        c.Allgatherv<T>(TestValues.Array<T>(me, counts[me]), all, counts, displs);
        for (int r = 0; r < p; r++)
            Assert.Equal(TestValues.Array<T>(r, counts[r]), all.AsSpan((int)displs[r], (int)counts[r]).ToArray());
        // Alltoallv with uneven and zero blocks.
        AlltoallvCheck<T>(c);
        // Point-to-point.
        int right = (me + 1) % p, left = (me + p - 1) % p;
        var got = new T[3];
        c.Sendrecv<T>(TestValues.Array<T>(me, 3), right, got, left);
        Assert.Equal(TestValues.Array<T>(left, 3), got);
    });

    private static void AlltoallvCheck<T>(ICommunicator c) where T : unmanaged
    {
        int p = c.Size, me = c.Rank;
        var sc = Enumerable.Range(0, p).Select(j => Pair(me, j)).ToArray();
        var rc = Enumerable.Range(0, p).Select(i => Pair(i, me)).ToArray();
        var sd = Displacements(sc, gap: 2);
        var rd = Displacements(rc, gap: 1);
        var send = new T[sd[^1] + sc[^1]];
        for (int j = 0; j < p; j++)
            TestValues.Array<T>(me * 100 + j, sc[j]).CopyTo(send, sd[j]);
        var recv = new T[rd[^1] + rc[^1] + 3];
        c.Alltoallv<T>(send, sc, sd, recv, rc, rd);
        for (int i = 0; i < p; i++)
            Assert.Equal(TestValues.Array<T>(i * 100 + me, rc[i]), recv.AsSpan((int)rd[i], (int)rc[i]).ToArray());
    }

    // ------------------------------------------------------------ gather / scatter / alltoall

    [Theory, MemberData(nameof(Ranks))]
    public void Gather_And_Gatherv_CollectInRankOrderOnEveryRoot(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        for (int root = 0; root < p; root++)
        {
            var all = new int[3 * p];
            c.Gather<int>(TestValues.Array<int>(me, 3), me == root ? all.AsSpan() : Span<int>.Empty, root);
            if (me == root)
                for (int r = 0; r < p; r++) Assert.Equal(TestValues.Array<int>(r, 3), all.AsSpan(3 * r, 3).ToArray());

            var counts = Enumerable.Range(0, p).Select(r => (long)((r + root) % 3)).ToArray();
            var displs = Displacements(counts, gap: 2);
            var v = new int[displs[^1] + counts[^1]];
            c.Gatherv<int>(TestValues.Array<int>(me, counts[me]), v, counts, displs, root);
            if (me == root)
                for (int r = 0; r < p; r++) Assert.Equal(TestValues.Array<int>(r, counts[r]), v.AsSpan((int)displs[r],
                    (int)counts[r]).ToArray());
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Allgather_GathersOnEveryRank(int ranks) => World.Run(ranks, c =>
    {
        var all = new short[4 * c.Size];
        c.Allgather<short>(TestValues.Array<short>(c.Rank, 4), all);
        for (int r = 0; r < c.Size; r++) Assert.Equal(TestValues.Array<short>(r, 4), all.AsSpan(4 * r, 4).ToArray());
        Assert.Equal(Enumerable.Range(0, c.Size).Select(r => r * r), c.Allgather(c.Rank * c.Rank));
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Scatter_And_Scatterv_DeliverEachRanksBlock(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        for (int root = 0; root < p; root++)
        {
            var source = me == root ? TestValues.Array<float>(root, 2 * p) : [];
            var mine = new float[2];
            c.Scatter<float>(source, mine, root);
            Assert.Equal(TestValues.Array<float>(root, 2 * p).AsSpan(2 * me, 2).ToArray(), mine);

            var counts = Enumerable.Range(0, p).Select(r => (long)((r * 2 + root) % 3)).ToArray();
            var displs = Displacements(counts, gap: 1);
            var full = TestValues.Array<float>(root + 50, displs[^1] + counts[^1]);
            var block = new float[counts[me]];
            c.Scatterv<float>(me == root ? full : [], me == root ? counts : [], me == root ? displs : [], block, root);
            Assert.Equal(full.AsSpan((int)displs[me], (int)counts[me]).ToArray(), block);
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Alltoall_TransposesBlocks(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        var send = new int[2 * p];
        for (int j = 0; j < p; j++) { send[2 * j] = me * 1000 + j; send[2 * j + 1] = -(me * 1000 + j); }
        var recv = new int[2 * p];
        c.Alltoall<int>(send, recv);
        for (int i = 0; i < p; i++) { Assert.Equal(i * 1000 + me, recv[2 * i]); Assert.Equal(-(i * 1000 + me),
            recv[2 * i + 1]); }
        c.Alltoall(ReadOnlySpan<int>.Empty, Span<int>.Empty);
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Alltoallw_MovesStridedBoxes_LikeAResplitOfRowsToColumns(int ranks) => World.Run(ranks, c =>
    {
        // Global G[i, j] = 1000 i + j of R x C ints; rank q holds (q % 3) rows (uneven, some empty) and ends with the
        // columns of its canonical chunk, received once in row-major and once in transposed (column-major) layout.
        int p = c.Size, me = c.Rank;
        const int item = sizeof(int);
        long C = 2 * p + 1;
        long[] rows = [.. Enumerable.Range(0, p).Select(q => (long)(q % 3))], rowStart = Displacements(rows, gap: 0);
        long[] cols = [.. Enumerable.Range(0, p).Select(q => C / p + (q < C % p ? 1 : 0))],
            colStart = Displacements(cols, gap: 0);
        long R = rows.Sum();
        // The local rows sit in a wider buffer (row pitch C + 3), so the send side is strided in both dimensions.
        long pitch = C + 3;
        var local = new int[Math.Max(1, rows[me] * pitch)];
        for (long i = 0; i < rows[me]; i++)
            for (long j = 0; j < C; j++) local[i * pitch + j] = (int)(1000 * (rowStart[me] + i) + j);
        var sendBoxes = Enumerable.Range(0, p).Select(r => new ByteBox(colStart[r] * item, [rows[me], cols[r]],
            [pitch * item, item], item)).ToArray();
        foreach (bool transposed in new[] { false, true })
        {
            long n = R * cols[me];
            var result = new int[n + 2];
            Array.Fill(result, -1);
            var recvBoxes = Enumerable.Range(0, p).Select(q => transposed
                ? new ByteBox(rowStart[q] * item, [rows[q], cols[me]], [item, R * item], item)
                : new ByteBox(rowStart[q] * cols[me] * item, [rows[q], cols[me]], [cols[me] * item, item],
                    item)).ToArray();
            fixed (int* sp = local, rp = result)
                c.Alltoallw(new CommBuffer<byte>((byte*)sp, local.Length * item), sendBoxes,
                    new CommBuffer<byte>((byte*)rp, n * item), recvBoxes);
            for (long i = 0; i < R; i++)
                for (long j = 0; j < cols[me]; j++)
                    Assert.Equal((int)(1000 * i + colStart[me] + j), result[transposed ? j * R + i : i * cols[me] + j]);
            Assert.Equal(-1, result[n]);
            Assert.Equal(-1, result[n + 1]);
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Alltoallw_RefusesMalformedBoxes_OnEveryRank(int ranks) => World.Run(ranks, c =>
    {
        var buffer = new byte[64];
        fixed (byte* b = buffer)
        {
            var cb = new CommBuffer<byte>(b, buffer.Length);
            var one = Enumerable.Repeat(ByteBox.Contiguous(0, 0), c.Size).ToArray();
            var e = Assert.Throws<ArgumentException>(() => c.Alltoallw(cb, one[..^1], cb, one));
            Assert.Contains($"{c.Size - 1} send boxes for {c.Size} ranks", e.Message);
            var outside = Enumerable.Repeat(new ByteBox(8, [4, 4], [16, 4], 4), c.Size).ToArray();
            e = Assert.Throws<ArgumentException>(() => c.Alltoallw(cb, outside, cb, one));
            Assert.Contains("reaches byte 72 of a 64-byte buffer", e.Message);
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_FailOnEveryRank_WithTheSharedMessages(int ranks) => World.Run(ranks, c =>
    {
        // CommArgs words these for every communicator; each is raised locally, before any communication.
        int p = c.Size;
        var buffer = new double[2 * p + 1];
        fixed (double* b = buffer)
        {
            var all = new CommBuffer<double>(b, buffer.Length);
            var none = new CommBuffer<double>(b, 0);
            var device = new CommBuffer<double>(b, 1, MemoryKind.Device);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => c.Send(none, p, 0));
            Assert.Equal(("dest", $"Send: destination {p} is not a rank of a communicator of size "
                + $"{p}."), (e.ParamName, e.Message.Split(" (Parameter")[0]));
            e = Assert.Throws<ArgumentOutOfRangeException>(() => c.Recv(none, -5, 0));
            Assert.Equal(("source", $"Recv: source -5 is not a rank of a communicator of size "
                + $"{p}."), (e.ParamName, e.Message.Split(" (Parameter")[0]));
            e = Assert.Throws<ArgumentOutOfRangeException>(() => c.Irecv(none, 0, -3));
            Assert.Equal(("tag", "Irecv: tag -3 is negative."), (e.ParamName, e.Message.Split(" (Parameter")[0]));
            e = Assert.Throws<ArgumentOutOfRangeException>(() => c.Bcast(none, p));
            Assert.Equal(("root", $"Bcast: root {p} is not a rank of a communicator of size "
                + $"{p}."), (e.ParamName, e.Message.Split(" (Parameter")[0]));
            e = Assert.Throws<ArgumentOutOfRangeException>(() => c.Split(-2, 0));
            Assert.StartsWith("Split: colour -2 is negative", e.Message);
            var a = Assert.Throws<ArgumentException>(() => c.Allgather(all, none));
            Assert.Equal($"Allgather: the receive buffer holds 0 elements but {p * (2 * p + 1)} are "
                + $"needed.", a.Message);
            if (p > 1)
            {
                a = Assert.Throws<ArgumentException>(() => c.Alltoall(all, all));
                Assert.StartsWith($"Alltoall: the send buffer's {2 * p + 1} elements do not split into {p} equal "
                    + $"blocks.", a.Message);
            }
            a = Assert.Throws<ArgumentException>(() => c.Alltoallv(all, [], [], all, [], []));
            Assert.Equal($"Alltoallv: send counts and displacements need {p} entries each, got 0 and 0.", a.Message);
            a = Assert.Throws<ArgumentException>(() => c.Allreduce(device, all, ReduceOp.Sum));
            Assert.EndsWith(" communicator is not GPU-aware: pass host buffers.", a.Message);
        }
        c.Barrier();  // no rank entered a collective
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Alltoallv_WithSlicedBuffersAnd64BitDisplacements(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        var sc = Enumerable.Range(0, p).Select(j => Pair(me, j) + 1).ToArray();
        var rc = Enumerable.Range(0, p).Select(i => Pair(i, me) + 1).ToArray();
        var sd = Displacements(sc, gap: 0);
        var rd = Displacements(rc, gap: 0);
        long sendTotal = sd[^1] + sc[^1], recvTotal = rd[^1] + rc[^1];
        // The blocks live at an offset inside larger native buffers; CommBuffer.Slice carries the 64-bit offset.
        long pad = 5;
        var sendAll = (double*)NativeMemory.Alloc((nuint)((sendTotal + pad) * sizeof(double)));
        var recvAll = (double*)NativeMemory.Alloc((nuint)((recvTotal + 2 * pad) * sizeof(double)));
        try
        {
            for (long k = 0; k < recvTotal + 2 * pad; k++) recvAll[k] = -1;
            for (int j = 0; j < p; j++)
                for (long k = 0; k < sc[j]; k++) sendAll[pad + sd[j] + k] = me * 100 + j + k * 0.5;
            var send = new CommBuffer<double>(sendAll, sendTotal + pad).Slice(pad, sendTotal);
            var recv = new CommBuffer<double>(recvAll, recvTotal + 2 * pad).Slice(pad, recvTotal);
            c.Alltoallv(send, sc, sd, recv, rc, rd);
            for (int i = 0; i < p; i++)
                for (long k = 0; k < rc[i]; k++) Assert.Equal(i * 100 + me + k * 0.5, recvAll[pad + rd[i] + k]);
            for (long k = 0; k < pad; k++) { Assert.Equal(-1, recvAll[k]); Assert.Equal(-1,
                recvAll[pad + recvTotal + k]); }
        }
        finally { NativeMemory.Free(sendAll); NativeMemory.Free(recvAll); }
    });

    // ------------------------------------------------------------ reductions

    [Theory, MemberData(nameof(Ranks))]
    public void Allreduce_BuiltInOps(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        Assert.Equal(p * (p - 1) / 2, c.Allreduce(me, ReduceOp.Sum));
        Assert.Equal(0L, c.Allreduce((long)me, ReduceOp.Min));
        Assert.Equal(p - 1.0, c.Allreduce((double)me, ReduceOp.Max));
        Assert.Equal(Enumerable.Range(1, p).Aggregate(1L, (a, b) => a * b), c.Allreduce((long)me + 1, ReduceOp.Prod));
        Assert.Equal(p == 1, c.Allreduce(me == 0, ReduceOp.LAnd));
        Assert.True(c.Allreduce(me == p - 1, ReduceOp.LOr));
        Assert.Equal(Enumerable.Range(0, p).Aggregate(0, (a, b) => a ^ (1 << b)), c.Allreduce(1 << me, ReduceOp.BXor));
        Assert.Equal(Enumerable.Range(0, p).Aggregate(0, (a, b) => a | (1 << b)), c.Allreduce(1 << me, ReduceOp.BOr));
        Assert.Equal(p == 1 ? 0b11 : 0b01, c.Allreduce(me == 0 ? 0b11 : 0b01, ReduceOp.BAnd));
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Allreduce_LargeAndInPlace_MatchReference(int ranks) => World.Run(ranks, c =>
    {
        foreach (int n in new[] { 0, 1, 1000, 100_003 })
        {
            var expected = new double[n];
            for (int r = 0; r < c.Size; r++) for (int i = 0; i < n; i++) expected[i] += r + i * 0.5;
            var mine = Enumerable.Range(0, n).Select(i => c.Rank + i * 0.5).ToArray();
            var result = new double[n];
            c.Allreduce<double>(mine, result, ReduceOp.Sum);
            Assert.Equal(expected, result);
            c.AllreduceInPlace<double>(mine, ReduceOp.Sum);
            Assert.Equal(expected, mine);
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Reduce_OntoEveryRoot(int ranks) => World.Run(ranks, c =>
    {
        for (int root = 0; root < c.Size; root++)
        {
            var result = new int[] { -1, -1, -1 };
            c.Reduce<int>([c.Rank, 1, -c.Rank], result, ReduceOp.Sum, root);
            int s = c.Size * (c.Size - 1) / 2;
            if (c.Rank == root) Assert.Equal([s, c.Size, -s], result);
            else Assert.Equal([-1, -1, -1], result);
        }
    });

    [Theory, MemberData(nameof(Ranks))]
    public void ScanAndExscan_PrefixSums(int ranks) => World.Run(ranks, c =>
    {
        var inc = new long[2];
        c.Scan<long>([c.Rank + 1, 10], inc, ReduceOp.Sum);
        Assert.Equal([(c.Rank + 1L) * (c.Rank + 2) / 2, 10L * (c.Rank + 1)], inc);
        var exc = new long[] { 99, 99 };
        c.Exscan<long>([c.Rank + 1, 10], exc, ReduceOp.Sum);
        Assert.Equal([c.Rank * (c.Rank + 1L) / 2, 10L * c.Rank], exc);
        Assert.Equal(c.Rank == 0 ? long.MaxValue : 0L, c.Exscan((long)c.Rank, ReduceOp.Min));
    });

    /// <summary>A 2x2 integer matrix: multiplication is associative but not commutative.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct Mat2(long A, long B, long C, long D)
    {
        /// <summary>The identity matrix.</summary>
        public static readonly Mat2 One = new(1, 0, 0, 1);
        /// <summary>The matrix product.</summary>
        public static Mat2 operator *(Mat2 x, Mat2 y)
            => new(x.A * y.A + x.B * y.C, x.A * y.B + x.B * y.D, x.C * y.A + x.D * y.C, x.C * y.B + x.D * y.D);
        /// <summary>Rank r's contribution; no two of these commute.</summary>
        public static Mat2 Of(int rank, int i) => new(rank + 1 + i, 1, 1, 0);
    }

    private static readonly ReduceOp MatMul = ReduceOp.Create<Mat2>("matmul", (input, inout) =>
    {
        for (int i = 0; i < inout.Length; i++) inout[i] = input[i] * inout[i];
    }, Mat2.One, commutative: false);

    private static Mat2 Product(int first, int last, int i)
    {
        var m = Mat2.One;
        for (int r = first; r <= last; r++) m *= Mat2.Of(r, i);
        return m;
    }

    [Theory, MemberData(nameof(Ranks))]
    public void UserOp_NonCommutative_RespectsRankOrder(int ranks) => World.Run(ranks, c =>
    {
        int p = c.Size, me = c.Rank;
        const int n = 3;
        var mine = Enumerable.Range(0, n).Select(i => Mat2.Of(me, i)).ToArray();
        var all = Enumerable.Range(0, n).Select(i => Product(0, p - 1, i)).ToArray();
        var r = new Mat2[n];
        c.Allreduce<Mat2>(mine, r, MatMul);
        Assert.Equal(all, r);
        var red = new Mat2[n];
        c.Reduce<Mat2>(mine, red, MatMul, p - 1);
        if (me == p - 1) Assert.Equal(all, red);
        var inc = new Mat2[n];
        c.Scan<Mat2>(mine, inc, MatMul);
        Assert.Equal(Enumerable.Range(0, n).Select(i => Product(0, me, i)), inc);
        var exc = new Mat2[n];
        c.Exscan<Mat2>(mine, exc, MatMul);
        Assert.Equal(Enumerable.Range(0, n).Select(i => Product(0, me - 1, i)), exc);  // rank 0: the identity
    });

    [Theory, MemberData(nameof(Ranks))]
    public void UserOp_Commutative_LargeVector(int ranks) => World.Run(ranks, c =>
    {
        var maxAbs = ReduceOp.Create<int>("maxabs", (input, inout) =>
        {
            for (int i = 0; i < inout.Length; i++) inout[i] = Math.Max(Math.Abs(input[i]), Math.Abs(inout[i]));
        }, 0);
        const int n = 70_001;
        var mine = Enumerable.Range(0, n).Select(i => (i + c.Rank) % 5 == 0 ? -(c.Rank + 1) * i : c.Rank).ToArray();
        var result = new int[n];
        c.Allreduce<int>(mine, result, maxAbs);
        for (int i = 0; i < n; i += 997)
        {
            // The operation is applied only between ranks: on one rank the input comes back unchanged.
            int Value(int r) => (i + r) % 5 == 0 ? -(r + 1) * i : r;
            int expected = Value(c.Size - 1);
            for (int r = c.Size - 2; r >= 0; r--) expected = Math.Max(Math.Abs(Value(r)), Math.Abs(expected));
            Assert.Equal(expected, result[i]);
        }
    });

    // ------------------------------------------------------------ sub-communicators

    [Theory, MemberData(nameof(Ranks))]
    public void Split_ByColourAndKey_WithUndefined(int ranks) => World.Run(ranks, c =>
    {
        int me = c.Rank;
        int colour = me == 2 ? Comm.Undefined : me % 2;
        using var sub = c.Split(colour, key: -me);  // reversed order inside each colour
        if (colour == Comm.Undefined) { Assert.Null(sub); return; }
        Assert.NotNull(sub);
        var members = Enumerable.Range(0,
            c.Size).Where(r => r != 2 && r % 2 == colour).OrderByDescending(r => r).ToArray();
        Assert.Equal(members.Length, sub.Size);
        Assert.Equal(Array.IndexOf(members, me), sub.Rank);
        Assert.Equal(members.Sum(), sub.Allreduce(me, ReduceOp.Sum));
        Assert.Equal(members, sub.Allgather(me));
        // Point-to-point inside the sub-communicator uses its ranks.
        int right = (sub.Rank + 1) % sub.Size, left = (sub.Rank + sub.Size - 1) % sub.Size;
        var got = new int[1];
        sub.Sendrecv<int>([me], right, got, left);
        Assert.Equal(members[left], got[0]);
        using var nested = sub.Split(0, 0)!;
        Assert.Equal(sub.Size, nested.Size);
        nested.Barrier();
    });

    [Theory, MemberData(nameof(Ranks))]
    public void Dup_IsolatesMessages(int ranks) => World.Run(ranks, c =>
    {
        using var dup = c.Dup();
        Assert.Equal(c.Size, dup.Size);
        Assert.Equal(c.Rank, dup.Rank);
        int right = (c.Rank + 1) % c.Size, left = (c.Rank + c.Size - 1) % c.Size;
        // Same peer, same tag, opposite order of posting: only the communicator tells them apart.
        var a = c.Isend<int>(new[] { 1 }, right, 0);
        var b = dup.Isend<int>(new[] { 2 }, right, 0);
        var fromDup = new int[1];
        var fromWorld = new int[1];
        dup.Recv<int>(fromDup, left, 0);
        c.Recv<int>(fromWorld, left, 0);
        CommRequest.WaitAll(a, b);
        Assert.Equal(2, fromDup[0]);
        Assert.Equal(1, fromWorld[0]);
        Assert.Equal(c.Size, dup.Allreduce(1, ReduceOp.Sum));
        c.Barrier();
    });

    // ------------------------------------------------------------ helpers

    /// <summary>Prefix sums of <paramref name="counts"/> with <paramref name="gap"/> unused elements between
    /// blocks.</summary>
    protected static long[] Displacements(long[] counts, long gap)
    {
        var d = new long[counts.Length];
        for (int i = 1; i < counts.Length; i++) d[i] = d[i - 1] + counts[i - 1] + gap;
        return d;
    }
}
