// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.OpenCL;

public sealed unsafe partial class OpenClBackend
{
    private enum Route { Same, ToBool, ToReal, Fallback, Unsupported }

    /// <inheritdoc/>
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination)
    {
        var dt = x.DType;
        switch (UnaryRoute(op, dt))
        {
            case Route.Unsupported: throw Unsupported(op.ToString(), dt);
            case Route.Fallback:
                Fallback(op.ToString(), dt, [x], [destination], (m, t) => m.Unary(op, t[0], t[1]));
                return;
            case var route:
                CheckDType(dt, op.ToString());
                var layout = KernelLayout.Of(x, destination);
                string kernel = route switch { Route.Same => "unary_same", Route.ToBool => "unary_bool", _ => "unary_real" };
                Run(_device.Program("unary", dt), kernel, layout, (int)op, Mem(x), Mem(destination), layout);
                Finish();
                return;
        }
    }

    private static Route UnaryRoute(UnaryOp op, DType dt)
    {
        if (dt.IsComplex)
            return op switch
            {
                UnaryOp.Negative or UnaryOp.Square or UnaryOp.Reciprocal or UnaryOp.Conj or UnaryOp.Exp or UnaryOp.Log or UnaryOp.Sqrt => Route.Same,
                UnaryOp.Abs or UnaryOp.Real or UnaryOp.Imag or UnaryOp.Angle => Route.ToReal,
                UnaryOp.LogicalNot or UnaryOp.IsNan or UnaryOp.IsInf or UnaryOp.IsFinite => Route.ToBool,
                UnaryOp.Log10 or UnaryOp.Sin or UnaryOp.Cos or UnaryOp.Tan or UnaryOp.Sinh or UnaryOp.Cosh or UnaryOp.Tanh => Route.Fallback,
                _ => Route.Unsupported,
            };
        if (dt.IsFloat) return op == UnaryOp.BitwiseNot ? Route.Unsupported : op.ReturnsBool() ? Route.ToBool : Route.Same;
        if (op.NeedsInexact() || (dt == DType.Bool && op == UnaryOp.Negative)) return Route.Unsupported;
        return op.ReturnsBool() ? Route.ToBool : Route.Same;
    }

    private static Route BinaryRoute(BinaryOp op, DType dt)
    {
        bool defined;
        if (dt == DType.Bool)
            defined = op is BinaryOp.Add or BinaryOp.Multiply or BinaryOp.Minimum or BinaryOp.Maximum or BinaryOp.Fmin or BinaryOp.Fmax
                or BinaryOp.BitwiseAnd or BinaryOp.BitwiseOr or BinaryOp.BitwiseXor || op.ReturnsBool();
        else if (dt.IsInteger) defined = !op.NeedsFloat();
        else if (dt.IsFloat) defined = !op.IsBitwise();
        else
        {
            if (op == BinaryOp.Power) return Route.Fallback;
            defined = op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide
                or BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.LogicalAnd or BinaryOp.LogicalOr or BinaryOp.LogicalXor;
        }
        if (!defined) return Route.Unsupported;
        return op.ReturnsBool() ? Route.ToBool : Route.Same;
    }

    /// <inheritdoc/>
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        var dt = a.DType;
        switch (BinaryRoute(op, dt))
        {
            case Route.Unsupported: throw Unsupported(op.ToString(), dt);
            case Route.Fallback:
                Fallback(op.ToString(), dt, [a, b], [destination], (m, t) => m.Binary(op, t[0], t[1], t[2]));
                return;
            case var route:
                CheckDType(dt, op.ToString());
                var layout = KernelLayout.Of(a, b, destination);
                string kernel = route != Route.Same ? "binary_bool"
                    : dt == DType.Bool ? "binary_same"
                    : op switch { BinaryOp.Add => "binary_add", BinaryOp.Subtract => "binary_sub", BinaryOp.Multiply => "binary_mul", _ => "binary_same" };
                Run(_device.Program("binary", dt), kernel, layout,
                    (int)op, Mem(a), Mem(b), Mem(destination), layout);
                Finish();
                return;
        }
    }

    /// <inheritdoc/>
    public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination)
    {
        if (BinaryRoute(op, a.DType) == Route.Unsupported) throw Unsupported(op.ToString(), a.DType);
        // The scalar becomes a one-element tensor broadcast with stride 0.
        using var s = Empty([], a.DType);
        byte* v = stackalloc byte[16];
        WriteScalar(a.DType, scalar, v);
        CopyFromHost(v, s);
        using var sv = s.BroadcastTo(a.Shape);
        if (scalarFirst) Binary(op, sv, a, destination);
        else Binary(op, a, sv, destination);
    }
}
