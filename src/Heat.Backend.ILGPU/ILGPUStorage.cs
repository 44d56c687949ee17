// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Runtime;
using Heat.Abstractions;

namespace Heat.Backend.ILGPU;

/// <summary>
/// An ILGPU device buffer from a <see cref="BufferPool"/>. Not host-addressable (<see cref="HostPointer"/> is zero,
/// even on the CPU accelerator), so every host access is staged, as on a GPU; released storage goes back to the pool.
/// </summary>
internal sealed class ILGPUStorage : TensorStorage
{
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _buffer;

    public ILGPUStorage(DeviceSlot slot, long byteLength, Device where) : base(byteLength, where)
    {
        Slot = slot;
        _buffer = slot.Pool.Rent(byteLength);
    }

    /// <summary>The accelerator, stream and pool the buffer belongs to.</summary>
    public DeviceSlot Slot { get; }

    /// <summary>The buffer's bytes.</summary>
    public ArrayView<byte> Bytes => _buffer.View;

    /// <inheritdoc/>
    public override nint HostPointer => 0;

    /// <inheritdoc/>
    public override nint DevicePointer => Slot.IsGpu ? _buffer.NativePtr : 0;

    /// <inheritdoc/>
    protected override void Free() => Slot.Pool.Return(_buffer);
}
