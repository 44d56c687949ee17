// SPDX-License-Identifier: MIT
using Heat.Backend.Managed;

namespace Heat.Backend.Managed.Tests;

/// <summary>The pool's byte accounting under contention and its high-water mark.</summary>
public sealed class ManagedMemoryPoolAccountingTests
{
    // Regression: pooled sizes updated LiveBytes with a plain += under the pool's lock while small sizes used
    // Interlocked.Add without it, so concurrent rank threads lost updates and LiveBytes drifted away from zero.
    [Fact]
    public void LiveBytes_ReturnsToZero_AfterConcurrentRentsOfPooledAndSmallSizes()
    {
        var pool = new ManagedMemoryPool(64L << 20);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                long bytes = (i + t) % 2 == 0 ? 64 : ManagedMemoryPool.MinPooledBytes;
                var block = pool.Rent(bytes, out var size);
                pool.Return(block, size);
            }
        });
        Assert.Equal(0, pool.LiveBytes);
    }

    [Fact]
    public void PeakLiveBytes_IsTheHighWaterMark_UntilReset()
    {
        var pool = new ManagedMemoryPool(64L << 20);
        var a = pool.Rent(3L << 20, out var sa);
        var b = pool.Rent(2L << 20, out var sb);
        pool.Return(a, sa);
        Assert.Equal(sa + sb, pool.PeakLiveBytes);
        Assert.Equal(sb, pool.ResetPeak());
        Assert.Equal(sb, pool.PeakLiveBytes);
        pool.Return(b, sb);
        Assert.Equal(sb, pool.PeakLiveBytes);
        Assert.Equal(0, pool.LiveBytes);
    }
}
