/* SPDX-License-Identifier: MIT */
/* Generated from the C# enums by src/Heat.Backend.Torch/Interop/ShimOpHeader.cs: do not edit. ShimOpHeaderTests
   fails when this file and the enums disagree (HEAT_WRITE_SHIM_HEADER=1 makes it rewrite the file). Each list is
   X(name, code) in code order; family k of hts_op_name is the k-th list. */
#ifndef HTS_OPS_H
#define HTS_OPS_H

/* DTypeCode */
#define HTS_DTYPES(X) \
  X(Bool, 0) \
  X(UInt8, 1) \
  X(Int8, 2) \
  X(Int16, 3) \
  X(Int32, 4) \
  X(Int64, 5) \
  X(Float16, 6) \
  X(Float32, 7) \
  X(Float64, 8) \
  X(Complex64, 9) \
  X(Complex128, 10)

/* BinaryOp */
#define HTS_BINARY_OPS(X) \
  X(Add, 0) \
  X(Subtract, 1) \
  X(Multiply, 2) \
  X(Divide, 3) \
  X(FloorDivide, 4) \
  X(Remainder, 5) \
  X(Fmod, 6) \
  X(Power, 7) \
  X(Minimum, 8) \
  X(Maximum, 9) \
  X(Fmin, 10) \
  X(Fmax, 11) \
  X(Atan2, 12) \
  X(Hypot, 13) \
  X(CopySign, 14) \
  X(BitwiseAnd, 15) \
  X(BitwiseOr, 16) \
  X(BitwiseXor, 17) \
  X(LeftShift, 18) \
  X(RightShift, 19) \
  X(Equal, 20) \
  X(NotEqual, 21) \
  X(Less, 22) \
  X(LessEqual, 23) \
  X(Greater, 24) \
  X(GreaterEqual, 25) \
  X(LogicalAnd, 26) \
  X(LogicalOr, 27) \
  X(LogicalXor, 28) \
  X(Gcd, 29) \
  X(Lcm, 30)

/* UnaryOp */
#define HTS_UNARY_OPS(X) \
  X(Negative, 0) \
  X(Abs, 1) \
  X(Sign, 2) \
  X(Square, 3) \
  X(Sqrt, 4) \
  X(Cbrt, 5) \
  X(Reciprocal, 6) \
  X(Exp, 7) \
  X(Expm1, 8) \
  X(Exp2, 9) \
  X(Log, 10) \
  X(Log2, 11) \
  X(Log10, 12) \
  X(Log1p, 13) \
  X(Sin, 14) \
  X(Cos, 15) \
  X(Tan, 16) \
  X(Asin, 17) \
  X(Acos, 18) \
  X(Atan, 19) \
  X(Sinh, 20) \
  X(Cosh, 21) \
  X(Tanh, 22) \
  X(Asinh, 23) \
  X(Acosh, 24) \
  X(Atanh, 25) \
  X(Floor, 26) \
  X(Ceil, 27) \
  X(Trunc, 28) \
  X(Round, 29) \
  X(BitwiseNot, 30) \
  X(LogicalNot, 31) \
  X(IsNan, 32) \
  X(IsInf, 33) \
  X(IsPosInf, 34) \
  X(IsNegInf, 35) \
  X(IsFinite, 36) \
  X(SignBit, 37) \
  X(Conj, 38) \
  X(Real, 39) \
  X(Imag, 40) \
  X(Angle, 41)

/* ReduceKind */
#define HTS_REDUCE_KINDS(X) \
  X(Sum, 0) \
  X(Prod, 1) \
  X(Min, 2) \
  X(Max, 3) \
  X(LAnd, 4) \
  X(LOr, 5) \
  X(BAnd, 6) \
  X(BOr, 7) \
  X(BXor, 8) \
  X(User, 9)

/* ArgReduceKind */
#define HTS_ARGREDUCE_KINDS(X) \
  X(ArgMin, 0) \
  X(ArgMax, 1)

#endif
