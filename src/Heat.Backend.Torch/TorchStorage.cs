// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>Memory allocated by libtorch (host or CUDA), owned through one <see cref="TorchStorageHandle"/>.</summary>
internal sealed class TorchStorage : TensorStorage
{
    private readonly TorchStorageHandle _handle;

    public TorchStorage(TorchStorageHandle handle, nint data, long byteLength, Device device) : base(byteLength, device)
    {
        _handle = handle;
        DataPointer = data;
    }

    /// <summary>The address of byte 0 in the device's address space (host or CUDA).</summary>
    public nint DataPointer { get; }

    /// <inheritdoc/>
    public override nint HostPointer => Device.IsGpu ? 0 : DataPointer;

    /// <inheritdoc/>
    public override nint DevicePointer => Device.IsGpu ? DataPointer : 0;

    /// <inheritdoc/>
    protected override void Free() => _handle.Dispose();
}
