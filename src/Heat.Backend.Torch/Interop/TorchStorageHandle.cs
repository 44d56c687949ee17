// SPDX-License-Identifier: MIT
using Microsoft.Win32.SafeHandles;

namespace Heat.Backend.Torch.Interop;

/// <summary>Owns one libtorch allocation (an <c>hts_storage</c>: a byte tensor held by the shim).</summary>
internal sealed class TorchStorageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TorchStorageHandle() : base(ownsHandle: true) { }

    public TorchStorageHandle(nint storage) : base(ownsHandle: true) => SetHandle(storage);

    protected override bool ReleaseHandle()
    {
        TorchNative.hts_free(handle);
        return true;
    }
}
