// SPDX-License-Identifier: MIT
// Internal to the shim (not part of the C ABI): what every hts_*.cpp shares. Views of caller memory as ATen tensors
// (input, Output), the error guard every export runs its body in, dtype/device mapping and the op numbering of
// hts_ops.h (generated from the C# enums). Semantics follow Heat's managed backend (NumPy's): where ATen differs the op
// is composed from ATen calls that give Heat's result. Only ATen is included, so one source builds against a CPU or a
// CUDA libtorch; CUDA is reached through ATen's hooks.
#ifndef HTS_COMMON_H
#define HTS_COMMON_H

#include "heat_torch.h"
#include "hts_ops.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace hts {

inline thread_local std::string t_error;
inline std::atomic<int> g_threads{0};
inline thread_local int t_threads = 0;

struct NotSupported : std::runtime_error { using std::runtime_error::runtime_error; };
struct InvalidArgument : std::runtime_error { using std::runtime_error::runtime_error; };

#define HTS_ENUM_ITEM(name, code) name = code,
#define HTS_REDUCE_ITEM(name, code) R##name = code,
enum DT { HTS_DTYPES(HTS_ENUM_ITEM) };
enum BinOp { HTS_BINARY_OPS(HTS_ENUM_ITEM) };
enum UnOp { HTS_UNARY_OPS(HTS_ENUM_ITEM) };
enum RedOp { HTS_REDUCE_KINDS(HTS_REDUCE_ITEM) };
enum ArgOp { HTS_ARGREDUCE_KINDS(HTS_ENUM_ITEM) };
#undef HTS_ENUM_ITEM
#undef HTS_REDUCE_ITEM

at::ScalarType scalar_type(int32_t code);
at::Device device_of(int32_t device);
at::TensorOptions options_of(const hts_tensor& d);
int64_t numel_of(const hts_tensor& d);

inline bool is_integral(at::ScalarType t) { return at::isIntegralType(t, /*includeBool=*/false); }
inline bool is_signed_integral(at::ScalarType t) { return is_integral(t) && t != at::kByte; }
inline int bits_of(at::ScalarType t) { return static_cast<int>(c10::elementSize(t) * 8); }

inline void ensure_threads() {
  int want = g_threads.load(std::memory_order_relaxed);
  if (want > 0 && t_threads != want) {
    at::set_num_threads(want);  // OpenMP keeps the count per calling thread: set it on each rank's thread
    t_threads = want;
  }
}

// Runs an export's body: exceptions become a status, their message waits in t_error for hts_last_error.
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

[[noreturn]] void unsupported(const char* what, at::ScalarType t);

// An input view as a tensor: negative strides are reflected and the view materialised by flip (ATen has no negative
// strides); memory not aligned to the element size is copied.
at::Tensor input(const hts_tensor& d);

// A destination view. Ops write into target(); when the view has negative or zero (broadcast) strides, target() is a
// contiguous temporary that finish() writes back (zero-stride dimensions receive their last element, as a sequential loop).
class Output {
 public:
  explicit Output(const hts_tensor& d, bool initialise = false);

  bool empty() const { return empty_; }
  at::Tensor& target() { return target_; }
  at::ScalarType dtype() const { return target_.scalar_type(); }

  void finish();

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

// One element of dtype t from 16 bytes.
at::Scalar scalar_of(const void* bytes, at::ScalarType t);

// Copies src into out, converting with .NET's saturating float -> integer semantics.
void copy_into(const at::Tensor& src, Output& out);

inline at::Tensor as_byte_if_bool(const at::Tensor& t) { return t.scalar_type() == at::kBool ? t.to(at::kByte) : t; }

}  // namespace hts

#endif
