// SPDX-License-Identifier: MIT
using static Heat.Abstractions.DTypeSet;
using static Heat.Abstractions.OpResult;

namespace Heat.Abstractions;

/// <summary>
/// Every op's traits and the dtypes it is defined for, as one table per op family keyed by the enum member. Core's type
/// logic, every backend's routing and the test reference read these tables, so an op and its dtypes are written once;
/// the position of an enum member means nothing. A test checks that every member has exactly one entry.
/// </summary>
public static class OpRegistry
{
    /// <summary>The element-wise binary ops; the dtype is the common compute dtype of both operands.</summary>
    public static IReadOnlyList<KeyValuePair<BinaryOp, OpTraits>> BinaryTable { get; } =
    [
        E(BinaryOp.Add, "add", Same, All),
        E(BinaryOp.Subtract, "subtract", Same, Numeric),
        E(BinaryOp.Multiply, "multiply", Same, All),
        E(BinaryOp.Divide, "divide", Same, Inexact, inexact: true),
        E(BinaryOp.FloorDivide, "floor_divide", Same, Integer | Float, order: true),
        E(BinaryOp.Remainder, "remainder", Same, Integer | Float, order: true),
        E(BinaryOp.Fmod, "fmod", Same, Integer | Float, order: true),
        E(BinaryOp.Power, "power", Same, Numeric),
        E(BinaryOp.Minimum, "minimum", Same, Ordered, order: true),
        E(BinaryOp.Maximum, "maximum", Same, Ordered, order: true),
        E(BinaryOp.Fmin, "fmin", Same, Ordered, order: true),
        E(BinaryOp.Fmax, "fmax", Same, Ordered, order: true),
        E(BinaryOp.Atan2, "arctan2", Same, Float, inexact: true, order: true),
        E(BinaryOp.Hypot, "hypot", Same, Float, inexact: true, order: true),
        E(BinaryOp.CopySign, "copysign", Same, Float, inexact: true, order: true),
        E(BinaryOp.BitwiseAnd, "bitwise_and", Same, BoolOrInteger, bitwise: true),
        E(BinaryOp.BitwiseOr, "bitwise_or", Same, BoolOrInteger, bitwise: true),
        E(BinaryOp.BitwiseXor, "bitwise_xor", Same, BoolOrInteger, bitwise: true),
        E(BinaryOp.LeftShift, "left_shift", Same, Integer, bitwise: true),
        E(BinaryOp.RightShift, "right_shift", Same, Integer, bitwise: true),
        E(BinaryOp.Equal, "equal", OpResult.Bool, All),
        E(BinaryOp.NotEqual, "not_equal", OpResult.Bool, All),
        E(BinaryOp.Less, "less", OpResult.Bool, Ordered, order: true),
        E(BinaryOp.LessEqual, "less_equal", OpResult.Bool, Ordered, order: true),
        E(BinaryOp.Greater, "greater", OpResult.Bool, Ordered, order: true),
        E(BinaryOp.GreaterEqual, "greater_equal", OpResult.Bool, Ordered, order: true),
        E(BinaryOp.LogicalAnd, "logical_and", OpResult.Bool, All),
        E(BinaryOp.LogicalOr, "logical_or", OpResult.Bool, All),
        E(BinaryOp.LogicalXor, "logical_xor", OpResult.Bool, All),
        E(BinaryOp.Gcd, "gcd", Same, Integer, order: true),
        E(BinaryOp.Lcm, "lcm", Same, Integer, order: true),
    ];

    /// <summary>The element-wise unary ops; the dtype is the operand's compute dtype.</summary>
    public static IReadOnlyList<KeyValuePair<UnaryOp, OpTraits>> UnaryTable { get; } =
    [
        E(UnaryOp.Negative, "negative", Same, Numeric),
        E(UnaryOp.Abs, "absolute", RealOfComplex, All),
        E(UnaryOp.Sign, "sign", Same, Ordered, order: true),
        E(UnaryOp.Square, "square", Same, All),
        E(UnaryOp.Sqrt, "sqrt", Same, Inexact, inexact: true),
        E(UnaryOp.Cbrt, "cbrt", Same, Float, inexact: true),
        E(UnaryOp.Reciprocal, "reciprocal", Same, Inexact, inexact: true),
        E(UnaryOp.Exp, "exp", Same, Inexact, inexact: true),
        E(UnaryOp.Expm1, "expm1", Same, Float, inexact: true),
        E(UnaryOp.Exp2, "exp2", Same, Float, inexact: true),
        E(UnaryOp.Log, "log", Same, Inexact, inexact: true),
        E(UnaryOp.Log2, "log2", Same, Float, inexact: true),
        E(UnaryOp.Log10, "log10", Same, Inexact, inexact: true),
        E(UnaryOp.Log1p, "log1p", Same, Float, inexact: true),
        E(UnaryOp.Sin, "sin", Same, Inexact, inexact: true),
        E(UnaryOp.Cos, "cos", Same, Inexact, inexact: true),
        E(UnaryOp.Tan, "tan", Same, Inexact, inexact: true),
        E(UnaryOp.Asin, "arcsin", Same, Float, inexact: true),
        E(UnaryOp.Acos, "arccos", Same, Float, inexact: true),
        E(UnaryOp.Atan, "arctan", Same, Float, inexact: true),
        E(UnaryOp.Sinh, "sinh", Same, Inexact, inexact: true),
        E(UnaryOp.Cosh, "cosh", Same, Inexact, inexact: true),
        E(UnaryOp.Tanh, "tanh", Same, Inexact, inexact: true),
        E(UnaryOp.Asinh, "arcsinh", Same, Float, inexact: true),
        E(UnaryOp.Acosh, "arccosh", Same, Float, inexact: true),
        E(UnaryOp.Atanh, "arctanh", Same, Float, inexact: true),
        E(UnaryOp.Floor, "floor", Same, Ordered, order: true),
        E(UnaryOp.Ceil, "ceil", Same, Ordered, order: true),
        E(UnaryOp.Trunc, "trunc", Same, Ordered, order: true),
        E(UnaryOp.Round, "round", Same, Ordered, order: true),
        E(UnaryOp.BitwiseNot, "invert", Same, BoolOrInteger, bitwise: true),
        E(UnaryOp.LogicalNot, "logical_not", OpResult.Bool, All),
        E(UnaryOp.IsNan, "isnan", OpResult.Bool, All),
        E(UnaryOp.IsInf, "isinf", OpResult.Bool, All),
        E(UnaryOp.IsPosInf, "isposinf", OpResult.Bool, Ordered, order: true),
        E(UnaryOp.IsNegInf, "isneginf", OpResult.Bool, Ordered, order: true),
        E(UnaryOp.IsFinite, "isfinite", OpResult.Bool, All),
        E(UnaryOp.SignBit, "signbit", OpResult.Bool, Ordered, order: true),
        E(UnaryOp.Conj, "conjugate", Same, All),
        E(UnaryOp.Real, "real", RealOfComplex, All),
        E(UnaryOp.Imag, "imag", RealOfComplex, All),
        E(UnaryOp.Angle, "angle", RealOfComplex, Inexact, inexact: true),
    ];

    /// <summary>The reductions; the dtype is the input's. Sums and products of complex input need a complex
    /// result.</summary>
    public static IReadOnlyList<KeyValuePair<ReduceKind, OpTraits>> ReduceTable { get; } =
    [
        E(ReduceKind.Sum, "sum", Same, All),
        E(ReduceKind.Prod, "prod", Same, All),
        E(ReduceKind.Min, "min", Same, Ordered, order: true),
        E(ReduceKind.Max, "max", Same, Ordered, order: true),
        E(ReduceKind.LAnd, "land", OpResult.Bool, All),
        E(ReduceKind.LOr, "lor", OpResult.Bool, All),
        E(ReduceKind.BAnd, "band", Same, BoolOrInteger, bitwise: true),
        E(ReduceKind.BOr, "bor", Same, BoolOrInteger, bitwise: true),
        E(ReduceKind.BXor, "bxor", Same, BoolOrInteger, bitwise: true),
        E(ReduceKind.User, "user", Same, None),
    ];

    /// <summary>The scans (cumulative reductions); the dtype is the result's (the input is cast to it first).</summary>
    public static IReadOnlyList<KeyValuePair<ReduceKind, OpTraits>> ScanTable { get; } =
    [
        E(ReduceKind.Sum, "cumsum", Same, All),
        E(ReduceKind.Prod, "cumprod", Same, All),
        E(ReduceKind.Min, "cummin", Same, Ordered, order: true),
        E(ReduceKind.Max, "cummax", Same, Ordered, order: true),
        E(ReduceKind.LAnd, "cumland", Same, DTypeSet.Bool),
        E(ReduceKind.LOr, "cumlor", Same, DTypeSet.Bool),
        E(ReduceKind.BAnd, "cumband", Same, DTypeSet.Bool, bitwise: true),
        E(ReduceKind.BOr, "cumbor", Same, DTypeSet.Bool, bitwise: true),
        E(ReduceKind.BXor, "cumbxor", Same, None, bitwise: true),
        E(ReduceKind.User, "cumuser", Same, None),
    ];

    /// <summary>The arg reductions; the dtype is the input's (the values keep it, indices are int64).</summary>
    public static IReadOnlyList<KeyValuePair<ArgReduceKind, OpTraits>> ArgReduceTable { get; } =
    [
        E(ArgReduceKind.ArgMin, "argmin", Same, Ordered, order: true),
        E(ArgReduceKind.ArgMax, "argmax", Same, Ordered, order: true),
    ];

    private static readonly OpTraits?[] BinaryIndex = Index(BinaryTable);
    private static readonly OpTraits?[] UnaryIndex = Index(UnaryTable);
    private static readonly OpTraits?[] ReduceIndex = Index(ReduceTable);
    private static readonly OpTraits?[] ScanIndex = Index(ScanTable);
    private static readonly OpTraits?[] ArgReduceIndex = Index(ArgReduceTable);

    /// <summary>The traits of a binary op.</summary>
    public static OpTraits Of(BinaryOp op) => Find(BinaryIndex, (int)op) ?? throw Missing(op);

    /// <summary>The traits of a unary op.</summary>
    public static OpTraits Of(UnaryOp op) => Find(UnaryIndex, (int)op) ?? throw Missing(op);

    /// <summary>The traits of a reduction.</summary>
    public static OpTraits Of(ReduceKind kind) => Find(ReduceIndex, (int)kind) ?? throw Missing(kind);

    /// <summary>The traits of an arg reduction.</summary>
    public static OpTraits Of(ArgReduceKind kind) => Find(ArgReduceIndex, (int)kind) ?? throw Missing(kind);

    /// <summary>The traits of the scan of a reduction.</summary>
    public static OpTraits OfScan(ReduceKind kind) => Find(ScanIndex, (int)kind) ?? throw Missing(kind);

    /// <summary>True when the binary op is defined for compute dtype <paramref name="dtype"/>.</summary>
    public static bool Defined(BinaryOp op, DType dtype) => Of(op).IsDefinedFor(dtype);

    /// <summary>True when the unary op is defined for compute dtype <paramref name="dtype"/>.</summary>
    public static bool Defined(UnaryOp op, DType dtype) => Of(op).IsDefinedFor(dtype);

    /// <summary>True when the arg reduction is defined for <paramref name="dtype"/>.</summary>
    public static bool Defined(ArgReduceKind kind, DType dtype) => Of(kind).IsDefinedFor(dtype);

    /// <summary>True when the reduction of <paramref name="x"/> into <paramref name="destination"/> is
    /// defined.</summary>
    public static bool Defined(ReduceOp op, DType x, DType destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        var traits = Of(op.Kind);
        return traits.IsDefinedFor(x) && !IntoReal(traits, x, destination);
    }

    /// <summary>True when the scan is defined for result dtype <paramref name="dtype"/>.</summary>
    public static bool DefinedScan(ReduceOp op, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(op);
        return OfScan(op.Kind).IsDefinedFor(dtype);
    }

    /// <summary>How messages name a reduction of <paramref name="x"/> into <paramref name="destination"/>.</summary>
    public static string ReductionLabel(ReduceOp op, DType x, DType destination)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.Kind == ReduceKind.User) return $"user-defined reduction {op.Name}";
        return IntoReal(Of(op.Kind), x, destination) ? $"reduction {op.Name} into "
            + $"{destination}" : $"reduction {op.Name}";
    }

    /// <summary>The exception every backend throws for an op/dtype pair it does not implement.</summary>
    /// <param name="backend">The backend's name as a message starts with it: <c>Managed</c>, <c>Torch</c>,
    /// <c>OpenCL</c>.</param>
    /// <param name="op">The op as messages name it.</param>
    /// <param name="dtype">The dtype it is not implemented for.</param>
    public static NotSupportedException NotImplemented(string backend, string op, DType dtype) =>
        new($"{backend} backend: {op} is not implemented for {dtype}.");

    // A complex sum or product keeps its dtype: into a real destination it would drop the imaginary part.
    private static bool IntoReal(OpTraits traits, DType x, DType destination) =>
        traits.Result == Same && x.IsComplex && !destination.IsComplex;

    private static KeyValuePair<TOp, OpTraits> E<TOp>(TOp op, string name, OpResult result, DTypeSet dtypes,
        bool inexact = false, bool order = false, bool bitwise = false) =>
        new(op, new OpTraits(name, result, dtypes, inexact, order, bitwise));

    private static OpTraits?[] Index<TOp>(IReadOnlyList<KeyValuePair<TOp, OpTraits>> table) where TOp : struct, Enum
    {
        var index = new OpTraits?[Enum.GetValues<TOp>().Max(v => Convert.ToInt32(v, null)) + 1];
        foreach (var (op, traits) in table) index[Convert.ToInt32(op, null)] = traits;
        return index;
    }

    private static OpTraits? Find(OpTraits?[] index, int code) => (uint)code < (uint)index.Length ? index[code] : null;

    private static ArgumentOutOfRangeException Missing<TOp>(TOp op) where TOp : struct, Enum =>
        new(nameof(op), op, $"{typeof(TOp).Name} {op} has no entry in {nameof(OpRegistry)}.");
}
