// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Backend.OpenCL.Interop;

namespace Heat.Backend.OpenCL;

/// <summary>
/// An OpenCL buffer. Zero-copy (CPU devices in <see cref="OpenClMemory.Host"/> mode) it wraps 4 KiB-aligned host memory
/// (<c>CL_MEM_USE_HOST_PTR</c>), so <see cref="HostPointer"/> serves communication directly; otherwise it is device
/// memory and <see cref="HostPointer"/> is zero.
/// </summary>
internal sealed unsafe class OpenClStorage : TensorStorage
{
    private const int Alignment = 4096;
    private readonly nint _host;

    /// <exception cref="InsufficientMemoryException">The buffer is larger than the device allocates at
    /// once.</exception>
    public OpenClStorage(OpenClDevice device, long byteLength, Device where, bool zeroCopy) : base(byteLength, where)
    {
        long size = Math.Max(byteLength, 64);
        CheckSize(device.Info, size);
        int err;
        nint mem;
        lock (OpenClDevice.CompilerGate)
        if (zeroCopy)
        {
            long rounded = (size + Alignment - 1) / Alignment * Alignment;
            _host = (nint)NativeMemory.AlignedAlloc((nuint)rounded, Alignment);
            mem = Cl.CreateBuffer(device.Context.DangerousGetHandle(), Cl.MemReadWrite | Cl.MemUseHostPtr, (nuint)rounded, (void*)_host, &err);
        }
        else mem = Cl.CreateBuffer(device.Context.DangerousGetHandle(), Cl.MemReadWrite, (nuint)size, null, &err);
        if (err != Cl.Success)
        {
            if (_host != 0) NativeMemory.AlignedFree((void*)_host);
            Cl.Check(err, $"clCreateBuffer({byteLength} bytes)");
        }
        // The host memory is freed when OpenCL deletes the buffer, which may be after clReleaseMemObject returns.
        if (_host != 0) Cl.Check(Cl.SetMemObjectDestructorCallback(mem, &FreeHost, _host), "clSetMemObjectDestructorCallback");
        Mem = new ClMemHandle(mem);
    }

    /// <summary>Rejects a buffer above <c>CL_DEVICE_MAX_MEM_ALLOC_SIZE</c> before anything is allocated.</summary>
    private static void CheckSize(OpenClDeviceInfo info, long bytes)
    {
        long rounded = (bytes + Alignment - 1) / Alignment * Alignment;
        if (rounded <= info.MaxAllocation) return;
        throw new InsufficientMemoryException(
            $"OpenCL backend: a tensor of {bytes} bytes is larger than the largest buffer device {info.Name} allocates " +
            $"(CL_DEVICE_MAX_MEM_ALLOC_SIZE = {info.MaxAllocation} bytes). Split the array over more ranks so that each " +
            "rank's chunk fits, or choose another backend (Heat:Backend=managed or torch).");
    }

    [UnmanagedCallersOnly]
    private static void FreeHost(nint mem, nint host) => NativeMemory.AlignedFree((void*)host);

    /// <summary>The buffer.</summary>
    public ClMemHandle Mem { get; }

    /// <inheritdoc/>
    public override nint HostPointer => _host;

    /// <inheritdoc/>
    protected override void Free()
    {
        lock (OpenClDevice.CompilerGate) Mem.Dispose();
    }
}
