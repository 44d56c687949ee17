// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Runtime;

namespace Heat.Backend.ILGPU;

/// <summary>
/// Recycles device buffers by power-of-two size class, so that temporaries are not allocated per op. Buffers return to
/// the pool when their storage is released; the accelerator's single stream orders their reuse after earlier kernels.
/// The pool keeps at most <see cref="CapBytes"/> bytes idle.
/// </summary>
internal sealed class BufferPool(Accelerator accelerator, long capBytes) : IDisposable
{
    private readonly Dictionary<int, Stack<MemoryBuffer1D<byte, Stride1D.Dense>>> _free = [];
    private readonly Lock _lock = new();
    private long _idleBytes;
    private bool _disposed;

    /// <summary>Most bytes kept idle.</summary>
    public long CapBytes => capBytes;
    /// <summary>Bytes idle in the pool now.</summary>
    public long IdleBytes { get { lock (_lock) return _idleBytes; } }
    /// <summary>Buffers handed out from the pool instead of allocated (for tests).</summary>
    public long Reused { get; private set; }

    /// <summary>A buffer of at least <paramref name="bytes"/> bytes (the size class's length).</summary>
    /// <exception cref="InsufficientMemoryException">The accelerator cannot allocate it.</exception>
    public MemoryBuffer1D<byte, Stride1D.Dense> Rent(long bytes)
    {
        int cls = SizeClass(bytes);
        lock (_lock)
        {
            if (_free.TryGetValue(cls, out var stack) && stack.Count > 0)
            {
                var b = stack.Pop();
                _idleBytes -= b.Length;
                Reused++;
                return b;
            }
        }
        long length = 1L << cls;
        try { return accelerator.Allocate1D<byte>(length); }
        catch (Exception e) when (e is not OutOfMemoryException and not InsufficientMemoryException)
        {
            Trim();
            try { return accelerator.Allocate1D<byte>(length); }
            catch (Exception again)
            {
                throw new InsufficientMemoryException(
                    $"ILGPU backend: allocating {length} bytes on {accelerator.Name} failed ({again.Message}). " +
                    "Split the array " +
                    "over more ranks so that each rank's chunk fits, or free tensors.", again);
            }
        }
    }

    /// <summary>Takes a buffer back (or frees it when the pool is full or disposed).</summary>
    public void Return(MemoryBuffer1D<byte, Stride1D.Dense> buffer)
    {
        lock (_lock)
        {
            if (!_disposed && _idleBytes + buffer.Length <= capBytes)
            {
                int cls = SizeClass(buffer.Length);
                if (!_free.TryGetValue(cls, out var stack)) _free[cls] = stack = new();
                stack.Push(buffer);
                _idleBytes += buffer.Length;
                return;
            }
        }
        buffer.Dispose();
    }

    /// <summary>Frees every idle buffer.</summary>
    public void Trim()
    {
        List<MemoryBuffer1D<byte, Stride1D.Dense>> all;
        lock (_lock)
        {
            all = _free.Values.SelectMany(s => s).ToList();
            _free.Clear();
            _idleBytes = 0;
        }
        foreach (var b in all) b.Dispose();
    }

    private static int SizeClass(long bytes)
    {
        long b = Math.Max(bytes, 256);
        int cls = 63 - (int)long.LeadingZeroCount(b);
        return (int)((1L << cls) == b ? cls : cls + 1);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock) _disposed = true;
        Trim();
    }
}
