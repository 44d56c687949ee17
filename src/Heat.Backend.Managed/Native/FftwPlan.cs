// SPDX-License-Identifier: MIT
using Microsoft.Win32.SafeHandles;

namespace Heat.Backend.Managed.Native;

/// <summary>An FFTW plan of either precision; destroyed under the planner's lock (FFTW's planner is not
/// thread-safe).</summary>
internal sealed class FftwPlan : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>For the marshaller; plans are made by <see cref="FftwPlanner"/>.</summary>
    public FftwPlan() : base(ownsHandle: true) { }

    internal FftwPlan(nint plan, bool single) : base(ownsHandle: true)
    {
        SetHandle(plan);
        Single = single;
    }

    /// <summary>True for a single-precision (<c>fftwf_</c>) plan.</summary>
    public bool Single { get; }

    protected override bool ReleaseHandle()
    {
        lock (FftwPlanner.Gate)
        {
            if (Single) FftwfNative.fftwf_destroy_plan(handle);
            else FftwNative.fftw_destroy_plan(handle);
        }
        return true;
    }
}
