// SPDX-License-Identifier: MIT
// Views of caller memory as ATen tensors (input, Output), scalars and casts; the copy, fill and arange exports.
#include "hts_common.h"

#include <limits>

namespace hts {

namespace {

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

}  // namespace

at::ScalarType scalar_type(int32_t code) {
  switch (code) {
    case Bool: return at::kBool;
    case UInt8: return at::kByte;
    case Int8: return at::kChar;
    case Int16: return at::kShort;
    case Int32: return at::kInt;
    case Int64: return at::kLong;
    case Float16: return at::kHalf;
    case Float32: return at::kFloat;
    case Float64: return at::kDouble;
    case Complex64: return at::kComplexFloat;
    case Complex128: return at::kComplexDouble;
    default: throw InvalidArgument("unknown dtype code " + std::to_string(code));
  }
}

at::Device device_of(int32_t device) {
  return device < 0 ? at::Device(at::kCPU) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(device));
}

at::TensorOptions options_of(const hts_tensor& d) {
  return at::TensorOptions().dtype(scalar_type(d.dtype)).device(device_of(d.device));
}

int64_t numel_of(const hts_tensor& d) {
  int64_t n = 1;
  for (int i = 0; i < d.ndim; i++) n *= d.sizes[i];
  return n;
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

Output::Output(const hts_tensor& d, bool initialise) : sizes_(d.sizes, d.sizes + d.ndim) {
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

void Output::finish() {
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

at::Scalar scalar_of(const void* bytes, at::ScalarType t) {
  switch (t) {
    case at::kBool: return at::Scalar(*static_cast<const uint8_t*>(bytes) != 0);
    case at::kByte: return at::Scalar(static_cast<int64_t>(*static_cast<const uint8_t*>(bytes)));
    case at::kChar: return at::Scalar(static_cast<int64_t>(*static_cast<const int8_t*>(bytes)));
    case at::kShort: return at::Scalar(static_cast<int64_t>(*static_cast<const int16_t*>(bytes)));
    case at::kInt: return at::Scalar(static_cast<int64_t>(*static_cast<const int32_t*>(bytes)));
    case at::kLong: return at::Scalar(*static_cast<const int64_t*>(bytes));
    case at::kHalf: return at::Scalar(static_cast<double>(*static_cast<const c10::Half*>(bytes)));
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

namespace {

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

}  // namespace

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

[[noreturn]] void unsupported(const char* what, at::ScalarType t) {
  throw NotSupported(std::string(what) + " is not implemented for " + c10::toString(t));
}

}  // namespace hts

using namespace hts;

extern "C" {

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

}  // extern "C"
