// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Where a communication buffer lives.</summary>
public enum MemoryKind
{
    /// <summary>Host memory, addressable by the CPU.</summary>
    Host,
    /// <summary>Accelerator memory; only GPU-aware communicators accept it.</summary>
    Device,
}

/// <summary>
/// A typed native buffer with a 64-bit element count: the primary argument of every <see cref="ICommunicator"/> call,
/// so messages over 2^31 elements work. The caller keeps the memory alive and pinned for the duration of the call
/// (for non-blocking calls, until the request completes).
/// </summary>
public readonly unsafe struct CommBuffer<T> where T : unmanaged
{
    /// <summary>Wraps <paramref name="count"/> elements at <paramref name="pointer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="ArgumentNullException">The pointer is null while the count is positive.</exception>
    public CommBuffer(T* pointer, long count, MemoryKind kind = MemoryKind.Host)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (pointer == null && count > 0) throw new ArgumentNullException(nameof(pointer), "A buffer of positive count needs a pointer.");
        Pointer = pointer; Count = count; Kind = kind;
    }

    /// <summary>The first element.</summary>
    public T* Pointer { get; }
    /// <summary>Number of elements.</summary>
    public long Count { get; }
    /// <summary>Host or device memory.</summary>
    public MemoryKind Kind { get; }
    /// <summary>Size in bytes.</summary>
    public long ByteCount => Count * sizeof(T);
    /// <summary>An empty buffer.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "CommBuffer<T>.Empty reads as intended at call sites.")]
    public static CommBuffer<T> Empty => default;

    /// <summary>A sub-buffer of <paramref name="count"/> elements starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the buffer.</exception>
    public CommBuffer<T> Slice(long offset, long count)
    {
        if (offset < 0 || count < 0 || offset + count > Count)
            throw new ArgumentOutOfRangeException(nameof(offset), $"Slice [{offset}, {offset + count}) is outside a buffer of {Count} elements.");
        return new CommBuffer<T>(Pointer + offset, count, Kind);
    }

    /// <summary>Reinterprets the buffer as bytes.</summary>
    public CommBuffer<byte> AsBytes() => new((byte*)Pointer, ByteCount, Kind);
}
