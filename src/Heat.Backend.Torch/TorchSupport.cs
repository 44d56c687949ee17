// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Torch;

/// <summary>The op/dtype pairs the torch backend implements: exactly the managed backend's, so both throw alike.</summary>
internal static class TorchSupport
{
    public static bool Defined(BinaryOp op, DType dtype)
    {
        if (dtype == DType.Bool)
            return op is BinaryOp.Add or BinaryOp.Multiply or BinaryOp.Minimum or BinaryOp.Maximum or BinaryOp.Fmin or BinaryOp.Fmax
                or BinaryOp.BitwiseAnd or BinaryOp.BitwiseOr or BinaryOp.BitwiseXor || op.ReturnsBool();
        if (dtype.IsInteger) return !op.NeedsFloat();
        if (dtype.IsFloat) return !op.IsBitwise();
        return op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Power
            or BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.LogicalAnd or BinaryOp.LogicalOr or BinaryOp.LogicalXor;
    }

    public static bool Defined(UnaryOp op, DType dtype)
    {
        if (dtype.IsComplex)
            return op is UnaryOp.Negative or UnaryOp.Abs or UnaryOp.Square or UnaryOp.Sqrt or UnaryOp.Reciprocal or UnaryOp.Exp
                or UnaryOp.Log or UnaryOp.Log10 or UnaryOp.Sin or UnaryOp.Cos or UnaryOp.Tan or UnaryOp.Sinh or UnaryOp.Cosh
                or UnaryOp.Tanh or UnaryOp.Conj or UnaryOp.Real or UnaryOp.Imag or UnaryOp.Angle or UnaryOp.LogicalNot
                or UnaryOp.IsNan or UnaryOp.IsInf or UnaryOp.IsFinite;
        if (dtype.IsFloat) return op != UnaryOp.BitwiseNot;
        if (op.NeedsInexact()) return false;
        return !(dtype == DType.Bool && op == UnaryOp.Negative);
    }

    public static bool Defined(ReduceOp op, DType x, DType destination)
    {
        if (op.Kind == ReduceKind.User) return false;
        if (x.IsComplex)
            return op.Kind is ReduceKind.LAnd or ReduceKind.LOr || (op.Kind is ReduceKind.Sum or ReduceKind.Prod && destination.IsComplex);
        if (x.IsFloat) return op.Kind is not (ReduceKind.BAnd or ReduceKind.BOr or ReduceKind.BXor);
        return true;
    }

    public static bool DefinedScan(ReduceOp op, DType dtype)
    {
        if (dtype == DType.Bool)
            return op.Kind is ReduceKind.Sum or ReduceKind.Max or ReduceKind.LOr or ReduceKind.BOr
                or ReduceKind.Prod or ReduceKind.Min or ReduceKind.LAnd or ReduceKind.BAnd;
        if (dtype.IsComplex) return op.Kind is ReduceKind.Sum or ReduceKind.Prod;
        return op.Kind is ReduceKind.Sum or ReduceKind.Prod or ReduceKind.Min or ReduceKind.Max;
    }

    public static NotSupportedException Unsupported(string op, DType dtype) =>
        new($"Torch backend: {op} is not implemented for {dtype}.");
}
