// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;

namespace Heat.Backend.OpenCL;

public sealed unsafe partial class OpenClBackend
{
    private enum Route { Same, ToBool, ToReal, Fallback, Unsupported }

    /// <inheritdoc/>
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination)
    {
        // float16 is storage only on the device: computed by the float32 kernels, rounded once.
        if (F16.AnyHalf(x, destination) && OpRegistry.Defined(op, x.DType))
        {
            F16.Unary(this, op, x, destination);
            return;
        }
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

    // The registry says which op/dtype pairs exist; these are the defined ones without an OpenCL kernel, which run on
    // the managed backend through a host copy.
    private static bool HasNoKernel(UnaryOp op, DType dt) =>
        dt.IsComplex && op is UnaryOp.Log10 or UnaryOp.Sin or UnaryOp.Cos or UnaryOp.Tan or UnaryOp.Sinh or UnaryOp.Cosh or UnaryOp.Tanh;

    private static bool HasNoKernel(BinaryOp op, DType dt) => dt.IsComplex && op == BinaryOp.Power;

    private static Route UnaryRoute(UnaryOp op, DType dt)
    {
        var traits = OpRegistry.Of(op);
        if (!traits.IsDefinedFor(dt)) return Route.Unsupported;
        if (HasNoKernel(op, dt)) return Route.Fallback;
        return traits.Result switch
        {
            OpResult.Bool => Route.ToBool,
            OpResult.RealOfComplex when dt.IsComplex => Route.ToReal,
            _ => Route.Same,
        };
    }

    private static Route BinaryRoute(BinaryOp op, DType dt)
    {
        var traits = OpRegistry.Of(op);
        if (!traits.IsDefinedFor(dt)) return Route.Unsupported;
        if (HasNoKernel(op, dt)) return Route.Fallback;
        return traits.Result == OpResult.Bool ? Route.ToBool : Route.Same;
    }

    /// <inheritdoc/>
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if ((F16.AnyHalf(a, b) || F16.IsHalf(destination)) && OpRegistry.Defined(op, a.DType))
        {
            F16.Binary(this, op, a, b, destination);
            return;
        }
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
        if (F16.AnyHalf(a, destination)) { F16.BinaryScalar(this, op, a, scalar, scalarFirst, destination); return; }
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
