// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Backend.Managed;

/// <summary>
/// Process-wide pool of aligned native blocks. Fresh pages are slow to touch (first-touch page faults), so blocks of
/// at least <see cref="MinPooledBytes"/> are rounded up to a size class (quarter steps between powers of two) and kept
/// for reuse after release, up to <see cref="Capacity"/> pooled bytes. Thread-safe: all rank threads share it.
/// </summary>
public sealed class ManagedMemoryPool
{
    /// <summary>Blocks from this size up are pooled (smaller ones come straight from the allocator).</summary>
    public const long MinPooledBytes = 1L << 20;
    /// <summary>Blocks from this size up are page-aligned (4096 bytes), smaller ones 64-byte aligned.</summary>
    public const long PageAlignFrom = 64L << 10;

    private readonly object _gate = new();
    private readonly Dictionary<long, Stack<nint>> _free = new();
    private long _pooledBytes, _liveBytes, _capacity;

    /// <summary>Creates a pool that keeps at most <paramref name="capacity"/> bytes of released blocks.</summary>
    public ManagedMemoryPool(long capacity) => _capacity = Math.Max(0, capacity);

    /// <summary>The pool every managed backend of this process uses (capacity: a quarter of the physical
    /// memory).</summary>
    public static ManagedMemoryPool Shared { get; } = new(DefaultCapacity());

    /// <summary>The most bytes kept in the pool; lowering it frees blocks beyond the new cap.</summary>
    public long Capacity
    {
        get => Volatile.Read(ref _capacity);
        set { lock (_gate) _capacity = Math.Max(0, value); TrimTo(Capacity); }
    }

    /// <summary>Bytes held in the pool, ready for reuse.</summary>
    public long PooledBytes => Volatile.Read(ref _pooledBytes);
    /// <summary>Bytes handed out and not yet returned (size-class rounded).</summary>
    public long LiveBytes => Volatile.Read(ref _liveBytes);
    /// <summary>The most <see cref="LiveBytes"/> seen since creation or the last <see cref="ResetPeak"/>: the
    /// high-water mark of this process's (all its ranks') tensor storage.</summary>
    public long PeakLiveBytes => Volatile.Read(ref _peakLiveBytes);
    private long _peakLiveBytes;

    /// <summary>Starts a new high-water mark at the current <see cref="LiveBytes"/>; returns those bytes.</summary>
    public long ResetPeak()
    {
        long live = LiveBytes;
        Interlocked.Exchange(ref _peakLiveBytes, live);
        return live;
    }

    private void RaisePeak(long live)
    {
        long peak = Volatile.Read(ref _peakLiveBytes);
        while (live > peak)
        {
            long seen = Interlocked.CompareExchange(ref _peakLiveBytes, live, peak);
            if (seen == peak) return;
            peak = seen;
        }
    }

    /// <summary>Number of rentals served from the pool.</summary>
    public long Hits => Volatile.Read(ref _hits);
    private long _hits;

    /// <summary>The size actually allocated for a request of <paramref name="bytes"/> (its size class).</summary>
    public static long SizeClass(long bytes)
    {
        if (bytes < MinPooledBytes) return Math.Max(64, (bytes + 63) & ~63L);
        long pow = 1L << (int)(63 - long.LeadingZeroCount(bytes)); // largest power of two <= bytes
        if (pow == bytes) return bytes;
        long quarter = pow / 4;
        return (bytes + quarter - 1) / quarter * quarter;
    }

    /// <summary>Rents a block of at least <paramref name="bytes"/> bytes; returns its address and size class.</summary>
    public unsafe nint Rent(long bytes, out long size)
    {
        size = SizeClass(bytes);
        if (size >= MinPooledBytes)
        {
            lock (_gate)
            {
                if (_free.TryGetValue(size, out var stack) && stack.Count > 0)
                {
                    _pooledBytes -= size; _hits++;
                    RaisePeak(Interlocked.Add(ref _liveBytes, size));
                    return stack.Pop();
                }
            }
        }
        nuint alignment = size >= HugePageFrom ? HugePage : size >= PageAlignFrom ? 4096u : 64u;
        nint p;
        try { p = (nint)NativeMemory.AlignedAlloc((nuint)size, alignment); }
        catch (OutOfMemoryException)
        {
            Trim();
            p = (nint)NativeMemory.AlignedAlloc((nuint)size, alignment);
        }
        if (size >= HugePageFrom) AdviseHugePages(p, size);
        RaisePeak(Interlocked.Add(ref _liveBytes, size));
        return p;
    }

    /// <summary>Returns a block from <see cref="Rent"/>; it is kept for reuse while the pool is under its
    /// cap.</summary>
    public unsafe void Return(nint block, long size)
    {
        if (size >= MinPooledBytes)
        {
            lock (_gate)
            {
                Interlocked.Add(ref _liveBytes, -size);
                if (_pooledBytes + size <= _capacity)
                {
                    if (!_free.TryGetValue(size, out var stack)) _free[size] = stack = new Stack<nint>();
                    stack.Push(block);
                    _pooledBytes += size;
                    return;
                }
            }
        }
        else Interlocked.Add(ref _liveBytes, -size);
        NativeMemory.AlignedFree((void*)block);
    }

    private const long HugePageFrom = 4L << 20;
    private const uint HugePage = 2u << 20;

    /// <summary>
    /// Asks Linux for transparent huge pages on a large block (where THP is in <c>madvise</c> mode): first touch then
    /// faults 2 MiB at a time instead of 4 KiB, several times faster. Failure only loses the speed-up.
    /// </summary>
    private static void AdviseHugePages(nint p, long size)
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = NativeMethods.madvise(p, (nuint)size, NativeMethods.MADV_HUGEPAGE); }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { }
    }

    /// <summary>Frees every pooled block.</summary>
    public void Trim() => TrimTo(0);

    private unsafe void TrimTo(long limit)
    {
        var toFree = new List<nint>();
        lock (_gate)
        {
            foreach (var (size, stack) in _free.OrderByDescending(kv => kv.Key))
            {
                while (_pooledBytes > limit && stack.Count > 0)
                {
                    toFree.Add(stack.Pop());
                    _pooledBytes -= size;
                }
            }
        }
        foreach (var p in toFree) NativeMemory.AlignedFree((void*)p);
    }

    private static long DefaultCapacity()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total / 4 : 1L << 30;
    }
}

/// <summary>Owns one pooled native block; the finalizer hands it back if the storage was never released.</summary>
internal sealed class NativeBlockHandle : SafeHandle
{
    private readonly ManagedMemoryPool _pool;

    public NativeBlockHandle(ManagedMemoryPool pool, long bytes) : base(0, ownsHandle: true)
    {
        _pool = pool;
        SetHandle(pool.Rent(bytes, out var size));
        Size = size;
        GC.AddMemoryPressure(size);
    }

    public long Size { get; }
    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _pool.Return(handle, Size);
        GC.RemoveMemoryPressure(Size);
        return true;
    }
}

/// <summary>Host storage of the managed backend: an aligned native block from
/// <see cref="ManagedMemoryPool"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Storage is freed by its last reference (TensorStorage.Free), not by Dispose.")]
internal sealed class ManagedStorage : TensorStorage
{
    private readonly NativeBlockHandle _block;

    public ManagedStorage(ManagedMemoryPool pool, long byteLength) : base(byteLength, Device.Cpu)
    {
        _block = new NativeBlockHandle(pool, Math.Max(byteLength, 1));
    }

    public override nint HostPointer => _block.DangerousGetHandle();

    /// <summary>The size class actually allocated.</summary>
    public long AllocatedBytes => _block.Size;

    protected override void Free() => _block.Dispose();
}

internal static partial class NativeMethods
{
    internal const int MADV_HUGEPAGE = 14;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int madvise(nint addr, nuint length, int advice);
}
