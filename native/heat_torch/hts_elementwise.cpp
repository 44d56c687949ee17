// SPDX-License-Identifier: MIT
// Element-wise ops: unary, binary (tensor and scalar operands) and where.
#include "hts_common.h"

namespace hts {
namespace {

void binary_into(int32_t op, const at::Tensor& a, const at::Tensor& b, Output& out) {
  at::Tensor& o = out.target();
  const at::ScalarType t = a.scalar_type();
  const bool integral = is_integral(t), boolean = t == at::kBool;
  switch (op) {
    case Add: boolean ? at::bitwise_or_out(o, a, b) : at::add_out(o, a, b); break;
    case Subtract: at::sub_out(o, a, b); break;
    case Multiply: boolean ? at::bitwise_and_out(o, a, b) : at::mul_out(o, a, b); break;
    case Divide: at::div_out(o, a, b); break;
    case FloorDivide:
    case Remainder:
    case Fmod:
      if (integral) {
        // ATen raises on division by zero and traps on MIN / -1: Heat gives 0 there (and -a for a // -1).
        at::Tensor zero = b == 0;
        at::Tensor minus_one = is_signed_integral(t) ? (b == -1) : at::zeros_like(zero);
        at::Tensor safe = b.masked_fill(zero.logical_or(minus_one), 1);
        at::Tensor r = op == FloorDivide ? at::div(a, safe, "floor") : op == Remainder ? at::remainder(a, safe) : at::fmod(a, safe);
        if (op == FloorDivide) r = at::where(minus_one, at::neg(a), r);
        else r.masked_fill_(minus_one, 0);
        r.masked_fill_(zero, 0);
        o.copy_(r);
      } else if (op == FloorDivide) {
        at::div_out(o, a, b, "floor");
      } else if (op == Remainder) {
        at::remainder_out(o, a, b);
      } else {
        at::fmod_out(o, a, b);
      }
      break;
    case Power:
      if (a.is_complex()) o.copy_(at::where(b == 0, at::ones_like(a), at::pow(a, b)));
      else at::pow_out(o, a, b);
      break;
    case Minimum:
    case Fmin:
      if (boolean) at::bitwise_and_out(o, a, b);
      else if (op == Fmin && at::isFloatingType(t)) at::fmin_out(o, a, b);
      else at::minimum_out(o, a, b);
      break;
    case Maximum:
    case Fmax:
      if (boolean) at::bitwise_or_out(o, a, b);
      else if (op == Fmax && at::isFloatingType(t)) at::fmax_out(o, a, b);
      else at::maximum_out(o, a, b);
      break;
    case Atan2: at::atan2_out(o, a, b); break;
    case Hypot: at::hypot_out(o, a, b); break;
    case CopySign: at::copysign_out(o, a, b); break;
    case Gcd: at::gcd_out(o, a, b); break;
    case Lcm: at::lcm_out(o, a, b); break;
    case BitwiseAnd: at::bitwise_and_out(o, a, b); break;
    case BitwiseOr: at::bitwise_or_out(o, a, b); break;
    case BitwiseXor: at::bitwise_xor_out(o, a, b); break;
    case LeftShift:
    case RightShift: {
      // ATen shifts by counts >= the width are undefined: clamp them and give 0 (or the sign for >>) as Heat does.
      const int bits = bits_of(t);
      const bool is_signed = is_signed_integral(t);
      at::Tensor large = is_signed ? (b < 0).logical_or(b >= bits) : (b >= bits);
      at::Tensor count = is_signed ? b.clamp(0, bits - 1) : b.clamp_max(bits - 1);
      at::Tensor r;
      if (op == LeftShift) {
        r = at::bitwise_left_shift(a, count).masked_fill_(large, 0);
      } else if (is_signed) {
        r = at::bitwise_right_shift(a, count.masked_fill(large, bits - 1));
      } else {
        r = at::bitwise_right_shift(a, count).masked_fill_(large, 0);
      }
      o.copy_(r);
      break;
    }
    case Equal: at::eq_out(o, a, b); break;
    case NotEqual: at::ne_out(o, a, b); break;
    case Less: at::lt_out(o, as_byte_if_bool(a), as_byte_if_bool(b)); break;
    case LessEqual: at::le_out(o, as_byte_if_bool(a), as_byte_if_bool(b)); break;
    case Greater: at::gt_out(o, as_byte_if_bool(a), as_byte_if_bool(b)); break;
    case GreaterEqual: at::ge_out(o, as_byte_if_bool(a), as_byte_if_bool(b)); break;
    case LogicalAnd: at::logical_and_out(o, a, b); break;
    case LogicalOr: at::logical_or_out(o, a, b); break;
    case LogicalXor: at::logical_xor_out(o, a, b); break;
    default: throw InvalidArgument("unknown binary op " + std::to_string(op));
  }
  out.finish();
}

void unary_real_into(int32_t op, const at::Tensor& x, Output& out) {
  at::Tensor& o = out.target();
  const at::ScalarType t = x.scalar_type();
  const bool fl = at::isFloatingType(t), boolean = t == at::kBool;
  switch (op) {
    case Negative: at::neg_out(o, x); break;
    case Abs: boolean ? (void)o.copy_(x) : (void)at::abs_out(o, x); break;
    case Sign:
      if (boolean) o.copy_(x);
      else if (fl) o.copy_(at::where(at::isnan(x), x, at::sign(x)));
      else at::sign_out(o, x);
      break;
    case Square: boolean ? (void)o.copy_(x) : (void)at::mul_out(o, x, x); break;
    case Sqrt: at::sqrt_out(o, x); break;
    case Cbrt: o.copy_(at::copysign(at::pow(at::abs(x), 1.0 / 3.0), x)); break;
    case Reciprocal: at::reciprocal_out(o, x); break;
    case Exp: at::exp_out(o, x); break;
    case Expm1: at::expm1_out(o, x); break;
    case Exp2: at::exp2_out(o, x); break;
    case Log: at::log_out(o, x); break;
    case Log2: at::log2_out(o, x); break;
    case Log10: at::log10_out(o, x); break;
    case Log1p: at::log1p_out(o, x); break;
    case Sin: at::sin_out(o, x); break;
    case Cos: at::cos_out(o, x); break;
    case Tan: at::tan_out(o, x); break;
    case Asin: at::asin_out(o, x); break;
    case Acos: at::acos_out(o, x); break;
    case Atan: at::atan_out(o, x); break;
    case Sinh: at::sinh_out(o, x); break;
    case Cosh: at::cosh_out(o, x); break;
    case Tanh: at::tanh_out(o, x); break;
    case Asinh: at::asinh_out(o, x); break;
    case Acosh: at::acosh_out(o, x); break;
    case Atanh: at::atanh_out(o, x); break;
    case Floor: fl ? (void)at::floor_out(o, x) : (void)o.copy_(x); break;
    case Ceil: fl ? (void)at::ceil_out(o, x) : (void)o.copy_(x); break;
    case Trunc: fl ? (void)at::trunc_out(o, x) : (void)o.copy_(x); break;
    case Round: fl ? (void)at::round_out(o, x) : (void)o.copy_(x); break;
    case BitwiseNot: boolean ? (void)at::logical_not_out(o, x) : (void)at::bitwise_not_out(o, x); break;
    case LogicalNot: at::logical_not_out(o, x); break;
    case IsNan: fl ? (void)o.copy_(at::isnan(x)) : (void)o.fill_(false); break;
    case IsInf: fl ? (void)o.copy_(at::isinf(x)) : (void)o.fill_(false); break;
    case IsPosInf: fl ? (void)at::isposinf_out(o, x) : (void)o.fill_(false); break;
    case IsNegInf: fl ? (void)at::isneginf_out(o, x) : (void)o.fill_(false); break;
    case IsFinite: fl ? (void)o.copy_(at::isfinite(x)) : (void)o.fill_(true); break;
    case SignBit:
      if (fl) at::signbit_out(o, x);
      else if (is_signed_integral(t)) at::lt_out(o, x, 0);
      else o.fill_(false);
      break;
    case Conj:
    case Real: o.copy_(x); break;
    case Imag: o.fill_(0); break;
    case Angle: o.copy_(at::atan2(at::zeros_like(x), x)); break;
    default: throw InvalidArgument("unknown unary op " + std::to_string(op));
  }
  out.finish();
}

void unary_complex_into(int32_t op, const at::Tensor& x, Output& out) {
  at::Tensor& o = out.target();
  switch (op) {
    case Negative: at::neg_out(o, x); break;
    case Abs: o.copy_(at::abs(x)); break;
    case Square: at::mul_out(o, x, x); break;
    case Sqrt: at::sqrt_out(o, x); break;
    case Reciprocal: o.copy_(at::reciprocal(x)); break;
    case Exp: at::exp_out(o, x); break;
    case Log: at::log_out(o, x); break;
    case Log10: at::log10_out(o, x); break;
    case Sin: at::sin_out(o, x); break;
    case Cos: at::cos_out(o, x); break;
    case Tan: at::tan_out(o, x); break;
    case Sinh: at::sinh_out(o, x); break;
    case Cosh: at::cosh_out(o, x); break;
    case Tanh: at::tanh_out(o, x); break;
    case Conj: o.copy_(at::conj_physical(x)); break;
    case Real: o.copy_(at::real(x)); break;
    case Imag: o.copy_(at::imag(x)); break;
    case Angle: o.copy_(at::angle(x)); break;
    case LogicalNot: at::logical_not_out(o, x); break;
    case IsNan: o.copy_(at::isnan(x)); break;
    case IsInf: o.copy_(at::isinf(x)); break;
    case IsFinite: o.copy_(at::isfinite(x)); break;
    default: unsupported("this unary op", x.scalar_type());
  }
  out.finish();
}
}  // namespace
}  // namespace hts

using namespace hts;

extern "C" {

int32_t hts_unary(int32_t op, const hts_tensor* x, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor xt = input(*x);
    if (xt.is_complex()) unary_complex_into(op, xt, out);
    else unary_real_into(op, xt, out);
  });
}

int32_t hts_binary(int32_t op, const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination, /*initialise=*/false);
    if (out.empty()) return;
    binary_into(op, input(*a), input(*b), out);
  });
}

int32_t hts_binary_scalar(int32_t op, const hts_tensor* a, const void* scalar, int32_t scalar_first, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor at_ = input(*a);
    at::Tensor s = at::scalar_tensor(scalar_of(scalar, at_.scalar_type()), at_.options()).expand(at_.sizes());
    if (scalar_first) binary_into(op, s, at_, out);
    else binary_into(op, at_, s, out);
  });
}

int32_t hts_where(const hts_tensor* condition, const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::where_out(out.target(), input(*condition), input(*a), input(*b));
    out.finish();
  });
}

}  // extern "C"
