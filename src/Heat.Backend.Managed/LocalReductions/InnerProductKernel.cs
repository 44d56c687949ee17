// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;

namespace Heat.Backend.Managed.LocalReductions;

/// <summary>
/// The inner product of two host vectors through
/// <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.
/// </summary>
internal static unsafe class InnerProductKernel
{
    public static void Run(LocalTensor a, LocalTensor b, LocalTensor result)
    {
        HostOperands.Require(a, nameof(a), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(b, nameof(b), a.DType.Code);
        HostOperands.Require(result, nameof(result), a.DType.Code);
        if (a.Numel != b.Numel) throw new ArgumentException($"The vectors have {a.Numel} and {b.Numel} elements.", nameof(b));
        if (result.Numel != 1) throw new ArgumentException($"The result has {result.Numel} elements, not 1.", nameof(result));
        if (a.DType == DType.Float32) *(float*)result.HostPointer = Dot((float*)a.HostPointer, (float*)b.HostPointer, a.Numel);
        else *(double*)result.HostPointer = Dot((double*)a.HostPointer, (double*)b.HostPointer, a.Numel);
    }

    private static T Dot<T>(T* a, T* b, long m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Block = 1 << 30;
        T sum = T.Zero;
        for (long start = 0; start < m; start += Block)
        {
            int length = (int)Math.Min(Block, m - start);
            sum += TensorPrimitives.Dot(new ReadOnlySpan<T>(a + start, length), new ReadOnlySpan<T>(b + start, length));
        }
        return sum;
    }
}
