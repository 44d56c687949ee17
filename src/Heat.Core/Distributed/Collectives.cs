// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>Communicator calls on local tensors of a run-time dtype (one switch on dtype, then generic).</summary>
internal static unsafe class Collectives
{
    /// <summary>Reduces a contiguous tensor element-wise across all ranks, in place (device tensors through a host
    /// copy).</summary>
    public static void AllreduceInPlace(ICommunicator comm, LocalTensor t, ReduceOp op)
    {
        if (comm.Size == 1) return;
        if (!HostStaging.IsHostContiguous(t))
        {
            // Reductions combine on the host: stage device memory there and back.
            using var host = HostStaging.CopyOf(t);
            AllreduceInPlace(comm, host, op);
            HostStaging.WriteBack(host, t);
            return;
        }
        switch (t.DType.Code)
        {
            case DTypeCode.Bool: comm.AllreduceInPlace(Typed<bool>(t), op); break;
            case DTypeCode.UInt8: comm.AllreduceInPlace(Typed<byte>(t), op); break;
            case DTypeCode.Int8: comm.AllreduceInPlace(Typed<sbyte>(t), op); break;
            case DTypeCode.Int16: comm.AllreduceInPlace(Typed<short>(t), op); break;
            case DTypeCode.Int32: comm.AllreduceInPlace(Typed<int>(t), op); break;
            case DTypeCode.Int64: comm.AllreduceInPlace(Typed<long>(t), op); break;
            case DTypeCode.Float16:
                {
                    // No communicator reduces float16 (MPI has no half type): combine in float32, round once.
                    using var wide = t.Backend.Copy(t, DType.Float32);
                    AllreduceInPlace(comm, wide, op);
                    t.Backend.Copy(wide, t);
                    break;
                }
            case DTypeCode.Float32: comm.AllreduceInPlace(Typed<float>(t), op); break;
            case DTypeCode.Float64: comm.AllreduceInPlace(Typed<double>(t), op); break;
            case DTypeCode.Complex64: comm.AllreduceInPlace(Typed<Complex64>(t), op); break;
            case DTypeCode.Complex128: comm.AllreduceInPlace(Typed<Complex>(t), op); break;
            default: throw new NotSupportedException($"Allreduce of {t.DType} is not supported.");
        }
    }

    /// <summary>
    /// The bytes of a tensor for one communicator call: contiguous host memory as it is, contiguous device memory as a
    /// device buffer when the communicator is GPU-aware, else (device memory, <see cref="LocalTensor.HostPointer"/> 0,
    /// or strided) a contiguous host copy (made when <paramref name="send"/>, written back on dispose when
    /// <paramref name="receive"/>). Dispose after the call.
    /// </summary>
    public static Staged Stage(ICommunicator comm, LocalTensor t, bool send, bool receive)
    {
        if (HostStaging.IsHostContiguous(t)) return new Staged(Bytes(t), null, null, false);
        if (comm.IsGpuAware && t.IsContiguous && t.Storage.DevicePointer != 0)
            return new Staged(new CommBuffer<byte>((byte*)(t.Storage.DevicePointer + (nint)(t.Offset * t.DType.ItemSize)), t.ByteCount, MemoryKind.Device), null, null, false);
        var host = send ? HostStaging.CopyOf(t) : HostStaging.Empty(t.Shape, t.DType);
        return new Staged(Bytes(host), host, t, receive);
    }

    /// <summary>A communication buffer over a tensor or its host copy; disposing writes a received copy back.</summary>
    public readonly struct Staged(CommBuffer<byte> buffer, LocalTensor? host, LocalTensor? device, bool writeBack) : IDisposable
    {
        /// <summary>The buffer to pass to the communicator.</summary>
        public CommBuffer<byte> Buffer { get; } = buffer;

        /// <summary>Copies a received host copy back to the device tensor and frees it.</summary>
        public void Dispose()
        {
            if (host is null) return;
            try { if (writeBack) HostStaging.WriteBack(host, device!); }
            finally { host.Dispose(); }
        }

        /// <summary>Frees the host copy without writing it back (after a failed transfer).</summary>
        public void Discard() => host?.Dispose();
    }

    /// <summary>A contiguous host tensor as a typed communication buffer (empty for an empty tensor, wherever it
    /// lives).</summary>
    public static CommBuffer<T> Typed<T>(LocalTensor t) where T : unmanaged => t.Numel == 0 ? CommBuffer<T>.Empty : t.AsCommBuffer<T>();

    /// <summary>The raw bytes of a contiguous host tensor as a communication buffer.</summary>
    public static CommBuffer<byte> Bytes(LocalTensor t)
    {
        if (t.Numel == 0) return CommBuffer<byte>.Empty;
        if (!t.IsContiguous || t.HostPointer == 0)
            throw new InvalidOperationException("Communication needs a contiguous host tensor.");
        return new CommBuffer<byte>((byte*)t.HostPointer, t.ByteCount);
    }
}
