// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed;

// float16 is a storage type here: an op with a float16 operand widens its float16 operands to float32, runs the
// float32 kernel and rounds each float16 result once. NumPy's float16 loops do the same (so do System.Numerics.Tensors'
// Half overloads), and for + − × ÷ and sqrt float32 (24 bits ≥ 2·11 + 2) makes the double rounding exact. Vector<Half>
// has no arithmetic, so no SIMD path is ever instantiated with Half; only copies and casts touch Half directly.
public sealed unsafe partial class ManagedBackend
{
    private static bool IsHalf(LocalTensor t) => t.DType == DType.Float16;

    private static bool AnyHalf(LocalTensor a, LocalTensor b) => IsHalf(a) || IsHalf(b);

    /// <summary>The float32 copy of a float16 tensor; any other tensor shared as it is.</summary>
    private LocalTensor Widened(LocalTensor t) => IsHalf(t) ? this.Copy(t, DType.Float32) : t.Share();

    /// <summary>A float32 destination standing in for a float16 one (holding its values when
    /// <paramref name="keepValues"/>); any other destination shared as it is.</summary>
    private LocalTensor WidenedOut(LocalTensor d, bool keepValues = false) =>
        !IsHalf(d) ? d.Share() : keepValues ? this.Copy(d, DType.Float32) : Empty(d.Shape, DType.Float32);

    /// <summary>Rounds a widened result into its float16 destination (nothing to do for other dtypes).</summary>
    private void Narrow(LocalTensor wide, LocalTensor d)
    {
        if (IsHalf(d)) Copy(wide, d);
    }

    private void UnaryHalf(UnaryOp op, LocalTensor x, LocalTensor d)
    {
        using var wx = Widened(x);
        using var wd = WidenedOut(d);
        Unary(op, wx, wd);
        Narrow(wd, d);
    }

    private void BinaryHalf(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor d)
    {
        using var wa = Widened(a);
        using var wb = Widened(b);
        using var wd = WidenedOut(d);
        Binary(op, wa, wb, wd);
        Narrow(wd, d);
    }

    private void BinaryScalarHalf(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor d)
    {
        using var wa = Widened(a);
        using var wd = WidenedOut(d);
        BinaryScalar(op, wa, scalar, scalarFirst, wd);
        Narrow(wd, d);
    }

    private void ReduceHalf(ReduceOp op, LocalTensor x, ReadOnlySpan<int> axes, LocalTensor d)
    {
        using var wx = Widened(x);
        using var wd = WidenedOut(d);
        Reduce(op, wx, axes, wd);
        Narrow(wd, d);
    }

    private void MomentsHalf(LocalTensor x, ReadOnlySpan<int> axes, LocalTensor mean, LocalTensor m2)
    {
        using var wx = Widened(x);
        using var wm = WidenedOut(mean);
        using var w2 = WidenedOut(m2);
        Moments(wx, axes, wm, w2);
        Narrow(wm, mean);
        Narrow(w2, m2);
    }

    private void ArgReduceHalf(ArgReduceKind kind, LocalTensor x, int axis, LocalTensor values, LocalTensor indices)
    {
        // Widening is exact, so the arg positions are those of the float16 values.
        using var wx = Widened(x);
        using var wv = WidenedOut(values);
        ArgReduce(kind, wx, axis, wv, indices);
        Narrow(wv, values);
    }

    private void ScanHalf(ReduceOp op, LocalTensor x, int axis, LocalTensor d)
    {
        using var wx = Widened(x);
        using var wd = WidenedOut(d);
        Scan(op, wx, axis, wd);
        Narrow(wd, d);
    }

    private void MatmulHalf(LocalTensor a, LocalTensor b, LocalTensor d, bool accumulate)
    {
        using var wa = Widened(a);
        using var wb = Widened(b);
        using var wd = WidenedOut(d, keepValues: accumulate);
        Matmul(wa, wb, wd, accumulate);
        Narrow(wd, d);
    }
}
