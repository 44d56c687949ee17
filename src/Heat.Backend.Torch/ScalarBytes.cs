// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Backend.Torch;

/// <summary>Scalars converted to an element of a dtype on the host (C-cast semantics, as the managed backend).</summary>
internal static unsafe class ScalarBytes
{
    /// <summary>Writes <paramref name="value"/> as one element of <paramref name="dtype"/> (bool as byte 0/1) to 16 bytes at <paramref name="target"/>.</summary>
    public static void Write(DType dtype, Scalar value, void* target)
    {
        switch (dtype.Code)
        {
            case DTypeCode.Bool: *(byte*)target = value.AsBool() ? (byte)1 : (byte)0; break;
            case DTypeCode.UInt8: *(byte*)target = value.To<byte>(); break;
            case DTypeCode.Int8: *(sbyte*)target = value.To<sbyte>(); break;
            case DTypeCode.Int16: *(short*)target = value.To<short>(); break;
            case DTypeCode.Int32: *(int*)target = value.To<int>(); break;
            case DTypeCode.Int64: *(long*)target = value.To<long>(); break;
            case DTypeCode.Float32: *(float*)target = value.To<float>(); break;
            case DTypeCode.Float64: *(double*)target = value.To<double>(); break;
            case DTypeCode.Complex64: *(Complex64*)target = value.To<Complex64>(); break;
            default: *(Complex*)target = value.To<Complex>(); break;
        }
    }
}
