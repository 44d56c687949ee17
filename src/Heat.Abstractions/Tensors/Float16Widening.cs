// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// float16 as a storage type for backends without half arithmetic: an op with a float16 operand widens its float16
/// operands to float32 (through the backend's own Copy), runs the backend's float32 kernel and rounds each float16
/// result once. NumPy's float16 loops do the same, and for + − × ÷ and sqrt float32 (24 bits ≥ 2·11 + 2) makes
/// the double rounding exact, so those results equal NumPy's bit for bit. Vector&lt;Half&gt; has no arithmetic, so
/// no SIMD path is ever instantiated with Half.
/// </summary>
public static class Float16Widening
{
    /// <summary>True for a float16 tensor.</summary>
    public static bool IsHalf(LocalTensor t) => t.DType == DType.Float16;

    /// <summary>True when either tensor is float16.</summary>
    public static bool AnyHalf(LocalTensor a, LocalTensor b) => IsHalf(a) || IsHalf(b);

    /// <summary>The float32 copy of a float16 tensor; any other tensor shared as it is.</summary>
    private static LocalTensor Widened(ITensorBackend b, LocalTensor t) =>
        IsHalf(t) ? b.Copy(t, DType.Float32) : t.Share();

    /// <summary>A float32 destination standing in for a float16 one (holding its values when
    /// <paramref name="keepValues"/>); any other destination shared as it is.</summary>
    private static LocalTensor WidenedOut(ITensorBackend b, LocalTensor d, bool keepValues = false) =>
        !IsHalf(d) ? d.Share() : keepValues ? b.Copy(d, DType.Float32) : b.Empty(d.Shape, DType.Float32, d.Device);

    /// <summary>Rounds a widened result into its float16 destination (nothing to do for other dtypes).</summary>
    private static void Narrow(ITensorBackend b, LocalTensor wide, LocalTensor d)
    {
        if (IsHalf(d)) b.Copy(wide, d);
    }

    /// <summary>Unary with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Unary(ITensorBackend backend, UnaryOp op, LocalTensor x, LocalTensor d)
    {
        using var wx = Widened(backend, x);
        using var wd = WidenedOut(backend, d);
        backend.Unary(op, wx, wd);
        Narrow(backend, wd, d);
    }

    /// <summary>Binary with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Binary(ITensorBackend backend, BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor d)
    {
        using var wa = Widened(backend, a);
        using var wb = Widened(backend, b);
        using var wd = WidenedOut(backend, d);
        backend.Binary(op, wa, wb, wd);
        Narrow(backend, wd, d);
    }

    /// <summary>BinaryScalar with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void BinaryScalar(ITensorBackend backend, BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst,
        LocalTensor d)
    {
        using var wa = Widened(backend, a);
        using var wd = WidenedOut(backend, d);
        backend.BinaryScalar(op, wa, scalar, scalarFirst, wd);
        Narrow(backend, wd, d);
    }

    /// <summary>Reduce with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Reduce(ITensorBackend backend, ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes,
        LocalTensor d)
    {
        using var wx = Widened(backend, x);
        using var wd = WidenedOut(backend, d);
        backend.Reduce(op, wx, axes, wd);
        Narrow(backend, wd, d);
    }

    /// <summary>Moments with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Moments(ITensorBackend backend, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean,
        LocalTensor m2)
    {
        using var wx = Widened(backend, x);
        using var wm = WidenedOut(backend, mean);
        using var w2 = WidenedOut(backend, m2);
        backend.Moments(wx, axes, wm, w2);
        Narrow(backend, wm, mean);
        Narrow(backend, w2, m2);
    }

    /// <summary>ArgReduce with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void ArgReduce(ITensorBackend backend, ArgReduceKind kind, LocalTensor x, int axis,
        LocalTensor values, LocalTensor indices)
    {
        // Widening is exact, so the arg positions are those of the float16 values.
        using var wx = Widened(backend, x);
        using var wv = WidenedOut(backend, values);
        backend.ArgReduce(kind, wx, axis, wv, indices);
        Narrow(backend, wv, values);
    }

    /// <summary>Scan with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Scan(ITensorBackend backend, ReduceOp op, LocalTensor x, int axis, LocalTensor d)
    {
        using var wx = Widened(backend, x);
        using var wd = WidenedOut(backend, d);
        backend.Scan(op, wx, axis, wd);
        Narrow(backend, wd, d);
    }

    /// <summary>Matmul with float16 operands widened to float32 and float16 results rounded once.</summary>
    public static void Matmul(ITensorBackend backend, LocalTensor a, LocalTensor b, LocalTensor d, bool accumulate)
    {
        using var wa = Widened(backend, a);
        using var wb = Widened(backend, b);
        using var wd = WidenedOut(backend, d, keepValues: accumulate);
        backend.Matmul(wa, wb, wd, accumulate);
        Narrow(backend, wd, d);
    }

    /// <summary>Arange computed in float32 and rounded to the float16 destination.</summary>
    public static void Arange(ITensorBackend backend, LocalTensor d, Scalar start, Scalar step)
    {
        using var wd = WidenedOut(backend, d);
        backend.Arange(wd, start, step);
        Narrow(backend, wd, d);
    }
}
