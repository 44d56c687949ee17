// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Abstractions.Tests;

/// <summary>View arithmetic of <see cref="LocalTensor"/>; needs no backend, only storage.</summary>
public sealed unsafe class LocalTensorViewTests
{
    private sealed class HostStorage(long bytes) : TensorStorage(bytes, Device.Cpu)
    {
        private readonly nint _pointer = (nint)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
        public bool Freed { get; private set; }
        public override nint HostPointer => _pointer;
        protected override void Free() { NativeMemory.Free((void*)_pointer); Freed = true; }
    }

    private static (LocalTensor Tensor, HostStorage Storage) Arange(params long[] shape)
    {
        long n = Shapes.Numel(shape);
        var storage = new HostStorage(n * sizeof(int));
        var span = new Span<int>((void*)storage.HostPointer, (int)n);
        for (int i = 0; i < n; i++) span[i] = i;
        return (new LocalTensor(NoBackend.Instance, storage, DType.Int32, shape, Shapes.ContiguousStrides(shape), 0), storage);
    }

    private static int At(LocalTensor t, params long[] index)
    {
        long e = t.Offset;
        for (int i = 0; i < index.Length; i++) e += index[i] * t.Strides[i];
        return ((int*)t.Storage.HostPointer)[e];
    }

    [Fact]
    public void Slice_WithNegativeStep_AddressesReversedElements()
    {
        var (t, _) = Arange(3, 4);
        using (t)
        using (var rev = t.Slice(1, start: 3, length: 4, step: -1))
        {
            Assert.Equal([3L, 4L], rev.GetShape());
            Assert.Equal(3, At(rev, 0, 0));
            Assert.Equal(8 + 0, At(rev, 2, 3));
            Assert.False(rev.IsContiguous);
        }
    }

    [Fact]
    public void Permute_SwapsShapeAndStrides()
    {
        var (t, _) = Arange(2, 3, 4);
        using (t)
        using (var p = t.Permute([2, 0, 1]))
        {
            Assert.Equal([4L, 2L, 3L], p.GetShape());
            Assert.Equal(At(t, 1, 2, 3), At(p, 3, 1, 2));
            Assert.Throws<ArgumentException>(() => t.Permute([0, 0, 1]));
        }
    }

    [Fact]
    public void BroadcastTo_UsesZeroStrides_AndRejectsIncompatibleShapes()
    {
        var (t, _) = Arange(1, 3);
        using (t)
        using (var b = t.BroadcastTo([4, 2, 3]))
        {
            Assert.Equal([0L, 0L, 1L], b.Strides.ToArray());
            Assert.Equal(2, At(b, 3, 1, 2));
            Assert.Throws<ArgumentException>(() => t.BroadcastTo([4, 2]));
        }
    }

    [Fact]
    public void Storage_IsFreedWithTheLastView()
    {
        var (t, storage) = Arange(5);
        var view = t.Slice(0, 1, 3);
        t.Dispose();
        Assert.False(storage.Freed);
        Assert.Equal(1, At(view, 0));
        view.Dispose();
        view.Dispose(); // idempotent
        Assert.True(storage.Freed);
        Assert.Throws<ObjectDisposedException>(() => view.Share());
    }

    [Fact]
    public void Reshape_ViewsContiguousData_AndRefusesStrided()
    {
        var (t, _) = Arange(2, 6);
        using (t)
        {
            using var r = t.TryReshapeView([3, 4]);
            Assert.NotNull(r);
            Assert.Equal(7, At(r!, 1, 3));
            using var tr = t.Permute([1, 0]);
            Assert.Null(tr.TryReshapeView([12]));
            Assert.Throws<ArgumentException>(() => t.TryReshapeView([5]));
        }
    }

    [Fact]
    public void AsSpan_ChecksElementTypeAndLayout()
    {
        var (t, _) = Arange(4);
        using (t)
        {
            Assert.Equal(3, t.AsSpan<int>()[3]);
            Assert.Throws<InvalidOperationException>(() => t.AsSpan<float>());
            using var s = t.Slice(0, 0, 2, 2);
            Assert.Throws<InvalidOperationException>(() => s.AsSpan<int>());
        }
    }

    [Fact]
    public void Shapes_BroadcastAndAxisErrors_NameTheProblem()
    {
        Assert.Equal([5L, 3L, 4L], Shapes.Broadcast([5, 1, 4], [3, 1]));
        var e = Assert.Throws<ArgumentException>(() => Shapes.Broadcast([2, 3], [4, 3]));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Equal(2, Shapes.NormalizeAxis(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shapes.NormalizeAxis(3, 3));
        Assert.Equal("(5,)", Shapes.Format([5]));
        Assert.Equal([12L, 4L, 1L], Shapes.ContiguousStrides([2, 3, 4]));
    }

    /// <summary>Views need a backend reference only for ops; these tests run none.</summary>
    private sealed class NoBackend : ITensorBackend
    {
        public static readonly NoBackend Instance = new();
        public string Name => "none";
        public Device DefaultDevice => Device.Cpu;
        public IReadOnlyList<Device> Devices => [Device.Cpu];
        public IReadOnlyDictionary<string, string> NativeVersions => new Dictionary<string, string>();
        public int Threads => 1;
        public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null) => throw new NotSupportedException();
        public void Fill(LocalTensor destination, Scalar value) => throw new NotSupportedException();
        public void Arange(LocalTensor destination, Scalar start, Scalar step) => throw new NotSupportedException();
        public void CopyFromHost(void* source, LocalTensor destination) => throw new NotSupportedException();
        public void CopyToHost(LocalTensor source, void* destination) => throw new NotSupportedException();
        public void Copy(LocalTensor source, LocalTensor destination) => throw new NotSupportedException();
        public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination) => throw new NotSupportedException();
        public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination) => throw new NotSupportedException();
        public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination) => throw new NotSupportedException();
        public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination) => throw new NotSupportedException();
        public void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination) => throw new NotSupportedException();
        public void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices) => throw new NotSupportedException();
        public void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2) => throw new NotSupportedException();
        public void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination) => throw new NotSupportedException();
        public void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false) => throw new NotSupportedException();
        public void Synchronize() { }
        public void Dispose() { }
    }
}
