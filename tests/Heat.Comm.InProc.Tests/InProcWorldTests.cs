// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Comm.InProc.Tests;

using Comm = Heat.Abstractions.Comm;

/// <summary>InProcWorld's threads, results, backend selection, CreateSelf and the provider.</summary>
public sealed class InProcWorldTests
{
    [Fact]
    public void RunCommunicators_ReturnsResultsInRankOrder_OnDedicatedThreads()
    {
        var callerThread = Environment.CurrentManagedThreadId;
        var seen = InProcWorld.RunCommunicators(4, c => (c.Rank, Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId));
        Assert.Equal([0, 1, 2, 3], seen.Select(s => s.Rank));
        Assert.Equal(["heat-rank-0", "heat-rank-1", "heat-rank-2", "heat-rank-3"], seen.Select(s => s.Name));
        Assert.All(seen, s => Assert.False(s.IsThreadPoolThread));
        Assert.DoesNotContain(callerThread, seen.Select(s => s.CurrentManagedThreadId));
        Assert.Equal(4, seen.Select(s => s.CurrentManagedThreadId).Distinct().Count());
    }

    [Fact]
    public void Run_UnknownBackend_SurfacesDiscoveryError()
    {
        var e = Assert.Throws<BackendUnavailableException>(() => InProcWorld.Run(2, () => { }, backend: "no_such_backend", timeout: TimeSpan.FromSeconds(10)));
        Assert.Contains("The 'no_such_backend' backend (Heat:Backend=no_such_backend) is not installed", e.Message);
        Assert.Contains("Found: managed.", e.Message);
        Assert.Equal(0, e.Data["heat.rank"]);
        var malformed = Assert.Throws<ArgumentException>(() => InProcWorld.Run(2, () => { }, backend: "no-such-backend"));
        Assert.Contains("Heat:Backend is 'no-such-backend'", malformed.Message);
    }

    [Fact]
    public void Run_RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InProcWorld.RunCommunicators(0, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => InProcWorld.RunCommunicators(2, _ => { }, timeout: TimeSpan.Zero));
    }

    [Fact]
    public void CreateSelf_IsAOneRankCommunicator()
    {
        using var self = InProcWorld.CreateSelf();
        Assert.Equal((0, 1, "inproc"), (self.Rank, self.Size, self.Kind));
        Assert.Equal(5, self.Allreduce(5, ReduceOp.Sum));
        var big = Enumerable.Range(0, 50_000).ToArray();   // above the eager limit: a send to oneself is still buffered
        self.Send<int>(big, 0, 1);
        var got = new int[big.Length];
        Assert.Equal(new CommStatus(0, 1, big.Length), self.Recv<int>(got, 0, 1));
        Assert.Equal(big, got);
        using var dup = self.Dup();
        dup.Barrier();
        Assert.Null(self.Split(Comm.Undefined, 0));
    }

    [Fact]
    public void Provider_IsAnnounced_AndRefusesToCreateAWorld()
    {
        var provider = ComponentDiscovery.FindCommunicator("inproc")!;
        Assert.IsType<InProcCommunicatorProvider>(provider);
        Assert.Equal("inproc", provider.Name);
        Assert.False(provider.IsLaunchedByLauncher());
        Assert.Equal(1, provider.RanksOnNode());
        var e = Assert.Throws<CommunicatorUnavailableException>(() => provider.CreateWorld(null!));
        Assert.Contains("InProcWorld.Run", e.Message);
    }

    [Fact]
    public void DisposedCommunicator_Throws()
    {
        var self = InProcWorld.CreateSelf();
        self.Dispose();
        Assert.Throws<ObjectDisposedException>(() => self.Barrier());
    }
}
