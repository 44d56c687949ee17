// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.Managed.Tests;

public sealed class ManagedBackendTests
{
    [Fact]
    public void Backend_DescribesItself()
    {
        using var b = new ManagedBackend(threads: 3);
        Assert.Equal("managed", b.Name);
        Assert.Equal([Device.Cpu], b.Devices);
        Assert.Empty(b.NativeVersions);
        Assert.Equal(3, b.Threads);
        Assert.Throws<NotSupportedException>(() => b.Empty([2], DType.Float32, new Device(DeviceKind.Gpu, 0)));
    }

    [Fact]
    public void Provider_IsAnnounced_AndReadsThreadsFromConfiguration()
    {
        var attr = typeof(ManagedBackend).Assembly.GetCustomAttributes(typeof(HeatBackendProviderAttribute), false).Cast<HeatBackendProviderAttribute>().Single();
        Assert.Equal(typeof(ManagedBackendProvider), attr.ProviderType);
        var provider = new ManagedBackendProvider();
        Assert.Equal("managed", provider.Name);
        var empty = new ConfigurationBuilder().Build();
        using (var b = provider.Create(new ProviderContext(empty, NullLoggerFactory.Instance, 4)))
            Assert.Equal(CpuBudget.ThreadsPerRank(4), b.Threads);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:Threads"] = "3" }).Build();
        using (var b = provider.Create(new ProviderContext(config, NullLoggerFactory.Instance, 4)))
            Assert.Equal(3, b.Threads);
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:Threads"] = "zero" }).Build();
        Assert.Throws<ArgumentException>(() => provider.Create(new ProviderContext(bad, NullLoggerFactory.Instance, 1)));
    }

    [Fact]
    public void OneThread_RunsInlineOnTheCallingThread()
    {
        int caller = Environment.CurrentManagedThreadId;
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        WorkerPool.For(1000, 1, (a, b) => seen.Add(Environment.CurrentManagedThreadId));
        Assert.Equal([caller], seen.Distinct());
        // And a large op on a one-thread backend splits into one part only.
        Assert.Equal(1, Parallelism.Parts(1L << 30, 1));
        Assert.Equal(1, Parallelism.Parts(1000, 8));
        Assert.True(Parallelism.Parts(1L << 20, 2) == 2);
    }

    [Fact]
    public void ParallelFor_CoversEveryIndexOnce_AndRethrows()
    {
        var hits = new int[10_000];
        WorkerPool.For(hits.Length, 4, (a, b) => { for (long i = a; i < b; i++) Interlocked.Increment(ref hits[i]); });
        Assert.All(hits, h => Assert.Equal(1, h));
        var e = Assert.Throws<InvalidOperationException>(() => WorkerPool.For(100, 4, (a, b) => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", e.Message);
    }

    [Fact]
    public void ManyRankThreads_ShareTheWorkers_WithoutDeadlock()
    {
        using var b = new ManagedBackend(threads: 2);
        var sums = new double[6];
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, r =>
        {
            using var x = b.Empty([1 << 18], DType.Float64);
            b.Fill(x, r + 1.0);
            using var d = b.Empty([1], DType.Float64);
            for (int i = 0; i < 20; i++) b.Reduce(ReduceOp.Sum, x, [0], d);
            sums[r] = d.ToArray<double>()[0];
        });
        for (int r = 0; r < 6; r++) Assert.Equal((r + 1.0) * (1 << 18), sums[r]);
    }

    [Fact]
    public void Walker_CollapsesContiguousDimensions_AndKeepsStridedOnes()
    {
        var l = StridedLayout.Create([2, 3, 4], [12L, 4, 1], [12L, 4, 1]);
        Assert.Equal(1, l.NDim);
        Assert.Equal(24, l.Shape[0]);
        var t = StridedLayout.Create([2, 3, 4], [12L, 4, 1], [1L, 2, 6]);
        Assert.Equal(3, t.NDim);
        var bcast = StridedLayout.Create([5, 1, 7], [0L, 0, 1], [7L, 7, 1]);
        Assert.Equal(2, bcast.NDim);
    }

    [Fact]
    public unsafe void ChunkBeyondTwoToThe31Elements_Works()
    {
        long n = (1L << 31) + 16;
        using var b = new ManagedBackend(threads: 2);
        using var x = b.Empty([n], DType.UInt8);
        b.Fill(x, 1);
        b.BinaryScalar(BinaryOp.Add, x, 2, false, x); // in place: every element is 3
        byte* p = (byte*)x.HostPointer;
        Assert.Equal(3, p[0]);
        Assert.Equal(3, p[n - 1]);
        Assert.Equal(3, p[1L << 31]);
        using (var tail = x.Slice(0, n - 1, 20, -1))
        {
            b.Fill(tail, 5); // last 20 elements become 5
        }
        using var sum = b.Empty([1], DType.Int64);
        b.Reduce(ReduceOp.Sum, x, [0], sum);
        Assert.Equal(3 * (n - 20) + 5 * 20, sum.ToArray<long>()[0]);
        // A comparison into a bool view of the same storage near the end (offsets beyond 2^31).
        x.Storage.AddReference();
        using var asBool = new LocalTensor(b, x.Storage, DType.Bool, [n], [1], 0);
        using var tailX = x.Slice(0, n - 40, 40);
        using var tailMask = asBool.Slice(0, n - 40, 40);
        b.BinaryScalar(BinaryOp.Greater, tailX, 4, false, tailMask);
        using var count = b.Empty([1], DType.Int64);
        b.Reduce(ReduceOp.Sum, tailMask, [0], count);
        Assert.Equal(20, count.ToArray<long>()[0]);
    }
}
