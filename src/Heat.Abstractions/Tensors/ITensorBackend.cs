// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Argument reductions.</summary>
public enum ArgReduceKind
{
    /// <summary>Index of the first minimum (NaN counts as the minimum, as NumPy).</summary>
    ArgMin,
    /// <summary>Index of the first maximum (NaN counts as the maximum, as NumPy).</summary>
    ArgMax,
}

/// <summary>
/// The node-local compute engine. Every op writes into a destination tensor the caller allocated with
/// <see cref="Empty"/> (Core decides shapes, dtypes and promotion; the backend only computes), so the same
/// calls serve out-of-place and in-place use. Operands may be arbitrary strided views (zero strides for broadcast,
/// negative strides for reversed slices). Validation happens in Core; a backend may assume consistent arguments
/// but must throw <see cref="NotSupportedException"/> for dtype/op pairs it does not implement.
/// </summary>
/// <remarks>
/// Conventions: element-wise operands are already broadcast to the destination's shape; binary operands share one
/// dtype; the destination's dtype is that dtype, or bool for predicates and comparisons, or the real counterpart for
/// <see cref="UnaryOpInfo.ComplexToReal"/> ops. Reductions keep reduced dimensions in the destination with extent 1.
/// </remarks>
public interface ITensorBackend : IDisposable
{
    /// <summary>The backend's name: <c>managed</c>, <c>torch</c>, <c>opencl</c>.</summary>
    string Name { get; }
    /// <summary>The device tensors are created on when none is given.</summary>
    Device DefaultDevice { get; }
    /// <summary>The devices this backend can place tensors on.</summary>
    IReadOnlyList<Device> Devices { get; }
    /// <summary>Versions of the native libraries in use (empty for a pure managed backend).</summary>
    IReadOnlyDictionary<string, string> NativeVersions { get; }
    /// <summary>Threads this backend uses for one op.</summary>
    int Threads { get; }

    /// <summary>A new contiguous tensor with unspecified contents.</summary>
    LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null);
    /// <summary>Sets every element of <paramref name="destination"/> to <paramref name="value"/> (converted to its
    /// dtype).</summary>
    void Fill(LocalTensor destination, Scalar value);
    /// <summary>Writes <c>start + i*step</c> to element i of a 1-d destination (computed in float64, then converted;
    /// exact for integers).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "NumPy's parameter name.")]
    void Arange(LocalTensor destination, Scalar start, Scalar step);

    /// <summary>Copies contiguous row-major host data of the destination's dtype into
    /// <paramref name="destination"/>.</summary>
    unsafe void CopyFromHost(void* source, LocalTensor destination);
    /// <summary>Copies <paramref name="source"/> to contiguous row-major host memory.</summary>
    unsafe void CopyToHost(LocalTensor source, void* destination);
    /// <summary>Copies element-wise between views of the same shape, converting dtype if they differ (C-cast semantics,
    /// complex→real keeps the real part).</summary>
    void Copy(LocalTensor source, LocalTensor destination);

    /// <summary>Element-wise unary op.</summary>
    void Unary(UnaryOp op, LocalTensor x, LocalTensor destination);
    /// <summary>Element-wise binary op of two tensors already broadcast to the destination's shape.</summary>
    void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination);
    /// <summary>Element-wise binary op with a scalar: <c>a op s</c>, or <c>s op a</c> when
    /// <paramref name="scalarFirst"/>.</summary>
    void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination);
    /// <summary>Element-wise <c>condition ? a : b</c> (condition bool; a, b and destination of one dtype; all broadcast
    /// to the destination).</summary>
    void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination);

    /// <summary>
    /// Reduces <paramref name="x"/> over <paramref name="axes"/> into <paramref name="destination"/> (extent 1 on
    /// reduced axes),
    /// accumulating at least in the destination's precision (float32 sums are pairwise or wider). Empty input gives the
    /// identity.
    /// </summary>
    void Reduce(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor destination);
    /// <summary>Index (int64, along <paramref name="axis"/>) and value of the minimum or maximum; destinations have
    /// extent 1 on the axis.</summary>
    void ArgReduce(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices);
    /// <summary>
    /// One pass over <paramref name="x"/>: the mean and the sum of squared deviations (M2) over
    /// <paramref name="axes"/>,
    /// written to float destinations with extent 1 on reduced axes (the count is the product of the reduced extents).
    /// </summary>
    void Moments(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2);
    /// <summary>Inclusive scan (cumulative sum, product, min or max) along <paramref name="axis"/>.</summary>
    void Scan(ReduceOp op, LocalTensor x, int axis, LocalTensor destination);

    /// <summary>
    /// Matrix product over the last two dimensions with broadcast batch dimensions: <c>destination = a @ b</c>,
    /// or <c>destination += a @ b</c> when <paramref name="accumulate"/>. Operands and destination share one dtype.
    /// </summary>
    void Matmul(LocalTensor a, LocalTensor b, LocalTensor destination, bool accumulate = false);

    /// <summary>Waits until queued work on the device has finished (a no-op for synchronous backends).</summary>
    void Synchronize();
}
