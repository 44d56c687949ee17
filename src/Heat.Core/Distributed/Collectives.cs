// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Communicator calls on local tensors of a run-time dtype (one switch on dtype, then generic).</summary>
internal static unsafe class Collectives
{
    /// <summary>Reduces a contiguous host tensor element-wise across all ranks, in place.</summary>
    public static void AllreduceInPlace(ICommunicator comm, LocalTensor t, ReduceOp op)
    {
        if (comm.Size == 1) return;
        switch (t.DType.Code)
        {
            case DTypeCode.Bool: comm.AllreduceInPlace(t.AsCommBuffer<bool>(), op); break;
            case DTypeCode.UInt8: comm.AllreduceInPlace(t.AsCommBuffer<byte>(), op); break;
            case DTypeCode.Int8: comm.AllreduceInPlace(t.AsCommBuffer<sbyte>(), op); break;
            case DTypeCode.Int16: comm.AllreduceInPlace(t.AsCommBuffer<short>(), op); break;
            case DTypeCode.Int32: comm.AllreduceInPlace(t.AsCommBuffer<int>(), op); break;
            case DTypeCode.Int64: comm.AllreduceInPlace(t.AsCommBuffer<long>(), op); break;
            case DTypeCode.Float32: comm.AllreduceInPlace(t.AsCommBuffer<float>(), op); break;
            case DTypeCode.Float64: comm.AllreduceInPlace(t.AsCommBuffer<double>(), op); break;
            case DTypeCode.Complex64: comm.AllreduceInPlace(t.AsCommBuffer<Complex64>(), op); break;
            case DTypeCode.Complex128: comm.AllreduceInPlace(t.AsCommBuffer<Complex>(), op); break;
            default: throw new NotSupportedException($"Allreduce of {t.DType} is not supported.");
        }
    }

    /// <summary>The raw bytes of a contiguous host tensor as a communication buffer.</summary>
    public static CommBuffer<byte> Bytes(LocalTensor t)
    {
        if (t.Numel == 0) return CommBuffer<byte>.Empty;
        if (!t.IsContiguous || t.HostPointer == 0)
            throw new InvalidOperationException("Communication needs a contiguous host tensor.");
        return new CommBuffer<byte>((byte*)t.HostPointer, t.ByteCount);
    }
}
