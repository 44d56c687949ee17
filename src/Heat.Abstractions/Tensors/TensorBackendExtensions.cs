// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Allocating conveniences over the destination-passing calls of <see cref="ITensorBackend"/>.</summary>
public static unsafe class TensorBackendExtensions
{
    /// <summary>A new tensor filled with <paramref name="value"/>.</summary>
    public static LocalTensor Full(this ITensorBackend backend, ReadOnlySpan<long> shape, DType dtype, Scalar value, Device? device = null)
    {
        var t = backend.Empty(shape, dtype, device);
        try { backend.Fill(t, value); return t; }
        catch { t.Dispose(); throw; }
    }

    /// <summary>A new tensor of zeros.</summary>
    public static LocalTensor Zeros(this ITensorBackend backend, ReadOnlySpan<long> shape, DType dtype, Device? device = null) =>
        backend.Full(shape, dtype, Scalar.FromInt(0), device);

    /// <summary>A new tensor holding a copy of row-major host data.</summary>
    /// <exception cref="ArgumentException">The data length does not match the shape.</exception>
    public static LocalTensor FromSpan<T>(this ITensorBackend backend, ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null) where T : unmanaged
    {
        var dtype = DType.Of<T>();
        if (Shapes.Numel(shape) != data.Length)
            throw new ArgumentException($"{data.Length} values do not fill shape {Shapes.Format(shape)} ({Shapes.Numel(shape)} elements).", nameof(data));
        var t = backend.Empty(shape, dtype, device);
        try
        {
            fixed (T* p = data) backend.CopyFromHost(p, t);
            return t;
        }
        catch { t.Dispose(); throw; }
    }

    /// <summary>The elements of <paramref name="x"/> in row-major order as a new array.</summary>
    /// <exception cref="ArgumentException">T does not match the tensor's dtype.</exception>
    public static T[] ToArray<T>(this LocalTensor x) where T : unmanaged
    {
        if (DType.Of<T>() != x.DType)
            throw new ArgumentException($"Element type {typeof(T).Name} does not match the tensor's dtype {x.DType}.", nameof(T));
        var result = new T[checked((int)x.Numel)];
        fixed (T* p = result) x.Backend.CopyToHost(x, p);
        return result;
    }

    /// <summary>A contiguous copy of <paramref name="x"/>, optionally converted to <paramref name="dtype"/>.</summary>
    public static LocalTensor Copy(this ITensorBackend backend, LocalTensor x, DType? dtype = null)
    {
        var t = backend.Empty(x.Shape, dtype ?? x.DType, x.Device);
        try { backend.Copy(x, t); return t; }
        catch { t.Dispose(); throw; }
    }

    /// <summary><paramref name="x"/> itself (a shared view) when already contiguous, else a contiguous copy.</summary>
    public static LocalTensor Contiguous(this ITensorBackend backend, LocalTensor x) =>
        x.IsContiguous ? x.Share() : backend.Copy(x);

    /// <summary>A new tensor with the result of a unary op.</summary>
    public static LocalTensor Unary(this ITensorBackend backend, UnaryOp op, LocalTensor x)
    {
        var t = backend.Empty(x.Shape, op.ResultType(x.DType), x.Device);
        try { backend.Unary(op, x, t); return t; }
        catch { t.Dispose(); throw; }
    }

    /// <summary>A new tensor with the result of a binary op, broadcasting the operands (which share one
    /// dtype).</summary>
    public static LocalTensor Binary(this ITensorBackend backend, BinaryOp op, LocalTensor a, LocalTensor b)
    {
        var shape = Shapes.Broadcast(a.Shape, b.Shape);
        using var av = a.BroadcastTo(shape);
        using var bv = b.BroadcastTo(shape);
        var t = backend.Empty(shape, OpRegistry.Of(op).ResultType(a.DType), a.Device);
        try { backend.Binary(op, av, bv, t); return t; }
        catch { t.Dispose(); throw; }
    }

    /// <summary>A new tensor with <c>a op scalar</c> (or <c>scalar op a</c>).</summary>
    public static LocalTensor BinaryScalar(this ITensorBackend backend, BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst = false)
    {
        var t = backend.Empty(a.Shape, OpRegistry.Of(op).ResultType(a.DType), a.Device);
        try { backend.BinaryScalar(op, a, scalar, scalarFirst, t); return t; }
        catch { t.Dispose(); throw; }
    }

    /// <summary>A new tensor reducing <paramref name="x"/> over <paramref name="axes"/> (all axes when null) into
    /// <paramref name="dtype"/>.</summary>
    public static LocalTensor Reduce(this ITensorBackend backend, ReduceOp op, LocalTensor x, int[]? axes = null, bool keepDims = false, DType? dtype = null)
    {
        axes ??= Enumerable.Range(0, x.NDim).ToArray();
        var normalized = axes.Select(a => Shapes.NormalizeAxis(a, x.NDim)).Distinct().Order().ToArray();
        var kept = x.GetShape();
        foreach (var a in normalized) kept[a] = 1;
        var t = backend.Empty(kept, dtype ?? x.DType, x.Device);
        try
        {
            backend.Reduce(op, x, normalized, t);
            if (keepDims) return t;
            var squeezed = kept.Where((_, i) => !normalized.Contains(i)).ToArray();
            var view = t.TryReshapeView(squeezed)!;
            t.Dispose();
            return view;
        }
        catch { t.Dispose(); throw; }
    }

    /// <summary>A new tensor with the matrix product of <paramref name="a"/> and <paramref name="b"/> (at least 2-d
    /// each).</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ or an operand has fewer than 2
    /// dimensions.</exception>
    public static LocalTensor Matmul(this ITensorBackend backend, LocalTensor a, LocalTensor b)
    {
        if (a.NDim < 2 || b.NDim < 2) throw new ArgumentException("Matmul operands need at least 2 dimensions.");
        long m = a.Shape[^2], k = a.Shape[^1], k2 = b.Shape[^2], n = b.Shape[^1];
        if (k != k2) throw new ArgumentException($"Matmul: inner dimensions differ, {Shapes.Format(a.Shape)} @ {Shapes.Format(b.Shape)}.");
        var batch = Shapes.Broadcast(a.Shape[..^2], b.Shape[..^2]);
        var t = backend.Empty([.. batch, m, n], a.DType, a.Device);
        try { backend.Matmul(a, b, t); return t; }
        catch { t.Dispose(); throw; }
    }
}
