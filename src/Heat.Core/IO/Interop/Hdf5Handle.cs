// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>An owned HDF5 identifier (<c>hid_t</c>, invalid when negative); releasing it takes the HDF5 lock.</summary>
internal abstract class Hdf5Handle : SafeHandle
{
    protected Hdf5Handle(long id) : base(-1, ownsHandle: true) => SetHandle((nint)id);

    /// <inheritdoc/>
    public override bool IsInvalid => handle < 0;

    /// <summary>The <c>hid_t</c> value.</summary>
    public long Id => handle;

    /// <inheritdoc/>
    protected sealed override bool ReleaseHandle()
    {
        lock (NativeIoLock.Gate) return Close(handle) >= 0;
    }

    /// <summary>The kind's close function (<c>H5Fclose</c>, <c>H5Dclose</c>, ...).</summary>
    protected abstract int Close(long id);
}

/// <summary>An open HDF5 file.</summary>
internal sealed class Hdf5FileHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Fclose(id);
}

/// <summary>An open HDF5 dataset.</summary>
internal sealed class Hdf5DatasetHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Dclose(id);
}

/// <summary>An HDF5 dataspace.</summary>
internal sealed class Hdf5SpaceHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Sclose(id);
}

/// <summary>An HDF5 datatype (copied or created, never a library constant).</summary>
internal sealed class Hdf5TypeHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Tclose(id);
}

/// <summary>An HDF5 property list.</summary>
internal sealed class Hdf5PropertyListHandle(long id) : Hdf5Handle(id)
{
    protected override int Close(long id) => Hdf5Native.H5Pclose(id);
}
