// SPDX-License-Identifier: MIT
using Heat.Backend.ILGPU.Kernels;

namespace Heat.Backend.ILGPU;

/// <summary>The kernels' element and conversion types of each dtype.</summary>
internal static class KernelTypes
{
    /// <summary>The element type and its <see cref="IElem{T}"/> for real dtypes; null for complex ones.</summary>
    public static (Type T, Type E)? Real(DType dtype) => dtype.Code switch
    {
        DTypeCode.Bool => (typeof(byte), typeof(EBool)),
        DTypeCode.UInt8 => (typeof(byte), typeof(EU8)),
        DTypeCode.Int8 => (typeof(sbyte), typeof(EI8)),
        DTypeCode.Int16 => (typeof(short), typeof(EI16)),
        DTypeCode.Int32 => (typeof(int), typeof(EI32)),
        DTypeCode.Int64 => (typeof(long), typeof(EI64)),
        DTypeCode.Float32 => (typeof(float), typeof(EF32)),
        DTypeCode.Float64 => (typeof(double), typeof(EF64)),
        _ => null,
    };

    /// <summary>The element type the raw copy, fill and where kernels move for an element size.</summary>
    public static Type RawElement(int itemSize) => itemSize switch
    {
        1 => typeof(byte),
        2 => typeof(ushort),
        4 => typeof(uint),
        8 => typeof(ulong),
        _ => typeof(Raw16),
    };
}
