// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Backend.OpenCL.Interop;

namespace Heat.Backend.OpenCL;

/// <summary>
/// An OpenCL buffer. On CPU devices it wraps 4 KiB-aligned host memory (<c>CL_MEM_USE_HOST_PTR</c>, zero-copy), so
/// <see cref="HostPointer"/> serves communication directly; on GPUs it is device memory and <see cref="HostPointer"/> is zero.
/// </summary>
internal sealed unsafe class OpenClStorage : TensorStorage
{
    private const int Alignment = 4096;
    private readonly nint _host;

    public OpenClStorage(OpenClDevice device, long byteLength, Device where) : base(byteLength, where)
    {
        long size = Math.Max(byteLength, 64);
        int err;
        nint mem;
        lock (OpenClDevice.CompilerGate)
        if (!device.IsGpu)
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
