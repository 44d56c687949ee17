// SPDX-License-Identifier: MIT
namespace Heat.Backend.Managed.Tests;

/// <summary>Whether the shared worker pool really runs two parts at once: alone in a serial collection, since tests
/// running in parallel keep the pool's workers busy and the caller would then run both parts itself.</summary>
[Collection(WorkerPoolConcurrencyCollection.Name)]
public sealed class WorkerPoolConcurrencyTests
{
    [Fact]
    public void TwoThreads_RunOnTwoThreadsConcurrently()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        WorkerPool.For(2, 2, (a, b) => { seen.Add(Environment.CurrentManagedThreadId); Thread.Sleep(300); });
        if (WorkerPool.WorkerCount == 0) { Assert.Single(seen.Distinct()); return; }
        Assert.Equal(2, seen.Distinct().Count());
        Assert.True(sw.ElapsedMilliseconds < 550, $"two 300 ms chunks took {sw.ElapsedMilliseconds} ms");
    }
}

/// <summary>Runs the concurrency test with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerPoolConcurrencyCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Heat.WorkerPoolConcurrency";
}
