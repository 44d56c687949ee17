// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Backend;

/// <summary>
/// Straightforward double-precision references of the element-wise ops, with NumPy's integer semantics. Which op/dtype
/// pairs exist is <see cref="OpRegistry"/>'s to say: the suites expect <see cref="NotSupportedException"/> for the
/// others.
/// </summary>
public static class BackendReference
{
    /// <summary>NumPy's divmod on floats (fmod-based, as npy_divmod).</summary>
    public static (double div, double mod) DivMod(double a, double b)
    {
        double mod = a % b;
        if (b == 0) return (a / b, double.NaN);
        double div = (a - mod) / b;
        if (mod != 0) { if ((b < 0) != (mod < 0)) { mod += b; div -= 1; } }
        else mod = Math.CopySign(0, b);
        double floordiv;
        if (div != 0) { floordiv = Math.Floor(div); if (div - floordiv > 0.5) floordiv += 1; }
        else floordiv = Math.CopySign(0, a / b);
        return (floordiv, mod);
    }

    /// <summary>The reference result of <c>a op b</c> in <paramref name="dtype"/> (bool results as 0/1).</summary>
    public static double Binary(BinaryOp op, DType dtype, double a, double b)
    {
        bool exact = !dtype.IsInexact;
        bool isBool = dtype == DType.Bool;
        int bits = dtype.ItemSize * 8;
        double r = op switch
        {
            BinaryOp.Add => isBool ? (a != 0 || b != 0 ? 1 : 0) : a + b,
            BinaryOp.Subtract => a - b,
            BinaryOp.Multiply => a * b,
            BinaryOp.Divide => a / b,
            BinaryOp.FloorDivide => exact ? (b == 0 ? 0 : Math.Floor(a / b)) : DivMod(a, b).div,
            BinaryOp.Remainder => exact ? (b == 0 ? 0 : IntMod(a, b)) : DivMod(a, b).mod,
            BinaryOp.Fmod => exact ? (b == 0 ? 0 : a % b) : a % b,
            BinaryOp.Power => exact ? IntPow((long)a, (long)b, dtype) : Math.Pow(a, b),
            BinaryOp.Minimum => Math.Min(a, b),
            BinaryOp.Maximum => Math.Max(a, b),
            BinaryOp.Fmin => double.MinNumber(a, b),
            BinaryOp.Fmax => double.MaxNumber(a, b),
            BinaryOp.Atan2 => Math.Atan2(a, b),
            BinaryOp.Hypot => double.Hypot(a, b),
            BinaryOp.CopySign => Math.CopySign(a, b),
            BinaryOp.BitwiseAnd => (long)a & (long)b,
            BinaryOp.BitwiseOr => (long)a | (long)b,
            BinaryOp.BitwiseXor => (long)a ^ (long)b,
            BinaryOp.LeftShift => b >= bits ? 0 : (double)((long)a << (int)b),
            BinaryOp.RightShift => b >= bits ? (a < 0 ? -1 : 0) : (double)((long)a >> (int)b),
            BinaryOp.Equal => a == b ? 1 : 0,
            BinaryOp.NotEqual => a != b ? 1 : 0,
            BinaryOp.Less => a < b ? 1 : 0,
            BinaryOp.LessEqual => a <= b ? 1 : 0,
            BinaryOp.Greater => a > b ? 1 : 0,
            BinaryOp.GreaterEqual => a >= b ? 1 : 0,
            BinaryOp.LogicalAnd => a != 0 && b != 0 ? 1 : 0,
            BinaryOp.LogicalOr => a != 0 || b != 0 ? 1 : 0,
            BinaryOp.LogicalXor => (a != 0) != (b != 0) ? 1 : 0,
            BinaryOp.Gcd => (double)System.Numerics.BigInteger.GreatestCommonDivisor((long)a, (long)b),
            BinaryOp.Lcm => Lcm((long)a, (long)b),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        return op.ReturnsBool() ? r : BackendTestData.Wrap(dtype, r);
    }

    private static double Lcm(long a, long b)
    {
        var g = System.Numerics.BigInteger.GreatestCommonDivisor(a, b);
        return g.IsZero ? 0 : (double)System.Numerics.BigInteger.Abs(a / g * b);
    }

    private static double IntMod(double a, double b)
    {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) r += b;
        return r;
    }

    private static double IntPow(long a, long b, DType dtype)
    {
        long r = 1;
        for (long i = 0; i < b; i++) r = (long)BackendTestData.Wrap(dtype, unchecked(r * a));
        return r;
    }

    /// <summary>The reference of a unary op on a real value of <paramref name="dtype"/>, or null when the op is
    /// undefined there.</summary>
    public static double? Unary(UnaryOp op, DType dtype, double x)
    {
        bool isFloat = dtype.IsFloat;
        if (!OpRegistry.Defined(op, dtype)) return null;
        double r = op switch
        {
            UnaryOp.Negative => -x,
            UnaryOp.Abs => Math.Abs(x),
            UnaryOp.Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
            UnaryOp.Square => x * x,
            UnaryOp.Sqrt => Math.Sqrt(x),
            UnaryOp.Cbrt => Math.Cbrt(x),
            UnaryOp.Reciprocal => 1 / x,
            UnaryOp.Exp => Math.Exp(x),
            UnaryOp.Expm1 => double.ExpM1(x),
            UnaryOp.Exp2 => Math.Pow(2, x),
            UnaryOp.Log => Math.Log(x),
            UnaryOp.Log2 => Math.Log2(x),
            UnaryOp.Log10 => Math.Log10(x),
            UnaryOp.Log1p => double.LogP1(x),
            UnaryOp.Sin => Math.Sin(x),
            UnaryOp.Cos => Math.Cos(x),
            UnaryOp.Tan => Math.Tan(x),
            UnaryOp.Asin => Math.Asin(x),
            UnaryOp.Acos => Math.Acos(x),
            UnaryOp.Atan => Math.Atan(x),
            UnaryOp.Sinh => Math.Sinh(x),
            UnaryOp.Cosh => Math.Cosh(x),
            UnaryOp.Tanh => Math.Tanh(x),
            UnaryOp.Asinh => Math.Asinh(x),
            UnaryOp.Acosh => Math.Acosh(x),
            UnaryOp.Atanh => Math.Atanh(x),
            UnaryOp.Floor => Math.Floor(x),
            UnaryOp.Ceil => Math.Ceiling(x),
            UnaryOp.Trunc => Math.Truncate(x),
            UnaryOp.Round => Math.Round(x, MidpointRounding.ToEven),
            UnaryOp.BitwiseNot => dtype == DType.Bool ? (x == 0 ? 1 : 0) : isFloat ? double.NaN : ~(long)x,
            UnaryOp.LogicalNot => x == 0 ? 1 : 0,
            UnaryOp.IsNan => double.IsNaN(x) ? 1 : 0,
            UnaryOp.IsInf => double.IsInfinity(x) ? 1 : 0,
            UnaryOp.IsPosInf => double.IsPositiveInfinity(x) ? 1 : 0,
            UnaryOp.IsNegInf => double.IsNegativeInfinity(x) ? 1 : 0,
            UnaryOp.IsFinite => double.IsFinite(x) ? 1 : 0,
            UnaryOp.SignBit => double.IsNegative(x) ? 1 : 0,
            UnaryOp.Conj or UnaryOp.Real => x,
            UnaryOp.Imag => 0,
            UnaryOp.Angle => double.IsNaN(x) ? x : Math.Atan2(0, x),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        return op.ReturnsBool() ? r : BackendTestData.Wrap(dtype, r);
    }
}
