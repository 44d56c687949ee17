// SPDX-License-Identifier: MIT
// The distance capability of the Torch backend: the local blocks of cdist (the ring algorithms stay in Heat.Core) as
// ATen calls: matmul-based expansion or at::cdist, clamp, sqrt, exp. Runs on the CPU or on CUDA alike.
#include "hts_distances.h"
#include "hts_common.h"

#include <ATen/ATen.h>

#include <stdexcept>
#include <string>

namespace {

thread_local std::string t_cdist_error;

enum Metric { Euclidean = 0, Rbf = 1, Manhattan = 2 };

// Heat's DTypeCode, numbered by hts_ops.h.
at::ScalarType float_type(int32_t code) {
  if (code == hts::Float32) return at::kFloat;
  if (code == hts::Float64) return at::kDouble;
  throw std::invalid_argument("cdist needs float32 or float64 operands, got dtype code " + std::to_string(code));
}

// A view of caller memory (non-negative strides; the caller stages anything else).
at::Tensor view_of(const hts_tensor& t) {
  auto opts = at::TensorOptions().dtype(float_type(t.dtype));
  opts = opts.device(t.device < 0 ? at::Device(at::kCPU) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(t.device)));
  at::IntArrayRef sizes(t.sizes, t.ndim), strides(t.strides, t.ndim);
  for (int i = 0; i < t.ndim; i++)
    if (strides[i] < 0) throw std::invalid_argument("cdist operands need non-negative strides");
  if (t.ndim != 2) throw std::invalid_argument("cdist operands are 2-d");
  if (sizes[0] == 0 || sizes[1] == 0) return at::empty(sizes, opts);
  return at::from_blob(t.data, sizes, strides, opts);
}

// Squared Euclidean distances (quadratic expansion or exact), or the distances themselves for euclidean/manhattan
// in exact form; `squared` says which came back.
at::Tensor block(const at::Tensor& x, const at::Tensor& y, bool same, int32_t metric, bool quadratic, bool& squared) {
  if (metric == Manhattan) {
    squared = false;
    return at::cdist(x, y, 1.0);
  }
  if (quadratic) {
    squared = true;
    at::Tensor xx = (x * x).sum(1, /*keepdim=*/true);
    at::Tensor yy = same ? xx : (y * y).sum(1, /*keepdim=*/true);
    at::Tensor d = at::mm(x, y.t());
    d.mul_(-2).add_(xx).add_(yy.t()).clamp_min_(0);
    return d;
  }
  // compute_mode 2: never through matmul (exact differences).
  at::Tensor d = at::cdist(x, y, 2.0, /*compute_mode=*/2);
  if (metric == Euclidean) {
    squared = false;
    return d;
  }
  squared = true;
  return d.mul_(d);
}

void run(const hts_tensor* x, const hts_tensor* y, const hts_tensor* destination, const hts_tensor* mirror, int32_t metric,
         bool quadratic, double sigma) {
  if (metric < Euclidean || metric > Manhattan) throw std::invalid_argument("unknown metric " + std::to_string(metric));
  at::Tensor xt = view_of(*x), dt = view_of(*destination);
  bool same = y == nullptr;
  at::Tensor yt = same ? xt : view_of(*y);
  if (xt.size(0) == 0 || yt.size(0) == 0) return;
  bool squared = false;
  at::Tensor r = block(xt, yt, same, metric, quadratic, squared);
  if (same) r.fill_diagonal_(0);
  if (squared) {
    if (metric == Euclidean) r.sqrt_();
    else r.mul_(-1 / (2 * sigma * sigma)).exp_();
  }
  if (same) r = r.triu() + r.triu(1).t();  // exactly symmetric: the upper triangle mirrored
  dt.copy_(r);
  if (mirror != nullptr) view_of(*mirror).copy_(r.t());
}

}  // namespace

extern "C" {

int32_t hts_cdist(const hts_tensor* x, const hts_tensor* y, const hts_tensor* destination, const hts_tensor* mirror,
                  int32_t metric, int32_t quadratic, double sigma) {
  try {
    int32_t threads = 0;
    hts_get_num_threads(&threads);  // applies the shim's thread count on this thread (as every hts_ call does)
    run(x, y, destination, mirror, metric, quadratic != 0, sigma);
    return HTS_OK;
  } catch (const std::invalid_argument& e) {
    t_cdist_error = e.what();
    return HTS_INVALID_ARGUMENT;
  } catch (const c10::Error& e) {
    t_cdist_error = e.what_without_backtrace();
    return HTS_ERROR;
  } catch (const std::exception& e) {
    t_cdist_error = e.what();
    return HTS_ERROR;
  } catch (...) {
    t_cdist_error = "unknown C++ exception";
    return HTS_ERROR;
  }
}

const char* hts_cdist_last_error(void) { return t_cdist_error.c_str(); }

}  // extern "C"
