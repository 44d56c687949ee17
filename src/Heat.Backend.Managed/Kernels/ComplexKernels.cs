// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Backend.Managed.Kernels;

// complex128 kernels; complex64 is computed through complex128.
internal readonly struct CAdd : IBinaryKernel<Complex, Complex> { public static Complex Apply(Complex a, Complex b) => a + b; }
internal readonly struct CSub : IBinaryKernel<Complex, Complex> { public static Complex Apply(Complex a, Complex b) => a - b; }
internal readonly struct CMul : IBinaryKernel<Complex, Complex> { public static Complex Apply(Complex a, Complex b) => a * b; }
internal readonly struct CDiv : IBinaryKernel<Complex, Complex> { public static Complex Apply(Complex a, Complex b) => a / b; }
internal readonly struct CPow : IBinaryKernel<Complex, Complex> { public static Complex Apply(Complex a, Complex b) => b == Complex.Zero ? Complex.One : Complex.Pow(a, b); }
internal readonly struct CEq : IBinaryKernel<Complex, byte> { public static byte Apply(Complex a, Complex b) => a == b ? (byte)1 : (byte)0; }
internal readonly struct CNe : IBinaryKernel<Complex, byte> { public static byte Apply(Complex a, Complex b) => a != b ? (byte)1 : (byte)0; }

internal interface IComplexFunc { static abstract Complex F(Complex z); }
internal readonly struct CUn<TF> : IUnaryKernel<Complex, Complex> where TF : IComplexFunc { public static Complex Apply(Complex z) => TF.F(z); }
internal readonly struct CNeg : IComplexFunc { public static Complex F(Complex z) => -z; }
internal readonly struct CSquare : IComplexFunc { public static Complex F(Complex z) => z * z; }
internal readonly struct CSqrt : IComplexFunc { public static Complex F(Complex z) => Complex.Sqrt(z); }
internal readonly struct CRecip : IComplexFunc { public static Complex F(Complex z) => Complex.One / z; }
internal readonly struct CExp : IComplexFunc { public static Complex F(Complex z) => Complex.Exp(z); }
internal readonly struct CLog : IComplexFunc { public static Complex F(Complex z) => Complex.Log(z); }
internal readonly struct CLog10 : IComplexFunc { public static Complex F(Complex z) => Complex.Log10(z); }
internal readonly struct CSin : IComplexFunc { public static Complex F(Complex z) => Complex.Sin(z); }
internal readonly struct CCos : IComplexFunc { public static Complex F(Complex z) => Complex.Cos(z); }
internal readonly struct CTan : IComplexFunc { public static Complex F(Complex z) => Complex.Tan(z); }
internal readonly struct CSinh : IComplexFunc { public static Complex F(Complex z) => Complex.Sinh(z); }
internal readonly struct CCosh : IComplexFunc { public static Complex F(Complex z) => Complex.Cosh(z); }
internal readonly struct CTanh : IComplexFunc { public static Complex F(Complex z) => Complex.Tanh(z); }
internal readonly struct CConj : IComplexFunc { public static Complex F(Complex z) => Complex.Conjugate(z); }
internal readonly struct CAbs : IUnaryKernel<Complex, double> { public static double Apply(Complex z) => Complex.Abs(z); }
internal readonly struct CReal : IUnaryKernel<Complex, double> { public static double Apply(Complex z) => z.Real; }
internal readonly struct CImag : IUnaryKernel<Complex, double> { public static double Apply(Complex z) => z.Imaginary; }
internal readonly struct CAngle : IUnaryKernel<Complex, double> { public static double Apply(Complex z) => Math.Atan2(z.Imaginary, z.Real); }
internal readonly struct CIsNan : IUnaryKernel<Complex, byte> { public static byte Apply(Complex z) => double.IsNaN(z.Real) || double.IsNaN(z.Imaginary) ? (byte)1 : (byte)0; }
internal readonly struct CIsInf : IUnaryKernel<Complex, byte> { public static byte Apply(Complex z) => double.IsInfinity(z.Real) || double.IsInfinity(z.Imaginary) ? (byte)1 : (byte)0; }
internal readonly struct CIsFinite : IUnaryKernel<Complex, byte> { public static byte Apply(Complex z) => double.IsFinite(z.Real) && double.IsFinite(z.Imaginary) ? (byte)1 : (byte)0; }
