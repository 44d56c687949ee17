// SPDX-License-Identifier: MIT
// The libtorch shim of Heat.Backend.Torch. Semantics follow Heat's managed backend (NumPy's): where ATen differs
// (integer division by 0 or -1, large shift counts, sign of NaN, saturating float -> int casts, reductions ATen lacks)
// the op is composed from ATen calls that give Heat's result. Only ATen is included, so one source builds against a CPU
// or a CUDA libtorch; CUDA is reached through ATen's hooks.
#include "heat_torch.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#if __has_include(<torch/version.h>)
#include <torch/version.h>
#endif

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

thread_local std::string t_error;
std::atomic<int> g_threads{0};
thread_local int t_threads = 0;

struct NotSupported : std::runtime_error { using std::runtime_error::runtime_error; };
struct InvalidArgument : std::runtime_error { using std::runtime_error::runtime_error; };

// Heat's DTypeCode order.
enum DT { Bool, UInt8, Int8, Int16, Int32, Int64, Float32, Float64, Complex64, Complex128 };

// Heat's BinaryOp order.
enum BinOp {
  Add, Subtract, Multiply, Divide, FloorDivide, Remainder, Fmod, Power, Minimum, Maximum, Fmin, Fmax, Atan2, Hypot,
  CopySign, BitwiseAnd, BitwiseOr, BitwiseXor, LeftShift, RightShift, Equal, NotEqual, Less, LessEqual, Greater,
  GreaterEqual, LogicalAnd, LogicalOr, LogicalXor
};

// Heat's UnaryOp order.
enum UnOp {
  Negative, Abs, Sign, Square, Sqrt, Cbrt, Reciprocal, Exp, Expm1, Exp2, Log, Log2, Log10, Log1p, Sin, Cos, Tan, Asin,
  Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh, Floor, Ceil, Trunc, Round, BitwiseNot, LogicalNot, IsNan, IsInf,
  IsPosInf, IsNegInf, IsFinite, SignBit, Conj, Real, Imag, Angle
};

// Heat's ReduceKind order.
enum RedOp { RSum, RProd, RMin, RMax, RLAnd, RLOr, RBAnd, RBOr, RBXor };

at::ScalarType scalar_type(int32_t code) {
  static const at::ScalarType map[] = {at::kBool, at::kByte, at::kChar, at::kShort, at::kInt, at::kLong,
                                       at::kFloat, at::kDouble, at::kComplexFloat, at::kComplexDouble};
  if (code < 0 || code > 9) throw InvalidArgument("unknown dtype code " + std::to_string(code));
  return map[code];
}

at::Device device_of(int32_t device) {
  return device < 0 ? at::Device(at::kCPU) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(device));
}

at::TensorOptions options_of(const hts_tensor& d) {
  return at::TensorOptions().dtype(scalar_type(d.dtype)).device(device_of(d.device));
}

bool is_integral(at::ScalarType t) { return at::isIntegralType(t, /*includeBool=*/false); }
bool is_signed_integral(at::ScalarType t) { return is_integral(t) && t != at::kByte; }
int bits_of(at::ScalarType t) { return static_cast<int>(c10::elementSize(t) * 8); }

void ensure_threads() {
  int want = g_threads.load(std::memory_order_relaxed);
  if (want > 0 && t_threads != want) {
    at::set_num_threads(want);  // OpenMP keeps the count per calling thread: set it on each rank's thread
    t_threads = want;
  }
}

template <class F>
int32_t guard(F&& body) {
  try {
    ensure_threads();
    body();
    return HTS_OK;
  } catch (const NotSupported& e) {
    t_error = e.what();
    return HTS_NOT_SUPPORTED;
  } catch (const InvalidArgument& e) {
    t_error = e.what();
    return HTS_INVALID_ARGUMENT;
  } catch (const c10::Error& e) {
    t_error = e.what_without_backtrace();
    return HTS_ERROR;
  } catch (const std::exception& e) {
    t_error = e.what();
    return HTS_ERROR;
  } catch (...) {
    t_error = "unknown C++ exception";
    return HTS_ERROR;
  }
}

int64_t numel_of(const hts_tensor& d) {
  int64_t n = 1;
  for (int i = 0; i < d.ndim; i++) n *= d.sizes[i];
  return n;
}

// An input view: negative strides are reflected and the view materialised by flip (ATen has no negative strides).
bool misaligned(const void* p, int64_t item) { return reinterpret_cast<uintptr_t>(p) % static_cast<uintptr_t>(item) != 0; }

// A byte view of a strided view (one trailing dimension for the bytes of an element): reads and writes memory that is
// not aligned to the element size (host buffers from the caller), which ATen's vectorised kernels require.
at::Tensor byte_view(char* p, at::DimVector sizes, at::DimVector strides, int64_t item, at::Device device) {
  for (auto& s : strides) s *= item;
  sizes.push_back(item);
  strides.push_back(1);
  return at::from_blob(p, sizes, strides, at::TensorOptions().dtype(at::kByte).device(device));
}

// A contiguous tensor of shape sizes + [item] bytes, seen as elements of dtype with the given shape.
at::Tensor bytes_as(const at::Tensor& bytes, at::ScalarType dtype, at::IntArrayRef sizes) {
  return bytes.contiguous().reshape({-1}).view(dtype).reshape(sizes);
}

at::Tensor input(const hts_tensor& d) {
  // Small vectors: no heap allocation for up to 5 dimensions (this runs for every operand of every op).
  at::DimVector sizes(d.sizes, d.sizes + d.ndim), strides(d.strides, d.strides + d.ndim), flips;
  auto opts = options_of(d);
  if (numel_of(d) == 0) return at::empty(sizes, opts);
  char* p = static_cast<char*>(d.data);
  const int64_t item = static_cast<int64_t>(c10::elementSize(scalar_type(d.dtype)));
  if (misaligned(p, item)) {
    at::Tensor bytes = byte_view(p, sizes, strides, item, device_of(d.device)).clone(at::MemoryFormat::Contiguous);
    return bytes_as(bytes, scalar_type(d.dtype), sizes);
  }
  for (int i = 0; i < d.ndim; i++) {
    if (strides[i] >= 0) continue;
    if (sizes[i] > 1) {
      p += (sizes[i] - 1) * strides[i] * item;
      flips.push_back(i);
    }
    strides[i] = -strides[i];
  }
  at::Tensor t = at::from_blob(p, sizes, strides, opts);
  return flips.empty() ? t : t.flip(flips);
}

// A destination view. Ops write into target(); when the view has negative or zero (broadcast) strides, target() is a
// contiguous temporary that finish() writes back (zero-stride dimensions receive their last element, as a sequential loop).
class Output {
 public:
  Output(const hts_tensor& d, bool initialise = false) : sizes_(d.sizes, d.sizes + d.ndim) {
    at::DimVector strides(d.strides, d.strides + d.ndim);
    auto opts = options_of(d);
    empty_ = numel_of(d) == 0;
    if (empty_) {
      target_ = at::empty(sizes_, opts);
      return;
    }
    char* p = static_cast<char*>(d.data);
    const int64_t item = static_cast<int64_t>(c10::elementSize(scalar_type(d.dtype)));
    if (misaligned(p, item)) {
      bytes_ = byte_view(p, sizes_, strides, item, device_of(d.device));
      target_ = at::empty(sizes_, opts);
      if (initialise) target_.copy_(bytes_as(bytes_, target_.scalar_type(), sizes_));
      return;
    }
    for (int i = 0; i < d.ndim; i++) {
      if (sizes_[i] <= 1) {
        if (strides[i] < 0) strides[i] = -strides[i];
        continue;
      }
      if (strides[i] < 0) {
        p += (sizes_[i] - 1) * strides[i] * item;
        strides[i] = -strides[i];
        flips_.push_back(i);
      } else if (strides[i] == 0) {
        zeros_.push_back(i);
      }
    }
    view_ = at::from_blob(p, sizes_, strides, opts);
    if (flips_.empty() && zeros_.empty()) {
      target_ = view_;
      return;
    }
    target_ = at::empty(sizes_, opts);
    if (initialise) target_.copy_(flips_.empty() ? view_ : view_.flip(flips_));
  }

  bool empty() const { return empty_; }
  at::Tensor& target() { return target_; }
  at::ScalarType dtype() const { return target_.scalar_type(); }

  void finish() {
    if (empty_ || target_.is_same(view_)) return;
    if (bytes_.defined()) {
      auto shape = bytes_.sizes().vec();
      bytes_.copy_(target_.contiguous().reshape({-1}).view(at::kByte).reshape(shape));
      return;
    }
    at::Tensor src = target_, dst = view_;
    for (int64_t z : zeros_) {
      src = src.narrow(z, sizes_[z] - 1, 1);
      dst = dst.narrow(z, 0, 1);
    }
    if (!flips_.empty()) src = src.flip(flips_);
    dst.copy_(src);
  }

  // Writes a computed tensor of the destination's shape (any dtype) into the destination.
  void assign(const at::Tensor& value) {
    target_.copy_(value);
    finish();
  }

 private:
  at::DimVector sizes_, flips_, zeros_;
  at::Tensor view_, target_, bytes_;
  bool empty_ = false;
};

at::Scalar scalar_of(const void* bytes, at::ScalarType t) {
  switch (t) {
    case at::kBool: return at::Scalar(*static_cast<const uint8_t*>(bytes) != 0);
    case at::kByte: return at::Scalar(static_cast<int64_t>(*static_cast<const uint8_t*>(bytes)));
    case at::kChar: return at::Scalar(static_cast<int64_t>(*static_cast<const int8_t*>(bytes)));
    case at::kShort: return at::Scalar(static_cast<int64_t>(*static_cast<const int16_t*>(bytes)));
    case at::kInt: return at::Scalar(static_cast<int64_t>(*static_cast<const int32_t*>(bytes)));
    case at::kLong: return at::Scalar(*static_cast<const int64_t*>(bytes));
    case at::kFloat: return at::Scalar(static_cast<double>(*static_cast<const float*>(bytes)));
    case at::kDouble: return at::Scalar(*static_cast<const double*>(bytes));
    case at::kComplexFloat: {
      auto f = static_cast<const float*>(bytes);
      return at::Scalar(c10::complex<double>(f[0], f[1]));
    }
    default: {
      auto f = static_cast<const double*>(bytes);
      return at::Scalar(c10::complex<double>(f[0], f[1]));
    }
  }
}

// ---------------------------------------------------------------------------------------------- casts

// C-cast conversion with .NET's saturating float -> integer semantics (NaN -> 0, out of range -> the nearest limit).
at::Tensor saturate_to_integer(const at::Tensor& x, at::ScalarType to) {
  at::Tensor v = x.is_complex() ? at::real(x) : x;
  v = v.to(at::kDouble).nan_to_num(0.0);  // NaN -> 0; infinities become the largest doubles, clamped below
  if (to == at::kLong) {
    const double two63 = 9223372036854775808.0;
    at::Tensor hi = v >= two63, lo = v <= -two63;
    at::Tensor r = v.clamp(-9223372036854774784.0, 9223372036854774784.0).trunc().to(at::kLong);
    r.masked_fill_(hi, std::numeric_limits<int64_t>::max());
    r.masked_fill_(lo, std::numeric_limits<int64_t>::min());
    return r;
  }
  double lo, hi;
  switch (to) {
    case at::kByte: lo = 0; hi = 255; break;
    case at::kChar: lo = -128; hi = 127; break;
    case at::kShort: lo = -32768; hi = 32767; break;
    default: lo = -2147483648.0; hi = 2147483647.0; break;
  }
  return v.clamp(lo, hi).trunc().to(to);
}

void copy_into(const at::Tensor& src, Output& out) {
  at::ScalarType from = src.scalar_type(), to = out.dtype();
  if (from == to) {
    out.assign(src);
  } else if (at::isFloatingType(from) || at::isComplexType(from)) {
    if (to == at::kBool) out.assign(src != 0);
    else if (is_integral(to)) out.assign(saturate_to_integer(src, to));
    else if (at::isComplexType(from) && !at::isComplexType(to)) out.assign(at::real(src));
    else out.assign(src);
  } else {
    out.assign(src);
  }
}

// ---------------------------------------------------------------------------------------------- element-wise

[[noreturn]] void unsupported(const char* what, at::ScalarType t) {
  throw NotSupported(std::string(what) + " is not implemented for " + c10::toString(t));
}

at::Tensor as_byte_if_bool(const at::Tensor& t) { return t.scalar_type() == at::kBool ? t.to(at::kByte) : t; }

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

// ---------------------------------------------------------------------------------------------- reductions

// x with its reduced dimensions moved last and merged: shape kept + [R].
at::Tensor flatten_reduced(const at::Tensor& x, const std::vector<int64_t>& axes) {
  std::vector<int64_t> perm, kept;
  std::vector<bool> reduced(x.dim(), false);
  for (int64_t a : axes) reduced[a] = true;
  int64_t r = 1;
  for (int64_t d = 0; d < x.dim(); d++) {
    if (!reduced[d]) {
      perm.push_back(d);
      kept.push_back(x.size(d));
    }
  }
  for (int64_t d = 0; d < x.dim(); d++) {
    if (reduced[d]) {
      perm.push_back(d);
      r *= x.size(d);
    }
  }
  kept.push_back(r);
  return x.permute(perm).reshape(kept);
}

// Bitwise reduction of the last dimension by pairwise halving (ATen has no bitwise reductions).
at::Tensor bitwise_reduce_last(at::Tensor y, int32_t op, const at::Scalar& identity) {
  int64_t n = y.size(-1);
  if (n == 0) {
    auto shape = y.sizes().vec();
    shape.back() = 1;
    return at::full(shape, identity, y.options());
  }
  while (n > 1) {
    int64_t half = n / 2;
    at::Tensor lo = y.narrow(-1, 0, half), hi = y.narrow(-1, half, half);
    at::Tensor c = op == RBAnd ? at::bitwise_and(lo, hi) : op == RBOr ? at::bitwise_or(lo, hi) : at::bitwise_xor(lo, hi);
    if (n % 2 == 1) c = at::cat({c, y.narrow(-1, n - 1, 1)}, -1);
    y = c;
    n = y.size(-1);
  }
  return y;
}


// ---------------------------------------------------------------------------------------------- CPU row kernels
// ATen's float32 sums with a float64 accumulator go through a slow casting loop, and its var_mean is a scalar Welford;
// these two kernels give the managed backend's accuracy at memory speed on the CPU (other devices use ATen).

template <class T>
double sum_span(const T* p, int64_t n) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    a0 += p[i]; a1 += p[i + 1]; a2 += p[i + 2]; a3 += p[i + 3];
    a4 += p[i + 4]; a5 += p[i + 5]; a6 += p[i + 6]; a7 += p[i + 7];
  }
  for (; i < n; i++) a0 += p[i];
  return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

struct MomentsAcc {
  double n = 0, mean = 0, m2 = 0;
  void merge(double bn, double bmean, double bm2) {
    if (bn == 0) return;
    if (n == 0) { n = bn; mean = bmean; m2 = bm2; return; }
    double total = n + bn, delta = bmean - mean;
    mean += delta * (bn / total);
    m2 += bm2 + delta * delta * (n * bn / total);
    n = total;
  }
};

// Blocks of 2048 in cache: the block mean, then the squared deviations from it (compensated), merged by Chan's formula.
template <class T>
MomentsAcc moments_span(const T* p, int64_t n) {
  MomentsAcc acc;
  constexpr int64_t block = 2048;
  for (int64_t start = 0; start < n; start += block) {
    int64_t len = std::min(block, n - start);
    const T* q = p + start;
    double mean = sum_span(q, len) / static_cast<double>(len);
    double m0 = 0, m1 = 0, c0 = 0, c1 = 0;
    int64_t i = 0;
    for (; i + 2 <= len; i += 2) {
      double d0 = q[i] - mean, d1 = q[i + 1] - mean;
      m0 += d0 * d0; m1 += d1 * d1; c0 += d0; c1 += d1;
    }
    for (; i < len; i++) { double d = q[i] - mean; m0 += d * d; c0 += d; }
    double c = c0 + c1;
    acc.merge(static_cast<double>(len), mean, (m0 + m1) - c * c / static_cast<double>(len));
  }
  return acc;
}

// Applies f(row pointer, length) -> R to each row of a contiguous [K, n] block, threads over rows or within long rows.
template <class T, class R, class F, class Merge>
void for_rows(const T* p, int64_t rows, int64_t n, R* out, F f, Merge merge) {
  const int64_t threads = at::get_num_threads();
  if (rows >= threads || n < (int64_t{1} << 16)) {
    at::parallel_for(0, rows, std::max<int64_t>(1, (int64_t{1} << 15) / std::max<int64_t>(1, n)), [&](int64_t b, int64_t e) {
      for (int64_t r = b; r < e; r++) out[r] = f(p + r * n, n);
    });
    return;
  }
  const int64_t chunks = std::min<int64_t>(threads * 4, n >> 15);
  std::vector<R> partial(static_cast<size_t>(chunks));
  for (int64_t r = 0; r < rows; r++) {
    const T* row = p + r * n;
    at::parallel_for(0, chunks, 1, [&](int64_t b, int64_t e) {
      for (int64_t c = b; c < e; c++) {
        int64_t lo = n * c / chunks, hi = n * (c + 1) / chunks;
        partial[static_cast<size_t>(c)] = f(row + lo, hi - lo);
      }
    });
    R total = partial[0];
    for (int64_t c = 1; c < chunks; c++) merge(total, partial[static_cast<size_t>(c)]);
    out[r] = total;
  }
}

// Sums over the reduced axes in double (CPU, float32/float64 input): a tensor of the kept shape.
at::Tensor cpu_sum_double(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x, axes).contiguous();
  const int64_t n = y.size(-1);
  auto kept = y.sizes().vec();
  kept.pop_back();
  int64_t rows = 1;
  for (int64_t k : kept) rows *= k;
  at::Tensor out = at::empty({rows}, y.options().dtype(at::kDouble));
  double* o = out.data_ptr<double>();
  if (n == 0) {
    out.zero_();
  } else if (y.scalar_type() == at::kFloat) {
    for_rows(y.data_ptr<float>(), rows, n, o, [](const float* q, int64_t len) { return sum_span(q, len); }, [](double& a, double b) { a += b; });
  } else {
    for_rows(y.data_ptr<double>(), rows, n, o, [](const double* q, int64_t len) { return sum_span(q, len); }, [](double& a, double b) { a += b; });
  }
  return out.view(kept);
}

// Mean and M2 over the reduced axes in double (CPU; other dtypes are converted to float64 first).
std::pair<at::Tensor, at::Tensor> cpu_moments(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x.scalar_type() == at::kFloat || x.scalar_type() == at::kDouble ? x : x.to(at::kDouble), axes).contiguous();
  const int64_t n = y.size(-1), rows = y.numel() / std::max<int64_t>(1, n);
  auto kept = y.sizes().vec();
  kept.pop_back();
  std::vector<MomentsAcc> acc(static_cast<size_t>(rows));
  auto merge = [](MomentsAcc& a, const MomentsAcc& b) { a.merge(b.n, b.mean, b.m2); };
  if (y.scalar_type() == at::kFloat)
    for_rows(y.data_ptr<float>(), rows, n, acc.data(), [](const float* q, int64_t len) { return moments_span(q, len); }, merge);
  else
    for_rows(y.data_ptr<double>(), rows, n, acc.data(), [](const double* q, int64_t len) { return moments_span(q, len); }, merge);
  at::Tensor mean = at::empty({rows}, y.options().dtype(at::kDouble)), m2 = at::empty({rows}, y.options().dtype(at::kDouble));
  double* pm = mean.data_ptr<double>();
  double* pq = m2.data_ptr<double>();
  for (int64_t r = 0; r < rows; r++) {
    pm[r] = acc[static_cast<size_t>(r)].mean;
    pq[r] = acc[static_cast<size_t>(r)].m2;
  }
  return {mean.view(kept), m2.view(kept)};
}

at::Scalar extreme(at::ScalarType t, bool max) {
  switch (t) {
    case at::kBool: return at::Scalar(max);
    case at::kByte: return at::Scalar(static_cast<int64_t>(max ? 255 : 0));
    case at::kChar: return at::Scalar(static_cast<int64_t>(max ? 127 : -128));
    case at::kShort: return at::Scalar(static_cast<int64_t>(max ? 32767 : -32768));
    case at::kInt: return at::Scalar(static_cast<int64_t>(max ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min()));
    case at::kLong: return at::Scalar(max ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min());
    default: return at::Scalar(max ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity());
  }
}

void reduce_into(int32_t op, const at::Tensor& x, const std::vector<int64_t>& axes, Output& out) {
  const at::ScalarType t = x.scalar_type(), dt = out.dtype();
  const bool native_dims = !axes.empty();  // ATen reads an empty dim list as "all dimensions"
  int64_t count = 1;
  for (int64_t a : axes) count *= x.size(a);
  at::Tensor& o = out.target();
  auto kept_shape = o.sizes();
  switch (op) {
    case RSum:
      if (t == at::kBool && dt == at::kBool) {
        out.assign(flatten_reduced(x, axes).any(-1).view(kept_shape));
      } else if (at::isFloatingType(dt) || at::isComplexType(dt)) {
        if (x.is_complex() && !at::isComplexType(dt)) unsupported("reduction sum into a real dtype", t);
        // Accumulate float32 in double, as the managed backend does (ATen's float32 cascade loses digits on cancellation).
        const at::ScalarType acc = dt == at::kFloat ? at::kDouble : dt == at::kComplexFloat ? at::kComplexDouble : dt;
        if (!native_dims) out.assign(x);
        else if (x.is_cpu() && t == at::kFloat && at::isFloatingType(dt)) out.assign(cpu_sum_double(x, axes).view(kept_shape));
        else if (acc == dt) { at::sum_out(o, x, axes, true, dt); out.finish(); }
        else out.assign(at::sum(x, axes, true, acc));
      } else {
        at::Tensor s = native_dims ? at::sum(x, axes, true, at::kLong) : x.to(at::kLong);
        out.assign(s);
      }
      break;
    case RProd: {
      if (x.is_complex() && !at::isComplexType(dt)) unsupported("reduction prod into a real dtype", t);
      at::Tensor y = flatten_reduced(x, axes);
      if (t == at::kBool && dt == at::kBool) {
        out.assign(y.all(-1).view(kept_shape));
      } else {
        at::ScalarType acc = at::isComplexType(dt) ? at::kComplexDouble : at::isFloatingType(dt) ? at::kDouble : at::kLong;
        out.assign(at::prod(y, -1, false, acc).view(kept_shape));
      }
      break;
    }
    case RMin:
    case RMax: {
      if (x.is_complex()) unsupported(op == RMin ? "reduction min" : "reduction max", t);
      if (count == 0) {
        o.fill_(extreme(t, op == RMin));
        out.finish();
      } else if (t == at::kBool) {
        at::Tensor y = flatten_reduced(x, axes);
        out.assign((op == RMin ? y.all(-1) : y.any(-1)).view(kept_shape));
      } else if (!native_dims) {
        out.assign(x);
      } else if (dt == t) {
        op == RMin ? (void)at::amin_out(o, x, axes, true) : (void)at::amax_out(o, x, axes, true);
        out.finish();
      } else {
        out.assign(op == RMin ? at::amin(x, axes, true) : at::amax(x, axes, true));
      }
      break;
    }
    case RLAnd:
    case RLOr: {
      at::Tensor y = flatten_reduced(t == at::kBool ? x : (x != 0), axes);
      out.assign((op == RLAnd ? y.all(-1) : y.any(-1)).view(kept_shape));
      break;
    }
    case RBAnd:
    case RBOr:
    case RBXor: {
      if (!is_integral(t) && t != at::kBool) unsupported(op == RBAnd ? "reduction band" : op == RBOr ? "reduction bor" : "reduction bxor", t);
      at::Scalar identity = op == RBAnd ? (t == at::kBool ? at::Scalar(true) : t == at::kByte ? at::Scalar(static_cast<int64_t>(255)) : at::Scalar(static_cast<int64_t>(-1)))
                                        : (t == at::kBool ? at::Scalar(false) : at::Scalar(static_cast<int64_t>(0)));
      out.assign(bitwise_reduce_last(flatten_reduced(x, axes), op, identity).view(kept_shape));
      break;
    }
    default: throw NotSupported("reduction " + std::to_string(op) + " is not implemented");
  }
}

std::vector<int64_t> axes_of(const int32_t* axes, int32_t naxes, int64_t ndim) {
  std::vector<bool> seen(ndim, false);
  std::vector<int64_t> r;
  for (int i = 0; i < naxes; i++) {
    int64_t a = axes[i] < 0 ? axes[i] + ndim : axes[i];
    if (a < 0 || a >= ndim) throw InvalidArgument("axis " + std::to_string(axes[i]) + " is out of range for " + std::to_string(ndim) + " dimensions");
    if (!seen[a]) r.push_back(a);
    seen[a] = true;
  }
  std::sort(r.begin(), r.end());
  return r;
}

// ---------------------------------------------------------------------------------------------- matmul

at::Tensor matmul_value(const at::Tensor& a, const at::Tensor& b, at::IntArrayRef out_shape) {
  const int64_t nd = static_cast<int64_t>(out_shape.size());
  const int64_t m = out_shape[nd - 2], n = out_shape[nd - 1], k = a.size(-1);
  std::vector<int64_t> batch(out_shape.begin(), out_shape.end() - 2);
  std::vector<int64_t> ashape = batch, bshape = batch;
  ashape.push_back(m); ashape.push_back(k);
  bshape.push_back(k); bshape.push_back(n);
  at::Tensor av = a.expand(ashape), bv = b.expand(bshape);
  const bool boolean = a.scalar_type() == at::kBool;
  if (boolean) {
    // OR of ANDs: a float32 product of 0/1 values is positive exactly when some term is 1.
    av = av.to(at::kFloat);
    bv = bv.to(at::kFloat);
  }
  at::Tensor r;
  if (batch.empty()) {
    r = at::mm(av, bv);
  } else {
    r = at::bmm(av.reshape({-1, m, k}), bv.reshape({-1, k, n})).view(out_shape);
  }
  return boolean ? (r > 0) : r;
}

}  // namespace

extern "C" {

int32_t hts_abi_version(void) { return HTS_ABI_VERSION; }

const char* hts_last_error(void) { return t_error.c_str(); }

int32_t hts_version(char* buffer, int32_t length) {
  return guard([&] {
#ifdef TORCH_VERSION
    std::string v = TORCH_VERSION;
#else
    std::string v = "unknown";
#endif
    v += at::hasCUDA() ? " (CUDA)" : " (CPU)";
    if (buffer && length > 0) {
      std::strncpy(buffer, v.c_str(), static_cast<size_t>(length) - 1);
      buffer[length - 1] = 0;
    }
  });
}

int32_t hts_cuda_device_count(int32_t* count) {
  return guard([&] { *count = at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0; });
}

int32_t hts_set_num_threads(int32_t threads) {
  return guard([&] {
    if (threads < 1) throw InvalidArgument("threads must be >= 1");
    g_threads.store(threads);
    t_threads = 0;
    ensure_threads();
    // OpenBLAS (behind libtorch's CPU matmul) runs its own threads. libtorch was loaded locally, so look the function
    // up in the BLAS libraries it pulled in.
    using SetThreads = void (*)(int);
    for (const char* name : {"libopenblas.so.0", "libblas.so.3"}) {
      void* lib = dlopen(name, RTLD_LAZY | RTLD_NOLOAD);
      if (!lib) continue;
      auto f = reinterpret_cast<SetThreads>(dlsym(lib, "openblas_set_num_threads"));
      if (f) f(threads);
      dlclose(lib);
      if (f) break;
    }
  });
}

int32_t hts_get_num_threads(int32_t* threads) {
  return guard([&] { *threads = at::get_num_threads(); });
}

int32_t hts_alloc(int64_t bytes, int32_t device, hts_storage** storage, void** data) {
  return guard([&] {
    if (bytes < 0) throw InvalidArgument("negative allocation size");
    if (device >= 0 && !at::hasCUDA()) throw NotSupported("this libtorch has no CUDA; only the CPU is available");
    auto t = new at::Tensor(at::empty({std::max<int64_t>(bytes, 1)}, at::TensorOptions().dtype(at::kByte).device(device_of(device))));
    *storage = reinterpret_cast<hts_storage*>(t);
    *data = t->data_ptr();
  });
}

void hts_free(hts_storage* storage) {
  try {
    delete reinterpret_cast<at::Tensor*>(storage);
  } catch (...) {
  }
}

int32_t hts_synchronize(int32_t device) {
  return guard([&] {
    if (device >= 0 && at::hasCUDA()) at::detail::getCUDAHooks().deviceSynchronize(device);
  });
}

int32_t hts_copy(const hts_tensor* source, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    copy_into(input(*source), out);
  });
}

int32_t hts_fill(const hts_tensor* destination, const void* value) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    out.target().fill_(scalar_of(value, out.dtype()));
    out.finish();
  });
}

int32_t hts_arange(const hts_tensor* destination, int32_t integral, int64_t start, int64_t step, double fstart, double fstep) {
  return guard([&] {
    if (destination->ndim != 1) throw InvalidArgument("arange needs a 1-d destination");
    Output out(*destination);
    if (out.empty()) return;
    const int64_t n = destination->sizes[0];
    auto opts = at::TensorOptions().device(device_of(destination->device));
    at::Tensor v = integral ? at::arange(n, opts.dtype(at::kLong)).mul_(step).add_(start)
                            : at::arange(n, opts.dtype(at::kDouble)).mul_(fstep).add_(fstart);
    copy_into(v, out);
  });
}

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

int32_t hts_reduce(int32_t op, const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor xt = input(*x);
    reduce_into(op, xt, axes_of(axes, naxes, xt.dim()), out);
  });
}

int32_t hts_argreduce(int32_t kind, const hts_tensor* x, int32_t axis, const hts_tensor* values, const hts_tensor* indices) {
  return guard([&] {
    Output vals(*values), idx(*indices);
    if (vals.empty() && idx.empty()) return;
    at::Tensor xt = input(*x);
    if (xt.is_complex()) unsupported(kind == 0 ? "ArgMin" : "ArgMax", xt.scalar_type());
    if (idx.dtype() != at::kLong) throw NotSupported("arg reductions write int64 indices");
    if (xt.dim() == 0) {
      copy_into(xt, vals);
      idx.target().fill_(0);
      idx.finish();
      return;
    }
    int64_t ax = axis < 0 ? axis + xt.dim() : axis;
    if (ax < 0 || ax >= xt.dim()) throw InvalidArgument("axis " + std::to_string(axis) + " is out of range");
    if (xt.size(ax) == 0) throw InvalidArgument("arg reduction of an empty sequence along axis " + std::to_string(ax));
    at::Tensor y = as_byte_if_bool(xt);
    auto r = kind == 0 ? at::min(y, ax, true) : at::max(y, ax, true);
    copy_into(std::get<0>(r), vals);
    idx.assign(std::get<1>(r));
  });
}

int32_t hts_moments(const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* mean, const hts_tensor* m2) {
  return guard([&] {
    Output om(*mean), oq(*m2);
    if (om.empty() && oq.empty()) return;
    at::Tensor xt = input(*x);
    if (xt.is_complex()) unsupported("moments", xt.scalar_type());
    auto ax = axes_of(axes, naxes, xt.dim());
    int64_t count = 1;
    for (int64_t a : ax) count *= xt.size(a);
    if (ax.empty()) {
      copy_into(xt, om);
      oq.target().fill_(0);
      oq.finish();
      return;
    }
    if (count == 0) {
      om.target().fill_(std::numeric_limits<double>::quiet_NaN());
      om.finish();
      oq.target().fill_(std::numeric_limits<double>::quiet_NaN());
      oq.finish();
      return;
    }
    if (xt.is_cpu()) {
      auto [mean, m2] = cpu_moments(xt, ax);
      copy_into(mean.view(om.target().sizes()), om);
      copy_into(m2.view(oq.target().sizes()), oq);
      return;
    }
    // Other devices: ATen's Welford, accumulating in double.
    at::Tensor xd = xt.scalar_type() == at::kFloat && om.dtype() == at::kFloat ? xt : xt.to(at::kDouble);
    auto vm = at::var_mean(xd, ax, /*unbiased=*/false, /*keepdim=*/true);
    copy_into(std::get<1>(vm), om);
    copy_into(std::get<0>(vm).to(at::kDouble).mul_(static_cast<double>(count)), oq);
  });
}

int32_t hts_scan(int32_t op, const hts_tensor* x, int32_t axis, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor xt = input(*x);
    const at::ScalarType dt = out.dtype();
    at::Tensor xc = xt.scalar_type() == dt ? xt : xt.to(dt);
    if (xc.dim() == 0) {
      out.assign(xc);
      return;
    }
    int64_t ax = axis < 0 ? axis + xc.dim() : axis;
    if (ax < 0 || ax >= xc.dim()) throw InvalidArgument("axis " + std::to_string(axis) + " is out of range");
    if (dt == at::kBool) {
      at::Tensor y = xc.to(at::kByte);
      bool any = op == RSum || op == RMax || op == RLOr || op == RBOr;
      bool all = op == RProd || op == RMin || op == RLAnd || op == RBAnd;
      if (!any && !all) unsupported("this scan", dt);
      out.assign(std::get<0>(any ? at::cummax(y, ax) : at::cummin(y, ax)));
      return;
    }
    switch (op) {
      case RSum: at::cumsum_out(out.target(), xc, ax, dt); out.finish(); break;
      case RProd: at::cumprod_out(out.target(), xc, ax, dt); out.finish(); break;
      case RMin:
      case RMax:
        if (xc.is_complex()) unsupported(op == RMin ? "scan min" : "scan max", dt);
        out.assign(std::get<0>(op == RMin ? at::cummin(xc, ax) : at::cummax(xc, ax)));
        break;
      default: unsupported("this scan", dt);
    }
  });
}

int32_t hts_matmul(const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination, int32_t accumulate) {
  return guard([&] {
    Output out(*destination, /*initialise=*/accumulate != 0);
    if (out.empty()) return;
    at::Tensor at_ = input(*a), bt = input(*b);
    at::Tensor& o = out.target();
    if (at_.scalar_type() != at::kBool && o.dim() == 2 && at_.dim() == 2 && bt.dim() == 2) {
      if (accumulate) o.addmm_(at_, bt);
      else at::mm_out(o, at_, bt);
      out.finish();
      return;
    }
    at::Tensor r = matmul_value(at_, bt, o.sizes());
    if (!accumulate) o.copy_(r);
    else if (at_.scalar_type() == at::kBool) o.logical_or_(r);
    else o.add_(r);
    out.finish();
  });
}

}  // extern "C"
