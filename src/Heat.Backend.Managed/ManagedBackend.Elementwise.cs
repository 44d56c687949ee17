// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using F16 = Heat.Abstractions.Float16Widening;
using Heat.Backend.Managed.Kernels;

namespace Heat.Backend.Managed;

public sealed unsafe partial class ManagedBackend
{
    /// <inheritdoc/>
    public void Binary(BinaryOp op, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, a.DType)) throw Unsupported(op.ToString(), a.DType);
        if (F16.AnyHalf(a, b) || F16.IsHalf(destination)) { F16.Binary(this, op, a, b, destination); return; }
        var layout = StridedLayout.Create(a, b, destination);
        BinaryDispatch(op, a.DType, layout, a.HostPointer, b.HostPointer, destination, a, b);
    }

    /// <inheritdoc/>
    public void BinaryScalar(BinaryOp op, LocalTensor a, Scalar scalar, bool scalarFirst, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, a.DType)) throw Unsupported(op.ToString(), a.DType);
        if (F16.AnyHalf(a, destination)) { F16.BinaryScalar(this, op, a, scalar, scalarFirst, destination); return; }
        byte* s = stackalloc byte[16];
        WriteScalar(a.DType, scalar, s);
        var zero = new long[a.NDim];
        var strides = a.Strides.ToArray();
        var layout = scalarFirst
            ? StridedLayout.Create(destination.Shape, zero, strides, destination.Strides.ToArray())
            : StridedLayout.Create(destination.Shape, strides, zero, destination.Strides.ToArray());
        nint pa = scalarFirst ? (nint)s : a.HostPointer, pb = scalarFirst ? a.HostPointer : (nint)s;
        if (a.DType == DType.Complex64)
        {
            // Computed in complex128: widen the tensor, use a complex128 scalar.
            using var wide = this.Copy(a, DType.Complex128);
            if (destination.DType == DType.Bool) { BinaryScalar(op, wide, scalar, scalarFirst, destination); return; }
            using var wd = Empty(destination.Shape, DType.Complex128);
            BinaryScalar(op, wide, scalar, scalarFirst, wd);
            Copy(wd, destination);
            return;
        }
        BinaryDispatch(op, a.DType, layout, pa, pb, destination, null, null);
    }

    private void BinaryDispatch(BinaryOp op, DType dtype, StridedLayout l, nint a, nint b, LocalTensor dst,
        LocalTensor? ta, LocalTensor? tb)
    {
        if (dtype.Code != DTypeCode.Complex64) { BinaryPtr(op, dtype, l, a, b, dst.HostPointer); return; }
        {
            using var wa = this.Copy(ta!, DType.Complex128);
            using var wb = this.Copy(tb!, DType.Complex128);
            if (dst.DType == DType.Bool) { Binary(op, wa, wb, dst); return; }
            using var wd = Empty(dst.Shape, DType.Complex128);
            Binary(op, wa, wb, wd);
            Copy(wd, dst);
        }
    }

    /// <summary>A binary op over raw pointers (every dtype but complex64 and half precision).</summary>
    internal void BinaryPtr(BinaryOp op, DType dtype, StridedLayout l, nint a, nint b, nint d)
    {
        switch (dtype.Code)
        {
            case DTypeCode.Bool: BinaryBool(op, l, a, b, d); break;
            case DTypeCode.UInt8: BinaryInt<byte>(op, l, a, b, d, dtype); break;
            case DTypeCode.Int8: BinaryInt<sbyte>(op, l, a, b, d, dtype); break;
            case DTypeCode.Int16: BinaryInt<short>(op, l, a, b, d, dtype); break;
            case DTypeCode.Int32: BinaryInt<int>(op, l, a, b, d, dtype); break;
            case DTypeCode.Int64: BinaryInt<long>(op, l, a, b, d, dtype); break;
            case DTypeCode.Float32: BinaryFloat<float>(op, l, a, b, d, dtype); break;
            case DTypeCode.Float64: BinaryFloat<double>(op, l, a, b, d, dtype); break;
            case DTypeCode.Complex128: BinaryComplex(op, l, a, b, d); break;
            default: throw Unsupported(op.ToString(), dtype);
        }
    }

    private void Run<T, TR, TKernel>(StridedLayout l, nint a, nint b, nint d, long cost = 1)
        where T : unmanaged where TR : unmanaged where TKernel : IBinaryKernel<T, TR>
    {
        var h = new BinaryRun<T, TR, TKernel>((T*)a, (T*)b, (TR*)d);
        l.WalkParallel(OpThreads, ref h, cost);
    }

    private void BinaryFloat<T>(BinaryOp op, StridedLayout l, nint a, nint b, nint d, DType dtype) where T : unmanaged,
        IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: Run<T, T, AddK<T>>(l, a, b, d); break;
            case BinaryOp.Subtract: Run<T, T, SubK<T>>(l, a, b, d); break;
            case BinaryOp.Multiply: Run<T, T, MulK<T>>(l, a, b, d); break;
            case BinaryOp.Divide: Run<T, T, DivK<T>>(l, a, b, d); break;
            case BinaryOp.FloorDivide: Run<T, T, FloorDivF<T>>(l, a, b, d, 8); break;
            case BinaryOp.Remainder: Run<T, T, FloorModF<T>>(l, a, b, d, 8); break;
            case BinaryOp.Fmod: Run<T, T, FmodF<T>>(l, a, b, d, 8); break;
            case BinaryOp.Power: Run<T, T, PowF<T>>(l, a, b, d, 8); break;
            case BinaryOp.Minimum: Run<T, T, MinK<T>>(l, a, b, d); break;
            case BinaryOp.Maximum: Run<T, T, MaxK<T>>(l, a, b, d); break;
            case BinaryOp.Fmin: Run<T, T, FminK<T>>(l, a, b, d); break;
            case BinaryOp.Fmax: Run<T, T, FmaxK<T>>(l, a, b, d); break;
            case BinaryOp.Atan2: Run<T, T, Atan2F<T>>(l, a, b, d, 8); break;
            case BinaryOp.Hypot: Run<T, T, HypotF<T>>(l, a, b, d, 4); break;
            case BinaryOp.CopySign: Run<T, T, CopySignF<T>>(l, a, b, d); break;
            default: BinaryCompare<T>(op, l, a, b, d, dtype); break;
        }
    }

    private void BinaryInt<T>(BinaryOp op, StridedLayout l, nint a, nint b, nint d, DType dtype) where T : unmanaged,
        IBinaryInteger<T>
    {
        switch (op)
        {
            case BinaryOp.Add: Run<T, T, AddK<T>>(l, a, b, d); break;
            case BinaryOp.Subtract: Run<T, T, SubK<T>>(l, a, b, d); break;
            case BinaryOp.Multiply: Run<T, T, MulK<T>>(l, a, b, d); break;
            case BinaryOp.FloorDivide: Run<T, T, FloorDivI<T>>(l, a, b, d, 4); break;
            case BinaryOp.Remainder: Run<T, T, FloorModI<T>>(l, a, b, d, 4); break;
            case BinaryOp.Fmod: Run<T, T, FmodI<T>>(l, a, b, d, 4); break;
            case BinaryOp.Power: Run<T, T, PowI<T>>(l, a, b, d, 8); break;
            case BinaryOp.Minimum or BinaryOp.Fmin: Run<T, T, MinK<T>>(l, a, b, d); break;
            case BinaryOp.Maximum or BinaryOp.Fmax: Run<T, T, MaxK<T>>(l, a, b, d); break;
            case BinaryOp.BitwiseAnd: Run<T, T, AndI<T>>(l, a, b, d); break;
            case BinaryOp.BitwiseOr: Run<T, T, OrI<T>>(l, a, b, d); break;
            case BinaryOp.BitwiseXor: Run<T, T, XorI<T>>(l, a, b, d); break;
            case BinaryOp.LeftShift: Run<T, T, ShlI<T>>(l, a, b, d); break;
            case BinaryOp.RightShift: Run<T, T, ShrI<T>>(l, a, b, d); break;
            case BinaryOp.Gcd: Run<T, T, GcdI<T>>(l, a, b, d, 16); break;
            case BinaryOp.Lcm: Run<T, T, LcmI<T>>(l, a, b, d, 16); break;
            default: BinaryCompare<T>(op, l, a, b, d, dtype); break;
        }
    }

    private void BinaryCompare<T>(BinaryOp op, StridedLayout l, nint a, nint b, nint d,
        DType dtype) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case BinaryOp.Equal: Run<T, byte, EqK<T>>(l, a, b, d); break;
            case BinaryOp.NotEqual: Run<T, byte, NeK<T>>(l, a, b, d); break;
            case BinaryOp.Less: Run<T, byte, LtK<T>>(l, a, b, d); break;
            case BinaryOp.LessEqual: Run<T, byte, LeK<T>>(l, a, b, d); break;
            case BinaryOp.Greater: Run<T, byte, GtK<T>>(l, a, b, d); break;
            case BinaryOp.GreaterEqual: Run<T, byte, GeK<T>>(l, a, b, d); break;
            case BinaryOp.LogicalAnd: Run<T, byte, LAndK<T>>(l, a, b, d); break;
            case BinaryOp.LogicalOr: Run<T, byte, LOrK<T>>(l, a, b, d); break;
            case BinaryOp.LogicalXor: Run<T, byte, LXorK<T>>(l, a, b, d); break;
            default: throw Unsupported(op.ToString(), dtype);
        }
    }

    /// <summary>Bool operands are bytes holding 0 or 1: arithmetic follows NumPy (+ is or, * is and).</summary>
    private void BinaryBool(BinaryOp op, StridedLayout l, nint a, nint b, nint d)
    {
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Maximum or BinaryOp.Fmax or BinaryOp.BitwiseOr: Run<byte, byte, OrI<byte>>(l,
                a, b, d); break;
            case BinaryOp.Multiply or BinaryOp.Minimum or BinaryOp.Fmin or BinaryOp.BitwiseAnd: Run<byte, byte,
                AndI<byte>>(l, a, b, d); break;
            case BinaryOp.BitwiseXor: Run<byte, byte, XorI<byte>>(l, a, b, d); break;
            case BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or
                BinaryOp.GreaterEqual
                or BinaryOp.LogicalAnd or BinaryOp.LogicalOr or BinaryOp.LogicalXor:
                BinaryCompare<byte>(op, l, a, b, d, DType.Bool); break;
            default: throw Unsupported(op.ToString(), DType.Bool);
        }
    }

    private void BinaryComplex(BinaryOp op, StridedLayout l, nint a, nint b, nint d)
    {
        switch (op)
        {
            case BinaryOp.Add: Run<Complex, Complex, CAdd>(l, a, b, d); break;
            case BinaryOp.Subtract: Run<Complex, Complex, CSub>(l, a, b, d); break;
            case BinaryOp.Multiply: Run<Complex, Complex, CMul>(l, a, b, d); break;
            case BinaryOp.Divide: Run<Complex, Complex, CDiv>(l, a, b, d); break;
            case BinaryOp.Power: Run<Complex, Complex, CPow>(l, a, b, d, 8); break;
            case BinaryOp.Equal: Run<Complex, byte, CEq>(l, a, b, d); break;
            case BinaryOp.NotEqual: Run<Complex, byte, CNe>(l, a, b, d); break;
            case BinaryOp.LogicalAnd: Run<Complex, byte, LAndK<Complex>>(l, a, b, d); break;
            case BinaryOp.LogicalOr: Run<Complex, byte, LOrK<Complex>>(l, a, b, d); break;
            case BinaryOp.LogicalXor: Run<Complex, byte, LXorK<Complex>>(l, a, b, d); break;
            default: throw Unsupported(op.ToString(), DType.Complex128);
        }
    }

    /// <inheritdoc/>
    public void Unary(UnaryOp op, LocalTensor x, LocalTensor destination)
    {
        if (!OpRegistry.Defined(op, x.DType)) throw Unsupported(op.ToString(), x.DType);
        if (F16.AnyHalf(x, destination)) { F16.Unary(this, op, x, destination); return; }
        var l = StridedLayout.Create(x, destination);
        nint px = x.HostPointer, pd = destination.HostPointer;
        if (x.DType.Code != DTypeCode.Complex64) { UnaryPtr(op, x.DType, l, px, pd); return; }
        using var wide = this.Copy(x, DType.Complex128);
        var wideType = destination.DType == DType.Float32 ? DType.Float64 : destination.DType ==
            DType.Complex64 ? DType.Complex128 : destination.DType;
        using var wd = Empty(destination.Shape, wideType);
        Unary(op, wide, wd);
        Copy(wd, destination);
    }

    /// <summary>A unary op over raw pointers (every dtype but complex64 and half precision).</summary>
    internal void UnaryPtr(UnaryOp op, DType dtype, StridedLayout l, nint px, nint pd)
    {
        switch (dtype.Code)
        {
            case DTypeCode.Bool: UnaryBool(op, l, px, pd); break;
            case DTypeCode.UInt8: UnaryInt<byte>(op, l, px, pd, dtype); break;
            case DTypeCode.Int8: UnaryInt<sbyte>(op, l, px, pd, dtype); break;
            case DTypeCode.Int16: UnaryInt<short>(op, l, px, pd, dtype); break;
            case DTypeCode.Int32: UnaryInt<int>(op, l, px, pd, dtype); break;
            case DTypeCode.Int64: UnaryInt<long>(op, l, px, pd, dtype); break;
            case DTypeCode.Float32: UnaryFloat<float>(op, l, px, pd); break;
            case DTypeCode.Float64: UnaryFloat<double>(op, l, px, pd); break;
            case DTypeCode.Complex128: UnaryComplex(op, l, px, pd); break;
            default: throw Unsupported(op.ToString(), dtype);
        }
    }

    private void UnaryFloat<T>(UnaryOp op, StridedLayout l, nint x, nint d) where T : unmanaged,
        IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case UnaryOp.Negative: RunUnary<T, T, NegativeF<T>>(l, x, d); break;
            case UnaryOp.Abs: RunUnary<T, T, AbsF<T>>(l, x, d); break;
            case UnaryOp.Sign: RunUnary<T, T, SignF<T>>(l, x, d); break;
            case UnaryOp.Square: RunUnary<T, T, SquareF<T>>(l, x, d); break;
            case UnaryOp.Sqrt: RunUnary<T, T, SqrtF<T>>(l, x, d); break;
            case UnaryOp.Cbrt: RunUnary<T, T, CbrtF<T>>(l, x, d, 8); break;
            case UnaryOp.Reciprocal: RunUnary<T, T, ReciprocalF<T>>(l, x, d); break;
            case UnaryOp.Exp: RunUnary<T, T, ExpF<T>>(l, x, d, 4); break;
            case UnaryOp.Expm1: RunUnary<T, T, Expm1F<T>>(l, x, d, 8); break;
            case UnaryOp.Exp2: RunUnary<T, T, Exp2F<T>>(l, x, d, 8); break;
            case UnaryOp.Log: RunUnary<T, T, LogF<T>>(l, x, d, 4); break;
            case UnaryOp.Log2: RunUnary<T, T, Log2F<T>>(l, x, d, 4); break;
            case UnaryOp.Log10: RunUnary<T, T, Log10F<T>>(l, x, d, 8); break;
            case UnaryOp.Log1p: RunUnary<T, T, Log1pF<T>>(l, x, d, 8); break;
            case UnaryOp.Sin: RunUnary<T, T, SinF<T>>(l, x, d, 8); break;
            case UnaryOp.Cos: RunUnary<T, T, CosF<T>>(l, x, d, 8); break;
            case UnaryOp.Tan: RunUnary<T, T, TanF<T>>(l, x, d, 8); break;
            case UnaryOp.Asin: RunUnary<T, T, AsinF<T>>(l, x, d, 8); break;
            case UnaryOp.Acos: RunUnary<T, T, AcosF<T>>(l, x, d, 8); break;
            case UnaryOp.Atan: RunUnary<T, T, AtanF<T>>(l, x, d, 8); break;
            case UnaryOp.Sinh: RunUnary<T, T, SinhF<T>>(l, x, d, 8); break;
            case UnaryOp.Cosh: RunUnary<T, T, CoshF<T>>(l, x, d, 8); break;
            case UnaryOp.Tanh: RunUnary<T, T, TanhF<T>>(l, x, d, 8); break;
            case UnaryOp.Asinh: RunUnary<T, T, AsinhF<T>>(l, x, d, 8); break;
            case UnaryOp.Acosh: RunUnary<T, T, AcoshF<T>>(l, x, d, 8); break;
            case UnaryOp.Atanh: RunUnary<T, T, AtanhF<T>>(l, x, d, 8); break;
            case UnaryOp.Floor: RunUnary<T, T, FloorF<T>>(l, x, d); break;
            case UnaryOp.Ceil: RunUnary<T, T, CeilF<T>>(l, x, d); break;
            case UnaryOp.Trunc: RunUnary<T, T, TruncF<T>>(l, x, d); break;
            case UnaryOp.Round: RunUnary<T, T, RoundF<T>>(l, x, d); break;
            case UnaryOp.LogicalNot: RunUnary<T, byte, LogicalNotK<T>>(l, x, d); break;
            case UnaryOp.IsNan: RunUnary<T, byte, IsNanF<T>>(l, x, d); break;
            case UnaryOp.IsInf: RunUnary<T, byte, IsInfF<T>>(l, x, d); break;
            case UnaryOp.IsPosInf: RunUnary<T, byte, IsPosInfF<T>>(l, x, d); break;
            case UnaryOp.IsNegInf: RunUnary<T, byte, IsNegInfF<T>>(l, x, d); break;
            case UnaryOp.IsFinite: RunUnary<T, byte, IsFiniteF<T>>(l, x, d); break;
            case UnaryOp.SignBit: RunUnary<T, byte, SignBitF<T>>(l, x, d); break;
            case UnaryOp.Conj or UnaryOp.Real: RunUnary<T, T, CopyK<T>>(l, x, d); break;
            case UnaryOp.Imag: RunUnary<T, T, ImagF<T>>(l, x, d); break;
            case UnaryOp.Angle: RunUnary<T, T, AngleF<T>>(l, x, d); break;
            default: throw Unsupported(op.ToString(), DType.Of<T>());
        }
    }

    private void UnaryInt<T>(UnaryOp op, StridedLayout l, nint x, nint d, DType dtype) where T : unmanaged,
        IBinaryInteger<T>
    {
        switch (op)
        {
            case UnaryOp.Negative: RunUnary<T, T, NegativeI<T>>(l, x, d); break;
            case UnaryOp.Abs: RunUnary<T, T, AbsI<T>>(l, x, d); break;
            case UnaryOp.Sign: RunUnary<T, T, SignI<T>>(l, x, d); break;
            case UnaryOp.Square: RunUnary<T, T, SquareI<T>>(l, x, d); break;
            case UnaryOp.BitwiseNot: RunUnary<T, T, NotI<T>>(l, x, d); break;
            case UnaryOp.Floor or UnaryOp.Ceil or UnaryOp.Trunc or UnaryOp.Round or UnaryOp.Conj or UnaryOp.Real:
                RunUnary<T, T, CopyK<T>>(l, x, d); break;
            case UnaryOp.Imag: RunUnary<T, T, ZeroK<T>>(l, x, d); break;
            case UnaryOp.LogicalNot: RunUnary<T, byte, LogicalNotK<T>>(l, x, d); break;
            case UnaryOp.IsNan or UnaryOp.IsInf or UnaryOp.IsPosInf or UnaryOp.IsNegInf: RunUnary<T, byte,
                ConstK<T>>(l, x, d); break;
            case UnaryOp.IsFinite: RunUnary<T, byte, OneK<T>>(l, x, d); break;
            case UnaryOp.SignBit: RunUnary<T, byte, SignBitI<T>>(l, x, d); break;
            default: throw Unsupported(op.ToString(), dtype);
        }
    }

    private void UnaryBool(UnaryOp op, StridedLayout l, nint x, nint d)
    {
        switch (op)
        {
            case UnaryOp.Abs or UnaryOp.Sign or UnaryOp.Square or UnaryOp.Floor or UnaryOp.Ceil or UnaryOp.Trunc or
                UnaryOp.Round
                or UnaryOp.Conj or UnaryOp.Real:
                RunUnary<byte, byte, CopyK<byte>>(l, x, d); break;
            case UnaryOp.Imag: RunUnary<byte, byte, ZeroK<byte>>(l, x, d); break;
            case UnaryOp.BitwiseNot or UnaryOp.LogicalNot: RunUnary<byte, byte, LogicalNotK<byte>>(l, x, d); break;
            case UnaryOp.IsNan or UnaryOp.IsInf or UnaryOp.IsPosInf or UnaryOp.IsNegInf or UnaryOp.SignBit:
                RunUnary<byte, byte, ConstK<byte>>(l, x, d); break;
            case UnaryOp.IsFinite: RunUnary<byte, byte, OneK<byte>>(l, x, d); break;
            default: throw Unsupported(op.ToString(), DType.Bool);
        }
    }

    private void UnaryComplex(UnaryOp op, StridedLayout l, nint x, nint d)
    {
        switch (op)
        {
            case UnaryOp.Negative: RunUnary<Complex, Complex, CUn<CNeg>>(l, x, d); break;
            case UnaryOp.Abs: RunUnary<Complex, double, CAbs>(l, x, d); break;
            case UnaryOp.Square: RunUnary<Complex, Complex, CUn<CSquare>>(l, x, d); break;
            case UnaryOp.Sqrt: RunUnary<Complex, Complex, CUn<CSqrt>>(l, x, d); break;
            case UnaryOp.Reciprocal: RunUnary<Complex, Complex, CUn<CRecip>>(l, x, d); break;
            case UnaryOp.Exp: RunUnary<Complex, Complex, CUn<CExp>>(l, x, d); break;
            case UnaryOp.Log: RunUnary<Complex, Complex, CUn<CLog>>(l, x, d); break;
            case UnaryOp.Log10: RunUnary<Complex, Complex, CUn<CLog10>>(l, x, d); break;
            case UnaryOp.Sin: RunUnary<Complex, Complex, CUn<CSin>>(l, x, d); break;
            case UnaryOp.Cos: RunUnary<Complex, Complex, CUn<CCos>>(l, x, d); break;
            case UnaryOp.Tan: RunUnary<Complex, Complex, CUn<CTan>>(l, x, d); break;
            case UnaryOp.Sinh: RunUnary<Complex, Complex, CUn<CSinh>>(l, x, d); break;
            case UnaryOp.Cosh: RunUnary<Complex, Complex, CUn<CCosh>>(l, x, d); break;
            case UnaryOp.Tanh: RunUnary<Complex, Complex, CUn<CTanh>>(l, x, d); break;
            case UnaryOp.Conj: RunUnary<Complex, Complex, CUn<CConj>>(l, x, d); break;
            case UnaryOp.Real: RunUnary<Complex, double, CReal>(l, x, d); break;
            case UnaryOp.Imag: RunUnary<Complex, double, CImag>(l, x, d); break;
            case UnaryOp.Angle: RunUnary<Complex, double, CAngle>(l, x, d); break;
            case UnaryOp.LogicalNot: RunUnary<Complex, byte, LogicalNotK<Complex>>(l, x, d); break;
            case UnaryOp.IsNan: RunUnary<Complex, byte, CIsNan>(l, x, d); break;
            case UnaryOp.IsInf: RunUnary<Complex, byte, CIsInf>(l, x, d); break;
            case UnaryOp.IsFinite: RunUnary<Complex, byte, CIsFinite>(l, x, d); break;
            default: throw Unsupported(op.ToString(), DType.Complex128);
        }
    }
}
