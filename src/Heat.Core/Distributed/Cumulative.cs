// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// HeAT's cumulative template: a local inclusive scan; along the split axis each rank's last slice goes through one
/// Exscan, and the offset it returns is combined into the local result (empty chunks pass the neutral element on).
/// </summary>
internal static class Cumulative
{
    /// <summary>The dtype a scan produces (sums and products of bool and integers give int64, as HeAT and
    /// NumPy).</summary>
    public static DType ResultType(ReduceOp op, DType input) => Reduction.ResultType(op, input);

    /// <summary>The inclusive scan of <paramref name="x"/> along <paramref name="axis"/>.</summary>
    public static DNDarray Scan(ReduceOp op, DNDarray x, int axis, DType? dtype)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 0) throw new ArgumentException("cumulative operations need an array of at least one "
            + "dimension.", nameof(x));
        axis = Shapes.NormalizeAxis(axis, x.ndim);
        var outType = dtype ?? ResultType(op, x.dtype);
        var backend = x.Backend;
        using var scope = DisposeScope.Begin();
        var result = scope.Include(backend.Empty(x.larray.Shape, outType));
        backend.Scan(op, x.larray, axis, result);
        if (x.split == axis && x.comm.Size > 1) AddOffsets(op, x, axis, result);
        return scope.MoveToOuter(new DNDarray(result, x.shape, x.split, x.Context, x.balanced), transferred: result);
    }

    /// <summary>The inclusive scan of <paramref name="x"/> along <paramref name="axis"/> written into
    /// <paramref name="destination"/> (x's own chunk for the in-place forms).</summary>
    public static void ScanInto(ReduceOp op, DNDarray x, int axis, LocalTensor destination)
    {
        x.Backend.Scan(op, x.larray, axis, destination);
        if (x.split == axis && x.comm.Size > 1) AddOffsets(op, x, axis, destination);
    }

    private static void AddOffsets(ReduceOp op, DNDarray x, int axis, LocalTensor result)
    {
        var backend = x.Backend;
        var sliceShape = result.GetShape();
        sliceShape[axis] = 1;
        long n = result.Shape[axis];
        using var last = backend.Full(sliceShape, result.DType, Identity(op, result.DType));
        if (n > 0)
        {
            using var lastView = result.Slice(axis, n - 1, 1);
            backend.Copy(lastView, last);
        }
        using var offset = backend.Empty(sliceShape, result.DType);
        Exscan(x.comm, last, offset, op);
        if (x.comm.Rank == 0 || n == 0) return;
        using var broadcast = offset.BroadcastTo(result.Shape);
        backend.Binary(op.Kind == ReduceKind.Sum ? BinaryOp.Add : BinaryOp.Multiply, result, broadcast, result);
    }

    private static Scalar Identity(ReduceOp op, DType dtype) =>
        op.Kind == ReduceKind.Sum ? (dtype.IsComplex ? Scalar.FromComplex(0) : dtype.IsInexact ? Scalar.FromDouble(0) :
            Scalar.FromInt(0))
                                  : (dtype.IsComplex ? Scalar.FromComplex(1) : dtype.IsInexact ? Scalar.FromDouble(1) :
                                      Scalar.FromInt(1));

    private static void Exscan(ICommunicator comm, LocalTensor send, LocalTensor recv, ReduceOp op)
    {
        // The scan combines on the host: device tensors (HostPointer 0) go through host copies.
        using var hostSend = HostStaging.Readable(send);
        using var hostRecv = HostStaging.IsHostContiguous(recv) ? recv.Share() : HostStaging.Empty(recv.Shape,
            recv.DType);
        HostExscan(comm, hostSend, hostRecv, op);
        HostStaging.WriteBack(hostRecv, recv);
    }

    private static unsafe void HostExscan(ICommunicator comm, LocalTensor send, LocalTensor recv, ReduceOp op)
    {
        switch (send.DType.Code)
        {
            case DTypeCode.Int64: comm.Exscan(Collectives.Typed<long>(send), Collectives.Typed<long>(recv), op); break;
            case DTypeCode.Int32: comm.Exscan(Collectives.Typed<int>(send), Collectives.Typed<int>(recv), op); break;
            case DTypeCode.Float16:
                {
                    // float16 offsets combine in float32 (no communicator reduces half), rounded once.
                    using var wideSend = send.Backend.Copy(send, DType.Float32);
                    using var wideRecv = send.Backend.Copy(recv, DType.Float32);
                    HostExscan(comm, wideSend, wideRecv, op);
                    recv.Backend.Copy(wideRecv, recv);
                    break;
                }
            case DTypeCode.Float32: comm.Exscan(Collectives.Typed<float>(send), Collectives.Typed<float>(recv),
                op); break;
            case DTypeCode.Float64: comm.Exscan(Collectives.Typed<double>(send), Collectives.Typed<double>(recv),
                op); break;
            case DTypeCode.Complex64: comm.Exscan(Collectives.Typed<Complex64>(send),
                Collectives.Typed<Complex64>(recv), op); break;
            case DTypeCode.Complex128: comm.Exscan(Collectives.Typed<System.Numerics.Complex>(send),
                Collectives.Typed<System.Numerics.Complex>(recv), op); break;
            case DTypeCode.Int16: comm.Exscan(Collectives.Typed<short>(send), Collectives.Typed<short>(recv),
                op); break;
            case DTypeCode.Int8: comm.Exscan(Collectives.Typed<sbyte>(send), Collectives.Typed<sbyte>(recv), op); break;
            case DTypeCode.UInt8: comm.Exscan(Collectives.Typed<byte>(send), Collectives.Typed<byte>(recv), op); break;
            default: throw new NotSupportedException($"cumulative operations on {send.DType} are not supported.");
        }
    }
}
