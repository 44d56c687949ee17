// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.Abstractions;

namespace Heat.Comm.InProc.Tests;

/// <summary>InProcFaults: fail or delay a rank at its k-th communication call.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public void FailAt_ThirdCall_FailsThatRankAndReleasesTheOthers()
    {
        int[] reached = new int[3];
        var e = Assert.Throws<InjectedFaultException>(() => InProcWorld.RunCommunicators(3, c =>
        {
            for (int i = 0; i < 5; i++) { c.Barrier(); reached[c.Rank] = i + 1; }
        }, timeout: TimeSpan.FromSeconds(30), faults: new InProcFaults().FailAt(rank: 1, call: 3)));
        Assert.Equal(1, e.Data["heat.rank"]);
        Assert.Contains("rank 1 failed at its communication call 3 (Barrier)", e.Message);
        Assert.Equal(2, reached[1]);
        Assert.All(reached, r => Assert.True(r <= 2));
    }

    [Fact]
    public void FailAt_CountsCallsOnDerivedCommunicators()
    {
        var e = Assert.Throws<TimeZoneNotFoundException>(() => InProcWorld.RunCommunicators(2, c =>
        {
            using var dup = c.Dup();                       // call 1
            dup.Allreduce(1, ReduceOp.Sum);                // call 2: fails on rank 0
            c.Barrier();
        }, timeout: TimeSpan.FromSeconds(30), faults: new InProcFaults().FailAt(0, 2, new TimeZoneNotFoundException("custom"))));
        Assert.Equal("custom", e.Message);
        Assert.Equal(0, e.Data["heat.rank"]);
    }

    [Fact]
    public void DelayAt_SlowsOneRank_AndTheCollectiveStillCompletes()
    {
        var sw = Stopwatch.StartNew();
        var sums = InProcWorld.RunCommunicators(3, c =>
        {
            c.Barrier();
            return c.Allreduce(c.Rank, ReduceOp.Sum);      // call 2 of rank 2 is delayed
        }, timeout: TimeSpan.FromSeconds(30), faults: new InProcFaults().DelayAt(2, 2, TimeSpan.FromMilliseconds(400)));
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {sw.Elapsed}");
        Assert.Equal([3, 3, 3], sums);
    }

    [Fact]
    public void DelayLongerThanTimeout_TimesOutTheWaitingRanks()
    {
        var e = Assert.Throws<CommunicationTimeoutException>(() => InProcWorld.RunCommunicators(2, c => c.Barrier(),
            timeout: TimeSpan.FromSeconds(1), faults: new InProcFaults().DelayAt(1, 1, TimeSpan.FromSeconds(2))));
        Assert.Contains("rank(s) 1 did not reach Barrier()", e.Message);
        Assert.Equal(0, e.Data["heat.rank"]);
    }
}
