// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The shim's <c>hts_tensor</c>: a strided view over memory the caller keeps alive for the call.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HtsTensor
{
    /// <summary>Address of element [0, ..., 0].</summary>
    public void* Data;
    public long* Sizes;
    /// <summary>Strides in elements (zero and negative allowed).</summary>
    public long* Strides;
    public int NDim;
    /// <summary>Heat's <see cref="DTypeCode"/>.</summary>
    public int DType;
    /// <summary>-1 for the CPU, N for CUDA device N.</summary>
    public int Device;
    public int Reserved;
}

/// <summary>The shim's status codes.</summary>
internal static class HtsStatus
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int NotSupported = 2;
    public const int InvalidArgument = 3;
}
