// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed.Tests;

public sealed class ManagedMemoryPoolTests
{
    [Theory]
    [InlineData(1L, 64L)]
    [InlineData(100L, 128L)]
    [InlineData(1L << 20, 1L << 20)]
    [InlineData((3L << 20) + 1, 7L << 19)]
    [InlineData((5L << 20) - 1, 5L << 20)]
    [InlineData((1L << 32) + 1, 5L << 30)]
    public void SizeClass_RoundsToQuarterSteps(long request, long expected) =>
        Assert.Equal(expected, ManagedMemoryPool.SizeClass(request));

    [Fact]
    public void SameSizeClass_ReusesTheBlock_AndCountsBytes()
    {
        var pool = new ManagedMemoryPool(64L << 20);
        nint p = pool.Rent(3L << 20, out long size);
        Assert.Equal(3L << 20, size);
        Assert.Equal(size, pool.LiveBytes);
        Assert.Equal(0, p % 4096);
        pool.Return(p, size);
        Assert.Equal(0, pool.LiveBytes);
        Assert.Equal(size, pool.PooledBytes);
        nint q = pool.Rent((3L << 20) - 100, out long size2);
        Assert.Equal(p, q);
        Assert.Equal(size, size2);
        Assert.Equal(1, pool.Hits);
        Assert.Equal(0, pool.PooledBytes);
        pool.Return(q, size2);
        pool.Trim();
        Assert.Equal(0, pool.PooledBytes);
    }

    [Fact]
    public void PeakLiveBytes_IsTheHighWaterMark_SinceTheLastReset()
    {
        var pool = new ManagedMemoryPool(64L << 20);
        nint a = pool.Rent(2L << 20, out long sa);
        nint b = pool.Rent(4L << 20, out long sb);
        pool.Return(b, sb);
        Assert.Equal(sa + sb, pool.PeakLiveBytes);
        Assert.Equal(sa, pool.ResetPeak());
        Assert.Equal(sa, pool.PeakLiveBytes);
        nint c = pool.Rent(4L << 20, out long sc);
        Assert.Equal(sa + sc, pool.PeakLiveBytes);
        pool.Return(c, sc);
        pool.Return(a, sa);
        Assert.Equal(sa + sc, pool.PeakLiveBytes);
        Assert.Equal(0, pool.ResetPeak());
        pool.Trim();
    }

    [Fact]
    public void Cap_IsRespected()
    {
        var pool = new ManagedMemoryPool(5L << 20);
        var blocks = Enumerable.Range(0, 4).Select(_ => (p: pool.Rent(2L << 20, out var s), s)).ToList();
        foreach (var (p, s) in blocks) pool.Return(p, s);
        Assert.Equal(4L << 20, pool.PooledBytes); // two of four 2 MiB blocks fit under the 5 MiB cap
        pool.Capacity = 2L << 20;
        Assert.Equal(2L << 20, pool.PooledBytes);
        pool.Trim();
        Assert.Equal(0, pool.PooledBytes);
    }

    [Fact]
    public void SmallBlocks_AreAlignedAndNotPooled()
    {
        var pool = new ManagedMemoryPool(1L << 30);
        nint p = pool.Rent(1000, out long s);
        Assert.Equal(0, p % 64);
        pool.Return(p, s);
        Assert.Equal(0, pool.PooledBytes);
        nint q = pool.Rent(100L << 10, out long s2);
        Assert.Equal(0, q % 4096);
        pool.Return(q, s2);
    }

    [Fact]
    public void BackendTensors_ComeFromThePool_AndGoBackOnDispose()
    {
        var pool = new ManagedMemoryPool(256L << 20);
        using var backend = new ManagedBackend(threads: 1, pool: pool);
        nint first;
        using (var t = backend.Empty([1 << 20], DType.Float32)) // 4 MiB
        {
            first = t.HostPointer;
            Assert.Equal(4L << 20, pool.LiveBytes);
            using var view = t.Slice(0, 0, 10);
            t.Dispose();
            Assert.Equal(4L << 20, pool.LiveBytes); // the view keeps the storage alive
        }
        Assert.Equal(0, pool.LiveBytes);
        Assert.Equal(4L << 20, pool.PooledBytes);
        using var u = backend.Empty([1 << 20], DType.Int32);
        Assert.Equal(first, u.HostPointer);
    }

    [Fact]
    public void Pool_IsThreadSafe()
    {
        var pool = new ManagedMemoryPool(64L << 20);
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 200; i++)
            {
                nint p = pool.Rent((1L << 20) + i % 3 * (1L << 18), out long s);
                unsafe { *(long*)p = i; }
                pool.Return(p, s);
            }
        });
        Assert.Equal(0, pool.LiveBytes);
        Assert.True(pool.PooledBytes <= 64L << 20);
        pool.Trim();
    }
}
