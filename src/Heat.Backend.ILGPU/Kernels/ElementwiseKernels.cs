// SPDX-License-Identifier: MIT
using global::ILGPU;
using global::ILGPU.Algorithms;
using Heat.Abstractions;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>
/// Unary and binary element-wise kernels over strided, broadcast views. Floating dtypes compute in float64 (exact
/// for float32 inputs, rounded once on store), integers in int64 (wrapping on store, as C). The op is a kernel
/// argument, so one kernel per element type serves every op of <see cref="ElementwiseOps"/>.
/// </summary>
internal static class ElementwiseKernels
{
    public static void UnaryFloat<T, E>(
        Index1D w, ArrayView<T> x, ArrayView<T> d, Layout l, Strides2 s, int op, long total)
        where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
            d[s.B.At(l, i)] = default(E).FromF(UnaryF(op, default(E).F(x[s.A.At(l, i)])));
    }

    public static void UnaryInt<T, E>(
        Index1D w, ArrayView<T> x, ArrayView<T> d, Layout l, Strides2 s, int op, long total)
        where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
            d[s.B.At(l, i)] = default(E).FromI(UnaryI(op, default(E).I(x[s.A.At(l, i)])));
    }

    public static void UnaryFloatBool<T, E>(Index1D w, ArrayView<T> x, ArrayView<byte> d, Layout l, Strides2 s, int op,
        long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
            d[s.B.At(l, i)] = PredicateF(op, default(E).F(x[s.A.At(l, i)])) ? (byte)1 : (byte)0;
    }

    public static void BinaryFloat<T, E>(
        Index1D w, ArrayView<T> a, ArrayView<T> b, ArrayView<T> d, Layout l, Strides4 s,
        int op, long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
            d[s.C.At(l, i)] = default(E).FromF(BinaryF(op, default(E).F(a[s.A.At(l, i)]),
                default(E).F(b[s.B.At(l, i)])));
    }

    public static void BinaryInt<T, E>(Index1D w, ArrayView<T> a, ArrayView<T> b, ArrayView<T> d, Layout l, Strides4 s,
        int op, long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
            d[s.C.At(l, i)] = default(E).FromI(BinaryI(op, default(E).I(a[s.A.At(l, i)]),
                default(E).I(b[s.B.At(l, i)])));
    }

    /// <summary>Comparisons (bool destination), in float64 for floating operands and int64 otherwise.</summary>
    public static void Compare<T, E>(Index1D w, ArrayView<T> a, ArrayView<T> b, ArrayView<byte> d, Layout l, Strides4 s,
        int op, int floating, long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long i = w; i < l.N; i += total)
        {
            T va = a[s.A.At(l, i)], vb = b[s.B.At(l, i)];
            bool r = floating != 0 ? CompareF(op, default(E).F(va), default(E).F(vb))
                : CompareI(op, default(E).I(va), default(E).I(vb));
            d[s.C.At(l, i)] = r ? (byte)1 : (byte)0;
        }
    }

    private static double UnaryF(int op, double v) => (UnaryOp)op switch
    {
        UnaryOp.Negative => -v,
        UnaryOp.Abs => XMath.Abs(v),
        UnaryOp.Sign => double.IsNaN(v) ? v : v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0,
        UnaryOp.Square => v * v,
        UnaryOp.Sqrt => XMath.Sqrt(v),
        UnaryOp.Reciprocal => 1.0 / v,
        UnaryOp.Exp => XMath.Exp(v),
        UnaryOp.Exp2 => XMath.Exp2(v),
        UnaryOp.Log => XMath.Log(v),
        UnaryOp.Log2 => XMath.Log2(v),
        UnaryOp.Log10 => XMath.Log10(v),
        UnaryOp.Sin => XMath.Sin(v),
        UnaryOp.Cos => XMath.Cos(v),
        UnaryOp.Tan => XMath.Tan(v),
        UnaryOp.Asin => XMath.Asin(v),
        UnaryOp.Acos => XMath.Acos(v),
        UnaryOp.Atan => XMath.Atan(v),
        UnaryOp.Sinh => XMath.Sinh(v),
        UnaryOp.Cosh => XMath.Cosh(v),
        UnaryOp.Tanh => XMath.Tanh(v),
        UnaryOp.Floor => XMath.Floor(v),
        UnaryOp.Ceil => XMath.Ceiling(v),
        UnaryOp.Trunc => XMath.Truncate(v),
        _ => v,
    };

    private static long UnaryI(int op, long v) => (UnaryOp)op switch
    {
        UnaryOp.Negative => -v,
        UnaryOp.Abs => v < 0 ? -v : v,
        UnaryOp.Sign => v > 0 ? 1 : v < 0 ? -1 : 0,
        UnaryOp.Square => v * v,
        UnaryOp.BitwiseNot => ~v,
        _ => v,
    };

    private static bool PredicateF(int op, double v) => (UnaryOp)op switch
    {
        UnaryOp.IsNan => double.IsNaN(v),
        UnaryOp.IsInf => double.IsInfinity(v),
        UnaryOp.IsPosInf => double.IsPositiveInfinity(v),
        UnaryOp.IsNegInf => double.IsNegativeInfinity(v),
        UnaryOp.IsFinite => !double.IsNaN(v) && !double.IsInfinity(v),
        _ => false,
    };

    private static double BinaryF(int op, double a, double b) => (BinaryOp)op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => a / b,
        BinaryOp.Power => XMath.Pow(a, b),
        BinaryOp.Minimum => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : a < b ? a : b,
        BinaryOp.Maximum => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : a > b ? a : b,
        BinaryOp.Fmin => double.IsNaN(a) ? b : double.IsNaN(b) ? a : a < b ? a : b,
        BinaryOp.Fmax => double.IsNaN(a) ? b : double.IsNaN(b) ? a : a > b ? a : b,
        BinaryOp.Atan2 => XMath.Atan2(a, b),
        _ => a,
    };

    private static long BinaryI(int op, long a, long b) => (BinaryOp)op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Minimum => a < b ? a : b,
        BinaryOp.Maximum => a > b ? a : b,
        BinaryOp.BitwiseAnd => a & b,
        BinaryOp.BitwiseOr => a | b,
        BinaryOp.BitwiseXor => a ^ b,
        _ => a,
    };

    private static bool CompareF(int op, double a, double b) => (BinaryOp)op switch
    {
        BinaryOp.Equal => a == b,
        BinaryOp.NotEqual => a != b,
        BinaryOp.Less => a < b,
        BinaryOp.LessEqual => a <= b,
        BinaryOp.Greater => a > b,
        _ => a >= b,
    };

    private static bool CompareI(int op, long a, long b) => (BinaryOp)op switch
    {
        BinaryOp.Equal => a == b,
        BinaryOp.NotEqual => a != b,
        BinaryOp.Less => a < b,
        BinaryOp.LessEqual => a <= b,
        BinaryOp.Greater => a > b,
        _ => a >= b,
    };
}

/// <summary>Which ops the element-wise kernels implement; every other defined op runs on the host backend.</summary>
internal static class ElementwiseOps
{
    public static bool UnaryFloat(UnaryOp op) => op is UnaryOp.Negative or UnaryOp.Abs or UnaryOp.Sign or UnaryOp.Square
        or UnaryOp.Sqrt or UnaryOp.Reciprocal or UnaryOp.Exp or UnaryOp.Exp2 or UnaryOp.Log or UnaryOp.Log2
        or UnaryOp.Log10 or UnaryOp.Sin or UnaryOp.Cos or UnaryOp.Tan or UnaryOp.Asin or UnaryOp.Acos or UnaryOp.Atan
        or UnaryOp.Sinh or UnaryOp.Cosh or UnaryOp.Tanh or UnaryOp.Floor or UnaryOp.Ceil or UnaryOp.Trunc;

    public static bool UnaryInt(UnaryOp op) =>
        op is UnaryOp.Negative or UnaryOp.Abs or UnaryOp.Sign or UnaryOp.Square or UnaryOp.BitwiseNot;

    public static bool PredicateFloat(UnaryOp op) =>
        op is UnaryOp.IsNan or UnaryOp.IsInf or UnaryOp.IsPosInf or UnaryOp.IsNegInf or UnaryOp.IsFinite;

    public static bool BinaryFloat(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply
        or BinaryOp.Divide or BinaryOp.Power or BinaryOp.Minimum or BinaryOp.Maximum or BinaryOp.Fmin or BinaryOp.Fmax
        or BinaryOp.Atan2;

    public static bool BinaryInt(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply
        or BinaryOp.Minimum or BinaryOp.Maximum or BinaryOp.BitwiseAnd or BinaryOp.BitwiseOr or BinaryOp.BitwiseXor;

    public static bool Comparison(BinaryOp op) => op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
        or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual;
}

/// <summary>Two operands' strides (unary: input, destination).</summary>
internal struct Strides2
{
    public Strides A, B;
}
