// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Reference-counted memory behind one or more <see cref="LocalTensor"/> views. Created with one reference;
/// freed when the last reference is released. Backends subclass it for their memory (native host memory,
/// a libtorch tensor, an OpenCL buffer).
/// </summary>
public abstract class TensorStorage
{
    private int _references = 1;

    /// <summary>Creates storage of <paramref name="byteLength"/> bytes on <paramref name="device"/>.</summary>
    protected TensorStorage(long byteLength, Device device) { ByteLength = byteLength; Device = device; }

    /// <summary>Size in bytes.</summary>
    public long ByteLength { get; }
    /// <summary>Where the memory lives.</summary>
    public Device Device { get; }
    /// <summary>The host address of byte 0, or zero when the memory is not host-addressable.</summary>
    public abstract nint HostPointer { get; }
    /// <summary>The device address of byte 0 for accelerator memory (what a GPU-aware communicator takes), or zero for host memory.</summary>
    public virtual nint DevicePointer => 0;
    /// <summary>True once the memory has been freed.</summary>
    public bool IsReleased => Volatile.Read(ref _references) <= 0;

    /// <summary>Adds a reference (a new view).</summary>
    /// <exception cref="ObjectDisposedException">The storage was already freed.</exception>
    public void AddReference()
    {
        while (true)
        {
            int current = Volatile.Read(ref _references);
            if (current <= 0) throw new ObjectDisposedException(GetType().Name, "The tensor's storage was already released.");
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current) return;
        }
    }

    /// <summary>Drops a reference; the last one frees the memory.</summary>
    public void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left == 0) Free();
    }

    /// <summary>Frees the memory (called once, by the last <see cref="Release"/>).</summary>
    protected abstract void Free();
}
