// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;

namespace Heat.Comm.InProc.Tests;

/// <summary>Ranks that disagree, fail, stall or never arrive: every rank gets a clear exception and Run returns.</summary>
public sealed class MisuseTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    private static string[] Messages<TException>(int ranks, Action<ICommunicator> body) where TException : Exception =>
        InProcWorld.RunCommunicators(ranks, c =>
        {
            var e = Assert.Throws<TException>(() => body(c));
            return e.Message;
        }, timeout: TimeSpan.FromSeconds(10));

    [Fact]
    public void DifferentCollectives_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(3, c =>
        {
            if (c.Rank == 2) c.Bcast(new int[4], 0);
            else c.Allreduce<int>(new int[4], new int[4], ReduceOp.Sum);
        });
        Assert.All(messages, m => Assert.Contains("rank 0 called Allreduce(sum, 4 x Int32) but rank 2 called Bcast(root 0, 4 x Int32)", m));
    }

    [Fact]
    public void AllreduceCounts_Disagree_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(2, c =>
            c.Allreduce<double>(new double[3 + c.Rank], new double[3 + c.Rank], ReduceOp.Max));
        Assert.All(messages, m => Assert.Contains("rank 0 called Allreduce(max, 3 x Double) but rank 1 called Allreduce(max, 4 x Double)", m));
    }

    [Fact]
    public void BcastRoots_Disagree_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(3, c => c.Bcast(new long[2], c.Rank == 1 ? 1 : 0));
        Assert.All(messages, m => Assert.Contains("rank 0 called Bcast(root 0, 2 x Int64) but rank 1 called Bcast(root 1, 2 x Int64)", m));
    }

    [Fact]
    public void ReduceOps_Disagree_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(2, c => c.Allreduce(1, c.Rank == 0 ? ReduceOp.Sum : ReduceOp.Prod));
        Assert.All(messages, m => Assert.Contains("but rank 1 called Allreduce(prod, 1 x Int32)", m));
    }

    [Fact]
    public void AlltoallvCounts_Disagree_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(2, c =>
        {
            long[] sc = c.Rank == 0 ? [1, 2] : [1, 1];
            long[] rc = c.Rank == 1 ? [3, 1] : [1, 1];
            c.Alltoallv<int>(new int[3], sc, [0, 1], new int[4], rc, [0, 3]);
        });
        Assert.All(messages, m => Assert.Contains("rank 0 sends 2 elements to rank 1 but rank 1 expects 3 from rank 0", m));
    }

    [Fact]
    public void GathervCounts_Disagree_RaiseMismatchOnEveryRank()
    {
        var messages = Messages<CollectiveMismatchException>(3, c =>
            c.Gatherv<int>(new int[c.Rank == 1 ? 5 : 1], new int[9], [1, 1, 1], [0, 3, 6], root: 0));
        Assert.All(messages, m => Assert.Contains("rank 1 sends 5 elements but root 0 expects 1", m));
    }

    [Fact]
    public void Mismatch_FromRun_IsTheLowestRanksException()
    {
        var e = Assert.Throws<CollectiveMismatchException>(() => InProcWorld.RunCommunicators(2, c =>
        {
            if (c.Rank == 0) c.Barrier(); else c.Dup();
        }, timeout: TimeSpan.FromSeconds(10)));
        Assert.Equal(0, e.Data["heat.rank"]);
        Assert.Contains("rank 0 called Barrier() but rank 1 called Dup()", e.Message);
    }

    [Fact]
    public void MissingRank_TimesOutNamingIt()
    {
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<CommunicationTimeoutException>(() => InProcWorld.RunCommunicators(3, c =>
        {
            if (c.Rank != 1) c.Barrier();
        }, timeout: Short));
        Assert.Contains("rank(s) 1 did not reach Barrier()", e.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(8), $"took {sw.Elapsed}");
    }

    [Fact]
    public void UnmatchedRecv_TimesOut()
    {
        var e = Assert.Throws<CommunicationTimeoutException>(() => InProcWorld.RunCommunicators(2, c =>
        {
            if (c.Rank == 0) c.Recv(new int[1], 1, tag: 4);
        }, timeout: Short));
        Assert.Contains("Recv on rank 0 from rank 1 (tag 4", e.Message);
    }

    [Fact]
    public void ExceptionOnOneRank_ReleasesOthers_AndRunRethrowsOriginal()
    {
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<ArgumentException>(() => InProcWorld.RunCommunicators(4, c =>
        {
            if (c.Rank == 1) throw new ArgumentException("boom on one");
            if (c.Rank == 2) c.Recv(new int[1], 1, 0);   // blocked point-to-point
            else c.Barrier();                           // blocked collective
        }, timeout: TimeSpan.FromSeconds(30)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
        Assert.Equal("boom on one", e.Message);
        Assert.Equal(1, e.Data["heat.rank"]);
        var others = Assert.IsType<Dictionary<int, Exception>>(e.Data["heat.other_exceptions"]);
        Assert.Equal([0, 2, 3], others.Keys.Order());
        Assert.All(others.Values, o => Assert.Contains("Rank 1 failed (ArgumentException: boom on one)", Assert.IsType<RankFailedException>(o).Message));
    }

    [Fact]
    public void SeveralFailures_RunRethrowsTheLowestRanks()
    {
        var e = Assert.Throws<InvalidOperationException>(() => InProcWorld.RunCommunicators(4, c =>
        {
            if (c.Rank == 3) throw new FormatException("three");
            if (c.Rank == 2) { Thread.Sleep(50); throw new InvalidOperationException("two"); }
            c.Barrier();
        }, timeout: TimeSpan.FromSeconds(30)));
        Assert.Equal("two", e.Message);
        Assert.Equal(2, e.Data["heat.rank"]);
        var others = (Dictionary<int, Exception>)e.Data["heat.other_exceptions"]!;
        Assert.IsType<FormatException>(others[3]);
    }

    [Fact]
    public void ExceptionInsideUserReduction_ReleasesPeersInsideTheCollective()
    {
        var failing = ReduceOp.Create<int>("fails-on-rank-0", (input, inout) =>
        {
            if (Environment.CurrentManagedThreadId == Volatile.Read(ref _rank0Thread)) throw new DivideByZeroException("user op");
            for (int i = 0; i < inout.Length; i++) inout[i] += input[i];
        }, 0);
        var e = Assert.Throws<DivideByZeroException>(() => InProcWorld.RunCommunicators(3, c =>
        {
            if (c.Rank == 0) Volatile.Write(ref _rank0Thread, Environment.CurrentManagedThreadId);
            c.Barrier();
            c.Allreduce<int>(new int[10], new int[10], failing);
        }, timeout: TimeSpan.FromSeconds(30)));
        Assert.Equal(0, e.Data["heat.rank"]);
    }

    private static int _rank0Thread = -1;

    [Fact]
    public void TruncatedMessage_FailsTheReceiver()
    {
        var e = Assert.Throws<CommunicationException>(() => InProcWorld.RunCommunicators(2, c =>
        {
            if (c.Rank == 0) c.Send<int>([1, 2, 3], 1, 0);
            else c.Recv(new int[2], 0, 0);
        }, timeout: TimeSpan.FromSeconds(10)));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(1, e.Data["heat.rank"]);
    }

    [Fact]
    public void WrongElementType_FailsTheReceiver()
    {
        var e = Assert.Throws<CommunicationException>(() => InProcWorld.RunCommunicators(2, c =>
        {
            if (c.Rank == 0) c.Send<int>([1, 2], 1, 0);
            else c.Recv(new float[2], 0, 0);
        }, timeout: TimeSpan.FromSeconds(10)));
        Assert.Contains("Single", e.Message);
        Assert.Contains("Int32", e.Message);
    }

    [Fact]
    public void InvalidArguments_AreArgumentExceptions()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => c.Send<int>([1], 2, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.Bcast(new int[1], 5));
            Assert.Throws<ArgumentException>(() => c.Allgather<int>(new int[2], new int[3]));
            Assert.Throws<ArgumentException>(() => c.Alltoallv<int>(new int[2], [1], [0], new int[2], [1, 1], [0, 1]));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.Split(-5, 0));
            c.Barrier();  // the communicator still works: argument errors are raised before any rendezvous
        }, timeout: TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void StuckRankInUserCode_RunReturnsWithinTheTimeout()
    {
        using var gate = new ManualResetEventSlim();
        try
        {
            var sw = Stopwatch.StartNew();
            var e = Assert.Throws<CommunicationTimeoutException>(() => InProcWorld.RunCommunicators(3, c =>
            {
                if (c.Rank == 1) gate.Wait();  // stuck in user code, never reaches the Barrier
                else c.Barrier();
            }, timeout: Short));
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(6), $"took {sw.Elapsed}");
            Assert.Contains("rank(s) 1 did not reach Barrier()", e.Message);
            Assert.Equal([1], Assert.IsType<int[]>(e.Data["heat.stuck_ranks"]));
        }
        finally { gate.Set(); }
    }

    [Fact]
    public void StuckRankWithoutPeersWaiting_WatchdogNamesIt()
    {
        using var gate = new ManualResetEventSlim();
        try
        {
            var sw = Stopwatch.StartNew();
            var e = Assert.Throws<CommunicationTimeoutException>(() => InProcWorld.RunCommunicators(2, c =>
            {
                if (c.Rank == 1) gate.Wait();
            }, timeout: Short));
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(6), $"took {sw.Elapsed}");
            Assert.Contains("Rank(s) 1 made no progress", e.Message);
            Assert.Equal(1, e.Data["heat.rank"]);
        }
        finally { gate.Set(); }
    }
}
