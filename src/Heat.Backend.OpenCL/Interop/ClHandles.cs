// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.OpenCL.Interop;

/// <summary>An owned OpenCL object, released once.</summary>
internal abstract class ClHandle : SafeHandle
{
    protected ClHandle(nint handle) : base(0, true) => SetHandle(handle);
    public override bool IsInvalid => handle == 0;
}

/// <summary>An OpenCL context.</summary>
internal sealed class ClContextHandle(nint h) : ClHandle(h)
{
    protected override bool ReleaseHandle() => Cl.ReleaseContext(handle) == Cl.Success;
}

/// <summary>An OpenCL command queue.</summary>
internal sealed class ClQueueHandle(nint h) : ClHandle(h)
{
    protected override bool ReleaseHandle() => Cl.ReleaseCommandQueue(handle) == Cl.Success;
}

/// <summary>An OpenCL buffer.</summary>
internal sealed class ClMemHandle(nint h) : ClHandle(h)
{
    protected override bool ReleaseHandle()
    {
        lock (OpenClDevice.CompilerGate) return Cl.ReleaseMemObject(handle) == Cl.Success;
    }
}

/// <summary>An OpenCL program.</summary>
internal sealed class ClProgramHandle(nint h) : ClHandle(h)
{
    protected override bool ReleaseHandle() => Cl.ReleaseProgram(handle) == Cl.Success;
}

/// <summary>An OpenCL kernel.</summary>
internal sealed class ClKernelHandle(nint h) : ClHandle(h)
{
    protected override bool ReleaseHandle() => Cl.ReleaseKernel(handle) == Cl.Success;
}
