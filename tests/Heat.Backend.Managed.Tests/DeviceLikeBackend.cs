// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Logging;

namespace Heat.Backend.Managed.Tests;

/// <summary>
/// A stand-in for a GPU backend: managed memory behind storage that is not host-addressable (HostPointer 0), every op
/// done by a managed backend on unwrapped views. It implements no capability.
/// </summary>
internal class DeviceLikeBackend(ManagedBackend inner) : ITensorBackend
{
    private sealed class DeviceStorage(LocalTensor bytes) : TensorStorage(bytes.ByteCount, new Device(DeviceKind.Gpu, 0))
    {
        public LocalTensor Bytes { get; } = bytes;
        public override nint HostPointer => 0;
        protected override void Free() => Bytes.Dispose();
    }

    protected ManagedBackend Inner { get; } = inner;
    public string Name => "devicelike";
    public Device DefaultDevice { get; } = new(DeviceKind.Gpu, 0);
    public IReadOnlyList<Device> Devices => [DefaultDevice];
    public IReadOnlyDictionary<string, string> NativeVersions { get; } = new Dictionary<string, string>();
    public int Threads => Inner.Threads;

    public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null)
    {
        var bytes = Inner.Empty([Shapes.Numel(shape) * dtype.ItemSize], DType.UInt8);
        return new LocalTensor(this, new DeviceStorage(bytes), dtype, shape, Shapes.ContiguousStrides(shape), 0);
    }

    /// <summary>The same elements as a managed view.</summary>
    private LocalTensor U(LocalTensor t)
    {
        var bytes = ((DeviceStorage)t.Storage).Bytes;
        bytes.Storage.AddReference();
        return new LocalTensor(Inner, bytes.Storage, t.DType, t.Shape, t.Strides, t.Offset);
    }

    public void Fill(LocalTensor destination, Scalar value) { using var d = U(destination); Inner.Fill(d, value); }
    public void Arange(LocalTensor destination, Scalar start, Scalar step) { using var d = U(destination); Inner.Arange(d, start, step); }
    public unsafe void CopyFromHost(void* source, LocalTensor destination) { using var d = U(destination); Inner.CopyFromHost(source, d); }
    public unsafe void CopyToHost(LocalTensor source, void* destination) { using var s = U(source); Inner.CopyToHost(s, destination); }
    public void Copy(LocalTensor source, LocalTensor destination) { using var s = U(source); using var d = U(destination); Inner.Copy(s, d); }
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination) { using var a = U(x); using var d = U(destination); Inner.Unary(op, a, d); }
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    { using var u = U(a); using var v = U(b); using var d = U(destination); Inner.Binary(op, u, v, d); }
    public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination)
    { using var u = U(a); using var d = U(destination); Inner.BinaryScalar(op, u, scalar, scalarFirst, d); }
    public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination)
    { using var c = U(condition); using var u = U(a); using var v = U(b); using var d = U(destination); Inner.Where(c, u, v, d); }
    public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination)
    { using var u = U(x); using var d = U(destination); Inner.Reduce(op, u, axes, d); }
    public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    { using var u = U(x); using var v = U(values); using var i = U(indices); Inner.ArgReduce(kind, u, axis, v, i); }
    public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    { using var u = U(x); using var m = U(mean); using var s = U(m2); Inner.Moments(u, axes, m, s); }
    public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination)
    { using var u = U(x); using var d = U(destination); Inner.Scan(op, u, axis, d); }
    public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false)
    { using var u = U(a); using var v = U(b); using var d = U(destination); Inner.Matmul(u, v, d, accumulate); }
    public void Synchronize() { }
    public void Dispose() { }
}

/// <summary>The stand-in GPU backend with a host backend handed to it, as the runtime does through the provider
/// context.</summary>
internal sealed class StagingDeviceLikeBackend(ManagedBackend inner, ITensorBackend host, ILogger logger) : DeviceLikeBackend(inner), IHostFallback
{
    public ITensorBackend HostBackend { get; } = host;
    public ILogger FallbackLogger { get; } = logger;
}
