// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO;

/// <summary>A growable list of unmanaged values in native memory (no 2^31 limit, off the GC heap).</summary>
internal sealed unsafe class NativeList<T> : IDisposable where T : unmanaged
{
    private T* _items;
    private long _capacity;

    /// <summary>Number of values.</summary>
    public long Count { get; private set; }
    /// <summary>The address of the first value.</summary>
    public nint Pointer => (nint)_items;

    /// <summary>Makes room for at least <paramref name="capacity"/> values.</summary>
    public void EnsureCapacity(long capacity)
    {
        if (capacity <= _capacity) return;
        _capacity = capacity;
        _items = (T*)NativeMemory.Realloc(_items, (nuint)(Math.Max(1, _capacity) * sizeof(T)));
    }

    /// <summary>Sets the count after writing values straight into the reserved memory.</summary>
    public void SetCount(long count)
    {
        if (count < 0 || count > _capacity) throw new ArgumentOutOfRangeException(nameof(count));
        Count = count;
    }

    /// <summary>Appends a value.</summary>
    public void Add(T value)
    {
        if (Count == _capacity)
        {
            _capacity = Math.Max(1024, _capacity * 2);
            _items = (T*)NativeMemory.Realloc(_items, (nuint)(_capacity * sizeof(T)));
        }
        _items[Count++] = value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        NativeMemory.Free(_items);
        _items = null; _capacity = 0; Count = 0;
    }
}
